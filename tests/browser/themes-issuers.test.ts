/**
 * /themes/, /issuers/ and the issuer pages in Chromium with JavaScript off, at phone and desktop
 * widths: they load without errors or outside requests, do not scroll sideways, draw their
 * charts as SVG with an accessible name and the same numbers in a table, and their anchors
 * hold: every slogan of every notice (content/notices) has its `#slogan-…` on /themes/, every
 * link into /themes/ from a notice page resolves, and every activity link from an issuer page
 * lands on an existing item anchor of the notice.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { afterAll, describe, expect, test } from "vitest";
import { ROOT, closeBrowser, expectedNotices, openPage, siteUrl, withPage } from "./helpers.ts";

afterAll(closeBrowser);

const notices = expectedNotices();

/** Slogans straight from the frontmatter of content/notices. */
function slogansOf(id: string): string[] {
  const text = readFileSync(join(ROOT, "content", "notices", `${id}.mdx`), "utf8");
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)!;
  const data = yaml.load(fm[1]!) as { slogans?: string[] };
  return data.slogans ?? [];
}
/** The documented anchor: slogan- + 8 hex digits of SHA-256 of the letters and digits. */
const sloganAnchor = (text: string) =>
  `slogan-${createHash("sha256")
    .update(text.normalize("NFKC").replace(/[^\p{L}\p{N}]/gu, ""))
    .digest("hex")
    .slice(0, 8)}`;
const allSlogans = notices.flatMap((n) => slogansOf(n.id));

/** Issuer ids of the registry, from the YAML itself. */
const issuerIds = (
  yaml.load(readFileSync(join(ROOT, "content", "issuers", "issuers.yaml"), "utf8")) as { id: string }[]
).map((i) => i.id);

const pages = ["/themes/", "/issuers/", "/issuers/samr/", "/issuers/ndrc/", "/issuers/hainan-qa/"];

describe.each(pages)("%s", (path) => {
  test.each([375, 1280])("renders without JavaScript at %i px", async (width) => {
    await withPage(path, { width, javaScriptEnabled: false }, async (opened) => {
      const { page } = opened;
      expect.soft(opened.response?.status()).toBe(200);
      const facts = await page.evaluate(() => ({
        h1: document.querySelectorAll("h1").length,
        lang: document.documentElement.lang,
        scrollWidth: document.documentElement.scrollWidth,
        brokenFragments: [...document.querySelectorAll<HTMLAnchorElement>("a[href*='#']")]
          .filter((a) => a.pathname === location.pathname && a.hash.length > 1)
          .map((a) => decodeURIComponent(a.hash.slice(1)))
          .filter((id) => !document.getElementById(id)),
        duplicateIds: (() => {
          const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
          return ids.filter((id, i) => ids.indexOf(id) !== i);
        })(),
      }));
      expect.soft(facts.h1).toBe(1);
      expect.soft(facts.lang).toBe("zh-CN");
      expect.soft(facts.scrollWidth, "the page does not scroll sideways").toBeLessThanOrEqual(width);
      expect.soft(facts.brokenFragments, "same-page links whose target is missing").toEqual([]);
      expect.soft(facts.duplicateIds).toEqual([]);
      expect(opened.problems()).toEqual([]);
    });
  });
});

