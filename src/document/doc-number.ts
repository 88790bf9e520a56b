/**
 * 发文字号 (document numbers) such as 国市监质发〔2022〕76号: the one parser every use reads them
 * with — the importer, the schema, the links in notice text, the /wenhao/ addresses and the 404
 * page's lookup in the browser. Printed with 〔〕 (U+3014/3015); people type [ ], ( ), （ ）,
 * 【 】, ［ ］, full-width digits, spaces, or no brackets at all, and the /wenhao/ addresses use
 * the hyphen key form 国市监质发-2022-76. Pure and browser-safe.
 */

const OPEN = "〔\\[(（【［";
const CLOSE = "〕\\])）】］";
const PREFIX = "[\\u4e00-\\u9fff]{1,12}";
const YEAR = "(?:19|20)\\d{2}";

/** Matches a document number in running text, with any bracket style (or none). */
const DOC_NUMBER_PATTERN = new RegExp(
  `(${PREFIX})\\s*[${OPEN}]?\\s*(${YEAR})\\s*[${CLOSE}]?\\s*(\\d{1,4})\\s*号`,
  "gu",
);
/** A whole document number as typed. */
const PRINTED = new RegExp(`^${DOC_NUMBER_PATTERN.source}$`, "u");
/** The key form of /wenhao/ addresses: 国市监质发-2022-76 (any dash or an underscore). */
const KEY = new RegExp(`^(${PREFIX})\\s*[-—_]\\s*(${YEAR})\\s*[-—_]\\s*(\\d{1,4})$`, "u");

export interface DocNumberParts {
  /** 机关代字, e.g. 国市监质发. */
  prefix: string;
  /** 年份. */
  year: number;
  /** 发文顺序号. */
  serial: number;
}

/**
 * Parses one document number typed in any bracket style, or in the key form; undefined if it is
 * not one. NFKC first, so full-width digits and brackets become ASCII (〔〕 and 【】 stay as they
 * are), and whitespace anywhere is dropped (PDF text spaces characters out: 国 市 监 质 发).
 */
export function parseDocNumber(text: string): DocNumberParts | undefined {
  const typed = text.normalize("NFKC").replace(/\s+/g, "");
  const m = PRINTED.exec(typed) ?? KEY.exec(typed);
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
