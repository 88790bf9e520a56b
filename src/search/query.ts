/**
 * What a query asks for: where to look (the scope) and which words, combined how (docs/search.md,
 * "Scopes and operators"). Shared by the search page, the highlighter, the index's tests and the
 * benchmark, so that all of them read a query alike. Pure and browser-safe.
 *
 *   质量 强国          both words (a space means AND, as always)
 *   数字 | 绿色        either word; also 数字|绿色, 数字 ｜ 绿色 and 数字 或 绿色
 *   质量 -强国         质量, and not 强国 (also －强国)
 *   质量 数字 | 绿色   质量, and 数字 or 绿色: “|” binds tighter than the space
 *
 * Each word is normalised as ever (src/search/normalize.ts): Ctrl+F-exact, with traditional
 * characters read as simplified and whitespace and punctuation ignored. A word that is a
 * document number in any spelling (国市监质发[2022]076号, the /wenhao/ key form
 * 国市监质发-2022-76) is read as its printed form first (src/document/doc-number.ts), so that it
 * finds that number and no longer one (…〔2022〕7 would otherwise find …〔2022〕76号).
 */
import { canonicalDocNumber } from "../document/doc-number.ts";
import { normalize, type T2SMap } from "./normalize.ts";

/** Where a query is looked for: the values of the URL's `scope=`, the default first. */
export const SCOPES = ["all", "title", "theme", "slogan", "docnumber", "issuer"] as const;
export type Scope = (typeof SCOPES)[number];

/** The scope control's labels (every visible string is Chinese). */
export const SCOPE_LABELS: Record<Scope, string> = {
  all: "全文",
  title: "标题",
  theme: "主题",
  slogan: "口号",
  docnumber: "文号",
  issuer: "发文机关",
};

export function isScope(value: unknown): value is Scope {
  return SCOPES.includes(value as Scope);
}

/** One space-separated part of a query: any of its words must occur (none, if negated). */
interface QueryTerm {
  /** Normalised words, at least one, each once. */
  words: string[];
  /** `-A`: the term excludes instead. */
  negated: boolean;
}

export interface ParsedQuery {
  /** In the order typed; each distinct term once. */
  terms: QueryTerm[];
}

/** Traditional characters mapped one by one (號 → 号), so that a document number parses. */
function simplified(word: string, t2s?: T2SMap): string {
  return t2s ? Array.from(word, (c) => t2s.get(c) ?? c).join("") : word;
}

/** Operators that join the words on either side into one term. */
const OR_TOKEN = /^(?:[|｜]+|或)$/u;
const OR_SPLIT = /[|｜]/u;
const NOT_PREFIX = /^[-－]/u;

/**
 * Reads a query. A standalone `或` between two words is an operator; anywhere else it is the
 * character (或者, a query of 或 alone). A term whose words all normalise to nothing is dropped.
 */
export function parseQuery(query: string, t2s?: T2SMap): ParsedQuery {
  const tokens = query.split(/[\s\u3000]+/u).filter(Boolean);
  const terms: QueryTerm[] = [];
  let join = false;
  for (const [i, token] of tokens.entries()) {
    const operator = OR_TOKEN.test(token) && (token !== "或" || (i > 0 && i < tokens.length - 1));
    if (operator) {
      join = terms.length > 0;
      continue;
    }
    const negated = NOT_PREFIX.test(token);
    const words = token
      .replace(NOT_PREFIX, "")
      .split(OR_SPLIT)
      .map((w) => normalize(canonicalDocNumber(simplified(w, t2s)) ?? w, t2s))
      .filter(Boolean);
    const last = terms.at(-1);
    // "|B" joins the previous token too.
    if (OR_SPLIT.test(token[0] ?? "")) join = terms.length > 0;
    if (join && last) last.words.push(...words.filter((w) => !last.words.includes(w)));
    else if (words.length) terms.push({ words: [...new Set(words)], negated });
    // "A|" joins the next token too.
    join = OR_SPLIT.test(token.at(-1) ?? "") && terms.length > 0;
  }
  const seen = new Set<string>();
  return {
    terms: terms.filter((t) => {
      const id = `${t.negated ? "-" : ""}${[...t.words].sort().join("|")}`;
      return !seen.has(id) && (seen.add(id), true);
    }),
  };
}

/** Every word the query names (positive and negative), each once: the words to look up. */
export function queryLookups(q: ParsedQuery): string[] {
  return [...new Set(q.terms.flatMap((t) => t.words))];
}

/** The words a match may contain (those of terms not negated): what is counted and marked. */
export function positiveWords(q: ParsedQuery): string[] {
  return [...new Set(q.terms.filter((t) => !t.negated).flatMap((t) => t.words))];
}

/** Whether the query excludes only (`-A`): then everything else matches. */
export function onlyNegative(q: ParsedQuery): boolean {
  return q.terms.length > 0 && q.terms.every((t) => t.negated);
}

/**
 * Whether a text satisfies the query, given which words it contains: every positive term has a
 * word in it, and no negated term has.
 */
export function satisfies(q: ParsedQuery, contains: (word: string) => boolean): boolean {
  return q.terms.length > 0 && q.terms.every((t) => t.words.some((w) => contains(w)) !== t.negated);
}

/**
 * The query as a phrase that follows 含 (contains): 含“数字”或“绿色”; 含“质量”，且含“数字”或“绿色”，
 * 不含“标准”、“计量”. Used in “共N个年份的主题含…”.
 */
export function describeQuery(q: ParsedQuery): string {
  const quoted = (words: string[], joiner: string) => words.map((w) => `“${w}”`).join(joiner);
  const parts = q.terms
    .filter((t) => !t.negated)
    .map((t, i) => `${i ? "且含" : "含"}${quoted(t.words, "或")}`);
  const excluded = q.terms.filter((t) => t.negated).flatMap((t) => t.words);
  if (excluded.length) parts.push(`不含${quoted([...new Set(excluded)], "、")}`);
  return parts.join("，");
}
