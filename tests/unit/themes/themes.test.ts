/**
 * Themes and slogans compared across years (src/themes/phrases.ts): exact matches ignoring spaces
 * and punctuation, near-identical phrases with the difference marked, stable anchors, the words
 * themes return to — on the archive's notices and catalogue, and with a synthetic notice for a
 * new year to show that an imported notice changes the comparisons with no code change.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  anchorOccurrence,
  buildPhraseIndex,
  diffPhrases,
  isNearIdentical,
  nationalThemesByYear,
  normalisePhrase,
  phraseAnchor,
  phraseGroup,
  recurringThemeTerms,
  relatedPhrases,
  repeatedAcrossYears,
  sloganItemAnchors,
  themeAnchor,
  tokenize,
  type DiffPart,
} from "../../../src/themes/phrases.ts";
import { loadCatalog, loadNotices, syntheticNotice } from "../helpers/notices.ts";

const notices = loadNotices();
const catalog = loadCatalog();
const index = buildPhraseIndex(notices, catalog);
const marked = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.changed)
    .map((p) => p.text)
    .join("|");
const where = (text: string) =>
  phraseGroup(index, text)!.occurrences.map((o) =>
    o.notice ? `${o.notice.id}:${o.role}${o.position ?? ""}` : `${o.year}:catalog`,
  );

describe("the same slogan across years", () => {
  it("ignores spaces and punctuation", () => {
    expect(normalisePhrase("优化营商环境 建设质量强国")).toBe(normalisePhrase("优化营商环境，建设质量强国"));
    expect(normalisePhrase("提升产品、工程和服务质量")).toBe("提升产品工程和服务质量");
    expect(normalisePhrase("ＡＢＣ　１２")).toBe("ABC12");
  });

  it("2019 and 2022 share 优化营商环境 建设质量强国", () => {
    const group = phraseGroup(index, "优化营商环境 建设质量强国")!;
    expect(group.years).toEqual([2019, 2022]);
    expect(where("优化营商环境 建设质量强国")).toEqual([
      "2019-quanguo:slogan4",
      "2022-quanguo:slogan9",
      "2022-hainan:slogan9",
    ]);
    expect(repeatedAcrossYears(index)).toContain(group);
  });

  it("Hainan 2022 repeats the national list, slogan for slogan", () => {
    const hainan = notices.find((n) => n.id === "2022-hainan")!.data.slogans!;
    const national = notices.find((n) => n.id === "2022-quanguo")!.data.slogans!;
    expect(hainan).toHaveLength(15);
    hainan.forEach((text, i) => {
      const occurrences = phraseGroup(index, text)!.occurrences;
      expect(occurrences.find((o) => o.notice?.id === "2022-quanguo")?.position).toBe(i + 1);
      expect(phraseGroup(index, text)).toBe(phraseGroup(index, national[i]!));
    });
  });

  it("matches slogans with other years' themes, from notices and from the catalogue", () => {
    expect(where("深入实施质量提升行动 大力推进质量强国建设")).toEqual([
      "2021-quanguo:theme",
      "2022-quanguo:slogan1",
      "2022-hainan:slogan1",
    ]);
    expect(where("建设质量强国 决胜全面小康")).toEqual(["2019-quanguo:slogan3", "2020:catalog"]);
    const catalogued = phraseGroup(index, "建设质量强国 决胜全面小康")!.occurrences[1]!;
    expect(catalogued.catalog?.sourceKind).toBe("mirror");
  });

  it("points each printed slogan back at its list item in the notice", () => {
    const { blocks } = notices.find((n) => n.id === "2019-quanguo")!;
    expect(sloganItemAnchors(blocks).get(normalisePhrase("优化营商环境 建设质量强国"))).toBe("a2-i4");
    const first = phraseGroup(index, "优化营商环境 建设质量强国")!.occurrences[1]!;
    expect(first.bodyAnchor).toBe("a4-i9");
  });
});

describe("near-identical slogans", () => {
  it("tokenises CJK by character and ASCII by run, punctuation riding along", () => {
    expect(tokenize("QC小组、2022年").map((t) => t.key)).toEqual(["QC", "小", "组", "2022", "年"]);
    expect(tokenize("产品、工程").map((t) => t.text)).toEqual(["产", "品", "、工", "程"]);
  });

  it("marks a replaced character: 共创 → 共享", () => {
    const diff = diffPhrases("建设质量强国 共创美好生活", "建设质量强国 共享美好生活");
    expect(isNearIdentical(diff)).toBe(true);
    expect(marked(diff.left)).toBe("创");
    expect(marked(diff.right)).toBe("享");
    expect(diff.left.map((p) => p.text).join("")).toBe("建设质量强国 共创美好生活");
  });

  it("marks an inserted phrase with its punctuation: 提升产品、工程和服务质量", () => {
    const diff = diffPhrases(
      "提升产品和服务质量 推动经济高质量发展",
      "提升产品、工程和服务质量 推动经济高质量发展",
    );
    expect(isNearIdentical(diff)).toBe(true);
    expect(marked(diff.left)).toBe("");
    expect(marked(diff.right)).toBe("、工程");
  });

  it("finds the related pairs in the archive, with the difference marked", () => {
    const pairs = index.relations.map((r) => `${r.left.text} ~ ${r.right.text}: ${marked(r.diff.right)}`);
    expect(pairs).toContain(
      "提升产品和服务质量 推动经济高质量发展 ~ 提升产品、工程和服务质量 推动经济高质量发展: 、工程",
    );
    expect(pairs).toContain("建设质量强国 共创美好生活 ~ 建设质量强国 共享美好生活: 享");
    expect(pairs).toContain(
      "加强全面质量管理 促进质量变革创新 ~ 加强全面质量管理 促进质量强国建设: 强国建设",
    );
    const group = phraseGroup(index, "提升产品、工程和服务质量 推动经济高质量发展")!;
    const [related] = relatedPhrases(index, group);
    expect(related?.right.text).toBe("提升产品和服务质量 推动经济高质量发展");
    expect(marked(related!.diff.left)).toBe("、工程");
  });

  it("does not relate slogans that share only a half", () => {
    for (const [a, b] of [
      ["坚持质量第一 建设质量强国", "推动质量变革 建设质量强国"],
      ["优化营商环境 建设质量强国", "加强市场监管 建设质量强国"],
      ["提升供给质量 建设质量强国", "共创中国质量 建设质量强国"],
      ["中国质量 共创共享", "中国质量 民族力量"],
    ] as const) {
      expect(isNearIdentical(diffPhrases(a, b)), `${a} / ${b}`).toBe(false);
    }
  });
});

describe("anchors", () => {
  it("are slogan- and the first 8 hex digits of SHA-256 of the normalised text", () => {
    expect(phraseAnchor("优化营商环境 建设质量强国")).toBe("slogan-bbf1b69e");
    const hash = createHash("sha256").update("人人创造质量人人享受质量").digest("hex").slice(0, 8);
    expect(phraseAnchor("人人创造质量，人人享受质量")).toBe(`slogan-${hash}`);
  });

  it("are unique and do not depend on which notices are held", () => {
    const anchors = index.groups.map((g) => g.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    const fewer = buildPhraseIndex(notices.filter((n) => n.data.year !== 2019));
    expect(phraseGroup(fewer, "优化营商环境 建设质量强国")!.anchor).toBe("slogan-bbf1b69e");
  });

  it("themes have theme-{year}-{slug}", () => {
    expect(themeAnchor({ year: 2022, slug: "hainan" })).toBe("theme-2022-hainan");
  });

  it("the anchor goes to the first slogan occurrence (oldest, national first)", () => {
    const group = phraseGroup(index, "深入实施质量提升行动 大力推进质量强国建设")!;
    expect(anchorOccurrence(group)).toMatchObject({ role: "slogan", year: 2022, position: 1 });
    expect(anchorOccurrence(group).notice?.id).toBe("2022-quanguo");
  });
});

describe("words themes keep returning to", () => {
  const themes = nationalThemesByYear(notices, catalog);
  const { terms, everywhere, themeCount } = recurringThemeTerms(themes);

  it("one theme per year: the held national notice's, else the catalogue's", () => {
    expect(themeCount).toBe(17);
    expect(themes.find((t) => t.year === 2019)?.theme).toBe("共创中国质量 建设质量强国");
    expect(themes.find((t) => t.year === 2020)?.theme).toBe("建设质量强国 决胜全面小康");
  });

  it("建设质量强国 recurs; 质量 is in every theme", () => {
    const years = (term: string) => terms.find((t) => t.term === term)?.years;
    expect(years("建设质量强国")).toEqual([2011, 2014, 2016, 2017, 2018, 2019, 2020]);
    expect(years("质量强国")?.length).toBeGreaterThan(years("建设质量强国")!.length);
    expect(everywhere).toEqual(["质量"]);
  });
});

describe("a newly imported notice updates every comparison with no code change", () => {
  // The 2019 seed as the importer writes it, standing for a 2025 notice whose slogans are
  // printed with commas instead of spaces.
  const next = syntheticNotice("seed-2019-quanguo", 2025, (d) => {
    d.slogans = (d.slogans as string[]).map((s) => s.replace(" ", "，"));
    d.theme = "加强全面质量管理 促进质量强国建设";
  });
  const more = buildPhraseIndex([...notices, next], catalog);

  it("its slogans join the groups of earlier years, punctuation aside", () => {
    const group = phraseGroup(more, "优化营商环境 建设质量强国")!;
    expect(group.years).toEqual([2019, 2022, 2025]);
    expect(group.anchor).toBe("slogan-bbf1b69e");
    expect(group.occurrences.at(-1)).toMatchObject({
      year: 2025,
      position: 4,
      text: "优化营商环境，建设质量强国",
    });
  });

  it("its theme supersedes the catalogue row of its year", () => {
    const occurrences = phraseGroup(more, "加强全面质量管理 促进质量强国建设")!.occurrences;
    expect(occurrences.map((o) => (o.catalog ? "catalog" : o.notice?.id))).toEqual(["2025-quanguo"]);
    const themes = nationalThemesByYear([...notices, next], catalog);
    expect(themes.find((t) => t.year === 2025)?.theme).toBe("加强全面质量管理 促进质量强国建设");
  });
});
