/**
 * A notice's 目录, from its own numbering: the top-level sections (一、 二、 …) and the
 * attachments, each with the sections one level below (（一） under 一、; an attachment's 一、 …).
 * Built from the one text model (src/text), so every entry links to the anchor the page has.
 *
 *   [{ type: "section", depth: 1, anchor: "s2", heading: "二、活动重点", content: [{ … "s2-1" … }] }]
 *     → [{ anchor: "s2", label: "二、活动重点", children: [{ anchor: "s2-1", label: "（一）…" }] }]
 */
import type { Block, SectionBlock } from "../schemas/api.ts";
import { numberingOf } from "../document/numbering.ts";

export interface TocEntry {
  anchor: string;
  label: string;
  children: TocEntry[];
}

function sections(blocks: readonly Block[]): SectionBlock[] {
  return blocks.filter((b): b is SectionBlock => b.type === "section");
}

function sectionEntry(section: SectionBlock, depth: number): TocEntry {
  return {
    anchor: section.anchor,
    label: section.heading,
    children: depth > 1 ? sections(section.content).map((s) => sectionEntry(s, depth - 1)) : [],
  };
}

/** The 目录 of a notice body: top-level sections and attachments, two levels deep. */
export function tableOfContents(blocks: readonly Block[]): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const block of blocks) {
    if (block.type === "section") entries.push(sectionEntry(block, 2));
    else if (block.type === "attachment") {
      const label = [block.label?.text ?? `附件${block.n}`, block.title?.text].filter(Boolean).join("　");
      entries.push({
        anchor: block.anchor,
        label,
        children: sections(block.content).map((s) => sectionEntry(s, 1)),
      });
    }
  }
  return entries;
}

/**
 * The sub-entries of an entry in a few characters: “（一）至（六）” from their own numbering, or
 * “4项” when they are not numbered.
 */
export function childrenSummary(entry: TocEntry): string {
  const first = entry.children[0];
  const last = entry.children.at(-1);
  if (!first || !last) return "";
  const a = numberingOf(first.label)?.marker.replace(/、$/, "");
  const b = numberingOf(last.label)?.marker.replace(/、$/, "");
  if (entry.children.length === 1) return a ?? "1项";
  return a && b ? `${a}至${b}` : `${entry.children.length}项`;
}
