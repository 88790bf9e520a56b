/**
 * The search's matching rules (src/search/core.ts), the index records that feed them
 * (scripts/search/index.ts), scopes and operators over them, excerpts (src/search/excerpt.ts)
 * and the traditional → simplified map built from OpenCC for the archive's characters.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildT2S } from "../../../scripts/search/index.ts";
import { recordContent, type IndexedNotice } from "../../../scripts/search/records.ts";
import { splitMdx } from "../../../src/archive/files.ts";
import { bodyBlocks } from "../../../src/text/notice-text.ts";
import { blocksToText } from "../../../src/text/plain-text.ts";
import {
  MAX_SHORT_COUNT,
  SEPARATOR,
  RECORD_FIELDS,
  applyFilters,
  compareMatches,
  countWord,
  facetCounts,
  formatKey,
  matchQuery,
  formatState,
  parseKey,
  parseState,
  planWord,
  shardLanguage,
  shardRanges,
  shortToken,
  titleOnlyMatches,
  type FieldCounts,
  type NoticeKey,
  type NoticeMatch,
  type WordMatches,
} from "../../../src/search/core.ts";
import { parseQuery, type Scope } from "../../../src/search/query.ts";
import { matchCatalog, type CatalogRecord } from "../../../src/search/catalog.ts";
import { excerpt, noticeMatches } from "../../../src/search/excerpt.ts";
import { normalize, occurrences } from "../../../src/search/normalize.ts";

const ROOT = join(import.meta.dirname, "../../..");

function notice(text: string, fields: Partial<IndexedNotice> = {}): IndexedNotice {
  return {
    id: "2022-test",
    year: 2022,
    slug: "test",
    level: "provincial",
    region: "海南省",
    issuers: ["a"],
    issuerNames: [["甲局", "甲省甲局", "甲"]],
    sections: text.split("|").map((t, i) => ({ anchor: `s${i + 1}`, label: t.slice(0, 5), text: t })),
    ...fields,
  };
}

/**
 * What the index returns for one looked-up word, unquoted: the positions in the record of it and
 * of every word it is a prefix of (Pagefind's search expands a word to its extensions).
 */
function positionsOf(words: string[], token: string): number[] {
  return words.flatMap((w, i) => (w.startsWith(token) ? [i] : []));
}

/** Counts a query word in a record the way the search page does, per field (`fieldsOnly`: a field scope). */
function countAll(n: IndexedNotice, word: string, fieldsOnly = false): FieldCounts {
  const { words, fieldStarts } = recordContent(n);
  const plan = planWord(normalize(word), fieldsOnly);
  return countWord(
    plan,
    plan.lookups.map((l) => positionsOf(words, l.token)),
    fieldStarts,
  );
}

/** The count in one field. */
const inField = (counts: FieldCounts, field: Scope) => counts[RECORD_FIELDS.indexOf(field)]!;

/** Counts in the text, and whether any title field (title, theme, document number) holds it. */
function count(n: IndexedNotice, word: string): { body: number; title: number } {
  const c = countAll(n, word);
  return {
    body: inField(c, "all"),
    title: inField(c, "title") + inField(c, "theme") + inField(c, "docnumber"),
  };
}

