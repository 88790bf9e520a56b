/**
 * Accessibility for every reader, on every kind of page — home, each year with a notice, each
 * notice (from content/notices) and the 404 page — in Chromium:
 *
 * - axe-core with the WCAG 2.0/2.1 A and AA rules finds nothing, at desktop width with the page
 *   as loaded and at phone width with every <details> (inferred values, their bases) opened;
 * - lang="zh-CN", exactly one h1, headings in order (h1 first, no level skipped), the landmarks
 *   banner, navigation (each one named, names distinct), main and contentinfo;
 * - keyboard only: the first Tab reaches a visible skip link, Enter on it moves focus to <main>,
 *   and the next Tab continues inside <main> (with and without JavaScript; a page whose script
 *   puts focus in a field on load, such as the search box, must put it inside <main>); every
 *   element Tab reaches, all the way round, is visible and shows a focus outline (or box-shadow).
 *
 * Standalone pages without the site's chrome (made to be embedded elsewhere) have no skip link,
 * banner, navigation or footer to check; everything else applies to them too.
 *
 * Every page is opened with openPage(), so any request leaving the local server fails the test.
 */
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, pageTypes, unexpectedProblems } from "./a11y-helpers.ts";
import { closeBrowser, withPage } from "./helpers.ts";

afterAll(closeBrowser);

/** Headings (h1–h6 and role=heading) in document order, as "h2 一、总体要求". */
function headingOutline(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role='heading']")].map((h) => {
      const level = /^H(\d)$/.exec(h.tagName)?.[1] ?? h.getAttribute("aria-level") ?? "2";
      return { level: Number(level), text: (h.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40) };
    }),
  );
}

/** Headings that skip a level (h2 → h4), or a first heading that is not the h1. */
function headingOrderProblems(outline: { level: number; text: string }[]): string[] {
  const problems: string[] = [];
  if (outline[0] && outline[0].level !== 1)
    problems.push(`the first heading is h${outline[0].level} “${outline[0].text}”, not the h1`);
  for (let i = 1; i < outline.length; i++) {
    const previous = outline[i - 1]!;
    const current = outline[i]!;
    if (current.level > previous.level + 1)
      problems.push(
        `h${previous.level} “${previous.text}” → h${current.level} “${current.text}” skips h${previous.level + 1}`,
      );
  }
  return problems;
}

/** What the focused element is and whether focus is visible on it. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadowed = style.boxShadow !== "none" && style.boxShadow !== "";
    const label = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${
      typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : ""
    }> “${(el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 30)}”`;
    // The element's place in the document, to tell when Tab has come round to the first again.
    const path: string[] = [];
    for (let n: Element | null = el; n && n !== document.body; n = n.parentElement)
      path.unshift(`${n.tagName}:${n.parentElement ? [...n.parentElement.children].indexOf(n) : 0}`);
    return {
      label,
      path: path.join("/"),
      frame: el.tagName === "IFRAME",
      focusVisible: el.matches(":focus-visible"),
      indicator: outlined || shadowed,
      sized: rect.width > 0 && rect.height > 0,
      inMain: !!el.closest("main"),
    };
  });
}

/** The landmarks as the accessibility tree sees them (a <header> inside <article> is no banner). */
async function landmarks(page: Page) {
  const navigationNames = await page.getByRole("navigation").evaluateAll((elements) =>
    elements.map((nav) => {
      const labelledBy = nav.getAttribute("aria-labelledby");
      return (
        nav.getAttribute("aria-label") ??
        (labelledBy ? (document.getElementById(labelledBy)?.textContent?.trim() ?? "") : "")
      );
    }),
  );
  return {
    banner: await page.getByRole("banner").count(),
    main: await page.getByRole("main").count(),
    contentinfo: await page.getByRole("contentinfo").count(),
    navigationNames,
  };
}

/** The skip link as the first Tab finds it: on screen, uncovered, outlined. */
function skipLinkState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLAnchorElement | null;
    if (!el || el.tagName !== "A") return { tag: el?.tagName ?? "none" };
    const rect = el.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    const style = getComputedStyle(el);
    return {
      tag: el.tagName,
      href: el.getAttribute("href"),
      text: el.textContent?.trim(),
      onScreen:
        rect.width > 0 &&
        rect.height > 0 &&
        rect.top >= 0 &&
        rect.left >= 0 &&
        rect.bottom <= innerHeight &&
        rect.right <= innerWidth,
      uncovered: !!hit && (hit === el || el.contains(hit)),
      visible: style.visibility !== "hidden" && Number(style.opacity) > 0,
      outlined: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    };
  });
}

