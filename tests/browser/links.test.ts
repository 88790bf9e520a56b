/**
 * Links portals can rely on (issue 5), in Chromium against the built site:
 *
 * - 复制链接: every anchored heading, paragraph and list item of a notice has one control, shown
 *   on hover and keyboard focus; with JavaScript it copies the full URL and announces 已复制链接,
 *   without it it is a permalink; it adds no characters to the text (search, selection).
 * - /wenhao/{docNumber}/ redirects to the notice for the printed form, [ ], ( ), （ ） and the
 *   hyphen key, as typed and percent-encoded, with and without JavaScript; an unknown number gets
 *   the 404 page's help; /wenhao/ lists every held number.
 * - Citation: GB/T 7714 text with today's date, copy button, CSL-JSON/BibTeX/RIS downloads,
 *   citation_* meta tags.
 * - Changelog page and Atom feed; print: A4 PDF with several pages and no site chrome.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { afterAll, describe, expect, test } from "vitest";
import { wenhaoVariants } from "../../src/outputs/wenhao/wenhao.ts";
import {
  ROOT,
  baseUrl,
  closeBrowser,
  expectedNotices,
  siteUrl,
  type OpenPageOptions,
  type OpenedPage,
  withPage,
} from "./helpers.ts";

afterAll(closeBrowser);

/** expect.poll options: the page's scripts may be slow on a loaded test machine. */
const POLL = { timeout: 10_000 };

const notices = expectedNotices();
const withDocNumber = notices
  .map((n) => {
    const text = readFileSync(join(ROOT, "content", "notices", `${n.id}.mdx`), "utf8");
    const data = yaml.load(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!) as { docNumber?: string };
    return { ...n, docNumber: data.docNumber };
  })
  .filter((n): n is typeof n & { docNumber: string } => Boolean(n.docNumber));
const N2019 = notices.find((n) => n.id === "2019-quanguo")!;

/** Problems other than the expected HTTP 404 of a not-found page. */
/** Opens /wenhao/{typed}/ as a reader's address bar sends it: percent-encoded. */
function withWenhao<T>(
  typed: string,
  options: OpenPageOptions,
  use: (opened: OpenedPage) => Promise<T>,
): Promise<T> {
  return withPage(`/wenhao/${encodeURIComponent(typed)}/`, options, use);
}

function problemsBut404(opened: OpenedPage): string[] {
  return opened.problems().filter((p) => !/: HTTP 404$|status of 404 \(Not Found\)/.test(p));
}

async function grantClipboard(opened: OpenedPage): Promise<void> {
  await opened.context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(baseUrl()).origin,
  });
}

