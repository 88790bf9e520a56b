/**
 * Shared by the accessibility tests (a11y.test.ts, reading-controls.test.ts): the page types to
 * check (home, each year and notice from content/notices, the 404 page, and one page of every
 * other kind found in dist/), and axe-core in a page opened with openPage() — the WCAG 2.0 and 2.1 level A and AA
 * rules, with the violations as one readable line per rule and element (so a failing test says
 * what to fix).
 *
 * axe is injected with page.evaluate(axe.source) rather than a <script> tag: evaluation through
 * the DevTools protocol is not subject to the page's Content-Security-Policy, so these tests keep
 * working when the site forbids inline scripts.
 */
import axe from "axe-core";
import type { Page } from "playwright-core";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ROOT, expectedNotices, siteUrl, type OpenedPage } from "./helpers.ts";

const notices = expectedNotices();
const years = [...new Set(notices.map((n) => n.year))].sort();

export interface PageUnderTest {
  /** home, year, notice, 404, or the pattern of another kind of page, e.g. /issuers/{id}/ */
  kind: string;
  path: string;
  status: number;
  /**
   * The page has the site's chrome (BaseLayout: skip link, header with the reading controls and
   * navigation, footer). Standalone pages made to be embedded elsewhere (/embed/…) do not; they
   * must still pass axe and have lang, one h1, headings in order and a main landmark.
   */
  chrome: boolean;
}

/** A path no page has: the server answers with dist/404.html and status 404. */
const NOT_FOUND_PATH = "/no-such-page-a11y/";

/**
 * The other kinds of page in the built site (/issuers/, /issuers/{id}/, /compare/…): one page for
 * each first path segment and depth, found in dist/, so a page type that lands later is checked
 * too. Redirect stubs (meta refresh) are left out: nobody reads them.
 */
function otherPageTypes(): PageUnderTest[] {
  const dist = join(ROOT, "dist");
  if (!existsSync(dist)) return [];
  const byKind = new Map<string, PageUnderTest>();
  const files = readdirSync(dist, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === "index.html")
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).slice(0, -1))
    .filter((segments) => segments.length > 0 && !/^\d{4}$/.test(segments[0]!))
    .sort((a, b) => a.join("/").localeCompare(b.join("/")));
  for (const segments of files) {
    const kind = `/${segments[0]}/${segments
      .slice(1)
      .map(() => "*/")
      .join("")}`;
    if (byKind.has(kind)) continue;
    const html = readFileSync(join(dist, ...segments, "index.html"), "utf8");
    if (/<meta[^>]+http-equiv=["']?refresh/i.test(html)) continue;
    byKind.set(kind, {
      kind,
      path: `/${segments.map(encodeURIComponent).join("/")}/`,
      status: 200,
      chrome: html.includes("data-reading-controls"),
    });
  }
  return [...byKind.values()];
}

export const pageTypes: PageUnderTest[] = [
  { kind: "home", path: "/", status: 200, chrome: true },
  ...years.map((year) => ({ kind: "year", path: `/${year}/`, status: 200, chrome: true })),
  ...notices.map((notice) => ({ kind: "notice", path: notice.path, status: 200, chrome: true })),
  { kind: "404", path: NOT_FOUND_PATH, status: 404, chrome: true },
  ...otherPageTypes(),
];

/**
 * openPage()'s problems, minus the expected error status of the page itself (the 404 page): the
 * failed request and Chromium's console message about it. Anything else still counts.
 */
export function unexpectedProblems(opened: OpenedPage, path: string, status: number): string[] {
  if (status < 400) return opened.problems();
  const url = siteUrl(path);
  const expected = new Set([
    `failed request: GET ${url}: HTTP ${status}`,
    `console error: Failed to load resource: the server responded with a status of ${status} (Not Found) (${url}:0)`,
  ]);
  return opened.problems().filter((problem) => !expected.has(problem));
}

/** The rule sets of WCAG 2.1 level AA (which includes 2.0 A and AA and 2.1 A). */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface AxeWindow {
  axe?: typeof axe;
}

/** Runs axe on the whole document; returns one line per violating element ([] when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as AxeWindow).axe?.run === "function");
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const engine = (window as AxeWindow).axe!;
    const result = await engine.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? "?"}): ${violation.help} — ${node.target.join(" ")}: ` +
          `${(node.failureSummary ?? "").replace(/\s+/g, " ").trim()} ${node.html.slice(0, 160)}`,
      ),
    );
  }, WCAG_TAGS);
}
