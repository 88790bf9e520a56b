/**
 * Every kind of page — home, each year with a notice, each notice (from content/notices) — in
 * Chromium at phone (375 px) and desktop (1280 px) widths, with and without JavaScript. A page
 * passes when it loads with no console error, page error, failed request or request leaving the
 * local server, has one h1 and lang="zh-CN", does not scroll sideways, and (notices) shows its
 * text in the search-indexed body with the permanent heading anchors.
 */
import { afterAll, describe, expect, test } from "vitest";
import { closeBrowser, expectedNotices, type ExpectedNotice, withPage } from "./helpers.ts";

const notices = expectedNotices();
const years = [...new Set(notices.map((n) => n.year))].sort();

interface PageUnderTest {
  path: string;
  notice?: ExpectedNotice;
}

const pages: PageUnderTest[] = [
  { path: "/" },
  ...years.map((year) => ({ path: `/${year}/` })),
  ...notices.map((notice) => ({ path: notice.path, notice })),
];

const variants = [375, 1280].flatMap((width) =>
  [true, false].map((javaScriptEnabled) => ({ width, javaScriptEnabled })),
);

/** Whitespace-insensitive text comparison (titles may wrap or be spaced differently in HTML). */
const squash = (text: string) => text.replace(/\s+/g, "");

afterAll(closeBrowser);

describe.each(pages)("$path", ({ path, notice }) => {
  test.each(variants)("at $width px, JavaScript $javaScriptEnabled", async ({ width, javaScriptEnabled }) => {
    await withPage(path, { width, javaScriptEnabled }, async (opened) => {
      const { page } = opened;
      expect.soft(opened.response?.status(), "HTTP status of the page").toBe(200);

      const facts = await page.evaluate((viewportWidth) => {
        const root = document.documentElement;
        // The elements sticking out past the right edge, to say what overflows.
        const overflowing = [...document.body.querySelectorAll("*")]
          .filter((el) => el.getBoundingClientRect().right > viewportWidth + 0.5)
          .slice(0, 5)
          .map(
            (el) =>
              `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).slice(0, 3).join(".")}` : ""}> right=${Math.round(el.getBoundingClientRect().right)}`,
          );
        const h1s = [...document.querySelectorAll("h1")].map((h) => h.textContent?.trim() ?? "");
        const body = document.querySelector("[data-pagefind-body]");
        // Same-page fragment links (#s1, /2019/quanguo/#s1) whose target does not exist.
        const brokenFragments = [...document.querySelectorAll<HTMLAnchorElement>("a[href*='#']")]
          .filter((a) => a.pathname === location.pathname && a.hash.length > 1)
          .map((a) => decodeURIComponent(a.hash.slice(1)))
          .filter((id) => !document.getElementById(id));
        return {
          lang: root.getAttribute("lang"),
          title: document.title.trim(),
          h1s,
          scrollWidth: root.scrollWidth,
          overflowing,
          pagefindBodies: document.querySelectorAll("[data-pagefind-body]").length,
          bodyText: body?.textContent ?? "",
          ids: [...document.querySelectorAll("[id]")].map((el) => el.id),
          brokenFragments: [...new Set(brokenFragments)],
        };
      }, width);

      expect.soft(opened.problems(), "console errors, page errors, failed or external requests").toEqual([]);
      expect.soft(facts.lang, 'html[lang="zh-CN"]').toBe("zh-CN");
      expect.soft(facts.title, "document title").not.toBe("");
      expect.soft(facts.h1s, "exactly one h1").toHaveLength(1);
      expect.soft(facts.h1s[0] ?? "", "the h1 has text").not.toBe("");
      expect
        .soft(
          facts.scrollWidth <= width ? [] : facts.overflowing,
          `horizontal overflow: scrollWidth ${facts.scrollWidth} > ${width}`,
        )
        .toEqual([]);
      expect.soft(facts.scrollWidth, "document scrollWidth").toBeLessThanOrEqual(width);
      expect.soft(facts.brokenFragments, "in-page links whose target id is missing").toEqual([]);

      if (notice) {
        expect.soft(facts.pagefindBodies, "one [data-pagefind-body] element").toBe(1);
        if (notice.title) {
          expect
            .soft(squash(facts.bodyText), `[data-pagefind-body] contains the title “${notice.title}”`)
            .toContain(squash(notice.title));
        }
        for (const anchor of notice.anchors) {
          expect.soft(facts.ids, `heading anchor #${anchor}`).toContain(anchor);
        }
      }
    });
  });
});