async function today(opened: OpenedPage): Promise<string> {
  return opened.page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

describe("复制链接", () => {
  test.each(notices)(
    "$path: one control per anchored element, linking to its id, adding no text",
    async (notice) => {
      await withPage(notice.path, { width: 1280, javaScriptEnabled: false }, async (opened) => {
        const facts = await opened.page.evaluate(() => {
          const body = document.querySelector("[data-pagefind-body]")!;
          const anchored = [
            ...body.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], p[id], li[id]"),
          ];
          const wrong = anchored
            .map((el) => {
              const controls = [...el.children].filter((c) => c.matches("a.copy-link"));
              return { id: el.id, hrefs: controls.map((c) => c.getAttribute("href")) };
            })
            .filter((x) => x.hrefs.length !== 1 || x.hrefs[0] !== `#${x.id}`);
          const controls = [...body.querySelectorAll("a.copy-link")];
          return {
            anchored: anchored.length,
            wrong,
            labels: [...new Set(controls.map((c) => c.getAttribute("aria-label")))],
            ignored: controls.every((c) => c.hasAttribute("data-pagefind-ignore")),
            textInControls: controls.map((c) => c.textContent).join(""),
            inText: (body as HTMLElement).innerText.includes("复制链接"),
          };
        });
        expect(facts.anchored).toBeGreaterThan(10);
        expect(facts.wrong).toEqual([]);
        expect(facts.labels).toEqual(["复制链接"]);
        expect(facts.ignored).toBe(true);
        expect(facts.textInControls).toBe("");
        expect(facts.inText).toBe(false);
        expect(opened.problems()).toEqual([]);
      });
    },
  );

  test("selecting a paragraph selects exactly its characters", async () => {
    await withPage(N2019.path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { selected, text } = await opened.page.evaluate(() => {
        const p = document.getElementById("s1-p1")!;
        const range = document.createRange();
        range.selectNodeContents(p);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return { selected: selection.toString(), text: p.textContent };
      });
      expect(selected).toBe(text);
      expect(selected).toMatch(/^以习近平新时代中国特色社会主义思想为指导.*。$/);
    });
  });

  test("hidden until hover or keyboard focus; with JavaScript it copies the full URL and announces it", async () => {
    await withPage(N2019.path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      await grantClipboard(opened);
      const opacity = (selector: string) =>
        page.$eval(selector, (el) => Number(getComputedStyle(el).opacity));
      expect(await opacity("#s2 > a.copy-link")).toBe(0);
      await page.hover("#s2");
      await expect.poll(() => opacity("#s2 > a.copy-link"), POLL).toBe(1);
      await page.mouse.move(0, 0);

      // Keyboard: the controls are one Tab stop; ArrowDown goes from s1's to s1-p1's (issue 16).
      await page.focus("#s1 > a.copy-link");
      await page.keyboard.press("ArrowDown");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#s1-p1");
      await expect.poll(() => opacity("#s1-p1 > a.copy-link"), POLL).toBe(1);
      await page.keyboard.press("Enter");

      await expect.poll(() => page.textContent("[data-copy-status]"), POLL).toBe("已复制链接");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${siteUrl(N2019.path)}#s1-p1`);
      expect(await page.evaluate(() => location.hash), "copying does not navigate").toBe("");
      expect(await page.getAttribute("[data-copy-status]", "role")).toBe("status");
      expect(opened.problems()).toEqual([]);
    });
  });

  test("without JavaScript the control is a permalink", async () => {
    await withPage(N2019.path, { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const { page } = opened;
      await page.hover("#s2");
      await page.click("#s2 > a.copy-link");
      await expect.poll(() => page.url(), POLL).toBe(`${siteUrl(N2019.path)}#s2`);
      // Opacity fades in (a CSS transition), so wait for the end state.
      await expect
        .poll(() => page.$eval("#s2 > a.copy-link", (el) => getComputedStyle(el).opacity), POLL)
        .toBe("1");
    });
  });
});

