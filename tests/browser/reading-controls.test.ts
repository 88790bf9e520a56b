/**
 * 适老化 reading controls (src/components/ReadingControls.astro, public/reading-controls.js):
 *
 * - they sit behind one button in the header (字号, a <details> menu; issue 16);
 * - without JavaScript they stay hidden and nothing changes; with it they are real buttons with
 *   aria-pressed, operable with the keyboard, loaded from a file (no inline script anywhere);
 * - 大 and 特大 enlarge the body text; the choice survives a reload and navigation to another
 *   page, and is on <html> and in the CSS before the first frame is drawn;
 * - high contrast turns every page type white on black with yellow links, leaves no grey text,
 *   and still passes axe (WCAG 2.1 A/AA);
 * - the layout stays intact at 200% zoom (a 640 px viewport) with standard and 特大 text, and at
 *   375 px with 特大 text, with and without high contrast: nothing scrolls sideways and nothing
 *   is clipped (a wide data table may scroll inside its own scroll region).
 *
 * Pages are opened with openPage(), so any request leaving the local server fails the test.
 */
import { afterAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, pageTypes, unexpectedProblems } from "./a11y-helpers.ts";
import { closeBrowser, expectedNotices, withPage } from "./helpers.ts";

/** The localStorage keys and values of public/reading-controls.js. */
const SIZE_KEY = "zly:text-size";
const CONTRAST_KEY = "zly:contrast";
type Size = "standard" | "large" | "x-large";

const notice = expectedNotices()[0]!;
const otherNotice = expectedNotices().at(-1)!;

afterAll(closeBrowser);

/** Opens the 字号 menu (a <details> in the header), as a reader does before choosing. */
async function openControls(page: Page): Promise<void> {
  await page.evaluate(() => {
    const menu = document.querySelector<HTMLDetailsElement>("details[data-reading-controls]");
    if (menu) menu.open = true;
  });
}

/** The reading state as the page shows it: attributes on <html>, pressed buttons, sizes. */
function readingState(page: Page) {
  return page.evaluate(() => {
    const html = document.documentElement;
    const pressed = [...document.querySelectorAll<HTMLButtonElement>(".reading-controls button")]
      .filter((b) => b.getAttribute("aria-pressed") === "true")
      .map((b) => b.textContent?.trim());
    const text = document.querySelector("main p") ?? document.querySelector("main")!;
    return {
      size: html.getAttribute("data-text-size"),
      contrast: html.getAttribute("data-contrast"),
      pressed,
      rootFontSize: parseFloat(getComputedStyle(html).fontSize),
      textFontSize: parseFloat(getComputedStyle(text).fontSize),
    };
  });
}

