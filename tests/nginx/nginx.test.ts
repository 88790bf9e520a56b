/**
 * The site as deployed: built for https://example.gov.cn/zlyda/ and served by real nginx with
 * deploy/nginx.conf (tests/nginx/global-setup.ts).
 *
 * Headers: MIME types (wasm, Pagefind's index files, feeds, data), caching (immutable hashed
 * assets and index chunks, short HTML), precompressed Brotli and gzip, the security headers and
 * strict Content-Security-Policy on every response, a real 404 (also for unknown /wenhao/
 * numbers), and the base path (redirects into /zlyda/).
 *
 * Browser: every kind of page — home, years, notices, search with a query, the 404 page, a
 * /wenhao/ redirect, the other sections of the site, the JSON API, the feed, the embed card — in
 * Chromium under that CSP; a page fails on any CSP violation (the `securitypolicyviolation`
 * event, recorded from before the first script runs, in every frame, and console messages about
 * the Content Security Policy) and on any console error.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, inject, test } from "vitest";
import { siteFiles } from "../build/site-files.ts";
import { draftDocx, uploadDraft } from "../browser/check-page.ts";
import { closeBrowser, expectedNotices, getBrowser, pageProblems, siteUrl } from "../browser/helpers.ts";
import { expected, noticeDocuments, squash, truthNotices, truthWords } from "../browser/search-truth.ts";
import { encodePath, get } from "./http.ts";
import { readSearchConfigFile } from "../../scripts/search/index.ts";

afterAll(closeBrowser);

const dist = inject("nginxDist");
const files = siteFiles(dist);
const notices = expectedNotices();
const first = (re: RegExp) => files.find((f) => re.test(f));
const baseUrl = new URL(inject("baseUrl"));
const basePath = baseUrl.pathname;

const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

describe("headers", () => {
  test("an HTML page: short caching, the strict CSP and the security headers", async () => {
    const res = await get("");
    expect(res.status).toBe(200);
    expect(res.header("content-type")).toBe("text/html; charset=utf-8");
    expect(res.header("cache-control")).toBe("public, max-age=300, must-revalidate");
    const csp = res.header("content-security-policy");
    for (const directive of CSP_DIRECTIVES) expect(csp).toContain(directive);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.header("x-frame-options")).toBe("DENY");
    expect(res.header("x-content-type-options")).toBe("nosniff");
    expect(res.header("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.header("permissions-policy")).toMatch(/camera=\(\)/);
  });

  test("hashed assets (/_astro/) are cached for a year, immutable", async () => {
    const css = first(/^_astro\/.+\.css$/);
    expect(css).toBeTruthy();
    const res = await get(css!);
    expect(res.status).toBe(200);
    expect(res.header("content-type")).toBe("text/css; charset=utf-8");
    expect(res.header("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  test("Pagefind: index chunks immutable and application/octet-stream; its entry files short-lived", async () => {
    for (const re of [/^pagefind\/index\/.+\.pf_index$/, /^pagefind\/.+\.pf_meta$/]) {
      const file = first(re);
      expect(file, String(re)).toBeTruthy();
      const res = await get(file!);
      expect(res.status, file).toBe(200);
      expect(res.header("content-type"), file).toBe("application/octet-stream");
      expect(res.header("cache-control"), file).toBe("public, max-age=31536000, immutable");
    }
    const wasm = first(/^pagefind\/.+\.pagefind$/);
    expect((await get(wasm!)).header("content-type")).toBe("application/octet-stream");
    const js = await get("pagefind/pagefind.js");
    expect(js.header("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.header("cache-control")).toBe("public, max-age=3600");
    const entry = await get("pagefind/pagefind-entry.json");
    expect(entry.header("content-type")).toBe("application/json; charset=utf-8");
    // The shards' languages must match the index deployed with them: never used from cache unchecked.
    const config = await get("search-data/search.json");
    expect(config.header("content-type")).toBe("application/json; charset=utf-8");
    expect(config.header("cache-control")).toBe("no-cache");
  });

  test("Pagefind's own gzipped files are sent as they are, with Content-Encoding: gzip when accepted", async () => {
    // So the browser inflates them natively and Pagefind skips its own inflation in JavaScript
    // (their .gz hard links, scripts/build/precompress.ts); without Accept-Encoding the same bytes
    // come unlabelled, and Pagefind inflates them itself.
    for (const re of [
      /^pagefind\/index\/.+\.pf_index$/,
      /^pagefind\/.+\.pf_meta$/,
      /^pagefind\/.+\.pagefind$/,
    ]) {
      const file = first(re)!;
      const stored = readFileSync(join(dist, file));
      expect(stored.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b])), `${file} is gzip`).toBe(true);
      const gz = await get(file, { "accept-encoding": "gzip, deflate, br" });
      expect(gz.header("content-encoding"), file).toBe("gzip");
      expect(gz.body.equals(stored), file).toBe(true);
      expect(gunzipSync(gz.body).subarray(0, 12).toString(), file).toBe("pagefind_dcd");
      const plain = await get(file);
      expect(plain.header("content-encoding"), file).toBe("");
      expect(plain.body.equals(stored), file).toBe(true);
    }
  });

  test("WebAssembly is served as application/wasm", async () => {
    // The configuration maps .wasm; Pagefind ships its module as a .pagefind file, so a .wasm
    // file is requested only when the site has one.
    expect(inject("nginxConfig")).toMatch(/application\/wasm\s+wasm;/);
    const wasm = first(/\.wasm$/);
    if (wasm) expect((await get(wasm)).header("content-type")).toBe("application/wasm");
  });

  test.each([
    ["feed.xml", "application/xml; charset=utf-8"],
    ["sitemap.xml", "application/xml; charset=utf-8"],
    ["robots.txt", "text/plain; charset=utf-8"],
    ["api/notices.json", "application/json; charset=utf-8"],
    ["api/schema/notice.schema.json", "application/schema+json; charset=utf-8"],
    ["api/themes.csv", "text/csv; charset=utf-8"],
    [`${notices[0]!.year}/${notices[0]!.slug}/text.txt`, "text/plain; charset=utf-8"],
    [`${notices[0]!.year}/${notices[0]!.slug}/text.md`, "text/markdown; charset=utf-8"],
    [`${notices[0]!.year}/${notices[0]!.slug}/source.txt`, "text/plain; charset=utf-8"],
    [
      `${notices[0]!.year}/${notices[0]!.slug}/text.docx`,
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    ["feed.xsl", "text/xsl; charset=utf-8"],
    ["api/notices.csv", "text/csv; charset=utf-8"],
    ["api/notices.zip", "application/zip"],
  ])("%s is %s", async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.header("content-type")).toBe(type);
  });

  test("open data and the feed may be read cross-origin; pages may not", async () => {
    expect((await get("api/notices.json")).header("access-control-allow-origin")).toBe("*");
    expect((await get("feed.xml")).header("access-control-allow-origin")).toBe("*");
    expect((await get("")).header("access-control-allow-origin")).toBe("");
  });

  test.each(["br", "gzip"])(
    "precompressed %s is sent when accepted, and decodes to the file",
    async (encoding) => {
      for (const path of [
        `${notices[0]!.year}/${notices[0]!.slug}/`,
        first(/^_astro\/.+\.css$/)!,
        "api/notices.json",
      ]) {
        const res = await get(path, { "accept-encoding": encoding });
        expect(res.status, path).toBe(200);
        expect(res.header("content-encoding"), path).toBe(encoding);
        expect(res.header("vary"), path).toMatch(/Accept-Encoding/i);
        const file = path.endsWith("/") ? `${path}index.html` : path;
        const body = encoding === "br" ? brotliDecompressSync(res.body) : gunzipSync(res.body);
        expect(body.equals(readFileSync(join(dist, file))), path).toBe(true);
      }
    },
  );

  test("without Accept-Encoding the file is sent as it is", async () => {
    const res = await get("");
    expect(res.header("content-encoding")).toBe("");
    expect(res.body.equals(readFileSync(join(dist, "index.html")))).toBe(true);
  });

  test("an unknown path is the site's 404 page with status 404 and the same headers", async () => {
    const res = await get("no-such-page/");
    expect(res.status).toBe(404);
    expect(res.header("content-type")).toBe("text/html; charset=utf-8");
    expect(res.body.toString("utf8")).toBe(readFileSync(join(dist, "404.html"), "utf8"));
    expect(res.header("content-security-policy")).toContain("default-src 'self'");
    expect(res.header("x-content-type-options")).toBe("nosniff");
  });

  test("an unknown /wenhao/ number is the 404 page with status 404; a held one is its redirect page", async () => {
    const unknown = await get(encodePath("wenhao/国不存在〔2099〕1号/"));
    expect(unknown.status).toBe(404);
    expect(unknown.body.toString("utf8")).toBe(readFileSync(join(dist, "404.html"), "utf8"));
    const held = files.find((f) => /^wenhao\/[^/]+〔\d{4}〕\d+号\/index\.html$/.test(f));
    expect(held, "a /wenhao/ redirect page for a held notice").toBeTruthy();
    const res = await get(encodePath(held!.replace(/index\.html$/, "")));
    expect(res.status).toBe(200);
    expect(res.body.toString("utf8")).toMatch(/http-equiv="refresh"/);
  });

  test("the base path: / and the bare base lead into it, directories get their slash", async () => {
    const root = await get("/");
    expect(root.status).toBe(301);
    expect(root.header("location")).toBe(basePath);
    const bare = await get(basePath.slice(0, -1));
    expect(bare.status).toBe(301);
    expect(bare.header("location")).toBe(basePath);
    const year = await get(String(notices[0]!.year));
    expect(year.status).toBe(301);
    expect(year.header("location")).toBe(`${basePath}${notices[0]!.year}/`);
    const outside = await get("/elsewhere/");
    expect(outside.status).toBe(404);
  });

  test("only the embeddable card may be framed by other sites", async () => {
    const card = await get("embed/latest/");
    expect(card.status).toBe(200);
    expect(card.header("content-security-policy")).toContain("frame-ancestors *");
    expect(card.header("x-frame-options")).toBe("");
    const snippetPage = await get("embed/");
    expect(snippetPage.header("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

/* ───────────────────────────── browser ───────────────────────────── */

