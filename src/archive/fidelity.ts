/**
 * The fidelity check: the archived text must contain exactly the source's characters. We compare
 * the sequence of letters and digits (CJK characters included) and ignore whitespace,
 * punctuation and markup, which the importer is allowed to repair; the junk the importer removed
 * is listed in the notice's frontmatter and taken out of the source first.
 *
 * The archived text is what a reader gets: the body's text model (src/text/blocks.ts) from its
 * tree through the document pipeline, so nothing hidden in markup (an expression, a comment, a
 * link target) counts as text, and nothing the page shows is left out.
 */
import type { Root } from "hast";
import { isSignificant, significantChars } from "../shared/letters.ts";
import { foldRadicals } from "../shared/radicals.ts";
import { toSimplified } from "../shared/simplified.ts";
import { blocksFromTree } from "../text/blocks.ts";
import { blocksToText } from "../text/plain-text.ts";

export interface Removal {
  line: number;
  text: string;
}

/**
 * Letters and digits of `text` in NFC, in order: the sequence the fidelity check compares. CJK
 * radicals count as the ideographs they stand for (the importer repairs a PDF's ⽉ to 月).
 */
function comparable(text: string): string {
  return significantChars(foldRadicals(text).normalize("NFC"));
}

/** Source text with the listed removals taken out (each at its line, exactly as recorded). */
export function sourceWithoutRemovals(source: string, removals: readonly Removal[]): string {
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const problems: string[] = [];
  for (const removal of removals) {
    const parts = removal.text.split("\n");
    const start = removal.line - 1;
    for (const [i, part] of parts.entries()) {
      const line = lines[start + i];
      const at = line === undefined ? -1 : line.indexOf(part);
      if (line === undefined || at < 0) {
        problems.push(`line ${removal.line + i} does not contain ${JSON.stringify(part)}`);
        continue;
      }
      lines[start + i] = line.slice(0, at) + line.slice(at + part.length);
    }
  }
  if (problems.length) throw new RemovalMismatchError(problems);
  return lines.join("\n");
}

export class RemovalMismatchError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`recorded removals do not match the source: ${problems.join("; ")}`);
    this.problems = problems;
  }
}

export interface FidelityMismatch {
  /** Index into the significant-character sequence where the two first differ. */
  index: number;
  /** Source characters around the difference. */
  expected: string;
  /** Archived characters around the difference. */
  received: string;
  /** 1-based line of the MDX body where the difference is (for `file:line` messages). */
  bodyLine: number;
}

/**
 * Compares the document text of a body's tree (src/document/pipeline.ts, bodyTree) with its
 * source. Returns undefined when every letter and digit of the source (minus recorded junk) is
 * present, in order, and nothing else was added. Throws the text model's StructureError for a
 * tree that is no notice body.
 */
export function compareFidelity(
  source: string,
  removals: readonly Removal[],
  tree: Root,
): FidelityMismatch | undefined {
  const expected = comparable(sourceWithoutRemovals(source, removals));
  const received = comparable(blocksToText(blocksFromTree(tree)));
  if (expected === received) return undefined;
  let i = 0;
  while (i < expected.length && i < received.length && expected[i] === received[i]) i++;
  return {
    index: i,
    expected: context(expected, i),
    received: context(received, i),
    bodyLine: lineOfLetter(tree, i),
  };
}

function context(text: string, i: number): string {
  const before = text.slice(Math.max(0, i - 12), i);
  const after = text.slice(i, i + 12);
  return `…${before}⟨${after || "end of text"}⟩…`;
}

/**
 * The body line (1-based) of the `index`-th letter or digit of the tree's text, read from the
 * text nodes in document order (the text model's order); nodes a plugin made, such as printed
 * list numbers, take the line of the text before them.
 */
function lineOfLetter(tree: Root, index: number): number {
  let seen = 0;
  let line = 1;
  let found: number | undefined;
  interface TextNode {
    type: string;
    value?: string;
    position?: { start: { line: number } } | undefined;
    children?: unknown[];
  }
  const walk = (node: TextNode) => {
    if (found !== undefined) return;
    if (node.position) line = node.position.start.line;
    if (node.type === "text" && node.value) {
      for (const ch of node.value.normalize("NFC")) {
        if (!isSignificant(ch)) continue;
        if (seen === index) {
          found = line;
          return;
        }
        seen++;
      }
    }
    for (const child of (node.children ?? []) as TextNode[]) walk(child);
  };
  walk(tree);
  return found ?? line;
}

let lastHaystack: [string, string] | undefined;

/** True when `needle`'s letters and digits occur, in order and adjacent, in `haystack`'s. */
function containsSignificant(haystack: string, needle: string): boolean {
  const n = comparable(needle);
  // One source is searched for many values in a row: its letters are read once.
  if (lastHaystack?.[0] !== haystack) lastHaystack = [haystack, comparable(haystack)];
  return n.length > 0 && lastHaystack[1].includes(n);
}

/**
 * True when the source states `value`: its letters and digits occur in order in the source's,
 * both read in simplified characters (a traditional-script source states its values in
 * traditional characters; registry names and document numbers are simplified).
 */
export function sourceStates(source: string, value: string): boolean {
  // One source is asked about many values in a row: it is read once.
  if (lastSource?.[0] !== source) lastSource = [source, toSimplified(source)];
  return containsSignificant(lastSource[1], toSimplified(value));
}

let lastSource: [string, string] | undefined;