describe("/wenhao/{docNumber}/", () => {
  const cases = withDocNumber.flatMap((notice) =>
    wenhaoVariants(notice.docNumber).map((variant) => ({ notice, variant })),
  );

  test("there are document numbers to test, with every bracket form", () => {
    expect(withDocNumber.length).toBeGreaterThanOrEqual(4);
    expect(cases.map((c) => c.variant)).toEqual(
      expect.arrayContaining([
        "国市监质发〔2022〕76号",
        "国市监质发[2022]76号",
        "国市监质发(2022)76号",
        "国市监质发（2022）76号",
        "国市监质发-2022-76",
      ]),
    );
  });

  test.each(cases)(
    "$variant → $notice.path (percent-encoded, JavaScript off)",
    async ({ notice, variant }) => {
      await withWenhao(variant, { width: 1280, javaScriptEnabled: false }, async (opened) => {
        await opened.page.waitForURL(siteUrl(notice.path));
        expect(opened.problems()).toEqual([]);
      });
    },
  );

  test.each(
    withDocNumber.flatMap((notice) => {
      const [printed, square, paren] = wenhaoVariants(notice.docNumber);
      return [
        { notice, path: `/wenhao/${printed}/`, how: "typed (Unicode)" },
        { notice, path: `/wenhao/${encodeURIComponent(square!)}/`, how: "[ ] as %5B %5D" },
        { notice, path: `/wenhao/${encodeURI(square!)}/`, how: "[ ] unencoded" },
        {
          notice,
          path: `/wenhao/${encodeURIComponent(paren!).toLowerCase()}/`,
          how: "lowercase percent-encoding",
        },
      ];
    }),
  )("$path ($how) → $notice.path, JavaScript on", async ({ notice, path }) => {
    await withPage(path, { width: 375, javaScriptEnabled: true }, async (opened) => {
      await opened.page.waitForURL(siteUrl(notice.path));
      expect(opened.problems()).toEqual([]);
    });
  });

  test("a redirect page: meta refresh, canonical, noindex, a visible link", async () => {
    const notice = withDocNumber[0]!;
    const response = await fetch(siteUrl(`/wenhao/${encodeURIComponent(notice.docNumber)}/`));
    expect(response.status).toBe(200);
    const html = await response.text();
    const target = new URL(siteUrl(notice.path)).pathname;
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]*${target}"`));
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`<a href="${target}">`);
  });

  test("/wenhao/ lists every held document number", async () => {
    await withPage("/wenhao/", { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const text = await opened.page.textContent("main");
      for (const n of withDocNumber) expect(text).toContain(n.docNumber);
      expect(opened.problems()).toEqual([]);
    });
  });

  test("an unknown number gets a 404 page that explains, canonicalises and links to search (JavaScript on)", async () => {
    const typed = "国市监质发[2099]7号";
    await withWenhao(typed, { width: 375, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      expect(opened.response?.status()).toBe(404);
      const help = page.locator("[data-wenhao-help]");
      await expect.poll(() => help.isVisible(), POLL).toBe(true);
      const text = await help.innerText();
      expect(text).toContain(typed);
      expect(text).toContain("国市监质发〔2099〕7号");
      expect(text).toContain("尚未收录");
      const search = await page.getAttribute("[data-wenhao-search]", "href");
      expect(search).toBe(
        `${new URL(siteUrl("/search/")).pathname}?q=${encodeURIComponent("国市监质发〔2099〕7号")}`,
      );
      expect(await page.getAttribute("a[href$='/wenhao/']", "href")).toBe(
        new URL(siteUrl("/wenhao/")).pathname,
      );
      expect(problemsBut404(opened)).toEqual([]);
    });
  });

  test("an unknown number without JavaScript: static help with links", async () => {
    await withWenhao("国市监质发〔2099〕7号", { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const text = await opened.page.locator("[data-wenhao-help]").innerText();
      expect(text).toContain("按文号");
      expect(text).toContain("本档案收录的全部文号");
      expect(text).toContain("搜索");
      expect(problemsBut404(opened)).toEqual([]);
    });
  });

  // Forms with no static page, read on the 404 page by the build's own parser (src/document/doc-number.ts).
  test.each([
    ["another bracket style (【】)", "国市监质发【2022】76号"],
    ["the key form with a full-width dash and full-width digits", "国市监质发－２０２２－７６"],
  ])("%s is recognised on the 404 page and leads to the notice", async (_how, typed) => {
    const notice = withDocNumber.find((n) => n.docNumber === "国市监质发〔2022〕76号")!;
    await withWenhao(typed, { width: 1280, javaScriptEnabled: true }, async (opened) => {
      await opened.page.waitForURL(siteUrl(notice.path));
      expect(problemsBut404(opened)).toEqual([]);
    });
  });

  test("the 404 page of any other path hides the document-number help (JavaScript on)", async () => {
    await withPage("/no-such-page/", { width: 1280, javaScriptEnabled: true }, async (opened) => {
      await expect.poll(() => opened.page.locator("[data-wenhao-help]").isVisible(), POLL).toBe(false);
      expect(problemsBut404(opened)).toEqual([]);
    });
  });
});

