/**
 * Feeds, crawl files and page metadata in dist/ (issue 5): /feed.xml is well-formed Atom with one
 * entry per notice, newest first; sitemap.xml lists every indexable page and nothing else;
 * robots.txt points at it by its absolute URL; every page has its canonical URL and OpenGraph
 * tags; notice pages carry schema.org Legislation JSON-LD; nothing in any page needs a CSP
 * exception (no inline script, style element or style attribute); the precompressed .gz/.br
 * files decompress to their originals. Skipped when there is no dist/.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { XMLParser } from "fast-xml-parser";
import { SyntaxValidator } from "fast-xml-validator";
import { describe, expect, test } from "vitest";
import { BUILT, DIST, SITE_ROOT, contentNotices, fileForUrl, headFacts, siteFiles } from "./site-files.ts";

const notices = contentNotices();
const files = BUILT ? siteFiles(DIST) : [];
const htmlFiles = files.filter((f) => f.endsWith(".html"));
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "url", "link", "author", "category"].includes(name),
});
const read = (file: string) => readFileSync(join(DIST, file), "utf8");
const pageUrl = (file: string) =>
  new URL(file === "index.html" ? "" : file.replace(/(^|\/)index\.html$/, "$1"), SITE_ROOT).href;

describe.skipIf(!BUILT)("/feed.xml", () => {
  const xml = BUILT ? read("feed.xml") : "";
  type Entry = {
    id: string;
    title: string;
    updated: string;
    link: { "@rel": string; "@type": string; "@href": string }[];
  };
  const feed = (BUILT ? parser.parse(xml).feed : {}) as {
    "@xmlns": string;
    id: string;
    updated: string;
    link: { "@rel": string; "@href": string }[];
    entry: Entry[];
  };

  test("is well-formed XML", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding=')).toBe(true);
    expect(SyntaxValidator.validate(xml)).toBe(true);
  });

  test("is an Atom feed with id, title, updated and a self link at its absolute URL", () => {
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(new URL("feed.xml", SITE_ROOT).href);
    expect(feed.link.find((l) => l["@rel"] === "self")?.["@href"]).toBe(feed.id);
  });

  test("has one entry per notice, each with an absolute id, title, updated and page link", () => {
    expect(feed.entry).toHaveLength(notices.length);
    const ids = feed.entry.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of feed.entry) {
      expect(e.id.startsWith(SITE_ROOT), e.id).toBe(true);
      expect(fileForUrl(e.id), e.id).toBeTruthy();
      expect(e.title).toBeTruthy();
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
      const html = e.link.find((l) => l["@rel"] === "alternate" && l["@type"] === "text/html");
      expect(html?.["@href"]).toBe(e.id);
    }
  });

  test("newest first, and the feed's updated is its newest entry's", () => {
    const dates = feed.entry.map((e) => Date.parse(e.updated));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(Date.parse(feed.updated)).toBe(Math.max(...dates));
  });
});

describe.skipIf(!BUILT)("sitemap.xml and robots.txt", () => {
  const xml = BUILT ? read("sitemap.xml") : "";
  const locs = BUILT ? ((parser.parse(xml).urlset?.url ?? []) as { loc: string }[]).map((u) => u.loc) : [];

  test("sitemap.xml is well-formed sitemaps.org XML", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding=')).toBe(true);
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"');
  });

  test("lists every indexable page (not 404, noindex pages or redirects), and only those", () => {
    const expected = htmlFiles
      .filter((f) => {
        const facts = headFacts(read(f));
        return !facts.noindex && !facts.refresh && (!facts.canonical || facts.canonical === pageUrl(f));
      })
      .map(pageUrl)
      .sort();
    expect([...locs].sort()).toEqual(expected);
    expect(locs).not.toContain(pageUrl("404.html"));
    for (const n of notices) expect(locs).toContain(new URL(`${n.year}/${n.slug}/`, SITE_ROOT).href);
  });

  test("every URL in it is a page of the site", () => {
    expect(locs.filter((u) => !fileForUrl(u))).toEqual([]);
  });

  test("robots.txt points at the sitemap by its absolute URL", () => {
    expect(read("robots.txt")).toMatch(
      new RegExp(`^Sitemap: ${new URL("sitemap.xml", SITE_ROOT).href.replace(/[.?]/g, "\\$&")}$`, "m"),
    );
  });
});

describe.skipIf(!BUILT)("page metadata", () => {
  const indexable = htmlFiles.filter((f) => !headFacts(read(f)).noindex && !headFacts(read(f)).refresh);

  test.each(indexable)("%s has a canonical URL and OpenGraph tags", (file) => {
    const { og, canonical } = headFacts(read(file));
    expect(canonical, "canonical").toBe(pageUrl(file));
    expect(og["og:url"]).toBe(canonical);
    expect(og["og:title"]).toBeTruthy();
    expect(["website", "article"]).toContain(og["og:type"]);
    expect(og["og:site_name"]).toBe("质量月档案");
    expect(og["og:locale"]).toBe("zh_CN");
    expect(og["og:description"]).toBeTruthy();
  });

  test.each(notices)("$id carries schema.org Legislation JSON-LD", (n) => {
    const file = `${n.year}/${n.slug}/index.html`;
    const { jsonLd, canonical, og } = headFacts(read(file));
    expect(og["og:type"]).toBe("article");
    const items = jsonLd.map((t) => JSON.parse(t) as Record<string, unknown>);
    const law = items.find((i) => i["@type"] === "Legislation");
    expect(law, "a Legislation item").toBeTruthy();
    expect(law!["@context"]).toBe("https://schema.org");
    expect(law!.url).toBe(canonical);
    expect(law!.inLanguage).toBe("zh-CN");
    expect(law!.name).toBeTruthy();
    expect(law!.legislationIdentifier).toBe(n.data.docNumber);
    expect(law!.legislationDate).toBe(n.data.signedDate);
    expect(law!.legislationJurisdiction).toBe(
      n.data.level === "national" ? "中华人民共和国" : (n.data.region as string),
    );
    // Honest about its standing: a reproduction, the issuing body's text is authoritative.
    expect(law!.legislationLegalValue).toBe("https://schema.org/UnofficialLegalValue");
    expect(String(law!.description)).toContain("以发文机关印发的正式文件为准");
    const passedBy = law!.legislationPassedBy as { "@type": string; name: string }[] | undefined;
    if (((n.data.issuers as string[]) ?? []).length) {
      expect(passedBy).toHaveLength((n.data.issuers as string[]).length);
      for (const org of passedBy!) {
        expect(org["@type"]).toMatch(/Organization$/);
        expect(org.name).toBeTruthy();
      }
    }
  });
});

describe.skipIf(!BUILT)("ready for a strict Content-Security-Policy", () => {
  test.each(htmlFiles)("%s has no inline script, <style> or style attribute", (file) => {
    const html = read(file);
    const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
      .filter(
        ([, attrs, body]) =>
          !/\ssrc=/i.test(attrs!) &&
          !/type=["']?application\/(ld\+)?json/i.test(attrs!) &&
          body!.trim() !== "",
      )
      .map(([tag]) => tag.slice(0, 120));
    expect(inlineScripts, "inline <script> (script-src 'self')").toEqual([]);
    expect(html.match(/<style[\s>]/gi) ?? [], "<style> elements (style-src 'self')").toEqual([]);
    expect(
      html.match(/<[^>]+\sstyle=["'][^"']*["'][^>]*>/gi) ?? [],
      "style attributes (style-src 'self')",
    ).toEqual([]);
    expect(html.match(/<[^>]+\son[a-z]+=["'][^>]*>/gi) ?? [], "inline event handlers").toEqual([]);
  });
});

describe.skipIf(!BUILT)("precompressed files (gzip_static, brotli_static)", () => {
  const compressed = files.filter((f) => /\.(gz|br)$/.test(f));

  test("every page and stylesheet has a .gz and a .br", () => {
    const assets = files.filter((f) => /\.(html|css)$/.test(f) && readFileSync(join(DIST, f)).length >= 256);
    expect(assets.filter((f) => !files.includes(`${f}.gz`) || !files.includes(`${f}.br`))).toEqual([]);
  });

  test("each decompresses to exactly its original, or is the original itself (stored gzipped)", () => {
    const wrong = compressed.filter((f) => {
      // Pagefind's files and the search texts are gzip already: their .gz is a hard link to
      // them, so that nginx labels the stored bytes `Content-Encoding: gzip` (docs/search.md).
      if (f.endsWith(".gz") && statSync(join(DIST, f)).ino === statSync(join(DIST, f.slice(0, -3))).ino)
        return gunzipSync(readFileSync(join(DIST, f))).length === 0;
      const original = readFileSync(join(DIST, f.slice(0, -3)));
      const data = readFileSync(join(DIST, f));
      const inflated = f.endsWith(".gz") ? gunzipSync(data) : brotliDecompressSync(data);
      return !inflated.equals(original);
    });
    expect(compressed.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
