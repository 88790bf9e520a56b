/**
 * Writes sitemap.xml (sitemaps.org 0.9) into the built site when `astro build` is done: every
 * HTML page the build wrote, by its absolute URL (SITE_URL + BASE_PATH), except pages that ask
 * not to be indexed (`<meta name="robots" content="noindex">`: 404, embeddable cards), redirect
 * pages (`<meta http-equiv="refresh">`: /wenhao/…) and pages whose canonical URL is another page.
 * Generated from the output rather than the route list, so no page can be forgotten.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

const SITEMAP_FILE = "sitemap.xml";

/** Every .html file under `dir`, as paths relative to it with "/" separators, sorted. */
function htmlPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** "2019/quanguo/index.html" → "2019/quanguo/"; "404.html" → "404.html". */
function pagePath(file: string): string {
  return file === "index.html"
    ? ""
    : file.endsWith("/index.html")
      ? file.slice(0, -"index.html".length)
      : file;
}

const NOINDEX = /<meta\s[^>]*name=["']?robots["']?[^>]*content=["'][^"']*noindex/i;
const NOINDEX_REVERSED = /<meta\s[^>]*content=["'][^"']*noindex[^"']*["'][^>]*name=["']?robots/i;
const REFRESH = /<meta\s[^>]*http-equiv=["']?refresh/i;
const CANONICAL = /<link\s[^>]*rel=["']?canonical["']?[^>]*>/i;

/** Why a page is left out of the sitemap, or undefined when it belongs in it. */
function exclusionReason(html: string, ownUrl: string): string | undefined {
  if (NOINDEX.test(html) || NOINDEX_REVERSED.test(html)) return "noindex";
  if (REFRESH.test(html)) return "redirect";
  const canonical = CANONICAL.exec(html)?.[0];
  const href = canonical ? /href=["']([^"']+)["']/i.exec(canonical)?.[1] : undefined;
  if (href && new URL(href, ownUrl).href !== ownUrl) return `canonical is ${href}`;
  return undefined;
}

/** Absolute URLs of the pages that belong in the sitemap. */
function sitemapUrls(dir: string, siteRoot: string): string[] {
  const urls: string[] = [];
  for (const file of htmlPages(dir)) {
    const url = new URL(encodeURI(pagePath(file)), siteRoot).href;
    if (!exclusionReason(readFileSync(join(dir, file), "utf8"), url)) urls.push(url);
  }
  return urls;
}

function sitemapXml(urls: readonly string[]): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...urls.map((u) => `  <url><loc>${escape(u)}</loc></url>`),
    `</urlset>`,
    "",
  ].join("\n");
}

export default function sitemap(): AstroIntegration {
  let siteRoot = "";
  return {
    name: "zhiliangyue:sitemap",
    hooks: {
      "astro:config:done": ({ config }) => {
        const base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        siteRoot = new URL(base, config.site ?? "http://localhost:4321").href;
      },
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const urls = sitemapUrls(out, siteRoot);
        writeFileSync(join(out, SITEMAP_FILE), sitemapXml(urls));
        logger.info(`${SITEMAP_FILE}: ${urls.length} pages`);
      },
    },
  };
}
