/**
 * The fidelity check: the archived text must contain exactly the source's characters. We compare
 * the sequence of letters and digits (CJK characters included) and ignore whitespace,
 * punctuation and markup, which the importer is allowed to repair; the junk the importer removed
 * is listed in the notice's frontmatter and taken out of the source first.
 */
import { isSignificant, significantChars } from "../shared/letters.ts";

export interface Removal {
  line: number;
  text: string;
}

/** Letters and digits of `text` in NFC, in order: the sequence the fidelity check compares. */
function comparable(text: string): string {
  return significantChars(text.normalize("NFC"));
}

/**
 * The document text of an MDX body: JSX component tags (whose names and attributes are markup,
 * not document text) dropped, backslash escapes undone. Markdown syntax is punctuation and so
 * is ignored by the comparison anyway.
 */
export function mdxBodyText(body: string): string {
  return body.replace(/<\/?[A-Z][A-Za-z]*(?:\s[^<>]*)?\/?>/g, " ").replace(/\\(.)/g, "$1");
}

/** Source text with the listed removals taken out (each at its line, exactly as recorded). */
function sourceWithoutRemovals(source: string, removals: readonly Removal[]): string {
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
 * Compares the archived body with its source. Returns undefined when every letter and digit of the
 * source (minus recorded junk) is present, in order, and nothing else was added.
 */
export function compareFidelity(
  source: string,
  removals: readonly Removal[],
  body: string,
): FidelityMismatch | undefined {
  const expected = comparable(sourceWithoutRemovals(source, removals));
  const bodyText = mdxBodyText(body);
  const received = comparable(bodyText);
  if (expected === received) return undefined;
  let i = 0;
  while (i < expected.length && i < received.length && expected[i] === received[i]) i++;
  return {
    index: i,
    expected: context(expected, i),
    received: context(received, i),
    bodyLine: lineOfSignificantIndex(bodyText, i),
  };
}

function context(text: string, i: number): string {
  const before = text.slice(Math.max(0, i - 12), i);
  const after = text.slice(i, i + 12);
  return `…${before}⟨${after || "end of text"}⟩…`;
}

/** Line (1-based) of `text` holding its `index`-th significant character. */
function lineOfSignificantIndex(text: string, index: number): number {
  let seen = 0;
  let line = 1;
  for (const ch of text) {
    if (ch === "\n") line++;
    else if (isSignificant(ch)) {
      if (seen === index) return line;
      seen++;
    }
  }
  return line;
}

/** True when `needle`'s letters and digits occur, in order and adjacent, in `haystack`'s. */
export function containsSignificant(haystack: string, needle: string): boolean {
  const n = comparable(needle);
  return n.length > 0 && comparable(haystack).includes(n);
}