describe("reading controls", () => {
  test("without JavaScript: hidden, and the page is unchanged", async () => {
    await withPage(notice.path, { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const { page } = opened;
      expect.soft(await page.locator(".reading-controls").count(), "the controls are in the page").toBe(1);
      expect.soft(await page.locator(".reading-controls").isVisible(), "controls hidden").toBe(false);
      expect.soft(await page.locator(".reading-controls button").first().isVisible()).toBe(false);
      expect
        .soft(await page.getAttribute("[data-reading-controls]", "hidden"), "rendered with hidden")
        .toBe("");
      expect.soft(await page.getAttribute("html", "data-text-size")).toBeNull();
      expect.soft((await readingState(page)).rootFontSize, "standard root size, 18px").toBe(18);
      expect.soft(opened.problems()).toEqual([]);
    });
  });

  test("with JavaScript: visible real buttons, script from a file in <head>, no inline script", async () => {
    await withPage(notice.path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      const menu = page.locator("details[data-reading-controls] > summary");
      expect.soft(await menu.isVisible(), "the 字号 button is shown").toBe(true);
      expect.soft(await menu.textContent()).toBe("字号");
      expect.soft(await page.locator(".reading-controls").isVisible(), "closed: no controls yet").toBe(false);
      await menu.click();
      expect.soft(await page.locator(".reading-controls").isVisible(), "controls shown").toBe(true);
      expect.soft(await page.getAttribute("[data-reading-controls]", "hidden"), "hidden removed").toBeNull();
      const buttons = await page.locator(".reading-controls button").evaluateAll((elements) =>
        elements.map((b) => ({
          tag: b.tagName,
          type: b.getAttribute("type"),
          text: b.textContent?.trim(),
          pressed: b.getAttribute("aria-pressed"),
        })),
      );
      expect.soft(buttons).toEqual([
        { tag: "BUTTON", type: "button", text: "标准", pressed: "true" },
        { tag: "BUTTON", type: "button", text: "大", pressed: "false" },
        { tag: "BUTTON", type: "button", text: "特大", pressed: "false" },
        { tag: "BUTTON", type: "button", text: "高对比度", pressed: "false" },
      ]);
      expect
        .soft(
          await page.getByRole("group", { name: "字号" }).getByRole("button").count(),
          "a group named 字号",
        )
        .toBe(3);
      const state = await readingState(page);
      expect.soft([state.size, state.contrast]).toEqual(["standard", "normal"]);

      const scripts = await page.evaluate(() =>
        [...document.scripts].map((s) => {
          const classic = s.type === "" || s.type === "text/javascript";
          return {
            src: s.getAttribute("src"),
            inHead: s.parentElement === document.head,
            blocking: classic && !s.async && !s.defer,
            // Data blocks (JSON-LD) are not run, so a CSP does not concern them.
            runs: classic || s.type === "module",
          };
        }),
      );
      const reading = scripts.find((s) => s.src?.endsWith("/reading-controls.js"));
      expect.soft(reading, "reading-controls.js is a blocking script in <head>").toMatchObject({
        inHead: true,
        blocking: true,
      });
      expect
        .soft(
          scripts.filter((s) => s.runs && !s.src),
          "no inline scripts (a Content-Security-Policy will forbid them)",
        )
        .toEqual([]);
      expect.soft(opened.problems()).toEqual([]);
    });
  });

  test("大 and 特大 enlarge the body text; keyboard operable", async () => {
    await withPage(notice.path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      const standard = await readingState(page);

      await openControls(page);
      await page.getByRole("button", { name: "大字号", exact: true }).click();
      const large = await readingState(page);
      expect.soft(large.size).toBe("large");
      expect.soft(large.pressed).toEqual(["大"]);
      expect.soft(large.textFontSize, "大: body text larger").toBeGreaterThan(standard.textFontSize * 1.1);
      expect.soft(large.rootFontSize / standard.rootFontSize).toBeCloseTo(1.18, 2);

      // Keyboard only: Tab to the 字号 button, Enter opens it, Space and Enter press the controls.
      await page.goto(page.url(), { waitUntil: "load" });
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press("Tab");
        const at = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
        if (at === "字号") break;
      }
      expect.soft(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
      await page.keyboard.press("Enter");
      const order: string[] = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press("Tab");
        order.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ""));
      }
      expect
        .soft(order, "the controls come right after the 字号 button")
        .toEqual(["标准", "大", "特大", "高对比度"]);
      await page.keyboard.press("Shift+Tab"); // 特大
      await page.keyboard.press("Space");
      const xLarge = await readingState(page);
      expect.soft(xLarge.size, "Space on 特大").toBe("x-large");
      expect.soft(xLarge.pressed).toEqual(["特大"]);
      expect.soft(xLarge.textFontSize, "特大: larger still").toBeGreaterThan(large.textFontSize);
      expect.soft(xLarge.rootFontSize / standard.rootFontSize).toBeCloseTo(1.37, 2);
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Shift+Tab"); // 标准
      await page.keyboard.press("Enter");
      const back = await readingState(page);
      expect.soft(back.size, "Enter on 标准").toBe("standard");
      expect.soft(back.textFontSize).toBe(standard.textFontSize);
      expect.soft(opened.problems()).toEqual([]);
    });
  });

  test("the choice survives a reload and navigation, and applies before the first frame", async () => {
    await withPage(notice.path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page, context } = opened;
      await openControls(page);
      await page.getByRole("button", { name: "大字号", exact: true }).click();
      await page.getByRole("button", { name: "高对比度" }).click();
      const chosen = await readingState(page);
      expect
        .soft(
          await page.evaluate(
            (keys) => keys.map((key) => localStorage.getItem(key)),
            [SIZE_KEY, CONTRAST_KEY],
          ),
          "remembered in localStorage",
        )
        .toEqual(["large", "high"]);
      expect
        .soft([chosen.size, chosen.contrast, chosen.pressed])
        .toEqual(["large", "high", ["大", "高对比度"]]);

      // Records, in the first animation frame (before anything is drawn), what <html> says.
      await context.addInitScript(() => {
        requestAnimationFrame(() => {
          const html = document.documentElement;
          (window as unknown as { firstFrame: unknown }).firstFrame = {
            size: html.getAttribute("data-text-size"),
            contrast: html.getAttribute("data-contrast"),
            rootFontSize: parseFloat(getComputedStyle(html).fontSize),
            background: getComputedStyle(document.body).backgroundColor,
          };
        });
      });
      await page.reload({ waitUntil: "load" });
      const reloaded = await readingState(page);
      expect
        .soft([reloaded.size, reloaded.contrast, reloaded.pressed], "after reload")
        .toEqual(["large", "high", ["大", "高对比度"]]);
      expect.soft(reloaded.textFontSize, "same enlarged text after reload").toBe(chosen.textFontSize);
      expect
        .soft(await page.evaluate(() => (window as unknown as { firstFrame: unknown }).firstFrame))
        .toEqual({
          size: "large",
          contrast: "high",
          rootFontSize: chosen.rootFontSize,
          background: "rgb(0, 0, 0)",
        });

      // Another page, reached by a link.
      await Promise.all([page.waitForEvent("load"), page.locator(".site-name a").click()]);
      const home = await readingState(page);
      expect
        .soft([home.size, home.contrast, home.pressed], "on the home page")
        .toEqual(["large", "high", ["大", "高对比度"]]);
      expect.soft(home.rootFontSize).toBe(chosen.rootFontSize);
      await page.goto(new URL(otherNotice.path.slice(1), page.url()).href, { waitUntil: "load" });
      expect.soft((await readingState(page)).size, `on ${otherNotice.path}`).toBe("large");
      expect.soft(opened.problems()).toEqual([]);
    });
  });
});