describe("citation", () => {
  test("GB/T 7714 text with today's date; 复制引文 copies it and announces it", async () => {
    await withPage(N2019.path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      await grantClipboard(opened);
      const date = await today(opened);
      const expected = `市场监管总局, 中央宣传部, 国家发展改革委, 等. 市场监管总局等14个部门关于开展2019年全国“质量月”活动的通知: 国市监质〔2019〕162号[EB/OL]. (2019-08-22)[${date}]. `;
      const text = (await page.textContent("#cite-gbt7714"))!;
      expect(text.startsWith(expected)).toBe(true);
      expect(text.slice(expected.length)).toMatch(/^https?:\/\/.+\/2019\/quanguo\/\.$/);
      await page.click("button[data-cite-copy]");
      await expect.poll(() => page.textContent("[data-copy-status]"), POLL).toBe("已复制引文");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
      expect(opened.problems()).toEqual([]);
    });
  });

  test("without JavaScript: the build date, no dead button", async () => {
    await withPage(N2019.path, { width: 375, javaScriptEnabled: false }, async (opened) => {
      expect(await opened.page.isVisible("button[data-cite-copy]")).toBe(false);
      expect(await opened.page.textContent("[data-cite-accessed]")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await opened.page.textContent(".cite-note")).toContain("本页生成的日期");
    });
  });

  test("citation_* meta tags", async () => {
    await withPage(N2019.path, { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const meta = await opened.page.evaluate(() =>
        [...document.querySelectorAll<HTMLMetaElement>('meta[name^="citation_"]')].map((m) => [
          m.name,
          m.content,
        ]),
      );
      const names = meta.map(([n]) => n);
      expect(names.filter((n) => n === "citation_author")).toHaveLength(14);
      expect(Object.fromEntries(meta)).toMatchObject({
        citation_title: "市场监管总局等14个部门关于开展2019年全国“质量月”活动的通知",
        citation_publication_date: "2019/08/22",
        citation_technical_report_number: "国市监质〔2019〕162号",
        citation_language: "zh",
      });
      expect(Object.fromEntries(meta).citation_public_url).toMatch(/\/2019\/quanguo\/$/);
      expect(Object.fromEntries(meta).citation_abstract_html_url).toMatch(/\/2019\/quanguo\/$/);
    });
  });

  test.each(notices)("$path: the download links serve CSL-JSON, BibTeX and RIS", async (notice) => {
    await withPage(notice.path, { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const hrefs = await opened.page.$$eval(".cite-downloads a", (links) =>
        links.map((a) => (a as HTMLAnchorElement).href),
      );
      expect(hrefs.map((h) => new URL(h).pathname.split("/").pop())).toEqual([
        "cite.json",
        "cite.bib",
        "cite.ris",
      ]);
      const [json, bib, ris] = await Promise.all(hrefs.map((h) => fetch(h).then((r) => r.text())));
      const [item] = JSON.parse(json!);
      expect(item.URL).toMatch(new RegExp(`${notice.path}$`));
      expect(bib).toMatch(/^@misc\{zly\d{4}[a-z]+,\n/);
      expect(bib).toMatch(/\n {2}urldate += \{\d{4}-\d{2}-\d{2}\},\n/);
      expect(ris).toMatch(/^TY {2}- GOVDOC\r\n/);
      expect(ris).toMatch(/\r\nER {2}- \r\n$/);
    });
  });
});

