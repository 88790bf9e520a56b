/**
 * Traditional characters. A notice copied from a traditional-script page (關於開展2024年全省
 * 「質量月」活動的通知) is archived as it is: its letters are never converted. The importer reads
 * it through a simplified view — the same text, character for character, with each traditional
 * character replaced by its simplified form (OpenCC's character tables) and 「」『』 read as
 * “”‘’ — so that every rule written for 通知, 质量月 and registry names applies; then every
 * value and every line of the draft is given back its printed characters. The view itself is
 * src/shared/simplified.ts.
 */
/** Characters the view can change: Han characters and the quotation marks 「」『』 read as “”‘’. */
const CONVERTIBLE = /[\p{Script=Han}“”‘’]/u;

export class AlignmentError extends Error {}

/**
 * Gives text read through the view back its printed characters. Each source line's convertible
 * characters are taken in order: a piece of the draft made from lines 12 and 13 consumes theirs,
 * and the next piece made from line 13 goes on where it stopped.
 */
export class Restorer {
  private readonly lines = new Map<number, { view: string[]; original: string[]; cursor: number }>();
  private readonly flatView: string;
  private readonly flatOriginal: string[];
  private readonly viewLines: string[];
  private readonly originalLines: string[];
  readonly identity: boolean;

  constructor(view: string, original: string) {
    this.identity = view === original;
    const viewLines = view.split(/\r\n|\r|\n/);
    const originalLines = original.split(/\r\n|\r|\n/);
    this.viewLines = viewLines;
    this.originalLines = originalLines;
    const allView: string[] = [];
    this.flatOriginal = [];
    for (const [i, line] of viewLines.entries()) {
      const v = Array.from(line);
      const o = Array.from(originalLines[i] ?? "");
      const entry = { view: [] as string[], original: [] as string[], cursor: 0 };
      for (const [k, char] of v.entries()) {
        if (!CONVERTIBLE.test(char)) continue;
        entry.view.push(char);
        entry.original.push(o[k] ?? char);
      }
      this.lines.set(i + 1, entry);
      allView.push(...entry.view);
      this.flatOriginal.push(...entry.original);
    }
    this.flatView = allView.join("");
  }

  /** The printed form of `text`, which the draft made from these source lines, in order. */
  next(text: string, lineNumbers: readonly number[]): string {
    if (this.identity) return text;
    let li = 0;
    let out = "";
    for (const char of text) {
      if (!CONVERTIBLE.test(char)) {
        out += char;
        continue;
      }
      let restored: string | undefined;
      while (li < lineNumbers.length) {
        const entry = this.lines.get(lineNumbers[li]!);
        if (!entry || entry.cursor >= entry.view.length) {
          li++;
          continue;
        }
        // Junk removed from the middle of a line (a run-on notice's web junk) is skipped.
        const at = entry.view[entry.cursor] === char ? entry.cursor : entry.view.indexOf(char, entry.cursor);
        if (at < 0) {
          li++;
          continue;
        }
        restored = entry.original[at]!;
        entry.cursor = at + 1;
        break;
      }
      if (restored === undefined) throw new AlignmentError(`no source character left for ${char}`);
      out += restored;
    }
    return out;
  }

  /** Junk removed from a source line, as the line prints it. */
  removal(line: number, text: string): string {
    if (this.identity) return text;
    const at = this.viewLines[line - 1]?.indexOf(text) ?? -1;
    return at < 0 ? text : (this.originalLines[line - 1] ?? "").slice(at, at + text.length);
  }

  /** A value taken from anywhere in the document (a title, a name): its printed characters. */
  value(text: string): string {
    if (this.identity) return text;
    const chars = Array.from(text).filter((c) => CONVERTIBLE.test(c));
    const at = chars.length ? this.flatView.indexOf(chars.join("")) : -1;
    if (at < 0) return text;
    // flatView is one UTF-16 unit per convertible character (Han characters of the BMP).
    let i = Array.from(this.flatView.slice(0, at)).length;
    let out = "";
    for (const char of text) out += CONVERTIBLE.test(char) ? this.flatOriginal[i++]! : char;
    return out;
  }
}