describe("index records", () => {
  const n = notice("一、活动主题|推动质量变革创新 促进质量强国建设|质量强国，质量强省", {
    title: "关于开展质量月活动的通知",
    theme: "推动质量变革创新 促进质量强国建设",
    docNumber: "琼质强省办〔2022〕8号",
    slogans: ["质量强省 人人有责", "品质生活"],
  });
  const { words, fieldStarts } = recordContent(n);
  const bodyStart = fieldStarts.at(-1)!;
  const text = n.sections.map((s) => normalize(s.text)).join("");

  test("a body position is a character offset of the normalised text", () => {
    const chars = Array.from(text);
    for (let i = 0; i + 3 <= chars.length; i++)
      expect(words[bodyStart + i]).toBe(chars.slice(i, i + 3).join(""));
    expect(words[bodyStart + chars.length - 2]).toBe(SEPARATOR);
  });

  test("1–2 character words are repeated as often as they occur, at most MAX_SHORT_COUNT", () => {
    expect(positionsOf(words, shortToken("质")).filter((p) => p >= bodyStart)).toHaveLength(
      occurrences(text, "质").length,
    );
    const many = recordContent(notice("质".repeat(100)));
    expect(positionsOf(many.words, shortToken("质"))).toHaveLength(MAX_SHORT_COUNT);
  });

  const fields = [n.title, n.theme, n.docNumber].map((f) => normalize(f ?? ""));
  test.each([
    "质量强国",
    "质量强",
    "质量",
    "质",
    "国建设",
    "推动质量变革创新促进质量强国建设",
    "推动质量变革创新，促进质量强国建设",
    "设质",
    "题推动",
    "量强国质",
    "琼质强",
    "省办",
    "关于开展",
    "国质",
    "质量强国质量强省",
    "质量变革创新质量",
    "一活动主题推动质量变革创新促进质量强国建设质量强国质量强省",
  ])("“%s”: counted as in the text and in the title fields", (q) => {
    const w = normalize(q);
    const c = count(n, q);
    expect(c.body).toBe(occurrences(text, w).length);
    expect(c.title > 0).toBe(fields.some((f) => f.includes(w)));
  });

  test("a match never runs from one title field into the next or into the text", () => {
    // title ends 通知, theme starts 推动: 通知推动 is in neither.
    expect(count(n, "通知推动")).toEqual({ body: 0, title: 0 });
    // docNumber ends 8号, the text starts 一活动: no match across.
    expect(count(n, "8号一活动").body).toBe(0);
  });

  test.each([
    ["质量强省", { slogan: 1, all: 1, docnumber: 0 }],
    ["人人有责", { slogan: 1, all: 0 }],
    // Two slogans are two values: no match across them.
    ["有责品质", { slogan: 0 }],
    ["品质", { slogan: 1, title: 0 }],
    ["甲局", { issuer: 2 }],
    ["甲", { issuer: 3 }],
    ["甲省", { issuer: 1 }],
    ["琼质强省办20228号", { docnumber: 1, all: 0 }],
    ["关于开展", { title: 1, theme: 0 }],
    ["促进质量强国", { theme: 1, all: 1 }],
  ] as [string, Partial<Record<Scope, number>>][])("“%s”: counted per field", (q, expected) => {
    const c = countAll(n, q);
    for (const [field, want] of Object.entries(expected))
      expect(inField(c, field as Scope), field).toBe(want);
    // A field scope's look-ups find the same in the fields, and nothing in the text.
    const fieldsOnly = countAll(n, q, true);
    expect(inField(fieldsOnly, "all")).toBe(0);
    for (const field of ["title", "theme", "slogan", "docnumber", "issuer"] as const)
      expect(inField(fieldsOnly, field), `${field}, fields only`).toBe(inField(c, field));
  });

  test("a field word is the text's word marked: a text look-up finds both, a field look-up the field only", () => {
    const lookups = (w: string, fieldsOnly: boolean) =>
      planWord(w, fieldsOnly).lookups.flatMap((l) => positionsOf(words, l.token));
    for (const w of ["质量强国", "质量", "质"]) {
      expect(
        lookups(w, true).every((p) => p < bodyStart),
        w,
      ).toBe(true);
      expect(
        lookups(w, false).some((p) => p < bodyStart),
        w,
      ).toBe(true);
      expect(
        lookups(w, false).some((p) => p >= bodyStart),
        w,
      ).toBe(true);
    }
    expect(planWord("质", true).lookups[0]!.token).toBe("质__");
    expect(planWord("质量强", true).lookups[0]!.token).toBe("质量强_");
  });
});

describe("planWord", () => {
  test("1–2 characters: the word itself; more: trigrams at 0, 3, 6 … and the end", () => {
    expect(planWord("质").lookups).toEqual([{ token: "质_", offset: 0 }]);
    expect(planWord("质量").lookups).toEqual([{ token: "质量_", offset: 0 }]);
    expect(planWord("质量强").lookups.map((l) => l.offset)).toEqual([0]);
    expect(planWord("质量强国").lookups.map((l) => l.offset)).toEqual([0, 1]);
    expect(planWord("中央企业质量提升标准创新大会").lookups.map((l) => l.offset)).toEqual([0, 3, 6, 9, 11]);
    expect(planWord("𠀀𠀁𠀂𠀃").lookups.map((l) => l.token)).toEqual(["𠀀𠀁𠀂", "𠀁𠀂𠀃"]);
  });
});

