/**
 * The search's truth, computed from the content files and independently of the site's own
 * normaliser and query reader (src/search/normalize.ts, src/search/query.ts): a notice matches
 * a query in a scope when that field of it (the document text, the title, the theme, the
 * slogans, the document number, its issuers' registry names) satisfies the query, ignoring
 * whitespace and punctuation, traditional characters read as simplified (OpenCC). Catalogue
 * years (content/catalog/national-themes.tsv, years whose national notice is not held) match
 * by their year, theme and document number. Used by the search tests in the browser, on the
 * built site and under nginx.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import * as OpenCC from "opencc-js/t2cn";
import { extractSections } from "../../src/search/sections.ts";
import { ROOT } from "./helpers.ts";

/** Letters and digits only, full-width folded, lower case: the semantics readers expect. */
export const squash = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

/**
 * A document number typed in any spelling — any brackets or none, then 号; or the /wenhao/ key
 * form with dashes — is read as its printed form, serial without leading zeros (README, 发文字号).
 */
const DOC_NUMBER = [
  /^(\p{Script=Han}{1,12})[[(（【［〔]?((?:19|20)\d{2})[\])）】］〕]?0*(\d{1,4})号$/u,
  /^(\p{Script=Han}{1,12})[-—_]((?:19|20)\d{2})[-—_]0*(\d{1,4})$/u,
];

/** A query word as the search must read it. */
const word = (w: string) => {
  const simple = toSimplified(w).normalize("NFKC").replace(/\s+/g, "");
  const m = DOC_NUMBER.map((re) => re.exec(simple)).find(Boolean);
  return squash(m ? `${m[1]}${m[2]}${m[3]}号` : simple);
};

/** The words of a query without operators, as the search must read them. */
export const truthWords = (q: string) => [
  ...new Set(
    q
      .split(/[\s\u3000]+/)
      .map(word)
      .filter(Boolean),
  ),
];

/** One space-separated part of a query: any of its words (none of them, if negated). */
export interface TruthTerm {
  words: string[];
  negated: boolean;
}

/**
 * A query with operators, read as docs/search.md states it: spaces AND, `|` (or ｜, or a 或
 * standing alone between two words) OR, binding tighter; a leading `-` (or －) excludes a term.
 */
export function truthQuery(q: string): TruthTerm[] {
  let s = q.replace(/\s*[|｜]\s*/gu, "|");
  for (let before = ""; before !== s;) {
    before = s;
    s = s.replace(/(\S)[\s\u3000]+或[\s\u3000]+(?=\S)/u, "$1|");
  }
  const terms: TruthTerm[] = [];
  for (const token of s.split(/[\s\u3000]+/u)) {
    const negated = /^[-－]/u.test(token);
    const words = [
      ...new Set(
        token
          .replace(/^[-－]/u, "")
          .split("|")
          .map(word)
          .filter(Boolean),
      ),
    ];
    if (words.length && !terms.some((t) => t.negated === negated && t.words.join("|") === words.join("|")))
      terms.push({ words, negated });
  }
  return terms;
}

/** The words a match is found by and marked with: those of the terms not negated. */
const positive = (terms: TruthTerm[]) => [
  ...new Set(terms.filter((t) => !t.negated).flatMap((t) => t.words)),
];

/** Whether a field (its values, squashed) satisfies the query. */
function holds(terms: TruthTerm[], values: readonly string[]): boolean {
  return (
    terms.length > 0 &&
    terms.every((t) => t.words.some((w) => values.some((v) => v.includes(w))) !== t.negated)
  );
}

export interface NoticeDocument {
  /** `{year}-{slug}`. */
  id: string;
  /** The frontmatter as written. */
  data: {
    year: number;
    slug: string;
    level: string;
    region?: string;
    title?: string;
    theme?: string;
    slogans?: string[];
    docNumber?: string;
    issuers: string[];
  };
  /** The document text as its page shows it (not squashed). */
  text: string;
}