/** Colours text may have in high contrast: white, the link yellow, the masthead's light red, and
 * black only on the yellow of a pressed button. */
const HIGH_CONTRAST_TEXT = ["rgb(255, 255, 255)", "rgb(255, 235, 59)", "rgb(255, 158, 148)", "rgb(0, 0, 0)"];

describe.each(pageTypes.filter((p) => p.chrome))("high contrast: $kind $path", ({ path, status }) => {
  test("white on black, yellow links, no grey text, axe clean", async () => {
    await withPage(path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      const colours = () =>
        page.evaluate(() => ({
          background: getComputedStyle(document.body).backgroundColor,
          text: getComputedStyle(document.querySelector("main p, main li, main h1")!).color,
          link: getComputedStyle(document.querySelector("main a[href]") ?? document.querySelector("a[href]")!)
            .color,
        }));
      const normal = await colours();
      await openControls(page);
      await page.getByRole("button", { name: "高对比度" }).click();
      expect.soft(await page.getAttribute("html", "data-contrast")).toBe("high");
      expect.soft(await colours(), "high-contrast colours").toEqual({
        background: "rgb(0, 0, 0)",
        text: "rgb(255, 255, 255)",
        link: "rgb(255, 235, 59)",
      });
      expect.soft(normal.background, "the colours did change").not.toBe("rgb(0, 0, 0)");

      const offColour = await page.evaluate((allowed) => {
        const bad: string[] = [];
        for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
          const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
          if (!ownText || !el.getClientRects().length) continue;
          const style = getComputedStyle(el);
          if (!allowed.includes(style.color) || Number(style.opacity) < 1)
            bad.push(`<${el.tagName.toLowerCase()}.${el.className}> ${style.color} opacity ${style.opacity}`);
        }
        return bad.slice(0, 10);
      }, HIGH_CONTRAST_TEXT);
      expect.soft(offColour, "text that is not white, yellow or (masthead) light red").toEqual([]);

      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      expect.soft(await axeViolations(page), "axe violations in high contrast").toEqual([]);

      await openControls(page);
      await page.getByRole("button", { name: "高对比度" }).click();
      expect.soft(await colours(), "switched off: the normal colours again").toEqual(normal);
      expect.soft(unexpectedProblems(opened, path, status)).toEqual([]);
    });
  });
});

