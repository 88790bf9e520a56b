/**
 * The search benchmark's queries and their truth (npm run bench:search, scripts/bench/search.ts):
 * realistic queries as readers type them, substrings sampled from the texts, and queries in
 * every scope and with every operator; and, for each, what an exact search must find in the
 * synthetic archive: the notices (and catalogue years) whose field satisfies the query,
 * read with the site's own query semantics (src/search/query.ts).
 */
import { rng } from "../synthetic-archive.ts";
import type { CatalogRecord } from "../../../src/search/catalog.ts";
import { normalize, type T2SMap } from "../../../src/search/normalize.ts";
import { parseQuery, positiveWords, satisfies, type Scope } from "../../../src/search/query.ts";
import type { IndexedNotice } from "../../search/records.ts";

/** Realistic queries, as readers type them (document numbers, mixed scripts, traditional …). */
export const FIXED_QUERIES = [
  "质量强国",
  "双随机一公开",
  "昆仑2022",
  "QC小组",
  "qc小组",
  "12315平台",
  "国市监质发[2022]76号",
  "质量",
  "质",
  "提质强企",
  "優化營商環境",
  "質量強國",
  "优化营商环境 建设质量强国",
  "群众性质量活动",
  "质量月活动",
  "全国质量月",
  "市场监管总局",
  "中央企业质量提升标准创新大会",
  "检验检测",
  "放心消费创建活动",
  "特种设备",
  "计量",
  "标准化 品牌",
  "工匠精神",
  "质量提升行动",
  "新质生产力",
  "高质量发展",
  "消费品质量安全",
  "电梯安全宣传周",
  "量子计算",
  "区块链 质量",
  "质量月 量子",
];

/** A query in a scope (the search page's `scope=`). */
export interface ScopedQuery {
  q: string;
  scope: Scope;
}

/** Queries with operators, and in each scope: fixed ones, then values' parts sampled below. */
const FIXED_SCOPED: ScopedQuery[] = [
  { q: "质量强国 | 高质量发展", scope: "all" },
  { q: "质量 -强国", scope: "all" },
  { q: "检验检测 或 计量", scope: "all" },
  { q: "数字 | 绿色 -标准", scope: "all" },
  { q: "2025", scope: "all" },
  { q: "-质量", scope: "theme" },
  { q: "数字 | 绿色", scope: "theme" },
  { q: "质量强国", scope: "theme" },
  { q: "質量 -強國", scope: "slogan" },
  { q: "工匠精神 | 品牌", scope: "slogan" },
  { q: "合成质发[2001]", scope: "docnumber" },
  { q: "合成质发〔2010〕3号", scope: "docnumber" },
  { q: "关于开展", scope: "title" },
  { q: "海南 | 浙江", scope: "title" },
  { q: "市场监管总局", scope: "issuer" },
  { q: "国家发改委 | 工业和信息化部", scope: "issuer" },
];

/** Random substrings (2–10 characters) of random sections, fixed seed. */
export function sampledQueries(notices: IndexedNotice[], count: number): string[] {
  const random = rng(7);
  const out: string[] = [];
  while (out.length < count) {
    const n = notices[Math.floor(random() * notices.length)]!;
    const s = n.sections[Math.floor(random() * n.sections.length)]!;
    const chars = Array.from(s.text.replace(/\s+/g, ""));
    const len = 2 + Math.floor(random() * 9);
    if (chars.length < len) continue;
    const at = Math.floor(random() * (chars.length - len));
    const q = chars.slice(at, at + len).join("");
    if (normalize(q).length >= 2) out.push(q);
  }
  return out;
}

/** The values a scope reads in a notice (`all`: its text, one value). */
function fieldValues(n: IndexedNotice, scope: Scope): string[] {
  switch (scope) {
    case "all":
      return [n.sections.map((s) => s.text).join("")];
    case "title":
      return n.title ? [n.title] : [];
    case "theme":
      return n.theme ? [n.theme] : [];
    case "slogan":
      return n.slogans ?? [];
    case "docnumber":
      return n.docNumber ? [n.docNumber] : [];
    case "issuer":
      return n.issuerNames.flat();
  }
}

/** The fixed scoped queries, and per scope (not `all`) a few parts of values sampled from the notices. */
export function scopedQueries(notices: IndexedNotice[], perScope: number): ScopedQuery[] {
  const random = rng(11);
  const out = [...FIXED_SCOPED];
  for (const scope of ["title", "theme", "slogan", "docnumber", "issuer"] as const) {
    for (let i = 0, tries = 0; i < perScope && tries < 1000; tries++) {
      const values = fieldValues(notices[Math.floor(random() * notices.length)]!, scope);
      const chars = Array.from(values[Math.floor(random() * values.length)] ?? "");
      const len = Math.min(chars.length, 2 + Math.floor(random() * 6));
      if (len < 2) continue;
      const at = Math.floor(random() * (chars.length - len + 1));
      out.push({ q: chars.slice(at, at + len).join(""), scope });
      i++;
    }
  }
  return out;
}

/** A notice as the truth reads it: each scope's values, normalised. */
export interface TruthNotice {
  id: string;
  fields: Record<Scope, string[]>;
  sections: { anchor: string; norm: string }[];
}

export function truthNotices(notices: IndexedNotice[]): TruthNotice[] {
  return notices.map((n) => {
    const sections = n.sections.map((s) => ({ anchor: s.anchor, norm: normalize(s.text) }));
    const fields = Object.fromEntries(
      (["title", "theme", "slogan", "docnumber", "issuer"] as const).map((scope) => [
        scope,
        fieldValues(n, scope).map((v) => normalize(v)),
      ]),
    ) as Record<Scope, string[]>;
    fields.all = [sections.map((s) => s.norm).join("")];
    return { id: n.id, fields, sections };
  });
}

/** What an exact search must find: notice ids, catalogue years, and each notice's matching sections. */
export interface Expected {
  ids: Set<string>;
  years: Set<number>;
  /** For scope `all`: the sections that contain a word of the query. */
  sections: Map<string, Set<string>>;
}

export function expectedResults(
  sq: ScopedQuery,
  truth: readonly TruthNotice[],
  catalog: readonly CatalogRecord[],
  t2s: T2SMap,
): Expected {
  const query = parseQuery(sq.q, t2s);
  const words = positiveWords(query);
  const ids = new Set<string>();
  const sections = new Map<string, Set<string>>();
  for (const t of truth) {
    if (!satisfies(query, (w) => t.fields[sq.scope].some((v) => v.includes(w)))) continue;
    ids.add(t.id);
    sections.set(
      t.id,
      new Set(t.sections.filter((s) => words.some((w) => s.norm.includes(w))).map((s) => s.anchor)),
    );
  }
  const years = new Set<number>();
  const catalogFields: Partial<Record<Scope, (r: CatalogRecord) => string[]>> = {
    all: (r) => [`${r.year}年`, r.theme, r.docNumber ?? ""],
    theme: (r) => [r.theme],
    docnumber: (r) => [r.docNumber ?? ""],
  };
  const read = catalogFields[sq.scope];
  for (const r of read ? catalog : []) {
    const values = read!(r).map((v) => normalize(v, t2s));
    if (satisfies(query, (w) => values.some((v) => v.includes(w)))) years.add(r.year);
  }
  return { ids, years, sections };
}