describe("notice keys", () => {
  test("round-trip", () => {
    const k = {
      ordinal: 12,
      id: "2022-hainan",
      fieldStarts: [0, 40, 61, 180, 200, 230],
      level: "provincial",
      region: "海南省",
      issuers: ["hainan-zlqsb", "x"],
    } satisfies Omit<NoticeKey, "year">;
    expect(parseKey(formatKey(k))).toEqual({ ...k, year: 2022 });
    expect(formatKey(k)).toBe("12~2022-hainan~40.61.180.200.230~p~海南省~hainan-zlqsb,x");
    expect(() => parseKey("garbage")).toThrow();
    expect(() => parseKey("12~2022-hainan~173~p~海南省~x")).toThrow();
    expect(() => formatKey({ ...k, fieldStarts: [0, 1] })).toThrow();
  });
});

const key = (
  id: string,
  level: NoticeKey["level"] = "national",
  region = "",
  issuers: string[] = [],
): NoticeKey => ({
  ordinal: Number(id.replace(/\D/g, "")),
  id,
  year: Number(id.slice(0, 4)),
  fieldStarts: [0, 2, 4, 6, 8, 10],
  level,
  region,
  issuers,
});

describe("combining words, ranking, filters", () => {
  const a = key("2019-a");
  const b = key("2022-b", "provincial", "海南省", ["x"]);
  const c = key("2024-c", "municipal", "海南省", ["x", "y"]);
  /** Counts per field: [title, theme, slogan, docnumber, issuer, all]. */
  const word = (...rows: [NoticeKey, FieldCounts][]): WordMatches =>
    new Map(rows.map(([k, counts]) => [k.id, { key: k, counts }]));
  const perWord = new Map([
    ["质量", word([a, [0, 0, 0, 0, 0, 2]], [b, [1, 0, 0, 0, 0, 5]], [c, [1, 0, 0, 0, 0, 0]])],
    ["强国", word([a, [0, 0, 0, 0, 0, 1]], [b, [0, 1, 0, 0, 0, 1]], [c, [0, 1, 0, 0, 0, 0]])],
    ["数字", word([a, [0, 0, 1, 0, 0, 0]], [b, [0, 0, 0, 0, 0, 4]])],
  ]);
  const everything = () => [a, b, c];
  const found = (q: string, scope: Scope = "all") =>
    matchQuery(parseQuery(q), perWord, scope, everything)
      .map((m) => [m.key.id, m.count, m.titleHit, m.fields.join(" ")])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])));

  test("a notice matches when every word is in its text; counts add up", () => {
    expect(found("质量 强国")).toEqual([
      ["2019-a", 3, false, "all"],
      ["2022-b", 6, true, "all"],
    ]);
    expect(titleOnlyMatches(parseQuery("质量 强国"), perWord).map((k) => k.id)).toEqual(["2024-c"]);
  });

  test("OR, NOT, and scopes", () => {
    expect(found("强国 | 数字")).toEqual([
      ["2019-a", 1, false, "all slogan"],
      ["2022-b", 5, true, "all theme"],
    ]);
    // 2022-b has 数字 in its text; 2019-a only in a slogan, which the text scope does not read.
    expect(found("质量 -数字")).toEqual([["2019-a", 2, false, "all"]]);
    // In a field scope, results are listed by year: no count, no title hit.
    expect(found("质量 -数字", "title")).toEqual([
      ["2022-b", 0, false, "title"],
      ["2024-c", 0, false, "title"],
    ]);
    // Excluding only: every other notice of the archive, in the scope searched.
    expect(found("-数字", "slogan").map((r) => r[0])).toEqual(["2022-b", "2024-c"]);
    expect(found("数字", "slogan")).toEqual([["2019-a", 0, false, "slogan"]]);
    // Another field where the query holds is named too; the text only in scope all.
    expect(found("强国", "theme")).toEqual([
      ["2022-b", 0, false, "theme"],
      ["2024-c", 0, false, "theme"],
    ]);
    expect(found("质量 | 强国", "title")).toEqual([
      ["2022-b", 0, false, "title theme"],
      ["2024-c", 0, false, "title theme"],
    ]);
    expect(titleOnlyMatches(parseQuery("-质量"), perWord)).toEqual([]);
  });

  const matches: NoticeMatch[] = [
    { key: a, count: 9, titleHit: false, fields: ["all"] },
    { key: b, count: 1, titleHit: true, fields: ["all"] },
    { key: c, count: 9, titleHit: false, fields: ["all"] },
    { key: key("2024-d"), count: 1, titleHit: false, fields: ["all"] },
  ];

  test("relevance: title hits, then number of matches, then newest; date: newest first", () => {
    expect([...matches].sort(compareMatches("relevance")).map((m) => m.key.id)).toEqual([
      "2022-b",
      "2024-c",
      "2019-a",
      "2024-d",
    ]);
    expect([...matches].sort(compareMatches("date")).map((m) => m.key.id)).toEqual([
      "2024-c",
      "2024-d",
      "2022-b",
      "2019-a",
    ]);
  });

  test("filters, and facet counts that leave out their own facet", () => {
    const state = parseState(
      new URLSearchParams("q=x&from=2020&level=provincial&level=municipal&region=海南省"),
    );
    expect(applyFilters(matches, state).map((m) => m.key.id)).toEqual(["2022-b", "2024-c"]);
    const counts = facetCounts(matches, state);
    expect(counts.level).toEqual(
      new Map([
        ["provincial", 1],
        ["municipal", 1],
      ]),
    );
    expect(counts.year).toEqual(
      new Map([
        [2022, 1],
        [2024, 1],
      ]),
    );
    expect(counts.issuer).toEqual(
      new Map([
        ["x", 2],
        ["y", 1],
      ]),
    );
    expect(facetCounts(matches, parseState(new URLSearchParams("q=x&level=national"))).level).toEqual(
      new Map([
        ["national", 2],
        ["provincial", 1],
        ["municipal", 1],
      ]),
    );
  });

  test("the URL state round-trips", () => {
    const params = new URLSearchParams(
      "q=质量 强国&scope=theme&from=2019&to=2022&level=national&region=海南省&issuer=samr&sort=date",
    );
    expect(formatState(parseState(params)).toString()).toBe(params.toString());
    expect(parseState(new URLSearchParams("level=bogus&from=abc&sort=x&scope=body"))).toEqual({
      q: "",
      scope: "all",
      levels: [],
      sort: "relevance",
    });
    expect(formatState(parseState(new URLSearchParams("q=x&scope=all"))).toString()).toBe("q=x");
  });
});

