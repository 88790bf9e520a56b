/**
 * /trends/ and the comparisons in Chromium, at phone and desktop widths. Without JavaScript the
 * charts are there (SVG pictures with a text alternative, and the numbers in a table), the
 * comparisons are static pages and the pickers are plain links; with JavaScript the term box
 * answers (its count agrees with a plain count over the source files) and the pickers compare
 * any two notices in the browser. Every page loads with no console error, failed or external
 * request, and does not scroll sideways.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ROOT, closeBrowser, type OpenedPage, withPage } from "./helpers.ts";

afterAll(closeBrowser);

const widths = [375, 1280];

/** 质量 counted by hand over every source text (letters and digits only). */
function sourceCount(term: string): number {
  const dir = join(ROOT, "content/sources");
  let count = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".txt"))) {
    const text = readFileSync(join(dir, name), "utf8").replace(/[^\p{L}\p{N}]/gu, "");
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) count++;
  }
  return count;
}

async function noOverflow(opened: OpenedPage, width: number): Promise<void> {
  const scrollWidth = await opened.page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(scrollWidth, "horizontal overflow").toBeLessThanOrEqual(width);
}

describe("/trends/", () => {
  test.each(widths)("charts and table without JavaScript at %i px", async (width) => {
    await withPage("/trends/", { width, javaScriptEnabled: false }, async (opened) => {
      const { page } = opened;
      expect.soft(opened.response?.status()).toBe(200);
      const facts = await page.evaluate(() => {
        const charts = [...document.querySelectorAll("svg.trend-chart")];
        return {
          charts: charts.length,
          pictures: charts.filter((svg) => svg.getAttribute("role") === "img").length,
          titled: charts.filter((svg) => {
            const ids = (svg.getAttribute("aria-labelledby") ?? "").split(" ");
            return ids.length === 2 && ids.every((id) => document.getElementById(id)?.textContent?.trim());
          }).length,
          bars: document.querySelectorAll("svg.trend-chart rect").length,
          visibleCharts: charts.filter((svg) => svg.getBoundingClientRect().height > 50).length,
          tableRows: document.querySelectorAll("table.trend-table tbody tr").length,
          tableNumbers: [...document.querySelectorAll("table.trend-table tbody td")].filter((td) =>
            /^\d/.test(td.textContent?.trim() ?? ""),
          ).length,
          caption: document.querySelector("table.trend-table caption")?.textContent ?? "",
          formVisible: !!document.querySelector<HTMLElement>("[data-term-form]")?.offsetParent,
          note: document.querySelector("[data-term-js-note]")?.textContent ?? "",
          words: document.querySelectorAll(".words-list li").length,
        };
      });
      expect(facts.charts).toBeGreaterThanOrEqual(10);
      expect(facts.pictures).toBe(facts.charts);
      expect(facts.titled).toBe(facts.charts);
      expect(facts.visibleCharts).toBe(facts.charts);
      expect(facts.bars).toBeGreaterThan(0);
      expect(facts.tableRows).toBe(facts.charts);
      expect(facts.tableNumbers).toBeGreaterThanOrEqual(facts.charts);
      expect(facts.caption).toContain("每万字");
      expect(facts.formVisible, "the term box needs JavaScript: hidden without it").toBe(false);
      expect(facts.note).toContain("JavaScript");
      expect(facts.words).toBeGreaterThan(0);
      await noOverflow(opened, width);
      expect(opened.problems()).toEqual([]);
    });
  });

  test.each(widths)("the term box counts 质量 with JavaScript at %i px", async (width) => {
    await withPage("/trends/", { width, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      await page.fill("#term-input", "质量");
      await page.click("[data-term-form] button");
      const total = page.locator("[data-term-total]");
      await total.waitFor({ timeout: 10_000 });
      expect(Number(await total.textContent())).toBe(sourceCount("质量"));
      expect(await page.locator("[data-term-result] svg.trend-chart").count()).toBe(1);
      const rows = await page.locator("[data-term-result] tbody tr").count();
      expect(rows).toBe(readdirSync(join(ROOT, "content/notices")).filter((n) => n.endsWith(".mdx")).length);
      expect(page.url()).toContain("q=");
      await noOverflow(opened, width);
      expect(opened.problems()).toEqual([]);
    });
  });
});

