/**
 * Scopes, operators and catalogue years on the real /search/ page (docs/search.md, "Scopes and
 * operators", "Catalogue years"): every scope (全文, 标题, 主题, 口号, 文号, 发文机关) and every
 * operator (space, `|`, 或, `-`), with queries typed here and queries generated from the fields'
 * values, each checked against the truth computed from the MDX files, the issuer registry and
 * the catalogue file (tests/browser/search-truth.ts): the notices in order, the field each
 * result names ([data-result-field]), the catalogue years, and in the theme scope the number of
 * years. Then the URL, the header box's hand-over, and the highlight of a query with operators.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { rng } from "../../scripts/bench/synthetic-archive.ts";
import { ROOT, closeBrowser, openPage, type OpenedPage, withPage } from "./helpers.ts";
import { readResults, submit, withSearch } from "./search-page.ts";
import {
  SCOPES,
  catalogRows,
  expected,
  issuerNames,
  noticeDocuments,
  squash,
  truthNotices,
  truthQuery,
  type Scope,
} from "./search-truth.ts";

const DIST = process.env.SEARCH_DIST ?? join(ROOT, "dist");
const truth = truthNotices(DIST);

/** Queries typed by hand, per scope (the truth decides what each must find). */
const TYPED: Record<Scope, string[]> = {
  all: [
    "质量强国 | 双随机一公开",
    "质量 -海南",
    "数字 或 绿色",
    "数字|绿色",
    "优化营商环境 | 12315 -昆仑",
    "质量月 量子计算 | 双随机",
    "-质量",
    "-量子计算",
    "2023",
    "增强质量意识",
    "增强质量意识 推进高质量发展",
    "国市监质发[2023]73号",
    "國市監質發(2022)76號",
    "建设质量强国 -2022",
  ],
  title: ["关于开展", "海南", "2022年全国", "質量月 -海南", "市场监管总局等 | 海南省", "量子计算"],
  theme: [
    "质量强国",
    "数字 | 绿色",
    "质量强国 | 全面质量管理",
    "-质量",
    "变革创新",
    "推动 -促进",
    "質量強國 -2022",
    "增强质量意识",
  ],
  slogan: ["质量强国", "工匠精神 | 品牌", "人人 -享受", "中国精品", "量子计算 或 区块链"],
  docnumber: [
    "国市监质发[2022]76号",
    "国市监质发(2023)73号",
    "2021",
    "琼质强省办",
    "国市监质发 -2022",
    "〔2019〕",
  ],
  issuer: [
    "市场监管总局",
    "国家市场监督管理总局",
    "发改委",
    "科技部 -工业和信息化部",
    "海南",
    "中宣部 | 最高法",
  ],
};

/** Parts of the fields' own values, so that every scope is also searched with what it holds. */
function generated(scope: Scope, count: number): string[] {
  const random = rng(20260901 + SCOPES.indexOf(scope));
  const names = issuerNames();
  const values = noticeDocuments().flatMap(({ data }) => {
    switch (scope) {
      case "title":
        return data.title ? [data.title] : [];
      case "theme":
        return [data.theme ?? "", ...catalogRows().map((r) => r.theme)].filter(Boolean);
      case "slogan":
        return data.slogans ?? [];
      case "docnumber":
        return [data.docNumber ?? "", ...catalogRows().map((r) => r.docNumber)].filter(Boolean);
      case "issuer":
        return data.issuers.flatMap((i) => names.get(i) ?? []);
      case "all":
        return [];
    }
  });
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < 500; tries++) {
    const chars = Array.from(values[Math.floor(random() * values.length)] ?? "");
    const len = Math.min(chars.length, 2 + Math.floor(random() * 6));
    const at = Math.floor(random() * (chars.length - len + 1));
    const q = chars.slice(at, at + len).join("");
    if (squash(q).length >= 2) out.push(q);
  }
  return out;
}

const CASES: [Scope, string][] = SCOPES.flatMap((scope) =>
  [...TYPED[scope], ...generated(scope, scope === "all" ? 0 : 4)].map((q) => [scope, q] as [Scope, string]),
);

afterAll(closeBrowser);

