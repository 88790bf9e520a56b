/**
 * Full-text search through the real /search/ page on the real built archive (docs/search.md).
 *
 * About a hundred queries — the realistic ones readers type, plus queries generated from the
 * texts themselves (random substrings of sections, several words, punctuation changed, words
 * found nowhere) — each checked against the truth computed here from the texts: a notice
 * matches when its text contains every word, ignoring whitespace and punctuation (the MDX body,
 * see src/archive/fidelity.ts mdxBodyText); a section matches when its text contains any word.
 * Nothing expected is typed by hand. Then the contract attributes, the ranking rules, the
 * filters and their counts, the URL and the back button, the highlight on arrival and keyboard
 * use.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { rng } from "../../scripts/bench/synthetic-archive.ts";
import { extractSections } from "../../src/search/sections.ts";
import { LEVELS, LEVEL_LABELS } from "../../src/shared/levels.ts";
import { ROOT, closeBrowser, openPage, siteUrl, type OpenedPage, withPage } from "./helpers.ts";
import { readResults, submit, withSearch } from "./search-page.ts";
import { catalogRows, expected as expectedIn, squash, truthNotices, truthWords } from "./search-truth.ts";

/* ───────────────────────── the truth, from the texts ───────────────────────── */

const count = (hay: string, needle: string) => {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n++;
  return n;
};

const DIST = process.env.SEARCH_DIST ?? join(ROOT, "dist");
const truth = truthNotices(DIST);

/** Expected results of a full-text query, in the documented order (docs/search.md, Ranking). */
const expected = (q: string, order: "relevance" | "date" = "relevance") => expectedIn(truth, q, "all", order);

/* ───────────────────────── the queries ───────────────────────── */

const REALISTIC = [
  "质量强国",
  "双随机一公开",
  "双随机、一公开",
  "昆仑2022",
  "昆仑 2022",
  "QC小组",
  "qc小组",
  "ＱＣ小组",
  "12315平台",
  "12315",
  "国市监质发〔2022〕76号",
  "国市监质发[2022]76号",
  "国市监质发(2022)76号",
  "国市监质发2022 76号",
  "國市監質發〔2022〕76號",
  "質量強國",
  "提质强企",
  "优化营商环境 建设质量强国",
  "推动质量变革创新 促进质量强国建设",
  "质量月",
  "全国“质量月”",
  "质量",
  "质",
  "量",
  "月",
  "市场监管总局",
  "市场监管总局 质量发展局",
  "群众性质量活动",
  "中央企业质量提升标准创新大会",
  "电梯安全宣传周",
  "检验检测",
  "工匠精神",
  "新质生产力",
  "高质量发展",
  "质量强省",
  "海南",
  "量子计算",
  "区块链",
  "质量月 量子计算",
  "。，、",
];

function generatedQueries(): string[] {
  const random = rng(20240901);
  const sectionTexts = readdirSync(join(ROOT, "content/notices"))
    .filter((f) => f.endsWith(".mdx"))
    .sort()
    .flatMap((f) => {
      const [, year, slug] = /^(\d{4})-(.+)\.mdx$/.exec(f)!;
      return extractSections(readFileSync(join(DIST, year!, slug!, "index.html"), "utf8")).map((s) =>
        s.text.replace(/\n/g, ""),
      );
    });
  const substring = (min: number, max: number) => {
    for (;;) {
      const t = Array.from(sectionTexts[Math.floor(random() * sectionTexts.length)]!);
      const len = min + Math.floor(random() * (max - min + 1));
      if (t.length < len) continue;
      const at = Math.floor(random() * (t.length - len + 1));
      const q = t.slice(at, at + len).join("");
      if (squash(q)) return q;
    }
  };
  const out: string[] = [];
  for (let i = 0; i < 36; i++) out.push(substring(1, 12));
  for (let i = 0; i < 8; i++) out.push(`${substring(2, 6)} ${substring(2, 6)}`);
  // Punctuation typed differently, or spaces where the text has punctuation.
  for (let i = 0; out.length < 52 && i < 200; i++) {
    const q = substring(6, 14);
    if (/[，、。：；（）“”《》〔〕]/.test(q))
      out.push(q.replace(/[，、。：；（）“”《》〔〕]/g, (_, k: number) => (k % 2 ? " " : ",")));
  }
  // Upper case for text with Latin letters.
  const latin = sectionTexts.flatMap((t) => t.match(/[A-Za-z]{2,}[^\sA-Za-z]{0,3}/g) ?? []);
  for (const l of latin.slice(0, 3)) out.push(l.toUpperCase());
  // Reversed substrings: mostly found nowhere (the truth decides).
  for (let i = 0; i < 6; i++) out.push(Array.from(substring(4, 6)).reverse().join(""));
  return out;
}