/**
 * The document text of an MDX body, independent of the site's code: component tags dropped (their
 * names and attributes are markup), backslash escapes undone. Markdown syntax is punctuation,
 * which search ignores anyway.
 */
function documentText(body: string): string {
  return body.replace(/<\/?[A-Z][A-Za-z]*(?:\s[^<>]*)?\/?>/g, " ").replace(/\\(.)/g, "$1");
}

/** Every held notice's frontmatter and document text, in id order. */
export function noticeDocuments(root = ROOT): NoticeDocument[] {
  const dir = join(root, "content/notices");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(dir, f), "utf8");
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw)!;
      const data = yaml.load(m[1]!) as NoticeDocument["data"];
      const body = raw.slice(m[0].length);
      // The page shows the title as an editorial heading when the text has lost its own.
      const text = (/^#\s/m.test(body) ? "" : (data.title ?? "")) + documentText(body);
      return { id: f.slice(0, -4), data, text };
    });
}

/** Each registry body's names: full name, short name, aliases (content/issuers/issuers.yaml). */
export function issuerNames(root = ROOT): Map<string, string[]> {
  const registry = yaml.load(readFileSync(join(root, "content/issuers/issuers.yaml"), "utf8")) as {
    id: string;
    name: string;
    shortName?: string;
    aliases?: string[];
  }[];
  return new Map(
    registry.map((i) => [i.id, [i.name, ...(i.shortName ? [i.shortName] : []), ...(i.aliases ?? [])]]),
  );
}

/** A row of the catalogue file, as written. */
export interface CatalogRow {
  year: number;
  theme: string;
  docNumber: string;
  sourceKind: string;
  sourceUrl: string;
}

