/**
 * Driving the search page in the browser tests (tests/browser/search*.test.ts): reading what it
 * shows through its contract (docs/search.md, "The contract the tests rely on"), and searching
 * through its own form.
 */
import { withPage, type OpenedPage } from "./helpers.ts";

export interface Shown {
  busy: string | null;
  count: string;
  /** The notices shown, in order. */
  ids: string[];
  /** Per notice: its sections listed. */
  sections: Record<string, string[]>;
  /** Per notice: [data-result-field]. */
  fields: Record<string, string>;
  /** The catalogue years listed, in order, with their [data-result-field]. */
  catalog: { year: number; fields: string }[];
  /** [data-search-years]: the number of years, when shown. */
  years: string | undefined;
  more: boolean;
  busyLog: string[];
  status: string;
}

/** What the page shows once it is no longer busy. */
export async function readResults(opened: OpenedPage): Promise<Shown> {
  const { page } = opened;
  await page.waitForFunction(
    () => {
      const r = document.querySelector("[data-search-results]");
      return r?.getAttribute("aria-busy") === "false";
    },
    null,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const r = document.querySelector("[data-search-results]")!;
    const notices = [...document.querySelectorAll<HTMLElement>("[data-notice]")];
    const years = document.querySelector<HTMLElement>("[data-search-years]")!;
    return {
      busy: r.getAttribute("aria-busy"),
      count: document.querySelector("[data-search-count]")?.textContent?.trim() ?? "",
      ids: notices.map((li) => li.dataset.notice!),
      sections: Object.fromEntries(
        notices.map((li) => [
          li.dataset.notice!,
          [...li.querySelectorAll<HTMLElement>("a[data-section]")].map((a) => a.dataset.section!),
        ]),
      ),
      fields: Object.fromEntries(
        notices.map((li) => [
          li.dataset.notice!,
          li.querySelector("[data-result-field]")?.getAttribute("data-result-field") ?? "",
        ]),
      ),
      catalog: [
        ...document.querySelectorAll<HTMLElement>("[data-search-catalog]:not([hidden]) [data-catalog-year]"),
      ].map((li) => ({
        year: Number(li.dataset.catalogYear),
        fields: li.querySelector("[data-result-field]")?.getAttribute("data-result-field") ?? "",
      })),
      years: years.hidden ? undefined : years.dataset.searchYears,
      more: !(document.querySelector("button[data-search-more]") as HTMLButtonElement).hidden,
      busyLog: (window as unknown as { busyLog?: string[] }).busyLog ?? [],
      status: document.querySelector("[data-search-status]")?.textContent?.replace(/\s+/g, " ").trim() ?? "",
    };
  });
}

/** Chooses the scope, types the query into the page's own form and submits it, recording aria-busy meanwhile. */
export async function submit(opened: OpenedPage, q: string, scope = "all"): Promise<Shown> {
  const { page } = opened;
  await page.evaluate(() => {
    const w = window as unknown as { busyLog: string[]; busyObserver?: MutationObserver };
    w.busyLog = [];
    w.busyObserver?.disconnect();
    const r = document.querySelector("[data-search-results]")!;
    w.busyObserver = new MutationObserver(() => w.busyLog.push(r.getAttribute("aria-busy") ?? ""));
    w.busyObserver.observe(r, { attributes: true, attributeFilter: ["aria-busy"] });
  });
  await page.fill("#search-q", q);
  // The scope's radio is visually replaced by its label: set it without a change event (which
  // would search at once), as the form reads it on submit.
  await page.evaluate((value) => {
    for (const radio of document.querySelectorAll<HTMLInputElement>("input[name=scope]"))
      radio.checked = radio.value === value;
  }, scope);
  await page.click(".search-query button[type=submit]");
  return readResults(opened);
}

/**
 * Opens the search page for `q` (in `scope`, at `width`) with its scripts, waits until it shows
 * the results, and runs `use` with the page and what it shows; the page is closed whatever
 * happens.
 */
export function withSearch<T>(
  q: string,
  use: (opened: OpenedPage, shown: Shown) => Promise<T>,
  { scope, width = 1280 }: { scope?: string; width?: number } = {},
): Promise<T> {
  const path = `/search/?q=${encodeURIComponent(q)}${scope ? `&scope=${scope}` : ""}`;
  return withPage(path, { width, javaScriptEnabled: true }, async (opened) =>
    use(opened, await readResults(opened)),
  );
}