const QUERIES = [...new Set([...REALISTIC, ...generatedQueries()])];

afterAll(closeBrowser);

describe("search results against the substring truth", () => {
  let opened: OpenedPage;
  const tally = {
    noticeTp: 0,
    noticeFound: 0,
    noticeExpected: 0,
    sectionTp: 0,
    sectionFound: 0,
    sectionExpected: 0,
  };

  beforeAll(async () => {
    opened = await openPage("/search/", { width: 1280, javaScriptEnabled: true });
  });
  afterAll(async () => {
    await opened?.close();
  });

  test("the query list is long and varied", () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(90);
    expect(QUERIES.filter((q) => expected(q).ids.length === 0).length).toBeGreaterThanOrEqual(3);
    expect(QUERIES.filter((q) => truthWords(q).length > 1).length).toBeGreaterThanOrEqual(8);
  });

  test.each(QUERIES)("%s", async (q) => {
    const want = expected(q);
    const shown = await submit(opened, q);
    const found = new Set(shown.ids);
    const tp = want.ids.filter((id) => found.has(id)).length;
    tally.noticeTp += tp;
    tally.noticeFound += found.size;
    tally.noticeExpected += want.ids.length;
    for (const id of shown.ids) {
      const wantSections = new Set(want.sections.get(id) ?? []);
      const got = shown.sections[id] ?? [];
      tally.sectionTp += got.filter((a) => wantSections.has(a)).length;
      tally.sectionFound += got.length;
      tally.sectionExpected += wantSections.size;
    }
    expect(shown.busyLog[0], "aria-busy is true while searching").toBe("true");
    expect(shown.busy).toBe("false");
    expect(shown.count, "[data-search-count]").toBe(String(want.ids.length));
    expect(shown.ids, "the notices, in the documented order").toEqual(want.ids);
    for (const id of want.ids) expect(shown.sections[id], `sections of ${id}`).toEqual(want.sections.get(id));
    expect(shown.more, "no more button when every result is shown").toBe(false);
    for (const id of want.ids)
      expect(shown.fields[id], `[data-result-field] of ${id}`).toBe(want.fields.get(id));
    expect(shown.catalog, "catalogue years").toEqual(want.catalog);
    if (!want.ids.length) expect(shown.status).toMatch(/没有找到|只含空格或标点/);
  });

  test("recall and precision are 1.00, at notice and at section level", () => {
    const ratio = (a: number, b: number) => (b ? a / b : 1);
    expect({
      noticePrecision: ratio(tally.noticeTp, tally.noticeFound),
      noticeRecall: ratio(tally.noticeTp, tally.noticeExpected),
      sectionPrecision: ratio(tally.sectionTp, tally.sectionFound),
      sectionRecall: ratio(tally.sectionTp, tally.sectionExpected),
    }).toEqual({ noticePrecision: 1, noticeRecall: 1, sectionPrecision: 1, sectionRecall: 1 });
    expect(tally.noticeExpected).toBeGreaterThan(100);
    expect(opened.problems()).toEqual([]);
  });
});

