/**
 * How whole the received text is: the importer proposes `completeness` and a note the notice
 * page shows, from what the text itself shows — it stops in the middle of a sentence, it has
 * no signature and no date, an attachment it announces is not there, or a web page's advert
 * marks where the copy stops. The archivist checks the proposal against the original.
 */
import type { Completeness } from "../shared/labels.ts";
import type { Block, Part } from "./structure.ts";

export interface CompletenessProposal {
  completeness: Completeness[];
  /** Plain words for the notice page, when something is missing. */
  note?: string;
  /** The same, for the import report. */
  findings: string[];
}

/** A line that ends a sentence (or a heading, which needs no full stop). */
const SENTENCE_END = /[。！？；…”」）)]$/u;

export interface CompletenessFacts {
  parts: readonly Part[];
  title?: string | undefined;
  docNumber?: string | undefined;
  recipients?: string | undefined;
  declaredIssuerCount?: number | undefined;
  issuerCount: number;
  attachments: readonly { n: number; title: string }[];
  truncatedByAdvert: boolean;
}

export function proposeCompleteness(facts: CompletenessFacts): CompletenessProposal {
  const { parts } = facts;
  const completeness: Completeness[] = [];
  const findings: string[] = [];
  const notes: string[] = [];
  const has = (kind: Block["kind"]) => parts.some((p) => p.type === "block" && p.kind === kind);

  if (!facts.title) completeness.push("header-missing");

  const present = new Set(parts.filter((p) => p.type === "attachment").map((p) => p.n));
  const missing = facts.attachments.filter((a) => !present.has(a.n));
  // The last text before the attachments and the 版记: where a cut-off copy stops.
  const main = parts.filter((p) => p.type !== "attachment");
  const lastText = [...parts].reverse().find((p) => p.type === "paragraph" || p.type === "list");
  const lastLine =
    lastText?.type === "paragraph"
      ? lastText.text
      : lastText?.type === "list"
        ? lastText.items.at(-1)!.text
        : "";
  const endsMidSentence = Boolean(lastLine) && !SENTENCE_END.test(lastLine) && parts.at(-1) === lastText;
  const unsigned = !has("signature") && !has("signedDate");
  if (facts.truncatedByAdvert || missing.length || endsMidSentence || (unsigned && main.length > 0)) {
    completeness.push("truncated");
  }
  if (facts.truncatedByAdvert) findings.push("a web page's advert marks where the copy stops");
  if (endsMidSentence) {
    const tail = lastLine.slice(-16);
    findings.push(`the text ends in the middle of a sentence: “…${tail}”`);
    notes.push(`来源文本止于“……${tail}”，句子未完，其后的内容未见于来源`);
  }
  if (unsigned) {
    findings.push("the text has no signature (署名) and no date (成文日期)");
    notes.push("来源文本无署名和成文日期");
  }
  if (missing.length) {
    const list = missing.map((a) => `附件${a.n}`).join("、");
    findings.push(`attachments listed but not in the text: ${list}`);
    notes.push(`${list}未见于来源文本`);
  }
  if (!facts.docNumber) completeness.push("docnumber-missing");
  if (facts.declaredIssuerCount && facts.issuerCount < facts.declaredIssuerCount)
    completeness.push("issuers-incomplete");
  if (!facts.recipients) completeness.push("recipients-missing");

  const proposal: CompletenessProposal = {
    completeness: completeness.length ? completeness : ["complete"],
    findings,
  };
  if (notes.length) proposal.note = `${notes.join("；")}。`;
  return proposal;
}