/** Horizontal overflow and clipped content, described (empty when the layout is intact). */
function layoutProblems(page: Page, width: number) {
  return page.evaluate((viewportWidth) => {
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${
        typeof el.className === "string" && el.className
          ? `.${el.className.trim().split(/\s+/).join(".")}`
          : ""
      }>`;
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > viewportWidth)
      problems.push(`document scrollWidth ${root.scrollWidth} > ${viewportWidth}`);
    // A box that scrolls sideways (a wide data table in a scroll region, which WCAG 1.4.10 allows;
    // axe checks it can be reached with the keyboard) keeps its content reachable: what is inside
    // it may extend past the viewport. Hidden or clipped overflow counts as a problem.
    const scrolls = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    // Whether a scroll box clips el: it must be in el's chain of containing blocks (an absolutely
    // positioned element, such as visually hidden text, escapes a scroll box that is not
    // positioned, and then widens the page).
    const inScroller = (el: Element) => {
      for (let node: Element | null = el; node && node !== document.body;) {
        const position = getComputedStyle(node).position;
        if (position === "fixed") return false;
        let next: Element | null = node.parentElement;
        if (position === "absolute")
          while (next && next !== document.body && getComputedStyle(next).position === "static")
            next = next.parentElement;
        if (!next || next === document.body) return false;
        if (scrolls(next)) return true;
        node = next;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll("*")) {
      const rect = el.getBoundingClientRect();
      if (!rect.width && !rect.height) continue;
      if (inScroller(el)) continue;
      if (rect.right > viewportWidth + 0.5)
        problems.push(`${describe(el)} sticks out: right ${Math.round(rect.right)}`);
      // Content cut off inside a box that neither shows nor scrolls to its overflow.
      const style = getComputedStyle(el);
      const clips = style.overflowX !== "visible" || style.overflowY !== "visible";
      if (clips && el.clientWidth > 1 && el.clientHeight > 1) {
        if (el.scrollWidth > el.clientWidth + 1 && !scrolls(el))
          problems.push(
            `${describe(el)} clips its content: scrollWidth ${el.scrollWidth} > ${el.clientWidth}`,
          );
        if (
          el.scrollHeight > el.clientHeight + 1 &&
          style.overflowY !== "auto" &&
          style.overflowY !== "scroll"
        )
          problems.push(
            `${describe(el)} clips its content: scrollHeight ${el.scrollHeight} > ${el.clientHeight}`,
          );
      }
    }
    return problems.slice(0, 10);
  }, width);
}

/** The layouts to check, in order, on one page: each step changes the viewport or a control. */
const layouts: { name: string; width: number; size: Size; contrast: "high" | "normal" }[] = [
  { name: "200% zoom (640 px), 标准", width: 640, size: "standard", contrast: "normal" },
  { name: "200% zoom (640 px), 特大", width: 640, size: "x-large", contrast: "normal" },
  { name: "375 px, 特大", width: 375, size: "x-large", contrast: "normal" },
  { name: "375 px, 特大, high contrast", width: 375, size: "x-large", contrast: "high" },
];

describe.each(pageTypes)("layout: $kind $path", ({ path, status, chrome }) => {
  test("at 200% zoom and at 375 px with 特大 text: no sideways scrolling, nothing clipped", async () => {
    await withPage(path, { width: 640, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      // Pages without the site's chrome (embeds) have no controls: only the widths apply.
      const steps = chrome
        ? layouts
        : layouts.filter((l) => l.size === "standard" && l.contrast === "normal");
      if (!chrome) steps.push({ ...steps[0]!, name: "375 px, 标准", width: 375 });
      for (const { name, width, size, contrast } of steps) {
        await page.setViewportSize({ width, height: 900 });
        if (chrome) {
          const sizeButton = { standard: "标准字号", large: "大字号", "x-large": "特大字号" }[size];
          await openControls(page);
          await page.getByRole("button", { name: sizeButton, exact: true }).click();
          if ((await page.getAttribute("html", "data-contrast")) !== contrast) await openControls(page);
          await page.getByRole("button", { name: "高对比度" }).click();
          expect.soft(await page.getAttribute("html", "data-text-size"), name).toBe(size);
          // The controls themselves are all on screen and big enough to press.
          const controls = await page.locator(".reading-controls button").evaluateAll(
            (buttons, w) =>
              buttons
                .filter((b) => {
                  const r = b.getBoundingClientRect();
                  return r.width < 24 || r.height < 24 || r.left < 0 || r.right > w;
                })
                .map((b) => b.textContent),
            width,
          );
          expect.soft(controls, `${name}: reading-control buttons off screen or under 24 px`).toEqual([]);
        }
        expect.soft(await layoutProblems(page, width), `${name}: layout`).toEqual([]);
      }
      expect.soft(unexpectedProblems(opened, path, status)).toEqual([]);
    });
  });
});
