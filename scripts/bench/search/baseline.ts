/**
 * Pagefind as it comes, for the search benchmark (scripts/bench/search.ts): its own index of the
 * built notice pages (zh-CN pages: jieba when indexing, the browser's segmenter when querying),
 * built with its default options into {site}/pagefind-default/, and searched by
 * scripts/bench/search/baseline.astro (copied into the synthetic project as
 * /pagefind-baseline/). Never part of the site.
 */
import { existsSync, linkSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { dirSize } from "../../util/fs-size.ts";
import { isGzip } from "../../../src/shared/gzip.ts";

/** Where the baseline's index is written, under the site. */
const BASELINE_DIR = "pagefind-default";
/** The baseline's page (scripts/bench/search/baseline.astro), under the site. */
export const BASELINE_PAGE = "pagefind-baseline/";
/** The page file as the synthetic project holds it. */
export const BASELINE_SOURCE = join(import.meta.dirname, "baseline.astro");
export const BASELINE_ROUTE = join("src", "pages", "pagefind-baseline", "index.astro");

export interface Baseline {
  buildMs: number;
  /** Bytes of its index files and fragments. */
  indexBytes: number;
  /** The notice id (`{year}-{slug}`) of each of its results' ids (page hashes). */
  noticeOf: Map<string, string>;
}

/** Pagefind's fragment of one page (its record's content, URL and metadata). */
function readFragment(file: string): { url: string } {
  let bytes = readFileSync(file);
  if (isGzip(bytes)) bytes = gunzipSync(bytes);
  const text = bytes.toString("utf8").replace(/^pagefind_dcd/, "");
  return JSON.parse(text) as { url: string };
}

/** Indexes the site's notice pages with Pagefind's defaults. */
export async function buildBaseline(site: string): Promise<Baseline> {
  const pagefind = await import("pagefind");
  const out = join(site, BASELINE_DIR);
  const t0 = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind (baseline): ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: site, glob: "[0-9][0-9][0-9][0-9]/*/index.html" });
    if (added.errors.length) throw new Error(`Pagefind (baseline): ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(`Pagefind (baseline): ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
  const buildMs = performance.now() - t0;
  const noticeOf = new Map<string, string>();
  for (const f of readdirSync(join(out, "fragment"))) {
    const m = /^(.+)\.pf_fragment$/.exec(f);
    if (!m) continue;
    const { url } = readFragment(join(out, "fragment", f));
    const id = /\/(\d{4})\/([^/]+)\/$/.exec(url);
    if (!id) throw new Error(`Pagefind (baseline): fragment ${f} has URL ${url}`);
    noticeOf.set(m[1]!, `${id[1]}-${id[2]}`);
  }
  return {
    buildMs,
    indexBytes: dirSize(join(out, "index")).bytes + dirSize(join(out, "fragment")).bytes,
    noticeOf,
  };
}

/**
 * Served as the site's own search files are: the precompression step gives Pagefind's index
 * files a `.gz` link (scripts/build/precompress.ts); its fragments, which this site never
 * deploys, get one here, so that nginx sends them labelled gzip and the browser inflates them.
 */
export function linkBaselineFragments(site: string): void {
  const dir = join(site, BASELINE_DIR, "fragment");
  for (const f of readdirSync(dir)) {
    const file = join(dir, f);
    if (!f.endsWith(".pf_fragment") || existsSync(`${file}.gz`) || !statSync(file).isFile()) continue;
    if (isGzip(readFileSync(file).subarray(0, 2))) linkSync(file, `${file}.gz`);
  }
}
