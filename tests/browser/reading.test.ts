/**
 * Reading, printing and taking away a notice as an official would (issue 16), in Chromium
 * against the built site, on every notice page from content/notices:
 *
 * - at 390×844, standard size: the h1 and the first paragraph of text after it are on the first
 *   screen;
 * - the 目录 (collapsed on a phone, a rail on a wide screen) links to every top-level section
 *   and every attachment, in the document's order;
 * - arriving at #s3-2 (or the notice's first second-level section) shows the bar with the notice
 *   and the section path, without covering the place;
 * - on a touch screen every copy-link control is visible with a target of at least 24 px; with
 *   JavaScript they are one Tab stop, the arrow keys moving between them;
 * - the toolbar: 复制全文 copies text.txt, 下载Word serves a .docx that mammoth reads back with
 *   every letter and digit of the notice in order and nothing else but its completeness note;
 * - the printed PDF of an incomplete notice carries 本文本不完整 and no inferred-value chips.
 *
 * And across the site: no Latin-only sentences on Chinese pages (codes, addresses and format
 * names excepted); every catalogue year has a page; /api/notices.csv lists every notice; both
 * feeds show as pages.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import mammoth from "mammoth";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, describe, expect, test } from "vitest";
import type { Block, NoticeDocument } from "../../src/schemas/api.ts";
import { significantChars } from "../../src/shared/letters.ts";
import { pageTypes } from "./a11y-helpers.ts";
import {
  ROOT,
  baseUrl,
  closeBrowser,
  expectedNotices,
  getBrowser,
  pageProblems,
  siteUrl,
  withPage,
} from "./helpers.ts";

afterAll(closeBrowser);

const POLL = { timeout: 10_000 };
const notices = expectedNotices().map((n) => {
  const text = readFileSync(join(ROOT, "content", "notices", `${n.id}.mdx`), "utf8");
  const data = yaml.load(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!) as {
    provenance: { completeness: string[]; note?: string };
  };
  return { ...n, complete: data.provenance.completeness.includes("complete"), note: data.provenance.note };
});

/** The text model the site publishes for a notice (/api/notices/{year}/{slug}.json). */
async function publishedBlocks(notice: { year: string; slug: string }): Promise<Block[]> {
  const response = await fetch(siteUrl(`/api/notices/${notice.year}/${notice.slug}.json`));
  return ((await response.json()) as NoticeDocument).body;
}

/**
 * The letters and digits of the document's text, in order, walked here from the published
 * blocks (not with the site's own renderers): every heading, paragraph, list item and part line,
 * except the web page's metadata block, which is not the document's text.
 */
function documentLetters(blocks: readonly Block[]): string {
  const out: string[] = [];
  const walk = (b: Block) => {
    switch (b.type) {
      case "title":
      case "paragraph":
        out.push(b.text);
        break;
      case "section":
        out.push(b.heading);
        b.content.forEach(walk);
        break;
      case "list":
        for (const item of b.items) out.push(`${item.number ?? ""}${item.text}`);
        break;
      case "part":
        if (b.part !== "meta") b.content.forEach(walk);
        break;
      case "attachment":
        out.push(b.label?.text ?? "", b.title?.text ?? "");
        b.content.forEach(walk);
        break;
    }
  };
  blocks.forEach(walk);
  return significantChars(out.join(""));
}

async function touchPage(path: string) {
  const context = await (
    await getBrowser()
  ).newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(siteUrl(path), { waitUntil: "load" });
  return { page, close: () => context.close() };
}