describe("the search page", () => {
  test("the URL is the search; results carry title, year, scope, excerpt with <mark> and section links", async () => {
    await withSearch("双随机一公开", async (opened, shown) => {
      expect(shown.ids).toEqual(expected("双随机一公开").ids);
      const first = await opened.page.evaluate(() => {
        const li = document.querySelector("[data-notice]")!;
        return {
          href: li.querySelector("a[data-result]")!.getAttribute("href"),
          meta: li.querySelector(".search-result-meta")?.textContent ?? "",
          marks: [...li.querySelectorAll(".search-excerpt mark")].map((m) => m.textContent),
          section: li.querySelector("a[data-section]")!.getAttribute("href"),
          input: (document.querySelector("#search-q") as HTMLInputElement).value,
          title: document.title,
        };
      });
      expect(first.input).toBe("双随机一公开");
      expect(first.href).toMatch(/\/\d{4}\/[a-z-]+\/\?hl=/);
      expect(decodeURIComponent(first.section!)).toMatch(/\?hl=双随机一公开#[a-z0-9-]+$/);
      expect(first.meta).toMatch(/\d{4}年/);
      // The original text is shown: the punctuation of 双随机、一公开 is kept inside the mark.
      expect(first.marks).toContain("双随机、一公开");
      expect(first.title).toContain("双随机一公开");
      expect(opened.problems()).toEqual([]);
    });
  });

  test("filters with counts, sort by date, and the back button", async () => {
    const q = "质量强国";
    await withSearch(q, async (opened, first) => {
      const { page } = opened;
      const all = expected(q);
      expect(first.ids).toEqual(all.ids);
      const found = truth.filter((t) => all.ids.includes(t.id));
      // Catalogue years found count too: national, no region (their years are in the year lists).
      const catalog = catalogRows().filter((r) => all.catalog.some((c) => c.year === r.year));
      expect(catalog.length, "质量强国 is in catalogue themes").toBeGreaterThan(0);
      const labels = await page.evaluate(() => ({
        levels: [...document.querySelectorAll<HTMLOptionElement>("#search-level option")]
          .slice(1)
          .map((o) => o.textContent),
        years: [...document.querySelectorAll<HTMLOptionElement>("#search-to option")].map(
          (o) => o.textContent,
        ),
        regions: [...document.querySelectorAll<HTMLOptionElement>("#search-region option")].map(
          (o) => o.textContent,
        ),
      }));
      const perLevel = (l: string) => found.filter((t) => t.level === l).length;
      // Every level of src/shared/levels.ts, highest first, county included; catalogue years
      // are national.
      expect(labels.levels).toEqual(
        LEVELS.map((l) => `${LEVEL_LABELS[l]}（${perLevel(l) + (l === "national" ? catalog.length : 0)}）`),
      );
      expect(labels.levels.at(-1)).toMatch(/^县级（/);
      for (const y of new Set([...truth.map((t) => t.year), ...catalogRows().map((r) => r.year)]))
        expect(labels.years).toContain(
          `${y}年（${found.filter((t) => t.year === y).length + catalog.filter((r) => r.year === y).length}）`,
        );
      for (const r of new Set(truth.flatMap((t) => (t.region ? [t.region] : []))))
        expect(labels.regions).toContain(`${r}（${found.filter((t) => t.region === r).length}）`);

      // A level filter: in the URL, applied, with the other facets' counts following it.
      await page.selectOption("#search-level", "provincial");
      let shown = await readResults(opened);
      expect(page.url()).toContain("level=provincial");
      const provincial = all.ids.filter((id) => truth.find((t) => t.id === id)!.level === "provincial");
      expect(shown.ids).toEqual(provincial);
      expect(shown.count).toBe(String(provincial.length));

      // A year range.
      const years = [...new Set(found.map((t) => t.year))].sort();
      await page.selectOption("#search-level", "");
      await readResults(opened);
      await page.selectOption("#search-from", String(years.at(-1)));
      shown = await readResults(opened);
      expect(page.url()).toContain(`from=${years.at(-1)}`);
      expect(shown.ids).toEqual(
        all.ids.filter((id) => truth.find((t) => t.id === id)!.year >= years.at(-1)!),
      );

      // Back: the range goes, then the level filter comes back.
      await page.goBack();
      shown = await readResults(opened);
      expect(shown.ids).toEqual(all.ids);
      await page.goBack();
      shown = await readResults(opened);
      expect(shown.ids).toEqual(provincial);
      expect(await page.inputValue("#search-level")).toBe("provincial");
      await page.goBack();
      shown = await readResults(opened);
      expect(shown.ids).toEqual(all.ids);

      // Sort by date instead.
      await page.check("input[name=sort][value=date]");
      shown = await readResults(opened);
      expect(page.url()).toContain("sort=date");
      expect(shown.ids).toEqual(expected(q, "date").ids);
      expect(opened.problems()).toEqual([]);
    });
  });

  test("a query found nowhere says so, with honest suggestions only", async () => {
    const q = "质量月量子计算";
    expect(expected(q).ids).toEqual([]);
    await withSearch(q, async (opened, shown) => {
      expect(shown.count).toBe("0");
      expect(shown.status).toContain("没有找到");
      const suggestions = await opened.page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>("[data-search-suggest] a")].map((a) =>
          decodeURIComponent(new URL(a.href).searchParams.get("q") ?? ""),
        ),
      );
      expect(suggestions.length).toBeGreaterThan(0);
      for (const s of suggestions) {
        expect(q).toContain(s);
        expect(expected(s).ids.length, `suggested “${s}” is found`).toBeGreaterThan(0);
      }
      expect(opened.problems()).toEqual([]);
    });
  });

  test("a page opened with a query is busy from its first script until its results are shown", async () => {
    await withPage("/", { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      // Recorded from the page's first moment: what aria-busy says once its scripts have run
      // (DOMContentLoaded waits for module scripts), and every change after.
      await page.addInitScript(() => {
        const w = window as unknown as { busyAtReady?: string | null | undefined };
        document.addEventListener("DOMContentLoaded", () => {
          w.busyAtReady = document.querySelector("[data-search-results]")?.getAttribute("aria-busy");
        });
      });
      await page.goto(new URL(`search/?q=${encodeURIComponent("质量强国")}`, page.url()).href);
      const busyAtReady = await page.evaluate(
        () => (window as unknown as { busyAtReady?: string }).busyAtReady,
      );
      expect(busyAtReady, "aria-busy when the page's scripts have run").toBe("true");
      const shown = await readResults(opened);
      expect(shown.ids).toEqual(expected("质量强国").ids);
      expect(opened.problems()).toEqual([]);
    });
  });

  test("keyboard only: the search box, the results and a result link", async () => {
    await withPage("/", { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      // Tab to the header search box, type, Enter.
      let reached = false;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await page.evaluate(() => document.activeElement?.id === "site-search-q");
      }
      expect(reached, "the header search box is reachable with Tab").toBe(true);
      await page.keyboard.type("双随机一公开");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/search\/\?q=/);
      const shown = await readResults(opened);
      expect(shown.ids).toEqual(expected("双随机一公开").ids);
      // The result count is announced: it sits in a polite live region.
      expect(await page.getAttribute("[data-search-status]", "aria-live")).toBe("polite");
      // Tab on to the first result and open it.
      let onResult = false;
      for (let i = 0; i < 120 && !onResult; i++) {
        await page.keyboard.press("Tab");
        onResult = await page.evaluate(() => document.activeElement?.matches("a[data-result]") ?? false);
      }
      expect(onResult, "a result link is reachable with Tab").toBe(true);
      await page.keyboard.press("Enter");
      await page.waitForURL(/\?hl=/);
      await page.waitForSelector("mark.hl-mark");
      expect(opened.problems()).toEqual([]);
    });
  });

  test("without JavaScript: the header form still leads to /search/?q=, which says search needs it", async () => {
    // The header's field is on wide screens; phones have a 检索 link to /search/ (issue 16).
    await withPage("/2022/hainan/", { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const { page } = opened;
      expect(await page.getAttribute("a.header-search-link", "href")).toMatch(/\/search\/$/);
      await page.fill("#site-search-q", "质量强国");
      await page.press("#site-search-q", "Enter");
      await page.waitForURL(/\/search\/\?q=/);
      expect(decodeURIComponent(page.url())).toContain("q=质量强国");
      expect(await page.textContent("noscript")).toContain("JavaScript");
      expect(opened.problems()).toEqual([]);
    });
  });
});

