/**
 * What the pages say about a notice from its frontmatter alone: its scope, a title when the text
 * has lost its own, inferred values, completeness and why a value is missing. Pure: it takes the
 * notice's data, so build-time pages and tests use the same words.
 */
import { COMPLETENESS_DESCRIPTIONS, COMPLETENESS_LABELS, type Completeness } from "./labels.ts";
import { LEVEL_LABELS, type Level } from "./levels.ts";

/**
 * Frontmatter fields that can hold a value inferred from the text rather than stated by it (or
 * supplied by the archivist: the importer's --year, --level, --region, --slug, --title and
 * --doc-number record their value here, with the archivist's basis).
 */
export const inferableFields = [
  "title",
  "docNumber",
  "year",
  "level",
  "region",
  "regionCode",
  "slug",
  "signedDate",
  "printedDate",
  "publishedDate",
  "declaredIssuerCount",
  "theme",
] as const;

type InferableField = (typeof inferableFields)[number];

/** What these words need of a notice's frontmatter (src/schemas/notice.ts has it all). */
interface NoticeFacts {
  year: number;
  level: Level;
  region?: string | undefined;
  title?: string | undefined;
  inferred: readonly { field: InferableField; basis: string }[];
  provenance: { completeness: readonly Completeness[]; note?: string | undefined };
}

/** A notice as the pages hold it (a content collection entry satisfies it). */
export interface NoticeLike {
  data: NoticeFacts;
}

/** The basis of an inferred field, or undefined when the text states the value. */
export function inferredBasis(notice: NoticeLike, field: ShownField): string | undefined {
  return notice.data.inferred.find((i) => i.field === field)?.basis;
}

/** 全国, or the region with its level: 海南省（省级）. */
export function levelLabel(notice: NoticeLike): string {
  const d = notice.data;
  return d.level === "national" ? "全国" : `${d.region ?? "地区未载明"}（${LEVEL_LABELS[d.level]}）`;
}

/** Short name for lists: 全国 or the region. */
export function scopeLabel(notice: NoticeLike): string {
  return notice.data.level === "national" ? "全国" : (notice.data.region ?? "地方");
}

/** The notice's short name for lists and comparisons: 2022年全国, 2022年海南省. */
export function shortLabel(notice: NoticeLike): string {
  return `${notice.data.year}年${scopeLabel(notice)}`;
}

/** A readable name for a notice whose title may be lost. */
export function displayTitle(notice: NoticeLike): string {
  return notice.data.title ?? `${notice.data.year}年${scopeLabel(notice)}“质量月”活动通知（标题缺失）`;
}

export function isComplete(notice: NoticeLike): boolean {
  return notice.data.provenance.completeness.every((c) => c === "complete");
}

/**
 * What a text lacks, in one sentence, wherever it leaves the page (print, Word): 本文本不完整, the
 * gaps, and the compiler's note (else the gaps' descriptions). Undefined for a complete text.
 */
export function completenessStatement(notice: NoticeLike): string | undefined {
  const p = notice.data.provenance;
  const gaps = p.completeness.filter((c) => c !== "complete");
  if (!gaps.length) return undefined;
  const explanation = p.note ?? gaps.map((c) => COMPLETENESS_DESCRIPTIONS[c]).join("");
  return `本文本不完整（${gaps.map((c) => COMPLETENESS_LABELS[c]).join("、")}）：${explanation}`;
}

/** Fields a gap of the text can explain the absence of. */
type GappedField =
  | "title"
  | "slogans"
  | "attachments"
  | "docNumber"
  | "recipients"
  | "signatures"
  | "signedDate"
  | "cc"
  | "printedBy"
  | "printedDate"
  | "publicity";

/** Frontmatter values the notice pages show, each either held, inferred or missing. */
export type ShownField = InferableField | GappedField | "indexNumber" | "category";

/** Gaps that explain why a field has no value: then it is 缺失 (lost), otherwise 未载明 (not stated). */
const GAPS_BY_FIELD: Record<GappedField, readonly Completeness[]> = {
  title: ["header-missing"],
  slogans: ["truncated"],
  attachments: ["truncated"],
  docNumber: ["header-missing", "docnumber-missing"],
  recipients: ["header-missing", "recipients-missing"],
  signatures: ["signature-incomplete", "truncated"],
  signedDate: ["signature-incomplete", "truncated"],
  cc: ["truncated"],
  printedBy: ["truncated"],
  printedDate: ["truncated"],
  publicity: ["truncated"],
};

/** 缺失 when a recorded gap explains the missing value, else 未载明 (always so for the theme). */
export function missingKind(notice: NoticeLike, field: ShownField): "缺失" | "未载明" {
  const gapsByField: Partial<Record<ShownField, readonly Completeness[]>> = GAPS_BY_FIELD;
  const gaps = gapsByField[field] ?? [];
  return notice.data.provenance.completeness.some((c) => gaps.includes(c)) ? "缺失" : "未载明";
}