describe.each(notices)("$path", (notice) => {
  test("390×844, standard size: the h1 and the first paragraph after it are on the first screen", async () => {
    await withPage(notice.path, { width: 390, javaScriptEnabled: true }, async (opened) => {
      const facts = await opened.page.evaluate(() => {
        const h1 = document.querySelector("main h1")!;
        const paragraphs = [...document.querySelectorAll("[data-pagefind-body] p[id]")];
        const first = paragraphs.find(
          (p) => h1.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING,
        )!;
        const h = h1.getBoundingClientRect();
        const p = first.getBoundingClientRect();
        return {
          size: document.documentElement.getAttribute("data-text-size"),
          h1: { top: h.top, bottom: h.bottom },
          paragraph: { id: first.id, top: p.top, line: parseFloat(getComputedStyle(first).lineHeight) },
        };
      });
      expect(facts.size).toBe("standard");
      expect(facts.h1.top, "h1 top").toBeGreaterThanOrEqual(0);
      expect(facts.h1.bottom, "h1 bottom within 844 px").toBeLessThanOrEqual(844);
      expect(
        facts.paragraph.top + facts.paragraph.line,
        `the first line of #${facts.paragraph.id} within 844 px`,
      ).toBeLessThanOrEqual(844);
      expect(opened.problems()).toEqual([]);
    });
  });

  test.each([390, 1366])(
    "目录 at %i px links to every top-level section and attachment, in order",
    async (width) => {
      await withPage(notice.path, { width, javaScriptEnabled: false }, async (opened) => {
        const { page } = opened;
        const facts = await page.evaluate(() => {
          const body = document.querySelector("[data-pagefind-body]")!;
          const expected = [...body.querySelectorAll("h2[id], section.doc-attachment[id]")]
            .filter((el) => el.matches("section") || !el.closest(".doc-attachment"))
            .map((el) => `#${el.id}`);
          const visible = [...document.querySelectorAll<HTMLElement>("nav.toc")].filter(
            (nav) => nav.getClientRects().length > 0,
          );
          return {
            expected,
            navs: visible.map((nav) => nav.className),
            name: visible[0]?.getAttribute("aria-label"),
          };
        });
        expect(facts.navs, "one 目录 shown").toHaveLength(1);
        expect(facts.name).toMatch(/目录$/);
        expect(facts.expected.length, "the notice has sections").toBeGreaterThan(1);
        if (width < 600) await page.click("nav.toc--phone summary");
        const links = await page.$$eval("nav.toc:not([hidden]) .toc-list > li > a", (as) =>
          as.filter((a) => a.getClientRects().length).map((a) => a.getAttribute("href")),
        );
        expect(links).toEqual(facts.expected);
        // The next level is there too, behind each entry's disclosure.
        await page.$$eval("nav.toc .toc-more", (ds) =>
          ds.forEach((d) => ((d as HTMLDetailsElement).open = true)),
        );
        const sub = await page.$$eval("nav.toc .toc-more a", (as) =>
          as.filter((a) => a.getClientRects().length).map((a) => a.getAttribute("href")!.slice(1)),
        );
        for (const id of sub) expect(id, "a second-level entry").toMatch(/^(s\d+-\d+|a\d+-s\d+)$/);
        expect(opened.problems()).toEqual([]);
      });
    },
  );

  test("arriving at a section shows the notice and the section path", async () => {
    await withPage(notice.path, { width: 390, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      const target = await page.evaluate(() =>
        document.getElementById("s3-2")
          ? "s3-2"
          : document.querySelector("[data-pagefind-body] h3[id^='s']")!.id,
      );
      const top = target.split("-")[0]!;
      const headings = await page.evaluate(
        ([a, b]) => [
          document.getElementById(a!)!.textContent.trim(),
          document.getElementById(b!)!.textContent.trim(),
        ],
        [top, target],
      );
      await page.goto(`${siteUrl(notice.path)}#${target}`, { waitUntil: "load" });
      const bar = page.locator("[data-arrival]");
      await expect.poll(() => bar.isVisible(), POLL).toBe(true);
      const text = (await bar.innerText()).replace(/\s+/g, " ");
      // 三、活动要求 › （二）: the top level by its heading, the level below by its printed number.
      const marker = /^（[一二三四五六七八九十]+）/.exec(headings[1]!)?.[0];
      expect(marker, `${target} is a numbered heading`).toBeTruthy();
      expect(text).toContain(`${notice.year}年`);
      expect(text).toContain(`› ${marker}`);
      expect(text).toContain(headings[0]!.slice(0, 4));
      const overlap = await page.evaluate((id) => {
        const b = document.querySelector("[data-arrival]")!.getBoundingClientRect();
        const t = document.getElementById(id)!.getBoundingClientRect();
        return { barTop: b.top, barBottom: b.bottom, targetTop: t.top };
      }, target);
      expect(overlap.barTop).toBe(0);
      expect(overlap.targetTop, "the place is below the bar, not under it").toBeGreaterThanOrEqual(
        overlap.barBottom - 1,
      );
      expect(opened.problems()).toEqual([]);
    });
  });

  test("touch screen: every copy-link control is visible, with a target of at least 24 px", async () => {
    const { page, close } = await touchPage(notice.path);
    try {
      const controls = await page.$$eval("[data-pagefind-body] a.copy-link", (links) =>
        links.map((a) => {
          const style = getComputedStyle(a);
          const r = a.getBoundingClientRect();
          return {
            href: a.getAttribute("href"),
            visible:
              style.display !== "none" && style.visibility === "visible" && Number(style.opacity) >= 0.5,
            width: r.width,
            height: r.height,
          };
        }),
      );
      expect(controls.length).toBeGreaterThan(10);
      expect(
        controls.filter((c) => !c.visible).map((c) => c.href),
        "hidden controls",
      ).toEqual([]);
      expect(
        controls.filter((c) => c.width < 24 || c.height < 24).map((c) => `${c.href} ${c.width}×${c.height}`),
        "targets under 24 px",
      ).toEqual([]);
    } finally {
      await close();
    }
  });

  test("keyboard: the toolbar comes before the text, and the copy-link controls are one Tab stop", async () => {
    await withPage(notice.path, { width: 1366, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      const stops = await page.$$eval("[data-pagefind-body] a.copy-link", (links) =>
        links.filter((a) => (a as HTMLAnchorElement).tabIndex >= 0).map((a) => a.getAttribute("href")),
      );
      expect(stops, "one copy-link control in the Tab order").toHaveLength(1);
      const order = await page.evaluate(() => {
        const toolbar = document.querySelector(".notice-toolbar")!;
        const article = document.querySelector("[data-pagefind-body]")!;
        return !!(toolbar.compareDocumentPosition(article) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(order, "toolbar before the text").toBe(true);
      await page.focus(`[data-pagefind-body] a.copy-link[href="${stops[0]}"]`);
      await page.keyboard.press("ArrowDown");
      const next = await page.evaluate(() => document.activeElement?.getAttribute("href"));
      expect(next, "ArrowDown moves to the next control").not.toBe(stops[0]);
      expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).tabIndex)).toBe(0);
      expect(opened.problems()).toEqual([]);
    });
  });

  test("toolbar: 打印, 下载Word, 下载PDF, 复制全文 (copies text.txt), 引用", async () => {
    await withPage(notice.path, { width: 390, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      await opened.context.grantPermissions(["clipboard-read", "clipboard-write"], {
        origin: new URL(baseUrl()).origin,
      });
      const tools = await page.$$eval(".notice-toolbar .tool", (els) =>
        els.filter((el) => el.getClientRects().length).map((el) => el.textContent.trim()),
      );
      expect(tools).toEqual(["打印", "下载Word", "下载PDF", "复制全文", "引用"]);
      const word = await page.$eval(".notice-toolbar a[download]", (a) => ({
        href: (a as HTMLAnchorElement).href,
        download: a.getAttribute("download"),
      }));
      expect(new URL(word.href).pathname).toBe(new URL(siteUrl(`${notice.path}text.docx`)).pathname);
      expect(word.download).toMatch(/\.docx$/);
      expect(await page.getAttribute(".notice-toolbar a[data-tool-cite]", "href")).toBe("#cite-heading");

      await page.click("button[data-tool-copy-all]");
      await expect.poll(() => page.textContent("[data-copy-status]"), POLL).toBe("已复制全文");
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await (await fetch(siteUrl(`${notice.path}text.txt`))).text());
      expect(opened.problems()).toEqual([]);
    });
  });

  test("下载Word: mammoth reads back every letter and digit in order, and nothing else but the completeness note", async () => {
    const response = await fetch(siteUrl(`${notice.path}text.docx`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const { value, messages } = await mammoth.extractRawText({
      buffer: Buffer.from(await response.arrayBuffer()),
    });
    expect(messages).toEqual([]);
    const expected = documentLetters(await publishedBlocks(notice));
    const letters = significantChars(value);
    if (notice.complete) {
      expect(letters).toBe(expected);
    } else {
      const [first] = value.split(/\n+/);
      expect(first).toContain("本文本不完整");
      expect(significantChars(first!)).toContain(significantChars(notice.note ?? ""));
      expect(letters).toBe(significantChars(first!) + expected);
    }
  });

  (notices.find((n) => n.id === notice.id)!.complete ? test.skip : test)(
    "print (PDF): the completeness note is printed, the inferred-value chips are not",
    async () => {
      await withPage(notice.path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
        const { page } = opened;
        await page.emulateMedia({ media: "print" });
        const chips = await page.$$eval(".badge-inferred, details.inferred, details.inferred--block", (els) =>
          els.map((el) => getComputedStyle(el).display),
        );
        expect(new Set(chips), "chips are not printed").toEqual(chips.length ? new Set(["none"]) : new Set());
        const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
        const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
        let text = "";
        for (let i = 1; i <= doc.numPages; i++) {
          const content = await (await doc.getPage(i)).getTextContent();
          text += content.items.map((item) => ("str" in item ? item.str : "")).join("");
        }
        // pdf.js reads some CJK glyphs as Kangxi radicals (⽉ for 月): NFKC folds them back.
        const printed = text.normalize("NFKC").replace(/\s+/g, "");
        expect(printed).toContain("本文本不完整");
        // The note itself: in the print layout's text (pdf.js reads some characters as CJK radicals).
        const note = await page.$eval(".completeness-print", (el) => ({
          display: getComputedStyle(el).display,
          text: (el as HTMLElement).innerText,
        }));
        expect(note.display).toBe("block");
        if (notice.note) expect(note.text).toContain(notice.note);
        for (const chip of ["查看依据", "展开查看依据", "▸", "▾"]) expect(printed, chip).not.toContain(chip);
        expect(opened.problems()).toEqual([]);
      });
    },
  );
});