describe("arriving on a notice from a result", () => {
  test("every match is marked in the original text, the first of the section is in view, and the marks clear", async () => {
    const q = "质量强国";
    const target = expected(q).ids.find((id) => (expected(q).sections.get(id) ?? []).length > 1)!;
    const notice = truth.find((t) => t.id === target)!;
    const anchor = expected(q).sections.get(target)![1]!;
    const [, year, slug] = /^(\d{4})-(.+)$/.exec(target)!;
    await withPage(
      `/${year}/${slug}/?hl=${encodeURIComponent(q)}#${anchor}`,
      {
        width: 1280,
        javaScriptEnabled: true,
      },
      async (opened) => {
        const { page } = opened;
        await page.waitForSelector("mark.hl-mark");
        const facts = await page.evaluate((id) => {
          const marks = [...document.querySelectorAll<HTMLElement>("mark.hl-mark")];
          const groups = new Map<string, string>();
          for (const m of marks) groups.set(m.dataset.hl!, (groups.get(m.dataset.hl!) ?? "") + m.textContent);
          const current = document.querySelector<HTMLElement>("mark.hl-current")!;
          const rect = current.getBoundingClientRect();
          const section = document.getElementById(id)!;
          return {
            groups: [...groups.values()],
            inView: rect.top >= 0 && rect.bottom <= innerHeight,
            afterAnchor:
              section.contains(current) ||
              !!(section.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING),
            firstOfSection:
              marks.find(
                (m) =>
                  section.contains(m) ||
                  !!(section.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING),
              ) === current,
          };
        }, anchor);
        expect(facts.groups.length, "one mark per occurrence in the text").toBe(
          count(notice.fields.all[0]!, squash(q)),
        );
        for (const g of facts.groups) expect(squash(g)).toBe(squash(q));
        expect(facts.inView).toBe(true);
        expect(facts.afterAnchor).toBe(true);
        expect(facts.firstOfSection).toBe(true);

        await page.click("[data-hl-clear]");
        expect(await page.locator("mark.hl-mark").count()).toBe(0);
        expect(page.url()).not.toContain("hl=");
        expect(opened.problems()).toEqual([]);
      },
    );
  });

  test("a traditional-character query and punctuation typed differently are highlighted too", async () => {
    await withPage(
      `/2022/quanguo/?hl=${encodeURIComponent("雙隨機 一公開")}`,
      {
        width: 375,
        javaScriptEnabled: true,
      },
      async (opened) => {
        await opened.page.waitForSelector("mark.hl-mark");
        const marks = await opened.page.$$eval("mark.hl-mark", (ms) => ms.map((m) => m.textContent));
        const notice = truth.find((t) => t.id === "2022-quanguo")!;
        expect(marks.length).toBeGreaterThan(0);
        expect(marks.join("")).toContain("双随机");
        const n = count(notice.fields.all[0]!, "双随机") + count(notice.fields.all[0]!, "一公开");
        expect(
          await opened.page.$$eval(
            "mark.hl-mark",
            (ms) => new Set(ms.map((m) => (m as HTMLElement).dataset.hl)).size,
          ),
        ).toBeLessThanOrEqual(n);
        expect(opened.problems()).toEqual([]);
      },
    );
  });

  test("a notice page without ?hl= loads no search code or data", async () => {
    await withPage("/2022/quanguo/", { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const urls = await opened.page.evaluate(() =>
        performance.getEntriesByType("resource").map((r) => r.name),
      );
      expect(urls.filter((u) => /\/(pagefind|search-data)\//.test(u))).toEqual([]);
      expect(await opened.page.locator("form[role=search] input[name=q]").count()).toBe(1);
      expect(opened.problems()).toEqual([]);
    });
  });
});

test("site URLs used here resolve under the base path", () => {
  expect(siteUrl("/search/")).toMatch(/\/search\/$/);
});