interface CspPage {
  page: Page;
  context: BrowserContext;
  status: number | undefined;
  problems: string[];
  requests: string[];
  close: () => Promise<void>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Opens a page under the real CSP, recording violations (every frame) and console errors. */
async function openUnderCsp(
  path: string,
  options: { width?: number; expectStatus?: number } = {},
): Promise<CspPage> {
  const origin = baseUrl.origin;
  const context = await (
    await getBrowser()
  ).newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    serviceWorkers: "block",
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (e) =>
        window.__cspViolations!.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
        ),
      true,
    );
  });
  const external: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(data|blob|about):/.test(url) || new URL(url).origin === origin) return route.continue();
    external.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() !== "error" && !/Content.Security.Policy/i.test(m.text())) return;
    // The 404 page itself is expected to answer 404.
    if (options.expectStatus === 404 && /status of 404/.test(m.text()) && m.location().url === siteUrl(path))
      return;
    problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  const response = await page.goto(siteUrl(path), { waitUntil: "load" });
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
  return {
    page,
    context,
    status: response?.status(),
    problems,
    requests,
    close: async () => {
      for (const frame of page.frames()) {
        const violations = await frame
          .evaluate(() => window.__cspViolations ?? [])
          .catch(() => [] as string[]);
        problems.push(...violations.map((v) => `CSP violation in ${frame.url()}: ${v}`));
      }
      problems.push(...external.map((u) => `request leaving the site: ${u}`));
      await context.close();
    },
  };
}

