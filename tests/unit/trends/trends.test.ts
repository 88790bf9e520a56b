/**
 * Term trends: the counts the site shows (from the notices' MDX bodies) agree with a plain
 * substring count over the verbatim source texts in content/sources, computed here on its own;
 * national notices are counted by year and local ones apart; a notice made by the importer shows
 * up with no code change; the chart is a static SVG with a text alternative.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { listNoticeFiles, loadIssuerIndex } from "../../../src/archive/files.ts";
import { importNotice } from "../../../src/importer/index.ts";
import { normalize } from "../../../src/search/normalize.ts";
import { bodyBlocks } from "../../../src/text/notice-text.ts";
import { segment } from "../../../src/text/segment.ts";
import { trendChartSvg, yearRange } from "../../../src/trends/chart.ts";
import {
  KEY_TERMS,
  countOccurrences,
  distinctiveWords,
  per10k,
  searchableText,
  termTrend,
  wordCounts,
  type Level,
  type TrendText,
} from "../../../src/trends/trends.ts";

const root = resolve(import.meta.dirname, "../../..");

function heldTexts(): (TrendText & { source: string })[] {
  return listNoticeFiles(root).map((file) => {
    const data = yaml.load(file.frontmatterText) as {
      year: number;
      level: Level;
      region?: string;
      provenance: { source: string };
    };
    return {
      id: file.id,
      year: data.year,
      level: data.level,
      label: `${data.year}年${data.region ?? "全国"}`,
      url: `/${file.id}/`,
      text: searchableText(bodyBlocks(file.body)),
      source: readFileSync(join(root, data.provenance.source), "utf8"),
    };
  });
}

/** Independent of the code under test: drop everything but letters and digits, count by hand. */
function naiveCount(source: string, term: string): number {
  const text = source.replace(/[^\p{L}\p{N}]/gu, "");
  let count = 0;
  for (let i = 0; i + term.length <= text.length; i++) if (text.slice(i, i + term.length) === term) count++;
  return count;
}

describe("term counts", () => {
  const texts = heldTexts();

  it("every key term's count in every notice equals a plain count over its source text", () => {
    expect(texts.length).toBeGreaterThan(0);
    for (const term of KEY_TERMS) {
      const trend = termTrend(texts, term);
      for (const t of texts) {
        const point =
          t.level === "national"
            ? trend.national.find((p) => p.year === t.year)
            : trend.local.find((p) => p.ids.includes(t.id));
        expect(point, `${term} in ${t.id}`).toBeDefined();
        expect({ notice: t.id, term, count: point!.count }).toEqual({
          notice: t.id,
          term,
          count: naiveCount(t.source, term),
        });
      }
    }
  });

  it("质量 (the box's example) too, and rates are per 10,000 characters of letters and digits", () => {
    const trend = termTrend(texts, "质量");
    const t2022 = texts.find((t) => t.id === "2022-quanguo")!;
    const point = trend.national.find((p) => p.year === 2022)!;
    expect(point.count).toBe(naiveCount(t2022.source, "质量"));
    expect(point.chars).toBe(t2022.text.length);
    expect(point.rate).toBeCloseTo((point.count * 10_000) / point.chars);
  });

  it("national notices by year, oldest first; local notices apart", () => {
    const trend = termTrend(texts, "质量强国");
    const nationalYears = [...new Set(texts.filter((t) => t.level === "national").map((t) => t.year))].sort();
    expect(trend.national.map((p) => p.year)).toEqual(nationalYears);
    expect(trend.local.map((p) => p.ids[0])).toEqual(
      texts.filter((t) => t.level !== "national").map((t) => t.id),
    );
  });

  it("a typed term is matched as search matches it: spaces, punctuation and full-width forms ignored", () => {
    expect(normalize("建设 质量强国，")).toBe("建设质量强国");
    expect(normalize("ＣＣＣ认证（３Ｃ）")).toBe("ccc认证3c");
    expect(termTrend(texts, "质量 强国").national).toEqual(termTrend(texts, "质量强国").national);
    expect(countOccurrences("质量质量质量", "质量质量")).toBe(2);
    expect(countOccurrences("质量", "")).toBe(0);
    expect(per10k(3, 30_000)).toBe(1);
  });

  it("a notice made by the importer appears in every trend with no code change", async () => {
    const issuers = loadIssuerIndex(root);
    const source = readFileSync(
      join(root, "tests/fixtures/importer/seed-2019-quanguo/input.txt"),
      "utf8",
    ).replaceAll("2019", "2023");
    const imported = await importNotice({
      bytes: new TextEncoder().encode(source),
      receivedAs: "fixture.txt",
      issuers,
    });
    const fixture: TrendText = {
      id: imported.id!,
      year: imported.frontmatter!.year,
      level: imported.frontmatter!.level,
      label: "2023年全国",
      url: "/2023/quanguo/",
      text: searchableText(bodyBlocks(imported.body)),
    };
    for (const term of KEY_TERMS) {
      const point = termTrend([...texts, fixture], term).national.find((p) => p.year === 2023);
      expect(point?.count, term).toBe(naiveCount(source, term));
    }
    expect(yearRange([termTrend([...texts, fixture], "标准")])).toContain(2023);
  });
});

describe("frequent words", () => {
  it("jieba keeps every character, and the key terms are single words", () => {
    const text = "推动高质量发展，建设质量强国 2022年";
    expect(segment(text).join("")).toBe(text);
    expect(segment(text)).toEqual(expect.arrayContaining(["高质量发展", "质量强国"]));
  });

  it("counts Chinese words of two or more characters, without function words", () => {
    const counts = wordCounts(["质量", "的", "质量", "进一步", "标准", "2022", "，", "质量"]);
    expect(counts).toEqual([
      { word: "质量", count: 3 },
      { word: "标准", count: 1 },
    ]);
  });

  it("distinctive words: used notably more in one year than in the others", () => {
    const year = [
      { word: "纲要", count: 5 },
      { word: "质量", count: 50 },
    ];
    const others = [{ word: "质量", count: 150 }];
    expect(distinctiveWords(year, others, 5).map((w) => w.word)).toEqual(["纲要"]);
  });
});

describe("trend chart", () => {
  it("is a static SVG picture with a text alternative, one column per national year", () => {
    const texts: TrendText[] = [
      {
        id: "2019-quanguo",
        year: 2019,
        level: "national",
        label: "2019年全国",
        url: "/",
        text: "质量强国" + "的".repeat(96),
      },
      {
        id: "2021-quanguo",
        year: 2021,
        level: "national",
        label: "2021年全国",
        url: "/",
        text: "的".repeat(100),
      },
      {
        id: "2021-hainan",
        year: 2021,
        level: "provincial",
        label: "2021年海南省",
        url: "/",
        text: "质量强国质量强国",
      },
    ];
    const svg = trendChartSvg(termTrend(texts, "质量强国"), { id: "t" });
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="t-title t-desc"/);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(svg).toContain(">2020</text>"); // a year without a notice is shown as such
    expect(svg).toContain("未收录");
    expect(svg).toContain("全国通知每万字出现次数：2019年100，2021年0。地方通知（圆点）：2021年海南省2500。");
  });
});
