/**
 * Browser test helpers: Debian's Chromium (/usr/bin/chromium, `apt-get install chromium`) driven
 * by playwright-core, and openPage(), which loads a page of the served site and records
 * everything that must not happen: console errors, uncaught page errors, failed requests
 * (including HTTP errors) and any request that leaves the local server (those are blocked, so
 * the tests never touch the network).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import yaml from "js-yaml";
import { inject } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page, type Response } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/test/chromium.ts";

let browser: Promise<Browser> | undefined;

/** The shared browser, launched on first use; close it with closeBrowser() in afterAll. */
export function getBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  const b = browser;
  browser = undefined;
  if (b) await (await b).close();
}

/** URL of the served site's root (ends in "/", includes BASE_PATH). */
export function baseUrl(): string {
  return inject("baseUrl");
}

/** A site path such as "/2019/quanguo/" → the full URL on the test server (BASE_PATH-aware). */
export function siteUrl(path: string): string {
  return new URL(path.replace(/^\/+/, ""), baseUrl()).href;
}

export interface OpenPageOptions {
  /** Viewport width in CSS pixels (height is 900). */
  width: number;
  javaScriptEnabled: boolean;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  response: Response | null;
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests that failed at the network level, and responses with status ≥ 400. */
  failedRequests: string[];
  /** Requests to anything but the local test server (blocked). */
  externalRequests: string[];
  /** Everything above in one list, for `expect(problems()).toEqual([])`. */
  problems: () => string[];
  close: () => Promise<void>;
}

/** Schemes that are not network requests (inline data, the page's own objects). */
const NOT_NETWORK = /^(data|blob|about|javascript):/;

export async function openPage(path: string, options: OpenPageOptions): Promise<OpenedPage> {
  const origin = new URL(baseUrl()).origin;
  const isLocal = (url: string) => NOT_NETWORK.test(url) || new URL(url).origin === origin;

  const context = await (
    await getBrowser()
  ).newContext({
    viewport: { width: options.width, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled,
    serviceWorkers: "block",
  });
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const failedRequests: string[] = [];
  const externalRequests: string[] = [];

  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    externalRequests.push(`${route.request().method()} ${url}`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location();
    consoleErrors.push(`${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ""}`);
  });
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
  page.on("requestfailed", (request) => {
    if (isLocal(request.url()))
      failedRequests.push(
        `${request.method()} ${request.url()}: ${request.failure()?.errorText ?? "failed"}`,
      );
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });

  const response = await page.goto(siteUrl(path), { waitUntil: "load" });
  // Let late requests (lazy scripts, search index, fonts) happen so they are recorded too.
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => {});

  return {
    page,
    context,
    response,
    consoleErrors,
    pageErrors,
    failedRequests,
    externalRequests,
    problems: () => [
      ...consoleErrors.map((e) => `console error: ${e}`),
      ...pageErrors.map((e) => `page error: ${e}`),
      ...failedRequests.map((e) => `failed request: ${e}`),
      ...externalRequests.map((e) => `request leaving the local server: ${e}`),
    ],
    close: () => context.close(),
  };
}

/**
 * Opens `path`, runs `use` with the page, and closes the page whatever happens: the one shape of
 * every browser test, so a failed assertion never leaves a browser context open.
 */
export async function withPage<T>(
  path: string,
  options: OpenPageOptions,
  use: (opened: OpenedPage) => Promise<T>,
): Promise<T> {
  const opened = await openPage(path, options);
  try {
    return await use(opened);
  } finally {
    await opened.close();
  }
}

export const ROOT = resolve(import.meta.dirname, "../..");

/**
 * A page's console problems, less those of the browser's own XSLT banner: over a feed shown
 * through /feed.xsl, Chromium lays a warning that it is retiring XSLT, with inline styles and an
 * inline handler, which the site's Content-Security-Policy blocks (served by nginx and by
 * npm start alike). Those reports are the browser's; any other is the page's.
 */
export function pageProblems(problems: readonly string[], xsltBanner: boolean): string[] {
  const browsers = /style-src-attr|script-src-attr|Applying inline style|Executing inline event handler/;
  return problems.filter((p) => !/XSLT/i.test(p) && !(xsltBanner && browsers.test(p)));
}

export interface ExpectedNotice {
  /** File name without .mdx, e.g. "2019-quanguo". */
  id: string;
  year: string;
  slug: string;
  /** Site path, e.g. "/2019/quanguo/". */
  path: string;
  /** Title from the frontmatter, when the notice has one. */
  title?: string;
  /** Anchors the page must have, from the body's structure (s1 for a 一、 heading, a1 for 附件1). */
  anchors: string[];
}

/**
 * The notices the site must show, derived from the files in content/notices
 * (`{year}-{slug}.mdx` → `/{year}/{slug}/`), so a newly imported notice is tested automatically.
 */
export function expectedNotices(root = ROOT): ExpectedNotice[] {
  const dir = join(root, "content", "notices");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .map((name) => {
      const id = name.slice(0, -".mdx".length);
      const m = /^(\d{4})-([a-z][a-z0-9-]*)$/.exec(id);
      if (!m) throw new Error(`content/notices/${name}: expected a file name {year}-{slug}.mdx`);
      const text = readFileSync(join(dir, name), "utf8");
      const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
      const data = (fm ? yaml.load(fm[1]!) : {}) as { title?: unknown } | null;
      const body = fm ? text.slice(fm[0].length) : text;
      const anchors: string[] = [];
      if (/^##\s*一、/m.test(body)) anchors.push("s1");
      if (/<Attachment\b[^>]*\bn=["{]?1\b/.test(body)) anchors.push("a1");
      return {
        id,
        year: m[1]!,
        slug: m[2]!,
        path: `/${m[1]}/${m[2]}/`,
        ...(typeof data?.title === "string" ? { title: data.title } : {}),
        anchors,
      };
    });
}