describe("changelog", () => {
  test("/changelog/ lists the additions and links the feed", async () => {
    await withPage("/changelog/", { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const { page } = opened;
      expect(await page.locator(".changelog-entry").count()).toBeGreaterThanOrEqual(notices.length);
      for (const n of notices) expect(await page.locator(`li[id^="added-${n.id}-"]`).count()).toBe(1);
      const feeds = await page.$$eval('link[rel="alternate"][type="application/atom+xml"]', (links) =>
        links.map((l) => (l as HTMLLinkElement).href),
      );
      expect(feeds.filter((href) => href.endsWith("/changelog.xml"))).toHaveLength(1);
      expect(opened.problems()).toEqual([]);
    });
  });

  test("/changelog.xml is well-formed Atom with an entry per change", async () => {
    await withPage("/changelog/", { width: 1280, javaScriptEnabled: true }, async (opened) => {
      const facts = await opened.page.evaluate(async (url) => {
        const response = await fetch(url);
        const xml = new DOMParser().parseFromString(await response.text(), "application/xml");
        return {
          type: response.headers.get("content-type"),
          error: xml.querySelector("parsererror")?.textContent ?? null,
          root: xml.documentElement.namespaceURI,
          entries: xml.getElementsByTagName("entry").length,
          ids: [...xml.getElementsByTagName("entry")].map(
            (e) => e.getElementsByTagName("id")[0]?.textContent,
          ),
        };
      }, siteUrl("/changelog.xml"));
      expect(facts.error).toBeNull();
      expect(facts.root).toBe("http://www.w3.org/2005/Atom");
      expect(facts.entries).toBeGreaterThanOrEqual(notices.length);
      expect(new Set(facts.ids).size).toBe(facts.entries);
      expect(facts.type).toMatch(/xml/);
    });
  });

  test.each(notices)("$path shows its changelog entries", async (notice) => {
    await withPage(notice.path, { width: 1280, javaScriptEnabled: false }, async (opened) => {
      const text = await opened.page.locator(".notice-history").innerText();
      expect(text).toContain("新增");
      expect(await opened.page.getAttribute(".notice-history a[href*='/changelog/#']", "href")).toContain(
        `#added-${notice.id}-`,
      );
    });
  });
});

describe("print", () => {
  const CHROME_TEXT = [
    "跳到正文",
    "全国“质量月”活动通知汇编",
    "历年一览",
    "文件信息",
    "引用本文",
    "复制引文",
    "更新记录",
  ];

  test.each(notices.filter((n) => ["2019-quanguo", "2022-quanguo"].includes(n.id)))(
    "$path prints as A4 pages without site chrome, with the reproduction line",
    async (notice) => {
      await withPage(notice.path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
        const { page } = opened;
        await page.emulateMedia({ media: "print" });
        const facts = await page.evaluate(() => {
          const display = (selector: string) =>
            [...document.querySelectorAll(selector)].map((el) => getComputedStyle(el).display);
          return {
            header: display("body > header, .site-header"),
            nav: display("nav"),
            aside: display("aside"),
            footer: display("body > footer, .site-footer"),
            controls: display("a.copy-link"),
            colophon: display(".print-colophon"),
            text: document.body.innerText,
            bodyFont: getComputedStyle(document.getElementById("s1-p1")!).fontFamily,
            h2Font: getComputedStyle(document.querySelector(".doc h2")!).fontFamily,
          };
        });
        for (const key of ["header", "nav", "aside", "footer", "controls"] as const) {
          expect(facts[key].length, `${key} elements exist`).toBeGreaterThan(0);
          expect(new Set(facts[key]), `${key} is not printed`).toEqual(new Set(["none"]));
        }
        expect(facts.colophon).toEqual(["block"]);
        for (const chrome of CHROME_TEXT) expect(facts.text).not.toContain(chrome);
        expect(facts.text).toContain("本件为质量月档案转录，以发文机关正式文本为准");
        expect(facts.text).toContain(siteUrl(notice.path).replace(/^https?:\/\/[^/]+/, ""));
        expect(facts.bodyFont).toMatch(/^"?FangSong/);
        expect(facts.h2Font).toMatch(/^"?SimHei/);

        const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
        const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
        expect(pages.length, "PDF pages").toBeGreaterThan(1);
        if (existsSync("/usr/bin/pdftotext")) {
          const printed = execFileSync("/usr/bin/pdftotext", ["-enc", "UTF-8", "-", "-"], {
            input: pdf,
          }).toString();
          for (const chrome of CHROME_TEXT) expect(printed).not.toContain(chrome);
          expect(printed.replace(/\s+/g, "")).toContain("本件为质量月档案转录，以发文机关正式文本为准");
          expect(printed, "page number 2 in the footer").toMatch(/—\s*2\s*—/);
        }
        expect(opened.problems()).toEqual([]);
      });
    },
  );
});
