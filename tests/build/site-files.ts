/**
 * Helpers for the open-data, feed and link build tests: where the built site is, what it was
 * built for (SITE_URL, BASE_PATH — the same variables as the build), the notices from
 * content/notices, and mapping the site's absolute URLs back to files.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import yaml from "js-yaml";
import { normalizeBase } from "../../src/shared/base-path.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const DIST = join(ROOT, "dist");
export const BUILT = existsSync(join(DIST, "index.html"));
export const SITE = process.env.SITE_URL || "http://localhost:4321";

export const BASE = normalizeBase(process.env.BASE_PATH);
/** Absolute URL of the site's root: SITE_URL + BASE_PATH. */
export const SITE_ROOT = new URL(BASE, SITE).href;

export interface ContentNotice {
  id: string;
  year: number;
  slug: string;
  data: Record<string, unknown>;
  body: string;
}

/** The notices in content/notices, with their frontmatter and MDX body. */
export function contentNotices(): ContentNotice[] {
  const dir = join(ROOT, "content", "notices");
  return readdirSync(dir)
    .filter((n) => n.endsWith(".mdx"))
    .sort()
    .map((name) => {
      const id = name.slice(0, -4);
      const text = readFileSync(join(dir, name), "utf8");
      const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
      const data = (fm ? yaml.load(fm[1]!) : {}) as Record<string, unknown>;
      const [, year, slug] = /^(\d{4})-(.+)$/.exec(id)!;
      return { id, year: Number(year), slug: slug!, data, body: fm ? text.slice(fm[0].length) : text };
    });
}

/** Every file of a built site, relative, with "/" separators. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** The file an absolute site URL is served from, or undefined when it is not on the site. */
export function fileForUrl(url: string, dir = DIST, siteRoot = SITE_ROOT): string | undefined {
  if (!url.startsWith(siteRoot)) return undefined;
  const u = new URL(url);
  const rel = decodeURIComponent(u.pathname).slice(new URL(siteRoot).pathname.length);
  const file = rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
  return existsSync(join(dir, file)) ? file : undefined;
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** A page's meta/link/script tags, by a crude but sufficient scan of the built HTML. */
export function headFacts(html: string) {
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}=("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i")
      .exec(tag)
      ?.slice(2)
      .find((v) => v !== undefined);
  const decode = (s: string | undefined) =>
    s
      ?.replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const og: Record<string, string> = {};
  for (const m of html.matchAll(/<meta\s[^>]*property=["']?og:[^>]*>/gi)) {
    const property = attr(m[0], "property");
    if (property) og[property] = decode(attr(m[0], "content")) ?? "";
  }
  const canonicalTag = /<link\s[^>]*rel=["']?canonical["']?[^>]*>/i.exec(html)?.[0];
  const jsonLd = [
    ...html.matchAll(/<script\s[^>]*type=["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi),
  ].map((m) => m[1]!);
  return {
    og,
    canonical: canonicalTag ? decode(attr(canonicalTag, "href")) : undefined,
    noindex: /<meta\s[^>]*name=["']?robots["']?[^>]*content=["'][^"']*noindex/i.test(html),
    refresh: /<meta\s[^>]*http-equiv=["']?refresh/i.test(html),
    jsonLd,
  };
}