describe("excerpts", () => {
  test("the original text with the match marked, whitespace and punctuation as printed", () => {
    const ex = excerpt("健全“双随机、一公开”、“互联网+监管”等监管手段", ["双随机一公开"])!;
    expect(ex.parts.find((p) => p.mark)?.text).toBe("双随机、一公开");
    expect(ex.parts.map((p) => p.text).join("")).toBe("健全“双随机、一公开”、“互联网+监管”等监管手段");
    expect(excerpt("无关文字", ["质量"])).toBeUndefined();
  });

  test("matching sections, counts, and an excerpt for a match that runs across two", () => {
    const sections: [string, string, string][] = [
      ["s1", "一、", "一、活动主题：质量"],
      ["s2", "二、", "推动质量变革，質量强国"],
    ];
    const quality = noticeMatches(sections, ["质量"]);
    expect(quality.sections.map((s) => [s.anchor, s.count])).toEqual([
      ["s1", 1],
      ["s2", 1],
    ]);
    expect(quality.occurrences).toBe(2);
    // The notice's excerpt is its first matching section's; each section has its own.
    expect(quality.excerpt!.parts.map((p) => p.text).join("")).toBe("一、活动主题：质量");
    expect(quality.sections[1]!.excerpt.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["质量"]);
    // With the t2s map, 質量 is a second match in s2.
    const t2s = new Map([["質", "质"]]);
    expect(noticeMatches(sections, ["质量"], t2s).sections[1]!.count).toBe(2);
    // 质量推动 runs across s1 and s2: found in the notice, in no section.
    const across = noticeMatches(sections, ["质量推动"]);
    expect(across.sections).toEqual([]);
    expect(across.occurrences).toBe(1);
    expect(across.excerpt!.parts.find((p) => p.mark)?.text).toBe("质量 推动");
  });
});