/** One or two pages of every section of the site (the shallowest and the deepest of each). */
function pagesOfEverySection(): string[] {
  const pages = files.filter((f) => f.endsWith("index.html"));
  const bySection = new Map<string, string[]>();
  for (const f of pages) {
    const section = f.includes("/") ? (/^\d{4}\//.test(f) ? "{year}" : f.split("/")[0]!) : "";
    bySection.set(section, [...(bySection.get(section) ?? []), f]);
  }
  const out = new Set<string>();
  for (const list of bySection.values()) {
    const sorted = [...list].sort((a, b) => a.split("/").length - b.split("/").length || a.localeCompare(b));
    out.add(sorted[0]!);
    out.add(sorted.at(-1)!);
  }
  return [...out].map((f) => f.replace(/index\.html$/, "")).sort();
}

async function expectClean(
  path: string,
  options: { expectStatus?: number } = {},
  check?: (p: CspPage) => Promise<void>,
) {
  const opened = await openUnderCsp(path, options);
  try {
    expect(opened.status, `HTTP status of ${path}`).toBe(options.expectStatus ?? 200);
    if (check) await check(opened);
  } finally {
    await opened.close();
  }
  expect(opened.problems, `${path}: CSP violations, console errors, external requests`).toEqual([]);
}

describe("in Chromium under the production CSP", () => {
  test.each(pagesOfEverySection())("page /%s", async (path) => {
    await expectClean(encodePath(path));
  });

  test.each(notices)("notice $path (JSON-LD present, no violation for it)", async (notice) => {
    await expectClean(notice.path.slice(1), {}, async ({ page }) => {
      const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
      expect(jsonLd.length).toBeGreaterThan(0);
      expect(JSON.parse(jsonLd[0]!)["@type"]).toBe("Legislation");
    });
  });

  test.skipIf(!existsSync(join(dist, "search", "index.html")))(
    "search /search/?q=质量 runs Pagefind (WebAssembly)",
    async () => {
      await expectClean(`search/?q=${encodeURIComponent("质量")}`, {}, async ({ page, requests }) => {
        await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
        expect(
          requests.some((u) => u.includes("/pagefind/")),
          "Pagefind was loaded",
        ).toBe(true);
        expect(
          requests.some((u) => /\.pagefind$|\.wasm$/.test(u)),
          "Pagefind's WebAssembly was loaded",
        ).toBe(true);
      });
    },
  );

  // This site is indexed in shards of two notices (scripts/test/subpath-build.ts), so these searches
  // combine several Pagefind indexes: the notices found must be exactly those whose text holds
  // every word, as with one index (truth computed here from the MDX bodies).
  test.skipIf(!existsSync(join(dist, "search", "index.html")))(
    "search over several index shards finds exactly the notices that contain the query",
    async () => {
      const config = readSearchConfigFile(dist);
      expect(config.shards.length, "the sub-path site is indexed in several shards").toBeGreaterThan(1);
      const texts = noticeDocuments().map((n) => ({ id: n.id, text: squash(n.text) }));
      // Realistic queries, and from each notice a passage of its own text (so every shard has hits).
      const queries = ["质量", "质量强国", "質量強國", "市场监管总局", "检验检测 计量", "质量月 量子计算"];
      for (const n of texts)
        queries.push(n.text.slice(Math.floor(n.text.length / 2), Math.floor(n.text.length / 2) + 6));
      for (const q of queries) {
        const ws = truthWords(q);
        const want = texts
          .filter((n) => ws.every((w) => n.text.includes(w)))
          .map((n) => n.id)
          .sort();
        await expectClean(`search/?q=${encodeURIComponent(q)}`, {}, async ({ page }) => {
          await page.waitForSelector('[data-search-results][aria-busy="false"]', { timeout: 20_000 });
          const found = await page.evaluate(
            () =>
              (document.querySelector("[data-search-results]") as HTMLElement & { zlyResultIds?: string[] })
                .zlyResultIds ?? [],
          );
          expect([...found].sort(), `notices found for “${q}”`).toEqual(want);
        });
      }
      // Scopes and operators across shards, and the catalogue years (linked under the base path).
      const truth = truthNotices(dist);
      for (const [q, scope] of [
        ["质量强国 | 双随机一公开", "all"],
        ["质量 -海南", "all"],
        ["2023", "all"],
        ["质量强国 | 全面质量管理", "theme"],
        ["市场监管总局 -科技部", "issuer"],
      ] as const) {
        const want = expected(truth, q, scope);
        const url = `search/?q=${encodeURIComponent(q)}${scope === "all" ? "" : `&scope=${scope}`}`;
        await expectClean(url, {}, async ({ page }) => {
          await page.waitForSelector('[data-search-results][aria-busy="false"]', { timeout: 20_000 });
          const found = await page.evaluate(() => {
            const el = document.querySelector("[data-search-results]") as HTMLElement & {
              zlyResultIds?: string[];
              zlyCatalogYears?: number[];
            };
            const link = document.querySelector<HTMLAnchorElement>("[data-catalog-result]");
            return { ids: el.zlyResultIds ?? [], years: el.zlyCatalogYears ?? [], link: link?.pathname };
          });
          expect([...found.ids].sort(), `[${scope}] ${q}`).toEqual([...want.ids].sort());
          expect(found.years, `[${scope}] ${q}: catalogue years`).toEqual(want.catalog.map((c) => c.year));
          if (found.link) expect(found.link).toBe(`${basePath}${want.catalog[0]!.year}/`);
        });
      }
    },
    120_000,
  );

  test("起草核对 /check/ loads mammoth and reads a Word file under the CSP", async () => {
    const draft = readFileSync(join(import.meta.dirname, "../fixtures/check/draft-2025.txt"), "utf8");
    const buffer = await draftDocx(draft);
    await expectClean("check/", {}, async ({ page }) => {
      // mammoth is fetched once the archive's data is in: its browser build, from this site.
      await page.waitForFunction(() => "mammoth" in window, null, { timeout: 20_000 });
      await uploadDraft(page, buffer);
      await page.click(".check-submit");
      await page.waitForSelector("[data-check-summary]");
      expect(await page.locator("[data-check-report]").textContent()).toContain("国市监质发〔2025〕1号");
    });
  });

  test("the 404 page, for an unknown address", async () => {
    await expectClean("no-such-page/", { expectStatus: 404 }, async ({ page }) => {
      expect(await page.locator("h1").first().textContent()).toContain("未找到");
    });
  });

  test("a /wenhao/ redirect lands on the notice", async () => {
    const held = files.find((f) => /^wenhao\/[^/]+〔\d{4}〕\d+号\/index\.html$/.test(f))!;
    await expectClean(encodePath(held.replace(/index\.html$/, "")), {}, async ({ page }) => {
      await page.waitForURL(/\/\d{4}\/[a-z-]+\/$/, { timeout: 10_000 });
      expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${basePath}\\d{4}/[a-z-]+/$`));
    });
  });

  // Not sitemap.xml: Chromium's own XML tree viewer styles it inline, which this CSP blocks (the
  // file is then shown as plain text); nothing of the site's is involved.
  test.each([
    "api/notices.json",
    `api/notices/${notices[0]!.year}/${notices[0]!.slug}.json`,
    `api/lineage/${notices[0]!.year}/${notices[0]!.slug}.json`,
  ])("%s opens without a violation", async (path) => {
    await expectClean(path);
  });

  // The feeds show as a page through /feed.xsl (issue 16). Chromium 156 lays its own warning
  // that it is retiring XSLT over such a page, with inline styles and an inline handler, which
  // this CSP blocks: those reports (style-src-attr, script-src-attr, while the browser's
  // <xslt-warning-banner> is there) are the browser's; anything else would be the site's. The
  // stylesheet itself has no style attribute and no handler (tests/build/downloads.test.ts).
  test.each(["feed.xml", "changelog.xml"])(
    "%s shows as a page without a violation of its own",
    async (path) => {
      const opened = await openUnderCsp(path, {});
      let banner: boolean | undefined;
      try {
        expect(opened.status).toBe(200);
        expect(await opened.page.evaluate(() => document.querySelector("h1")?.textContent ?? "")).toContain(
          "质量月档案",
        );
        banner = await opened.page.evaluate(() => !!document.querySelector("xslt-warning-banner"));
      } finally {
        await opened.close();
      }
      expect(pageProblems(opened.problems, banner ?? false)).toEqual([]);
    },
  );

  test("the embed card loads in a frame of another site; a page of the archive does not", async () => {
    // A portal on another origin (a second loopback server) whose sidebar frames the card and a
    // page of the archive.
    const html =
      `<!doctype html><title>portal</title>` +
      `<iframe src="${siteUrl("embed/latest/")}" width="300" height="440"></iframe>` +
      `<iframe src="${siteUrl("")}" width="300" height="300"></iframe>`;
    const portalServer = createServer((_, res) =>
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html),
    );
    await new Promise<void>((done) => portalServer.listen(0, "127.0.0.1", done));
    const portal = `http://127.0.0.1:${(portalServer.address() as AddressInfo).port}/sidebar.html`;
    const context = await (await getBrowser()).newContext();
    try {
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on("console", (m) => {
        if (/frame-ancestors/.test(m.text())) blocked.push(m.text());
      });
      await page.goto(portal, { waitUntil: "load" });
      await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});
      const card = page.frames().find((f) => f.url() === siteUrl("embed/latest/"));
      expect(card, "the card's frame loaded").toBeTruthy();
      expect(await card!.locator(".zly-card").count()).toBe(1);
      expect(
        page.frames().some((f) => f.url() === siteUrl("")),
        "the home page in a frame",
      ).toBe(false);
      expect(
        blocked.some((m) => m.includes("frame-ancestors 'none'")),
        "blocked by frame-ancestors 'none'",
      ).toBe(true);
    } finally {
      await context.close();
      portalServer.close();
    }
  });
});