describe("every scope and operator against the truth", () => {
  let opened: OpenedPage;
  beforeAll(async () => {
    opened = await openPage("/search/", { width: 1280, javaScriptEnabled: true });
  });
  afterAll(async () => {
    await opened?.close();
  });

  test("the cases cover every scope and operator, and find something and nothing", () => {
    for (const scope of SCOPES) expect(CASES.filter(([s]) => s === scope).length).toBeGreaterThanOrEqual(5);
    const terms = CASES.map(([, q]) => truthQuery(q));
    expect(terms.filter((t) => t.some((x) => x.words.length > 1)).length, "OR").toBeGreaterThanOrEqual(8);
    expect(terms.filter((t) => t.some((x) => x.negated)).length, "NOT").toBeGreaterThanOrEqual(8);
    expect(terms.filter((t) => t.filter((x) => !x.negated).length > 1).length, "AND").toBeGreaterThanOrEqual(
      3,
    );
    const results = CASES.map(([scope, q]) => expected(truth, q, scope));
    expect(results.filter((r) => r.ids.length + r.catalog.length === 0).length).toBeGreaterThanOrEqual(3);
    expect(results.filter((r) => r.ids.length > 0).length).toBeGreaterThanOrEqual(30);
    expect(results.filter((r) => r.catalog.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  test.each(CASES)("[%s] %s", async (scope, q) => {
    const want = expected(truth, q, scope);
    const shown = await submit(opened, q, scope);
    expect(shown.count, "[data-search-count]").toBe(String(want.ids.length));
    expect(shown.ids, "the notices, in the documented order").toEqual(want.ids);
    for (const id of want.ids) {
      expect(shown.fields[id], `[data-result-field] of ${id}`).toBe(want.fields.get(id));
      if (scope === "all") expect(shown.sections[id], `sections of ${id}`).toEqual(want.sections.get(id));
    }
    expect(shown.catalog, "the catalogue years, newest first, and their fields").toEqual(want.catalog);
    if (scope === "theme") expect(shown.years, "共N个年份").toBe(String(want.years));
    else expect(shown.years).toBeUndefined();
  });

  test("nothing went wrong on the page", () => {
    expect(opened.problems()).toEqual([]);
  });
});

describe("the 主题 scope and the catalogue years", () => {
  test("主题 with 数字 | 绿色 states how many years' themes hold either", async () => {
    for (const q of ["数字 | 绿色", "质量强国 | 全面质量管理"]) {
      const want = expected(truth, q, "theme");
      await withSearch(
        q,
        async (opened, shown) => {
          expect(shown.years).toBe(String(want.years));
          const text = await opened.page.textContent("[data-search-years]");
          expect(text).toContain(`共${want.years}个年份的主题含`);
          for (const w of truthQuery(q).flatMap((t) => t.words)) expect(text).toContain(`“${w}”`);
          expect(opened.problems()).toEqual([]);
        },
        { scope: "theme", width: 390 },
      );
    }
    // The second query finds years from both sources: held notices and the catalogue.
    const both = expected(truth, "质量强国 | 全面质量管理", "theme");
    expect(both.ids.length).toBeGreaterThan(0);
    expect(both.catalog.length).toBeGreaterThan(0);
  });

  test.each(["2023", "增强质量意识"])(
    "%s finds the 2023 catalogue year, shown as 未收录全文 with its source",
    async (q) => {
      const row = catalogRows().find((r) => r.year === 2023)!;
      expect(row, "2023 is a catalogue year").toBeDefined();
      await withSearch(q, async (opened, shown) => {
        expect(shown.catalog.map((c) => c.year)).toContain(2023);
        const item = await opened.page.evaluate(() => {
          const li = document.querySelector<HTMLElement>("[data-catalog-year='2023']")!;
          return {
            text: li.textContent ?? "",
            links: [...li.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? ""),
            marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
          };
        });
        expect(item.text).toContain("未收录全文");
        expect(item.text).toContain(row.theme);
        expect(item.links).toContain(row.sourceUrl);
        expect(item.links.some((href) => href.endsWith("/2023/"))).toBe(true);
        expect(item.marks.map((m) => squash(m ?? ""))).toContain(squash(q));
        // Never counted or listed as a notice.
        expect(shown.ids).not.toContain("2023-quanguo");
        expect(opened.problems()).toEqual([]);
      });
    },
  );
});

describe("the scope in the URL, and searching from the header box", () => {
  test("scope= chooses the scope, the control changes it, and Back restores it", async () => {
    const q = "质量强国";
    await withSearch(
      q,
      async (opened, first) => {
        const { page } = opened;
        expect(await page.isChecked("input[name=scope][value=theme]")).toBe(true);
        expect(first.ids).toEqual(expected(truth, q, "theme").ids);
        await page.click("label:has(input[name=scope][value=slogan])");
        let shown = await readResults(opened);
        expect(new URL(page.url()).searchParams.get("scope")).toBe("slogan");
        expect(shown.ids).toEqual(expected(truth, q, "slogan").ids);
        await page.click("label:has(input[name=scope][value=all])");
        shown = await readResults(opened);
        expect(new URL(page.url()).searchParams.has("scope")).toBe(false);
        expect(shown.ids).toEqual(expected(truth, q).ids);
        await page.goBack();
        shown = await readResults(opened);
        expect(await page.isChecked("input[name=scope][value=slogan]")).toBe(true);
        expect(shown.ids).toEqual(expected(truth, q, "slogan").ids);
        expect(opened.problems()).toEqual([]);
      },
      { scope: "theme", width: 390 },
    );
  });

  test("the header box of a notice page searches while typing and hands its results to the search page", async () => {
    const q = "质量强国 -海南";
    await withPage("/2022/hainan/", { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      await page.click("#site-search-q");
      await page.keyboard.type(q, { delay: 50 });
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/search\/\?q=/);
      const shown = await readResults(opened);
      const want = expected(truth, q);
      expect(shown.ids).toEqual(want.ids);
      for (const id of want.ids) expect(shown.fields[id]).toBe(want.fields.get(id));
      // The results came with the page: the search page itself asked Pagefind for nothing.
      const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name));
      expect(fetched.filter((u) => u.includes("/pagefind/"))).toEqual([]);
      expect(opened.problems()).toEqual([]);
    });
  });

  test("a result link highlights the query's words, not the excluded ones", async () => {
    const q = "质量强国 -昆仑";
    await withPage(
      `/2022/quanguo/?hl=${encodeURIComponent(q)}`,
      {
        width: 390,
        javaScriptEnabled: true,
      },
      async (opened) => {
        await opened.page.waitForSelector("mark.hl-mark");
        const groups = await opened.page.$$eval("mark.hl-mark", (ms) => {
          const byGroup = new Map<string, string>();
          for (const m of ms as HTMLElement[])
            byGroup.set(m.dataset.hl!, (byGroup.get(m.dataset.hl!) ?? "") + m.textContent);
          return [...byGroup.values()];
        });
        const text = truth.find((t) => t.id === "2022-quanguo")!.fields.all[0]!;
        expect(groups.length).toBe(text.split("质量强国").length - 1);
        for (const g of groups) expect(squash(g)).toBe("质量强国");
        expect(opened.problems()).toEqual([]);
      },
    );
  });
});
