/**
 * Permanent anchors for every heading, paragraph and list item of a notice, derived from the
 * document's own structure — official numbering (二 → （三） → 2 → （1）), the attachment it
 * is in, and the paragraph's place under its heading — never from wording or render order, so
 * fixing a typo never moves an anchor. Published anchors are promises (see README).
 *
 *   s2            二、…
 *   s2-3          二、… （三）…
 *   s2-3-p1       first paragraph under （三）
 *   p1            first paragraph before any heading
 *   a1            附件1 (its title); a1-s13 its item 十三、; a2-i4 its list item 4
 *   masthead, docnumber, title, recipients, attachments, signature, date, publicity, imprint
 */
import { numberingOf } from "./numbering.ts";

export class AnchorAllocator {
  private prefix = "";
  private stack: number[] = [];
  private section = "";
  private paragraphs = new Map<string, number>();
  private used = new Set<string>();

  /** Entering 附件n: everything inside is prefixed `a{n}-`. */
  enterAttachment(n: number): string {
    this.prefix = `a${n}-`;
    this.stack = [];
    this.section = `a${n}`;
    return this.unique(`a${n}`);
  }

  leaveAttachment(): void {
    this.prefix = "";
    this.stack = [];
    this.section = "";
  }

  /** A document part (masthead, signature …): its paragraphs are `{part}-p{n}`. */
  part(name: string): string {
    return this.unique(name);
  }

  /**
   * A numbered heading or numbered paragraph. `impliedDepth` is used when the text carries no
   * numbering (a web layout printed it as a bare 01 line): the next number at that depth.
   */
  numbered(text: string, impliedDepth?: number): string | undefined {
    const numbering = numberingOf(text);
    let depth: number;
    let value: number;
    if (numbering) {
      depth = numbering.depth;
      value = numbering.value;
    } else if (impliedDepth) {
      depth = impliedDepth;
      value = (this.stack[depth - 1] ?? 0) + 1;
    } else {
      return undefined;
    }
    this.stack = this.stack.slice(0, depth);
    this.stack[depth - 1] = value;
    for (let i = 0; i < depth; i++) this.stack[i] ??= 0;
    this.section = `${this.prefix}s${this.stack.join("-")}`;
    return this.unique(this.section);
  }

  /** An unnumbered paragraph: n-th under the current heading (or part). */
  paragraph(within?: string): string {
    const scope = within ?? this.section;
    const n = (this.paragraphs.get(scope) ?? 0) + 1;
    this.paragraphs.set(scope, n);
    return this.unique(scope ? `${scope}-p${n}` : `p${n}`);
  }

  /** A list item numbered `n` under the current heading. */
  listItem(n: number): string {
    return this.unique(this.section ? `${this.section}-i${n}` : `i${n}`);
  }

  /** Repeated numbering (a document that restarts 一、) gets -2, -3: deterministic, never silent. */
  private unique(id: string): string {
    let candidate = id;
    for (let k = 2; this.used.has(candidate); k++) candidate = `${id}-${k}`;
    this.used.add(candidate);
    return candidate;
  }
}
