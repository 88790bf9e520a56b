/**
 * Issue 17 in Chromium, at phone and desktop widths: the notice page's lineage summary and its
 * 沿用标注 view (closed at first, opened without JavaScript, each mark linked to an anchor that
 * exists), the compare page's answer and its 只看新增 switch without JavaScript, and /check/ —
 * without JavaScript it says so, with it the test draft is checked pasted and as a Word file made
 * here (docx), the report shows every kind of finding and downloads. No page may log an error,
 * fail a request or reach outside the test server.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { draftDocx, uploadDraft } from "./check-page.ts";
import { ROOT, closeBrowser, siteUrl, withPage } from "./helpers.ts";

afterAll(closeBrowser);

const widths = [375, 1280];
const DRAFT = readFileSync(join(ROOT, "tests/fixtures/check/draft-2025.txt"), "utf8");

describe("lineage on notice pages", () => {
  test.each(widths)("summary line and 沿用标注 view without JavaScript at %i px", async (width) => {
    await withPage("/2022/quanguo/", { width, javaScriptEnabled: false }, async (opened) => {
      const { page } = opened;
      const line = await page.locator("[data-lineage-summary]").textContent();
      expect(line).toMatch(
        /^本通知\d+句：沿用\d+句（最早见于2019年全国通知\d+句、2021年全国通知\d+句）、改写\d+句、新写\d+句$/,
      );
      // Closed: the view's text is not shown until the reader opens it.
      expect(await page.locator(".lineage-text").isVisible()).toBe(false);
      await page.locator(".lineage-details > summary").click();
      expect(await page.locator(".lineage-text").isVisible()).toBe(true);
      const links = await page
        .locator(".lineage-text a.ln-ref")
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links.length).toBeGreaterThan(5);
      // Every link goes to an anchor that exists on the page it names.
      const pages = new Map<string, Set<string>>();
      for (const href of links) {
        const url = new URL(href);
        const path = url.pathname;
        if (!pages.has(path)) {
          const html = await (await fetch(url.origin + path)).text();
          pages.set(path, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
        }
        expect(pages.get(path)!.has(url.hash.slice(1)), href).toBe(true);
      }
      // Outside the article: search and copy see only the document.
      expect(await page.locator("[data-pagefind-body] .lineage").count()).toBe(0);
      expect(opened.problems()).toEqual([]);
    });
  });
});

describe("the compare page opens with the answer", () => {
  test.each(widths)("Hainan's additions, and 只看新增 without JavaScript at %i px", async (width) => {
    await withPage(
      "/compare/2022-quanguo/2022-hainan/",
      { width, javaScriptEnabled: false },
      async (opened) => {
        const { page } = opened;
        const added = await page.locator(".cmp-additions").textContent();
        for (const words of ["主送机关", "附件3", "质量文化乡镇行", "海南老字号", "放心消费在海南"])
          expect(added, words).toContain(words);
        // The answer comes before the sentence-by-sentence comparison.
        const order = await page.evaluate(() => {
          const answer = document.querySelector(".cmp-answer")!;
          const rows = document.querySelector(".cmp-rows")!;
          return !!(answer.compareDocumentPosition(rows) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(order).toBe(true);
        const visiblePairs = () =>
          page
            .locator(".cmp-pair")
            .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent).length);
        const before = await visiblePairs();
        await page.locator(".cmp-only-added-label").click();
        const after = await visiblePairs();
        expect(after).toBeGreaterThan(0);
        expect(after).toBeLessThan(before);
        expect(
          await page
            .locator(".cmp-pair")
            .evaluateAll(
              (els) =>
                els.filter((e) => (e as HTMLElement).offsetParent && !e.classList.contains("cmp-pair--added"))
                  .length,
            ),
        ).toBe(0);
        expect(opened.problems()).toEqual([]);
      },
    );
  });
});

describe("/check/ 起草核对", () => {
  test("without JavaScript it says it needs it, and shows no dead form", async () => {
    await withPage("/check/", { width: 375, javaScriptEnabled: false }, async (opened) => {
      const { page } = opened;
      expect(await page.locator("[data-check-nojs]").textContent()).toContain("需要启用 JavaScript");
      expect(await page.locator("[data-check-form]").isVisible()).toBe(false);
      expect(await page.locator(".check-privacy").textContent()).toContain("不会上传");
      expect(opened.problems()).toEqual([]);
    });
  });

  test.each(widths)("the test draft, pasted, reports every finding at %i px", async (width) => {
    await withPage("/check/", { width, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      await page.waitForSelector("[data-check-form]:not([hidden])");
      await page.waitForFunction(() =>
        /已载入/.test(document.querySelector("[data-check-status]")?.textContent ?? ""),
      );
      // From here on, nothing may go over the network: the check runs on what is loaded.
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.fill("[data-check-text]", DRAFT);
      await page.click(".check-submit");
      await page.waitForSelector("[data-check-summary]");
      const report = (await page.locator("[data-check-report]").textContent()) ?? "";
      expect(report).toMatch(/草稿共\d+句：与收录通知相同\d+句、相近\d+句、新写\d+句/);
      expect(report).toContain("国市监质发〔2025〕1号");
      expect(report).toContain("国家质检总局");
      expect(report).toContain("市场监管总局（国家市场监督管理总局）");
      expect(report).toContain("“建设质量强国 共享美好生活”");
      expect(report).toContain("等28个部门");
      expect(requests).toEqual([]);
      // A same sentence links to its block on the 2024 notice.
      const link = page.locator(".check-s--same a[href*='/2024/quanguo/#s2-1-p1']").first();
      expect(await link.count()).toBe(1);
      // 只看新写.
      await page.locator("[data-check-filter] input[value=new]").check();
      const shown = await page
        .locator("[data-check-sentences] > li")
        .evaluateAll((lis: Element[]) =>
          lis.filter((li) => (li as HTMLElement).offsetParent).map((li) => li.className),
        );
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((c) => c.includes("check-s--new"))).toBe(true);
      // The report downloads as one HTML file with absolute links.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click("[data-check-download]"),
      ]);
      expect(download.suggestedFilename()).toBe("起草核对报告-2025.html");
      const file = readFileSync(await download.path(), "utf8");
      expect(file).toContain(siteUrl("/2024/quanguo/"));
      expect(file).toContain("国市监质发[2025]1号");
      expect(opened.problems()).toEqual([]);
    });
  });

  test("a Word file is read in the browser and checked", async () => {
    const buffer = await draftDocx(DRAFT);
    await withPage("/check/", { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      await page.waitForSelector("[data-check-form]:not([hidden])");
      await uploadDraft(page, buffer);
      expect(await page.inputValue("[data-check-text]")).toContain("健全质量激励的政策工具");
      await page.click(".check-submit");
      await page.waitForSelector("[data-check-summary]");
      expect(await page.locator("[data-check-report]").textContent()).toContain("国市监质发〔2025〕1号");
      expect(opened.problems()).toEqual([]);
    });
  });
});
