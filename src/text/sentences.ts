/**
 * Sentences: the unit in which the archive traces wording from notice to notice (src/lineage/),
 * aligns two notices (src/compare/) and checks a draft (src/check/). Part of the text model: a
 * notice's blocks (src/schemas/api.ts) cut into sentences, each keeping the permanent anchor of
 * the block it stands in.
 *
 * The rule, one for the whole site:
 * - a heading is one unit, whatever punctuation it holds (（一）组织宣传活动，强化质量意识。);
 * - a paragraph, a list item and each line of a document part are cut after every run of
 *   。！？； (full or half width), together with the closing quotation marks and brackets that
 *   follow it (……“质量第一”。” stays whole), and at every line break;
 * - a piece without a letter or digit (a stray “）” or “——”) joins the piece before it, so no
 *   unit is empty and the pieces put back together are the block's text, character for
 *   character.
 *
 * A sentence is named by its block's anchor and its place in the block, counted from 1
 * (`s2-1-p1`, 2): both derive from the document's structure and punctuation, never from
 * wording. Links go to the block's anchor, which the page has (README, “The URL promise”).
 *
 *   splitSentences("加强组织领导。强化统筹协调；创新活动形式。")
 *   → ["加强组织领导。", "强化统筹协调；", "创新活动形式。"]
 *
 * Pure and browser-safe: the draft check splits pasted text with the very same function.
 */
import type { Block } from "../schemas/api.ts";
import { isSignificant } from "../shared/letters.ts";

/**
 * title 标题 · heading a numbered heading or an attachment's title · sentence in a paragraph ·
 * item in a list item · label an attachment's label (附件1), which is furniture, not wording.
 */
type SentenceKind = "title" | "heading" | "sentence" | "item" | "label";

export interface Sentence {
  /** Permanent anchor of the block the sentence stands in (src/document/anchors.ts). */
  anchor: string;
  /** Place of the sentence in its block, from 1. */
  n: number;
  kind: SentenceKind;
  /** The sentence as printed, without surrounding whitespace. */
  text: string;
  /** The document part it belongs to (recipients, signature …), when not in the running text. */
  part?: string;
  /** The number of the attachment it stands in. */
  attachment?: number;
}

/** Ends a sentence: full-width and ASCII forms (the importer makes them full width in CJK text). */
const TERMINATORS = "。！？；!?;";
/** Closing marks that stay with the sentence they close. */
const CLOSERS = "”’」』）》〕】)]";

function hasSignificant(text: string): boolean {
  for (const char of text) if (isSignificant(char)) return true;
  return false;
}

/**
 * Cuts `text` into sentences (the rule above). The pieces keep every character, whitespace and
 * line breaks included: `splitSentences(t).join("") === t`.
 */
export function splitSentences(text: string): string[] {
  const raw: string[] = [];
  let current = "";
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    current += char;
    if (char === "\n") {
      raw.push(current);
      current = "";
    } else if (TERMINATORS.includes(char)) {
      while (i + 1 < chars.length && (TERMINATORS + CLOSERS).includes(chars[i + 1]!)) current += chars[++i];
      raw.push(current);
      current = "";
    }
  }
  if (current) raw.push(current);
  const pieces: string[] = [];
  let pending = "";
  for (const piece of raw) {
    if (hasSignificant(piece)) {
      pieces.push(pending + piece);
      pending = "";
    } else if (pieces.length) {
      pieces[pieces.length - 1] += piece;
    } else {
      pending += piece;
    }
  }
  if (pending) {
    if (pieces.length) pieces[pieces.length - 1] += pending;
    else pieces.push(pending);
  }
  return pieces;
}

/** The sentences of one text, as units of a block. */
function unitsOf(
  text: string,
  anchor: string,
  kind: SentenceKind,
  context: Pick<Sentence, "part" | "attachment">,
): Sentence[] {
  const pieces = kind === "title" || kind === "heading" || kind === "label" ? [text] : splitSentences(text);
  return pieces
    .map((piece) => piece.trim())
    .filter(hasSignificant)
    .map((piece, k) => ({ anchor, n: k + 1, kind, text: piece, ...context }));
}

/** Every sentence of a notice's blocks, in document order. */
export function blockSentences(blocks: readonly Block[]): Sentence[] {
  const out: Sentence[] = [];
  const walk = (block: Block, context: Pick<Sentence, "part" | "attachment">) => {
    switch (block.type) {
      case "title":
        out.push(...unitsOf(block.text, block.anchor, "title", context));
        break;
      case "paragraph":
        out.push(...unitsOf(block.text, block.anchor, "sentence", context));
        break;
      case "section":
        out.push(...unitsOf(block.heading, block.anchor, "heading", context));
        for (const child of block.content) walk(child, context);
        break;
      case "list":
        for (const item of block.items) out.push(...unitsOf(item.text, item.anchor, "item", context));
        break;
      case "part":
        for (const child of block.content) walk(child, { ...context, part: block.part });
        break;
      case "attachment": {
        const inner = { ...context, attachment: block.n };
        if (block.label) out.push(...unitsOf(block.label.text, block.label.anchor, "label", inner));
        if (block.title) out.push(...unitsOf(block.title.text, block.title.anchor, "heading", inner));
        for (const child of block.content) walk(child, inner);
        break;
      }
    }
  };
  for (const block of blocks) walk(block, {});
  return out;
}