describe("comparisons", () => {
  test.each(widths)("a static comparison without JavaScript at %i px", async (width) => {
    await withPage(
      "/compare/2022-quanguo/2022-hainan/",
      { width, javaScriptEnabled: false },
      async (opened) => {
        const { page } = opened;
        expect.soft(opened.response?.status()).toBe(200);
        const facts = await page.evaluate(() => ({
          h1: document.querySelectorAll("h1").length,
          figure: document.querySelector(".cmp-figure-value")?.textContent ?? "",
          rows: [...document.querySelectorAll(".cmp-row")].map((row) => ({
            title: row.querySelector(".cmp-row-title")?.firstChild?.textContent ?? "",
            a: row.querySelector(".cmp-side-a .cmp-side-link")?.textContent ?? "",
            b: row.querySelector(".cmp-side-b .cmp-side-link")?.textContent ?? "",
          })),
          marks: document.querySelectorAll(".cmp-rows del, .cmp-rows ins").length,
        }));
        expect(facts.h1).toBe(1);
        expect(facts.figure).toMatch(/^\d+(\.\d)?%$/);
        expect(facts.rows).toContainEqual({ title: "一、活动主题", a: "一、活动主题", b: "一、活动主题" });
        expect(facts.marks).toBeGreaterThan(0);
        await noOverflow(opened, width);
        expect(opened.problems()).toEqual([]);
      },
    );
  });

  test.each(widths)(
    "the notice page's picker degrades to links without JavaScript at %i px",
    async (width) => {
      await withPage("/2022/hainan/", { width, javaScriptEnabled: false }, async (opened) => {
        const { page } = opened;
        const picker = page.locator(".compare-picker");
        expect(await picker.locator("form").isVisible()).toBe(false);
        const link = picker.locator("a[href*='/compare/2022-quanguo/2022-hainan/']");
        expect(await link.isVisible()).toBe(true);
        await link.click();
        await page.waitForURL(/\/compare\/2022-quanguo\/2022-hainan\/$/);
        expect(await page.locator(".cmp-figure-value").textContent()).toMatch(/%$/);
        expect(opened.problems()).toEqual([]);
      });
    },
  );

  test.each(widths)(
    "the notice page's picker compares any two notices with JavaScript at %i px",
    async (width) => {
      await withPage("/2022/hainan/", { width, javaScriptEnabled: true }, async (opened) => {
        const { page } = opened;
        const form = page.locator(".compare-picker form");
        await form.waitFor({ state: "visible" });
        // The page lists its own year's notices; another year's list is fetched when chosen.
        const notices = form.locator("select[name=b]");
        expect(
          await notices.locator("option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
        ).toEqual(["2022-quanguo"]);
        await form.locator("[data-compare-year]").selectOption("2019");
        await notices.locator("option[value='2019-quanguo']").waitFor({ state: "attached" });
        // A pair without a static page: compared in the browser on /compare/.
        await notices.selectOption("2019-quanguo");
        await form.locator("button").click();
        await page.waitForURL(/\/compare\/\?/);
        const figure = page.locator("[data-compare-result] .cmp-figure-value");
        await figure.waitFor({ timeout: 15_000 });
        expect(await figure.textContent()).toMatch(/^\d+(\.\d)?%$/);
        expect(await page.locator("[data-compare-result] .cmp-row").count()).toBeGreaterThan(3);
        expect(await page.locator("[data-compare-result] .cmp-result-title").textContent()).toContain(
          "2022年海南省",
        );
        await noOverflow(opened, width);

        // A pair with a static page: the picker goes there, and the browser's figure is the page's.
        const browserFigure = await page.evaluate(async () => {
          const form = document.querySelector<HTMLFormElement>("[data-compare-app]")!;
          form.querySelector<HTMLSelectElement>("select[name=a]")!.value = "2022-hainan";
          form.querySelector<HTMLSelectElement>("select[name=b]")!.value = "2022-quanguo";
          form.requestSubmit();
          for (let i = 0; i < 100; i++) {
            const title = document.querySelector(".cmp-result-title")?.textContent ?? "";
            if (title.includes("2022年全国")) break;
            await new Promise((r) => setTimeout(r, 100));
          }
          return document.querySelector("[data-compare-result] .cmp-figure-value")?.textContent;
        });
        await page.goto(page.url().replace(/\/compare\/.*$/, "/compare/2022-quanguo/2022-hainan/"));
        expect(await page.locator(".cmp-figure-value").textContent()).toBe(browserFigure);
        expect(opened.problems()).toEqual([]);
      });
    },
  );

  test("year pages show the similarity of their notices, linked to the comparison", async () => {
    await withPage("/2022/", { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const section = opened.page.locator("section[aria-labelledby=comparisons]");
      expect(await section.textContent()).toMatch(/相似度 \d+(\.\d)?%/);
      expect(await section.locator("a[href*='/compare/2022-quanguo/2022-hainan/']").count()).toBe(1);
      expect(await section.locator("a[href*='/compare/2021-quanguo/2022-quanguo/']").count()).toBe(1);
      expect(opened.problems()).toEqual([]);
    });
  });
});
