/**
 * The embeddable cards (issues 5 and 16): /embed/latest/ in a portal sidebar's frame size —
 * script-free, its own small stylesheet, fits 300 px without scrolling, shows the newest held
 * national notice's theme (and slogans where it lists them), and every link opens the archive in
 * a new tab with rel="noopener". /embed/ gives each card's iframe snippet (absolute URL, a height
 * that fits the card: no empty box), a 复制代码 button and a live preview; /embed/current/ leads
 * with the newest known theme, /embed/{year}/ is pinned to a year.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { afterAll, describe, expect, test } from "vitest";
import { ROOT, closeBrowser, openPage, siteUrl, withPage } from "./helpers.ts";

afterAll(closeBrowser);

const WIDTH = 300;
/** The old fixed frame height: every card still fits in it. */
const HEIGHT = 440;

/** The newest national notice in content/notices: what the card must show. */
function newestNational(): { year: number; theme?: string; slogans?: string[]; path: string } {
  const dir = join(ROOT, "content", "notices");
  const nationals = readdirSync(dir)
    .filter((n) => n.endsWith("-quanguo.mdx"))
    .sort()
    .map((name) => {
      const data = yaml.load(
        /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, name), "utf8"))![1]!,
      ) as {
        year: number;
        theme?: string;
        slogans?: string[];
      };
      return { ...data, path: `/${data.year}/quanguo/` };
    });
  return nationals.at(-1)!;
}

describe("/embed/latest/", () => {
  test.each([true, false])(
    "fits a 300 px sidebar and links into the archive (JavaScript %s)",
    async (javaScriptEnabled) => {
      await withPage("/embed/latest/", { width: WIDTH, javaScriptEnabled }, async (opened) => {
        const { page } = opened;
        await page.setViewportSize({ width: WIDTH, height: HEIGHT });
        expect(opened.response?.status()).toBe(200);
        expect(opened.problems()).toEqual([]);
        const facts = await page.evaluate(() => ({
          scripts: document.scripts.length,
          stylesheets: [...document.styleSheets].map((s) => s.href ?? "(inline)"),
          scrollWidth: document.documentElement.scrollWidth,
          scrollHeight: document.documentElement.scrollHeight,
          text: document.body.innerText,
          links: [...document.querySelectorAll("a")].map((a) => ({
            href: a.href,
            target: a.target,
            rel: a.rel,
          })),
          noindex: document.querySelector('meta[name="robots"]')?.getAttribute("content"),
          lang: document.documentElement.lang,
        }));
        expect(facts.scripts, "script-free").toBe(0);
        expect(facts.stylesheets, "one stylesheet of its own").toHaveLength(1);
        expect(facts.stylesheets[0]).toMatch(/\/_astro\/.+\.css$/);
        expect(facts.scrollWidth, "no horizontal scrolling").toBeLessThanOrEqual(WIDTH);
        expect(facts.scrollHeight, "no vertical scrolling").toBeLessThanOrEqual(HEIGHT);
        expect(facts.noindex).toBe("noindex");
        expect(facts.lang).toBe("zh-CN");

        const notice = newestNational();
        expect(facts.text).toContain(`${notice.year}年`);
        if (notice.theme) expect(facts.text.replace(/\s+/g, "")).toContain(notice.theme.replace(/\s+/g, ""));
        if (notice.slogans?.length) expect(facts.text).toContain(notice.slogans[0]!);
        expect(facts.text).toContain("以发文机关印发的正式文件为准");

        expect(facts.links.length).toBeGreaterThanOrEqual(2);
        for (const link of facts.links) {
          expect(link.target, link.href).toBe("_blank");
          expect(link.rel.split(/\s+/), link.href).toContain("noopener");
        }
        expect(facts.links.map((l) => new URL(l.href).pathname)).toContain(
          new URL(siteUrl(notice.path)).pathname,
        );
        // Every link leads to a page of the archive.
        for (const link of facts.links) {
          const res = await page.request.get(link.href);
          expect(res.status(), link.href).toBe(200);
        }
      });
    },
  );
});

describe("/embed/", () => {
  test("gives the iframe snippet with the card's absolute URL and a live preview", async () => {
    await withPage("/embed/", { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      expect(opened.problems()).toEqual([]);
      const snippet = await page.locator("textarea").first().inputValue();
      expect(snippet).toMatch(/^<iframe\s/);
      const src = /src="([^"]+)"/.exec(snippet)?.[1];
      expect(src, "the snippet's src").toBeTruthy();
      expect(new URL(src!).pathname).toBe(new URL(siteUrl("/embed/latest/")).pathname);
      expect(snippet).toContain(`width="${WIDTH}"`);
      const height = Number(/height="(\d+)"/.exec(snippet)?.[1]);
      expect(snippet).toMatch(/title="[^"]+"/);
      // The label of the snippet field names it.
      expect(
        await page
          .locator("textarea")
          .first()
          .evaluate((el) => (el as HTMLTextAreaElement).labels?.[0]?.textContent),
      ).toBe("嵌入代码");

      // The snippet's height fits the card: all of it, and not much more.
      const card = await openPage("/embed/latest/", { width: WIDTH, javaScriptEnabled: false });
      const content = await card.page.evaluate(() =>
        Math.ceil(document.querySelector(".zly-card")!.getBoundingClientRect().bottom),
      );
      await card.close();
      expect(height, "the whole card is in the frame").toBeGreaterThanOrEqual(content);
      expect(height - content, "little empty space below it").toBeLessThanOrEqual(30);

      const preview = page.locator("iframe").first();
      await preview.scrollIntoViewIfNeeded();
      expect(await preview.getAttribute("width")).toBe(String(WIDTH));
      expect(await preview.getAttribute("height")).toBe(String(height));
      const frame = preview.contentFrame();
      await frame.locator(".zly-card").waitFor();
      expect(await frame.locator(".zly-card").count()).toBe(1);
    });
  });
});

describe("more cards", () => {
  test("/embed/ copies a snippet with 复制代码", async () => {
    await withPage("/embed/", { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      await opened.context.grantPermissions(["clipboard-read", "clipboard-write"], {
        origin: new URL(siteUrl("/")).origin,
      });
      const field = page.locator("textarea").first();
      await page.locator("button[data-embed-copy]").first().click();
      await expect.poll(() => page.textContent("[data-copy-status]")).toBe("已复制嵌入代码");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await field.inputValue());
      expect(opened.problems()).toEqual([]);
    });
  });

  test.each(["/embed/current/", "/embed/2023/", "/embed/2022/"])(
    "%s: a card as tall as its content, within the frame its snippet gives",
    async (path) => {
      await withPage(path, { width: WIDTH, javaScriptEnabled: false }, async (opened) => {
        const { page } = opened;
        expect(opened.response?.status()).toBe(200);
        const facts = await page.evaluate(() => ({
          scripts: document.scripts.length,
          card: Math.ceil(document.querySelector(".zly-card")!.getBoundingClientRect().bottom),
          year: document.querySelector(".zly-kicker")?.textContent ?? "",
          links: [...document.querySelectorAll("a")].map((a) => a.target),
        }));
        expect(facts.scripts).toBe(0);
        expect(facts.card).toBeLessThanOrEqual(HEIGHT);
        expect(new Set(facts.links)).toEqual(new Set(["_blank"]));
        if (/\d{4}/.test(path)) expect(facts.year).toContain(/\d{4}/.exec(path)![0]);
        expect(opened.problems()).toEqual([]);
      });
    },
  );
});