/** The catalogue years search must find: rows whose year has no held national notice. */
export function catalogRows(root = ROOT): CatalogRow[] {
  const national = new Set(
    noticeDocuments(root)
      .filter((n) => n.data.level === "national")
      .map((n) => n.data.year),
  );
  const [, ...lines] = readFileSync(join(root, "content/catalog/national-themes.tsv"), "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim());
  return lines
    .map((line) => {
      const [year, theme, docNumber, , sourceKind, sourceUrl] = line.split("\t");
      return {
        year: Number(year),
        theme: theme!,
        docNumber: docNumber ?? "",
        sourceKind: sourceKind!,
        sourceUrl: sourceUrl ?? "",
      };
    })
    .filter((r) => !national.has(r.year));
}

/* ───────────────────────── expected results ───────────────────────── */

/** The fields a scope searches, in the order results name them (`all`: the document text). */
export const SCOPES = ["all", "title", "theme", "slogan", "docnumber", "issuer"] as const;
export type Scope = (typeof SCOPES)[number];

export interface TruthNotice {
  id: string;
  year: number;
  level: string;
  region?: string;
  /** Each scope's values, squashed (`all`: the document text, one value). */
  fields: Record<Scope, string[]>;
  /** The page's sections (src/search/sections.ts), squashed. */
  sections: { anchor: string; text: string }[];
}

/** Every held notice as the truth reads it; `dist` is the built site (for its sections). */
export function truthNotices(dist: string, root = ROOT): TruthNotice[] {
  const names = issuerNames(root);
  return noticeDocuments(root).map(({ id, data, text }) => {
    const page = readFileSync(join(dist, String(data.year), data.slug, "index.html"), "utf8");
    const values = (xs: (string | undefined)[]) => xs.filter((x): x is string => !!x).map(squash);
    return {
      id,
      year: data.year,
      level: data.level,
      ...(data.region ? { region: data.region } : {}),
      fields: {
        all: [squash(text)],
        title: values([data.title]),
        theme: values([data.theme]),
        slogan: values(data.slogans ?? []),
        docnumber: values([data.docNumber]),
        issuer: values(data.issuers.flatMap((i) => names.get(i) ?? [])),
      },
      sections: extractSections(page).map((s) => ({ anchor: s.anchor, text: squash(s.text) })),
    };
  });
}

const count = (hay: string, needle: string) => {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n++;
  return n;
};

export interface Expected {
  /** The notices, in the documented order. */
  ids: string[];
  /** Scope `all`: each notice's sections that hold a word of the query. */
  sections: Map<string, string[]>;
  /**
   * Each notice's [data-result-field]: the scope's field, and every other field of the notice
   * (not its text) in which the query holds with a word found.
   */
  fields: Map<string, string>;
  /** The catalogue years, newest first, with their fields. */
  catalog: { year: number; fields: string }[];
  /** Scope `theme`: how many years' themes hold the query (notices and catalogue years). */
  years: number;
}

/** Expected results in the documented order (docs/search.md, "Results"). */
export function expected(
  truth: readonly TruthNotice[],
  q: string,
  scope: Scope = "all",
  order: "relevance" | "date" = "relevance",
): Expected {
  const terms = truthQuery(q);
  const words = positive(terms);
  const namedFields = (values: Record<string, string[]>, own: readonly string[]) =>
    own.filter((f) => holds(terms, values[f]!) && words.some((w) => values[f]!.some((v) => v.includes(w))));
  const found = truth.filter((t) => holds(terms, t.fields[scope]));
  const score = (t: TruthNotice) =>
    scope !== "all"
      ? { title: false, n: 0 }
      : {
          // Every positive term in the title, theme or document number.
          title:
            words.length > 0 &&
            terms.every(
              (term) =>
                term.negated ||
                term.words.some((w) =>
                  [...t.fields.title, ...t.fields.theme, ...t.fields.docnumber].some((v) => v.includes(w)),
                ),
            ),
          // 1–2 character words count at most 30 times a notice (src/search/core.ts).
          n: words.reduce(
            (s, w) =>
              s +
              (Array.from(w).length <= 2
                ? Math.min(30, count(t.fields.all[0]!, w))
                : count(t.fields.all[0]!, w)),
            0,
          ),
        };
  const relevance = (a: TruthNotice, b: TruthNotice) =>
    Number(score(b).title) - Number(score(a).title) ||
    score(b).n - score(a).n ||
    b.year - a.year ||
    (a.id < b.id ? -1 : 1);
  found.sort(order === "date" ? (a, b) => b.year - a.year || relevance(a, b) : relevance);

  const catalogFields: Partial<Record<Scope, string[]>> = {
    all: ["year", "theme", "docnumber"],
    theme: ["theme"],
    docnumber: ["docnumber"],
  };
  const catalog = (catalogFields[scope] ? catalogRows() : [])
    .map((r) => {
      const values: Record<string, string[]> = {
        year: [squash(`${r.year}年`)],
        theme: [squash(r.theme)],
        docnumber: [squash(r.docNumber)],
      };
      return { year: r.year, values };
    })
    .filter((r) =>
      holds(
        terms,
        catalogFields[scope]!.flatMap((f) => r.values[f]!),
      ),
    )
    .sort((a, b) => b.year - a.year)
    .map((r) => {
      const own = namedFields(r.values, ["year", "theme", "docnumber"]);
      return {
        year: r.year,
        fields: (scope === "all" ? ["all", ...own] : [scope, ...own.filter((f) => f !== scope)]).join(" "),
      };
    });
  return {
    ids: found.map((t) => t.id),
    sections: new Map(
      found.map((t) => [
        t.id,
        t.sections.filter((s) => words.some((w) => s.text.includes(w))).map((s) => s.anchor),
      ]),
    ),
    // The scope's field, and the other fields of the notice (its text only in scope all).
    fields: new Map(
      found.map((t) => [
        t.id,
        SCOPES.filter((f) => f === scope || (f !== "all" && namedFields(t.fields, [f]).length)).join(" "),
      ]),
    ),
    catalog,
    years: new Set([...found.map((t) => t.year), ...catalog.map((c) => c.year)]).size,
  };
}