describe("/themes/", () => {
  test("has the timeline, the chart with its table, and an anchor for every slogan", async () => {
    await withPage("/themes/", { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const { page } = opened;
      const facts = await page.evaluate(() => {
        const svg = document.querySelector("#terms ~ figure svg, figure svg");
        const labelled = svg?.getAttribute("aria-labelledby")?.split(" ") ?? [];
        return {
          svgRole: svg?.getAttribute("role"),
          svgName: labelled.map((id) => document.getElementById(id)?.textContent ?? "").join(" "),
          tableCaption: svg?.closest("figure")?.querySelector("table caption")?.textContent ?? "",
          tableRows: svg?.closest("figure")?.querySelectorAll("tbody tr").length ?? 0,
          bars: svg?.querySelectorAll("rect.chart-bar").length ?? 0,
          yearCells: document.querySelectorAll(".year-grid li:not([aria-hidden])").length,
          years: [...document.querySelectorAll(".theme-timeline > li[id^='year-']")].map((li) => li.id),
          gapText: document.querySelector(".theme-timeline")?.textContent ?? "",
          ids: [...document.querySelectorAll("[id]")].map((el) => el.id),
          marks: [...document.querySelectorAll(".near-list mark")].map((m) => m.textContent),
        };
      });
      expect(facts.svgRole).toBe("img");
      expect(facts.svgName).toContain("建设质量强国");
      expect(facts.tableCaption).not.toBe("");
      expect(facts.tableRows).toBe(facts.bars);
      expect(facts.bars).toBeGreaterThan(0);
      expect(facts.yearCells).toBeGreaterThanOrEqual(2025 - 1978 + 1);
      for (const n of notices) expect(facts.years).toContain(`year-${n.year}`);
      expect(facts.gapText).toContain("1985—1992年");
      expect(facts.gapText).toContain("未举办");
      expect(facts.gapText).toContain("未经核实");
      for (const slogan of allSlogans) expect(facts.ids, slogan).toContain(sloganAnchor(slogan));
      for (const n of notices) expect(facts.ids).toContain(`theme-${n.year}-${n.slug}`);
      expect(facts.marks).toContain("享");
      expect(facts.marks).toContain("、工程");
    });
  });

  test("following a slogan link from a notice page lands on that slogan", async () => {
    const withSlogans = notices.filter((n) => slogansOf(n.id).length);
    expect(withSlogans.length).toBeGreaterThan(0);
    for (const n of withSlogans) {
      await withPage(n.path, { width: 1280, javaScriptEnabled: false }, async (opened) => {
        const links = await opened.page.$$eval("a[href*='themes/#']", (as) =>
          as.map((a) => (a as HTMLAnchorElement).href),
        );
        const wanted = slogansOf(n.id).map((s) => siteUrl(`/themes/#${sloganAnchor(s)}`));
        for (const href of wanted) expect(links, `${n.path} links ${href}`).toContain(href);
        expect(links).toContain(siteUrl(`/themes/#theme-${n.year}-${n.slug}`));
        expect(opened.problems()).toEqual([]);
      });
    }
    await withPage(
      `/themes/#${sloganAnchor("优化营商环境 建设质量强国")}`,
      {
        width: 375,
        javaScriptEnabled: false,
      },
      async (opened) => {
        const target = await opened.page.evaluate(() => {
          const el = document.querySelector(":target");
          const box = el?.getBoundingClientRect();
          return { text: el?.textContent ?? "", top: box?.top ?? -1, height: innerHeight };
        });
        expect(target.text).toContain("优化营商环境");
        expect(target.top).toBeGreaterThanOrEqual(0);
        expect(target.top).toBeLessThan(target.height);
      },
    );
  });
});

