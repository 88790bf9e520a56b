/**
 * Builds a notice's CompareDoc from its MDX body at build time: sections (src/compare/sections.ts),
 * each block segmented into words (src/text/segment.ts). Free of Astro, so the unit tests build
 * exactly what the pages and /compare/data/{id}.json get.
 */
import type { CompareDoc } from "./compare.ts";
import { noticeSections } from "./sections.ts";
import { segment } from "../text/segment.ts";

export async function buildCompareDoc(meta: Omit<CompareDoc, "sections">, body: string): Promise<CompareDoc> {
  return {
    ...meta,
    sections: (await noticeSections(body)).map((s) => ({
      key: s.key,
      kind: s.kind,
      label: s.label,
      ...(s.title ? { title: s.title } : {}),
      ...(s.anchor ? { anchor: s.anchor } : {}),
      blocks: s.blocks.map((b) => ({ k: b.kind, t: segment(b.text) })),
    })),
  };
}
