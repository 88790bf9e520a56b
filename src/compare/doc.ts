/**
 * A notice as the comparison sees it (CompareDoc, also /compare/data/{id}.json): its text model
 * (src/text/blocks.ts) cut into sections — the document parts (版头, 主送, 署名 …), the opening
 * paragraphs, each first-level section (一、…), each attachment and any text after the parts —
 * and each block of a section segmented into words (src/text/segment.ts), sentence by sentence
 * (src/text/sentences.ts): a block carries its anchor and where its second, third … sentence
 * starts among its words, so the comparison aligns sentences and links each to its place. Keys and
 * anchors are the page's own permanent anchors, so a section of a comparison links to its place
 * on the page.
 *
 *   section s1 “一、活动主题” …        →  { key: "s1", kind: "body", label: "一、", title: "活动主题", blocks: […] }
 *   attachment a2 “附件2” / 口号 / 1. … →  { key: "a2", kind: "attachment", label: "附件2", title: "…口号", blocks: [li …] }
 *
 * Free of Astro, so the unit tests build exactly what the pages and the JSON get.
 */
import { numberingOf } from "../document/numbering.ts";
import { partLabel, partOfAnchor } from "../document/parts.ts";
import type { Block } from "../schemas/api.ts";
import { segment } from "../text/segment.ts";
import { splitSentences } from "../text/sentences.ts";
import type { BlockKind, CompareDoc, CompareSection } from "./compare.ts";

interface TextBlock {
  kind: BlockKind;
  /** Its sentences as printed (a heading is one), the block's text when joined. */
  sentences: string[];
  /** The block's anchor on the page. */
  anchor: string;
}

type Section = Omit<CompareSection, "blocks"> & { blocks: TextBlock[] };

/** Line breaks inside a block become spaces. */
function clean(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** A block's text cut by the one sentence rule, each sentence cleaned (a heading stays whole). */
function sentencesOf(text: string, whole: boolean): string[] {
  if (whole) return [clean(text)];
  const pieces = splitSentences(text);
  // A sentence that ended a line keeps a space before the next one, as the cleaned block had.
  return pieces.map((p, i) => `${clean(p)}${i < pieces.length - 1 && /\n\s*$/.test(p) ? " " : ""}`);
}

function textBlock(kind: BlockKind, anchor: string, text: string, prefix = ""): TextBlock {
  const sentences = sentencesOf(text, kind !== "p" && kind !== "li");
  if (prefix && sentences.length) sentences[0] = `${prefix}${sentences[0]}`;
  return { kind, anchor, sentences };
}

/**
 * The block's lines for comparison, in document order: headings as h2…h6 (by their place on the
 * page: `base` is the heading level of numbering depth 1 minus one), paragraphs, list items with
 * their printed number.
 */
function textBlocks(block: Block, base: number): TextBlock[] {
  switch (block.type) {
    case "title":
      return [textBlock("h2", block.anchor, block.text)];
    case "paragraph":
      return block.text ? [textBlock("p", block.anchor, block.text)] : [];
    case "list":
      return block.items.map((item) =>
        textBlock("li", item.anchor, item.text, item.number ? `${item.number} ` : ""),
      );
    case "section": {
      const level = Math.min(6, block.depth + base);
      return [
        textBlock(`h${level}` as BlockKind, block.anchor, block.heading),
        ...block.content.flatMap((b) => textBlocks(b, base)),
      ];
    }
    case "part":
    case "attachment":
      return block.content.flatMap((b) => textBlocks(b, base));
  }
}

/** A notice's sections for comparison (see the module comment). */
function sectionsOf(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let tails = 0;
  for (const block of blocks) {
    if (block.type === "part") {
      current = undefined;
      const part = partOfAnchor(block.part);
      // The web page's 公开信息 block describes the document; it is not its text.
      if (!part?.documentText) continue;
      const lines = textBlocks(block, 1);
      if (lines.length)
        sections.push({
          key: part.anchor,
          kind: "part",
          label: part.label,
          anchor: part.anchor,
          blocks: lines,
        });
      continue;
    }
    if (block.type === "attachment") {
      current = undefined;
      const section: Section = {
        key: block.anchor,
        kind: "attachment",
        label: `附件${block.n}`,
        anchor: block.anchor,
        blocks: [],
      };
      if (block.title) {
        section.title = clean(block.title.text);
        section.blocks.push(textBlock("h2", block.title.anchor, block.title.text));
      }
      section.blocks.push(...block.content.flatMap((b) => textBlocks(b, 2)));
      sections.push(section);
      continue;
    }
    if (block.type === "title") {
      sections.push({
        key: "title",
        kind: "part",
        label: partLabel("title")!,
        anchor: "title",
        blocks: textBlocks(block, 1),
      });
      continue;
    }
    if (block.type === "section" && block.depth === 1) {
      const heading = clean(block.heading);
      const numbering = numberingOf(heading);
      current = {
        key: block.anchor,
        kind: "body",
        label: numbering?.marker ?? "",
        title: numbering?.rest ?? heading,
        anchor: block.anchor,
        blocks: textBlocks(block, 1),
      };
      sections.push(current);
      continue;
    }
    const lines = textBlocks(block, 1);
    if (!lines.length) continue;
    if (!current) {
      const seenBody = sections.some((s) => s.kind === "body");
      // A list has no anchor of its own (its items have): the opening then starts at #p1.
      const first = block.type === "list" ? undefined : block.anchor;
      current = seenBody
        ? { key: `tail${++tails === 1 ? "" : `-${tails}`}`, kind: "tail", label: "其他文字", blocks: [] }
        : { key: "preamble", kind: "preamble", label: "开头", anchor: first ?? "p1", blocks: [] };
      if (sections.some((s) => s.key === current!.key)) current.key += `-${sections.length}`;
      sections.push(current);
    }
    current.blocks.push(...lines);
  }
  return sections;
}

/** A notice's CompareDoc from its blocks. */
export function buildCompareDoc(meta: Omit<CompareDoc, "sections">, blocks: readonly Block[]): CompareDoc {
  return {
    ...meta,
    sections: sectionsOf(blocks).map((s) => ({
      key: s.key,
      kind: s.kind,
      label: s.label,
      ...(s.title ? { title: s.title } : {}),
      ...(s.anchor ? { anchor: s.anchor } : {}),
      blocks: s.blocks.map((b) => {
        const words = b.sentences.map(segment);
        const starts: number[] = [];
        let at = 0;
        for (const w of words.slice(0, -1)) starts.push((at += w.length));
        return { k: b.kind, t: words.flat(), a: b.anchor, ...(starts.length ? { s: starts } : {}) };
      }),
    })),
  };
}