describe("/issuers/", () => {
  test("has the count chart with its table and the issuer × notice matrix", async () => {
    await withPage("/issuers/", { width: 375, javaScriptEnabled: false }, async (opened) => {
      const facts = await opened.page.evaluate(() => {
        const svg = document.querySelector("figure svg[role='img']");
        const table = svg?.closest("figure")?.querySelector("table");
        const cell = (year: string) =>
          [...(table?.querySelectorAll("tbody tr") ?? [])]
            .find((tr) => tr.querySelector("th")?.textContent?.trim() === year)
            ?.querySelector("td")
            ?.textContent?.trim();
        return {
          svgName: svg?.getAttribute("aria-labelledby") ? true : false,
          caption: table?.querySelector("caption")?.textContent ?? "",
          counts: ["2019", "2021", "2022", "2024", "2014"].map(cell),
          matrices: document.querySelectorAll("table.matrix").length,
          matrixHeads: [...document.querySelectorAll("table.matrix thead th")].map((th) => th.textContent),
          issuerLinks: [...document.querySelectorAll<HTMLAnchorElement>(".issuer-list a")].map(
            (a) => a.pathname,
          ),
        };
      });
      expect(facts.svgName).toBe(true);
      expect(facts.caption).not.toBe("");
      expect(facts.counts).toEqual(["14", "20", "21", "27", "37"]);
      expect(facts.matrices).toBeGreaterThanOrEqual(2);
      expect(facts.matrixHeads.join(" ")).toContain("2019");
      for (const id of issuerIds)
        expect(
          facts.issuerLinks.some((p) => p.endsWith(`/issuers/${id}/`)),
          id,
        ).toBe(true);
      expect(opened.problems()).toEqual([]);
    });
  });

  test("every registry body has its page", async () => {
    await withPage("/issuers/", { width: 1280, javaScriptEnabled: false }, async (opened) => {
      for (const id of issuerIds) {
        const response = await opened.page.request.get(siteUrl(`/issuers/${id}/`));
        expect(response.status(), id).toBe(200);
      }
    });
  });

  test("an issuer page's activity links land on the item in the notice", async () => {
    const byPage = new Map<string, Set<string>>();
    for (const id of ["samr", "ndrc", "hainan-amr"]) {
      const opened = await openPage(`/issuers/${id}/`, { width: 1280, javaScriptEnabled: false });
      const links = await opened.page.$$eval("main a[href*='#a1-s']", (as) =>
        as.map((a) => (a as HTMLAnchorElement).href),
      );
      await opened.close();
      expect(links.length, id).toBeGreaterThan(0);
      for (const href of links) {
        const url = new URL(href);
        byPage.set(
          url.pathname,
          (byPage.get(url.pathname) ?? new Set()).add(decodeURIComponent(url.hash.slice(1))),
        );
      }
    }
    for (const [pathname, hashes] of byPage) {
      await withPage(pathname, { width: 1280, javaScriptEnabled: false }, async (target) => {
        const texts = await target.page.evaluate(
          (ids) => ids.map((h) => document.getElementById(h)?.textContent ?? null),
          [...hashes],
        );
        texts.forEach((text, i) => {
          expect(text, `${pathname}#${[...hashes][i]}`).toMatch(/^[一二三四五六七八九十]+、/);
        });
      });
    }
  });

  test("the samr page links its predecessor and shows its activities year by year", async () => {
    await withPage("/issuers/samr/", { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const facts = await opened.page.evaluate(() => ({
        lineage: [...document.querySelectorAll<HTMLAnchorElement>(".lineage a")].map((a) => a.pathname),
        columns: [...document.querySelectorAll(".activity-column h3")].map((h) => h.textContent?.trim()),
        truncated: document.querySelector(".activity-truncated")?.textContent ?? "",
      }));
      expect(facts.lineage.some((p) => p.endsWith("/issuers/aqsiq/"))).toBe(true);
      expect(facts.columns.map((c) => c?.slice(0, 4))).toEqual(["2019", "2021", "2022"]);
      expect(facts.truncated).toContain("中断");
    });
  });
});

test("notice pages link their issuers to the issuer pages", async () => {
  const files = readdirSync(join(ROOT, "content", "notices")).filter((f) => f.endsWith(".mdx"));
  expect(files.length).toBe(notices.length);
  await withPage("/2019/quanguo/", { width: 1280, javaScriptEnabled: false }, async (opened) => {
    const links = await opened.page.$$eval(".meta-panel a[href*='/issuers/']", (as) =>
      as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(links).toContain(new URL(siteUrl("/issuers/samr/")).pathname);
    expect(links).toContain(new URL(siteUrl("/issuers/most/")).pathname);
  });
});