/**
 * Visible text that is Latin only (not Chinese), outside code and addresses. The archived
 * documents' own text (the notice body, its text in comparisons) is content, kept as printed:
 * a colour value such as “PANTONE 5216C” in a logo specification is the document's.
 */
function latinOnlyText(page: import("playwright-core").Page) {
  return page.evaluate(() => {
    document.querySelectorAll("details").forEach((d) => (d.open = true));
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
    // One token of letters, digits and address characters: a code, a file name, an address,
    // a format's name (CSV, JSON, BibTeX …).
    const CODE = /^[\w.\-/:#?=&%+@~'()（）[\]·,，、]+$/;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Addresses are codes: what is left around them must still be Chinese.
      const text = (node.textContent ?? "")
        .replace(/\S*:\/\/\S*/g, "")
        .replace(/\s+/g, " ")
        .trim();
      if (!parent || !text || !/[A-Za-z]/.test(text) || CJK.test(text)) continue;
      if (parent.closest("script, style, code, kbd, samp, .mono, .hash, .docnum, textarea, noscript"))
        continue;
      // The documents' text shown sentence by sentence: compared, listed as added, marked by origin.
      if (parent.closest(".cmp-text, .cmp-s, .cmp-added-list, .lineage-text")) continue;
      if (parent.closest("[data-pagefind-body]") && !parent.closest("[data-pagefind-ignore]")) continue;
      if (!parent.getClientRects().length) continue;
      if (CODE.test(text)) continue;
      bad.push(`<${parent.tagName.toLowerCase()}> “${text.slice(0, 60)}”`);
    }
    for (const el of document.querySelectorAll("body [lang]"))
      if (!/^zh/i.test(el.getAttribute("lang") ?? ""))
        bad.push(`lang="${el.getAttribute("lang")}" on <${el.tagName.toLowerCase()}>`);
    return bad;
  });
}

