/**
 * What a reader waits for, measured in headless Chromium for the search benchmark
 * (scripts/bench/search.ts), the same way for the archive's search page and for Pagefind as it
 * comes (scripts/bench/search/baseline.astro): both pages set the same performance marks
 * (search:start … search:shown) and the same contract (aria-busy, [data-search-results]).
 *
 *   cold   a fresh browser context opens the results page with the query in its URL
 *   warm   the next query typed into that page's own box
 *   enter  a fresh context opens a notice page; the reader clicks the header search box, types
 *          the query over one second, and presses Enter: from the Enter to the first results
 *          shown on the results page it opens
 */
import type { Browser, Page } from "playwright-core";
import { formatState } from "../../../src/search/core.ts";
import type { Scope } from "../../../src/search/query.ts";

/** Time from the search's start to its first batch shown, and the parts of it (search page marks). */
interface Timing {
  total: number;
  /** Loading and starting the engine (zero once it is running). */
  engine: number;
  /** The look-ups: positions fetched and matched. */
  match: number;
  /** Loading the first batch's texts, after the look-ups. */
  texts: number;
  /** From the navigation's start (the page's time origin) to the first batch shown. */
  fromNavigation: number;
  /** The first batch shown, in the clock of every page (performance.timeOrigin + mark). */
  shownAt: number;
}

async function waitForResults(page: Page): Promise<Timing> {
  await page.waitForFunction(
    () =>
      document.querySelector("[data-search-results]")?.getAttribute("aria-busy") === "false" &&
      performance.getEntriesByName("search:shown").length > 0,
    null,
    { timeout: 120_000 },
  );
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime;
    const start = at("search:start")!;
    const engine = at("search:engine") ?? start;
    const matched = at("search:matched") ?? engine;
    const shown = at("search:shown")!;
    return {
      total: shown - start,
      engine: engine - start,
      match: matched - engine,
      texts: (at("search:texts") ?? matched) - matched,
      fromNavigation: shown,
      shownAt: performance.timeOrigin + shown,
    };
  });
}

/** What the results page found: every result's id (notice ids; Pagefind: page hashes), years, sections. */
interface Found {
  ids: string[];
  years: number[];
  shown: { id: string; sections: string[] }[];
}

async function readFound(page: Page): Promise<Found> {
  return page.evaluate(() => {
    const el = document.querySelector("[data-search-results]") as HTMLElement & {
      zlyResultIds?: string[];
      zlyCatalogYears?: number[];
    };
    return {
      ids: el.zlyResultIds ?? [],
      years: el.zlyCatalogYears ?? [],
      shown: [...document.querySelectorAll<HTMLElement>("[data-notice]")].map((li) => ({
        id: li.dataset.notice!,
        sections: [...li.querySelectorAll<HTMLElement>("a[data-section]")].map((a) => a.dataset.section!),
      })),
    };
  });
}

/** Bytes of the response bodies a page receives (as transferred), counted until reset. */
function countBytes(page: Page): { total: () => number; search: () => number; reset: () => void } {
  let total = 0;
  let search = 0;
  page.on("requestfinished", (request) => {
    void request.sizes().then((s) => {
      total += s.responseBodySize;
      if (/\/(pagefind|pagefind-default|search-data)\//.test(request.url())) search += s.responseBodySize;
    });
  });
  return {
    total: () => total,
    search: () => search,
    reset: () => {
      total = 0;
      search = 0;
    },
  };
}

export interface ColdRun {
  timing: Timing;
  bytes: number;
  searchBytes: number;
  found: Found;
  warm?: { ms: number; bytes: number };
}

/**
 * A fresh page at `{resultsPage}?q=…` (`scope` for the archive's page), then, when `next` is
 * given, that query typed into the page's own box.
 */
export async function coldRun(
  browser: Browser,
  resultsUrl: string,
  q: string,
  scope: Scope,
  next?: string,
): Promise<ColdRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const bytes = countBytes(page);
    const params = formatState({ q, scope, levels: [], sort: "relevance" });
    await page.goto(`${resultsUrl}?${params.toString()}`);
    const timing = await waitForResults(page);
    await page.waitForLoadState("networkidle");
    const run: ColdRun = {
      timing,
      bytes: bytes.total(),
      searchBytes: bytes.search(),
      found: await readFound(page),
    };
    if (next !== undefined) {
      bytes.reset();
      await page.fill("[data-search-input]", next);
      await page.evaluate(() => performance.clearMarks());
      await page.click(".search-query button[type=submit]");
      const warm = await waitForResults(page);
      await page.waitForLoadState("networkidle");
      run.warm = { ms: warm.total, bytes: bytes.total() };
    }
    return run;
  } finally {
    await context.close();
  }
}

/** Typing time: the query is typed evenly over this long before Enter. */
const TYPING_MS = 1000;

export interface EnterRun {
  /** From the Enter to the first results shown. */
  ms: number;
  /** Everything fetched from the focus on the header box to the results. */
  bytes: number;
  /** The results page fetched no Pagefind file (the archive's: the header box handed over). */
  handedOver: boolean;
}

/**
 * A fresh notice page; the header box clicked, the query typed over a second, Enter. The box
 * sends its form to `resultsUrl` (the archive's own /search/, or the baseline's page).
 */
export async function enterRun(
  browser: Browser,
  noticeUrl: string,
  resultsUrl: string,
  q: string,
): Promise<EnterRun> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(() => {
      addEventListener(
        "keydown",
        (e) => {
          if (e.key === "Enter")
            sessionStorage.setItem("bench:enter", String(performance.timeOrigin + e.timeStamp));
        },
        true,
      );
    });
    const page = await context.newPage();
    const bytes = countBytes(page);
    await page.goto(noticeUrl);
    await page.waitForLoadState("networkidle");
    await page.evaluate((action) => {
      document.querySelector<HTMLFormElement>("form.site-search")!.action = action;
    }, new URL(resultsUrl).pathname);
    bytes.reset();
    await page.click("#site-search-q");
    const chars = Array.from(q);
    for (const c of chars) {
      await page.keyboard.type(c);
      await page.waitForTimeout(TYPING_MS / chars.length);
    }
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === new URL(resultsUrl).pathname, { timeout: 60_000 });
    const timing = await waitForResults(page);
    const enter = Number(await page.evaluate(() => sessionStorage.getItem("bench:enter")));
    const handedOver = await page.evaluate(
      () => !performance.getEntriesByType("resource").some((r) => /\/pagefind[^/]*\//.test(r.name)),
    );
    await page.waitForLoadState("networkidle");
    return { ms: timing.shownAt - enter, bytes: bytes.total(), handedOver };
  } finally {
    await context.close();
  }
}