test("traditional → simplified map from OpenCC, limited to the archive's characters", async () => {
  const chars = new Set<string>();
  for (const name of readdirSync(join(ROOT, "content/notices")).filter((f) => f.endsWith(".mdx"))) {
    const { body } = splitMdx(name, readFileSync(join(ROOT, "content/notices", name), "utf8"));
    for (const ch of normalize(blocksToText(bodyBlocks(body)))) chars.add(ch);
  }
  const map = await buildT2S(chars);
  expect(normalize("質量強國", map)).toBe("质量强国");
  expect(normalize("國市監質發〔2022〕76號", map)).toBe("国市监质发202276号");
  expect(normalize("優化營商環境", map)).toBe("优化营商环境");
  for (const [from, to] of map) {
    expect(chars.has(from)).toBe(false);
    expect(chars.has(to)).toBe(true);
  }
});

describe("shards", () => {
  test("an archive up to the shard size is one shard, indexed as before (language und)", () => {
    expect(shardRanges(5, 2000)).toEqual([[0, 5]]);
    expect(shardRanges(2000, 2000)).toEqual([[0, 2000]]);
    expect(shardLanguage(0)).toBe("und");
  });

  test("larger archives split into contiguous near-equal shards covering every ordinal once", () => {
    for (const [count, size] of [
      [2001, 2000],
      [10_000, 2000],
      [5, 2],
      [7, 3],
      [5, 1],
    ] as const) {
      const ranges = shardRanges(count, size);
      const needed = Math.ceil(count / size);
      // An even number when more than one (two are indexed at a time).
      expect(ranges.length).toBe(needed === 1 ? 1 : needed + (needed % 2));
      expect(ranges[0]![0]).toBe(0);
      expect(ranges.at(-1)![1]).toBe(count);
      for (const [i, [from, to]] of ranges.entries()) {
        expect(to - from).toBeLessThanOrEqual(size);
        expect(to - from).toBeGreaterThanOrEqual(Math.floor(count / ranges.length));
        if (i) expect(from).toBe(ranges[i - 1]![1]);
      }
    }
    expect(shardRanges(0, 2000)).toEqual([]);
  });

  test("each shard has its own Pagefind language, a valid BCP 47 tag Pagefind does not segment", () => {
    const tags = [0, 1, 2, 10].map(shardLanguage);
    expect(new Set(tags).size).toBe(tags.length);
    for (const tag of tags) {
      expect(Intl.getCanonicalLocales(tag)[0]).toBe(tag);
      expect(tag.split("-")[0]).toBe("und");
    }
  });
});

describe("catalogue years", () => {
  const records: CatalogRecord[] = [
    {
      year: 2025,
      theme: "加强全面质量管理 促进质量强国建设",
      sourceKind: "news",
      sourceUrl: "https://example.org/a",
      href: "2025/",
    },
    {
      year: 2023,
      theme: "增强质量意识 推进高质量发展",
      docNumber: "国市监质发〔2023〕73号",
      sourceKind: "legal-database",
      sourceUrl: "https://example.org/b",
      href: "2023/",
    },
  ];
  const found = (q: string, scope: Scope = "all") =>
    matchCatalog(parseQuery(q), records, scope).map((m) => `${m.record.year}:${m.fields.join(" ")}`);

  test("matched by year, theme and document number, a word within one field", () => {
    expect(found("2023")).toEqual(["2023:all year docnumber"]);
    expect(found("2023年")).toEqual(["2023:all year"]);
    expect(found("增强质量意识")).toEqual(["2023:all theme"]);
    expect(found("国市监质发[2023]73号")).toEqual(["2023:all docnumber"]);
    expect(found("质量强国 | 高质量发展")).toEqual(["2025:all theme", "2023:all theme"]);
    expect(found("2023 -增强")).toEqual([]);
    expect(found("质量 -2023")).toEqual(["2025:all theme"]);
    // 发展国 runs from the theme into the document number: never a match.
    expect(found("发展国市监")).toEqual([]);
  });

  test("scopes: theme and document number read their own field; title, slogan and issuer find none", () => {
    expect(found("2023", "theme")).toEqual([]);
    expect(found("2023", "docnumber")).toEqual(["2023:docnumber year"]);
    expect(found("-数字", "theme")).toEqual(["2025:theme", "2023:theme"]);
    for (const scope of ["title", "slogan", "issuer"] as const) expect(found("质量", scope)).toEqual([]);
  });
});