describe("Chinese pages", () => {
  const chinesePages = [
    ...pageTypes.filter((p) => p.chrome),
    { kind: "catalogue year", path: "/2023/", status: 200, chrome: true },
    { kind: "subscribe", path: "/subscribe/", status: 200, chrome: true },
  ];
  test.each(chinesePages)(
    "$kind $path: no Latin-only visible text but codes and addresses",
    async ({ path }) => {
      await withPage(path, { width: 1280, javaScriptEnabled: true }, async (opened) => {
        expect(await latinOnlyText(opened.page)).toEqual([]);
      });
    },
  );
});

describe("years without a held text", () => {
  const catalog = readFileSync(join(ROOT, "content", "catalog", "national-themes.tsv"), "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split("\t"))
    .map(([year, theme]) => ({ year: year!, theme: theme! }));

  test.each(catalog)("/$year/ answers 200 with its theme and 全文未收录", async ({ year, theme }) => {
    await withPage(`/${year}/`, { width: 390, javaScriptEnabled: false }, async (opened) => {
      expect(opened.response?.status()).toBe(200);
      const text = (await opened.page.innerText("main")).replace(/\s+/g, "");
      expect(text).toContain(theme.replace(/\s+/g, ""));
      if (!notices.some((n) => n.year === year)) expect(text).toContain("全文未收录");
      expect(opened.problems()).toEqual([]);
    });
  });
});

describe("data and feeds", () => {
  test("/api/notices.csv lists every notice: UTF-8 with BOM, one row each, formula-safe", async () => {
    const response = await fetch(siteUrl("/api/notices.csv"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)], "UTF-8 byte-order mark").toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = text
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(","));
    const header = rows[0]!;
    const ids = rows.slice(1).map((r) => r[header.indexOf("id")]);
    expect(ids.sort()).toEqual(notices.map((n) => n.id).sort());
    const urls = rows.slice(1).map((r) => r[header.indexOf("url")]!);
    for (const n of notices) expect(urls.some((u) => new URL(u).pathname.endsWith(n.path))).toBe(true);
    for (const cell of rows.flat()) expect(cell, "no cell a spreadsheet would run").not.toMatch(/^"?[=+\-@]/);
  });

  test.each(["/feed.xml", "/changelog.xml"])("%s shows as a page in Chinese", async (path) => {
    const raw = await (await fetch(siteUrl(path))).text();
    expect(raw).toMatch(/^<\?xml [^?]*\?>\n<\?xml-stylesheet type="text\/xsl" href="[^"]*feed\.xsl"\?>/);
    const entries = (raw.match(/<entry>/g) ?? []).length;
    await withPage(path, { width: 390, javaScriptEnabled: true }, async (opened) => {
      const { page } = opened;
      const facts = await page.evaluate(() => ({
        type: document.contentType,
        lang: document.documentElement.lang,
        h1: document.querySelector("h1")?.textContent ?? "",
        entries: document.querySelectorAll(".feed-entries > li").length,
        links: [...document.querySelectorAll(".feed-entries a")].map((a) => (a as HTMLAnchorElement).href),
        subscribe: !!document.querySelector('a[href$="/subscribe/"]'),
      }));
      expect(facts.type).toBe("text/html");
      expect(facts.lang).toBe("zh-CN");
      expect(facts.h1).toContain("质量月档案");
      expect(facts.entries).toBe(entries);
      expect(facts.subscribe).toBe(true);
      // Entry links are absolute on SITE_URL: the same path on the test server.
      for (const href of facts.links) {
        const local = new URL(new URL(href).pathname, baseUrl()).href;
        expect((await fetch(local)).status, href).toBe(200);
      }
      // The browser's own notice that XSLT is deprecated (and its banner, which the site's CSP
      // blocks now that the preview server sends it too) is not the page's doing.
      const banner = await page.evaluate(() => !!document.querySelector("xslt-warning-banner"));
      expect(pageProblems(opened.problems(), banner)).toEqual([]);
    });
  });

  test("/subscribe/ explains both feeds", async () => {
    await withPage("/subscribe/", { width: 390, javaScriptEnabled: false }, async (opened) => {
      const hrefs = await opened.page.$$eval("main a", (as) =>
        as.map((a) => (a as HTMLAnchorElement).pathname),
      );
      expect(hrefs.some((h) => h.endsWith("/feed.xml"))).toBe(true);
      expect(hrefs.some((h) => h.endsWith("/changelog.xml"))).toBe(true);
      expect(opened.problems()).toEqual([]);
    });
  });
});
