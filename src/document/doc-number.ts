/**
 * 发文字号 (document numbers) such as 国市监质发〔2022〕76号. Printed with 〔〕 (U+3014/3015);
 * people type [ ], ( ), （ ）, 【 】 or no brackets at all.
 */

const OPEN = "〔\\[(（【［";
const CLOSE = "〕\\])）】］";

/** Matches a document number in running text, with any bracket style (or none). */
const DOC_NUMBER_PATTERN = new RegExp(
  `([\\u4e00-\\u9fff]{1,12})\\s*[${OPEN}]?\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]?\\s*(\\d{1,4})\\s*号`,
  "gu",
);

export interface DocNumberParts {
  /** 机关代字, e.g. 国市监质发. */
  prefix: string;
  /** 年份. */
  year: number;
  /** 发文顺序号. */
  serial: number;
}

/** Parses one document number typed in any bracket style; undefined if it is not one. */
export function parseDocNumber(text: string): DocNumberParts | undefined {
  const trimmed = text.normalize("NFC").trim();
  const re = new RegExp(`^${DOC_NUMBER_PATTERN.source}$`, "u");
  const m = re.exec(trimmed);
  if (!m) return undefined;
  return { prefix: m[1]!, year: Number(m[2]), serial: Number(m[3]) };
}

/** The printed form with 〔〕, e.g. 国市监质发〔2022〕76号. */
export function formatDocNumber(parts: DocNumberParts): string {
  return `${parts.prefix}〔${parts.year}〕${parts.serial}号`;
}

/** Normalises any typed form to the printed form; undefined if it is not a document number. */
export function canonicalDocNumber(text: string): string | undefined {
  const parts = parseDocNumber(text);
  return parts && formatDocNumber(parts);
}

/** Finds every document number in running text, in the printed form, with its offset. */
export function findDocNumbers(text: string): { index: number; raw: string; canonical: string }[] {
  const found: { index: number; raw: string; canonical: string }[] = [];
  for (const m of text.matchAll(DOC_NUMBER_PATTERN)) {
    // Require brackets in running text: without them "2022年9月3号" would look like a number.
    if (!/[〔[(（【［]/.test(m[0])) continue;
    found.push({
      index: m.index,
      raw: m[0],
      canonical: formatDocNumber({ prefix: m[1]!, year: Number(m[2]), serial: Number(m[3]) }),
    });
  }
  return found;
}

/**
 * ASCII path segment for `/wenhao/{…}/` URLs: the printed form percent-encoded is ugly in
 * portals' link lists, so brackets become hyphens: 国市监质发-2022-76.
 */
export function docNumberKey(parts: DocNumberParts): string {
  return `${parts.prefix}-${parts.year}-${parts.serial}`;
}