describe.each(pageTypes)("$kind $path", ({ path, status, chrome }) => {
  test("axe (WCAG 2.1 A/AA) at 1280 px; lang, one h1, headings in order, landmarks", async () => {
    await withPage(path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      expect.soft(opened.response?.status(), "HTTP status").toBe(status);
      expect.soft(await axeViolations(page), "axe violations").toEqual([]);

      expect.soft(await page.getAttribute("html", "lang"), 'html[lang="zh-CN"]').toBe("zh-CN");
      const outline = await headingOutline(page);
      expect
        .soft(
          outline.filter((h) => h.level === 1),
          "exactly one h1",
        )
        .toHaveLength(1);
      expect.soft(headingOrderProblems(outline), "headings in order, no level skipped").toEqual([]);

      const found = await landmarks(page);
      expect.soft(found.main, "one main").toBe(1);
      if (chrome) {
        expect.soft(found.banner, "one banner (site header)").toBe(1);
        expect.soft(found.contentinfo, "one contentinfo (site footer)").toBe(1);
        expect.soft(found.navigationNames.length, "at least one navigation").toBeGreaterThanOrEqual(1);
      }
      const names = found.navigationNames;
      expect
        .soft(
          names.filter((name) => !name),
          "every navigation has a name",
        )
        .toEqual([]);
      expect
        .soft(new Set(names).size, `navigation names are distinct: ${names.join(", ")}`)
        .toBe(names.length);
      expect
        .soft(unexpectedProblems(opened, path, status), "console/page errors, failed or external requests")
        .toEqual([]);
    });
  });

  test("axe (WCAG 2.1 A/AA) at 375 px with every <details> open: no violations", async () => {
    await withPage(path, { width: 375, javaScriptEnabled: true }, async (opened) => {
      await opened.page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      expect.soft(await axeViolations(opened.page), "axe violations").toEqual([]);
      expect
        .soft(unexpectedProblems(opened, path, status), "console/page errors, failed or external requests")
        .toEqual([]);
    });
  });

  (chrome ? test : test.skip).each([false, true])(
    "keyboard, JavaScript %s: the first Tab reaches the skip link, which moves focus to main",
    async (javaScriptEnabled) => {
      await withPage(path, { width: 1280, javaScriptEnabled }, async (opened) => {
        const { page } = opened;
        // A page may deliberately start in a field (the search box): then that field is in main.
        const start = await page.evaluate(() => {
          const el = document.activeElement;
          return el && el !== document.body ? { tag: el.tagName, inMain: !!el.closest("main") } : null;
        });
        if (start) {
          expect.soft(start.inMain, `focus placed on load (<${start.tag}>) is inside main`).toBe(true);
          // From the top of the page, as a reader who has just arrived by keyboard would.
          await page.evaluate(() => {
            (document.activeElement as HTMLElement).blur();
            document.body.setAttribute("tabindex", "-1");
            document.body.focus();
            document.body.removeAttribute("tabindex");
          });
        }

        await page.keyboard.press("Tab");
        const skip = await skipLinkState(page);
        expect(skip.tag, "the first Tab focuses a link").toBe("A");
        expect.soft(skip.href, "the skip link points to #main").toBe("#main");
        expect.soft(skip.text, "the skip link says where it goes").toBe("跳到正文");
        expect.soft(skip.onScreen, "the focused skip link is inside the viewport").toBe(true);
        expect.soft(skip.uncovered, "nothing covers the focused skip link").toBe(true);
        expect.soft(skip.visible, "the focused skip link is not transparent or hidden").toBe(true);
        expect.soft(skip.outlined, "the focused skip link has a focus outline").toBe(true);

        await page.keyboard.press("Enter");
        const afterSkip = await page.evaluate(() => ({
          id: document.activeElement?.id,
          tag: document.activeElement?.tagName,
          hash: location.hash,
        }));
        expect.soft(afterSkip, "Enter on the skip link focuses <main id=main>").toEqual({
          id: "main",
          tag: "MAIN",
          hash: "#main",
        });
        await page.keyboard.press("Tab");
        const next = await focusState(page);
        expect
          .soft(next?.inMain, `the Tab after the skip link stays in main (got ${next?.label})`)
          .toBe(true);
        expect
          .soft(unexpectedProblems(opened, path, status), "console/page errors, failed or external requests")
          .toEqual([]);
      });
    },
  );

  test("keyboard: every Tab stop, all the way round, is visible and shows focus", async () => {
    await withPage(path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      const invisible: string[] = [];
      const unmarked: string[] = [];
      const seen: string[] = [];
      let ends = 0;
      for (let i = 0; i < 800; i++) {
        await page.keyboard.press("Tab");
        const state = await focusState(page);
        if (!state) {
          // Past the last stop: the next Tab starts again from the top. Twice means nothing to reach.
          if (++ends > 1) break;
          continue;
        }
        const id = `${seen.length}:${state.label}`;
        if (seen.length > 1 && state.path === seen[0]) break; // round again
        seen.push(state.path);
        // Focus in an <iframe> is inside the embedded document, which draws its own.
        if (state.frame) continue;
        if (!state.sized) invisible.push(id);
        if (!state.focusVisible || !state.indicator) unmarked.push(id);
      }
      expect.soft(seen.length, "Tab reaches the page's links and controls").toBeGreaterThan(chrome ? 3 : 0);
      expect.soft(invisible, "focused elements with no size (focus lost from sight)").toEqual([]);
      expect.soft(unmarked, "focused elements without a visible outline or box-shadow").toEqual([]);
      expect
        .soft(unexpectedProblems(opened, path, status), "console/page errors, failed or external requests")
        .toEqual([]);
    });
  });
});
