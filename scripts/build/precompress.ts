/**
 * Precompression for static hosting: writes `file.gz` (gzip) and `file.br` (Brotli)
 * next to every text asset of the built site, so nginx serves them as they are (`gzip_static
 * on`, `brotli_static on`: deploy/nginx.conf) instead of compressing on every request. Run by
 * scripts/build/build.ts as a build step; standalone: `node scripts/build/precompress.ts [dir]`.
 *
 * Shared code every reader fetches (stylesheets, scripts, wasm): Brotli quality 10 (within a
 * few per cent of 11's size at a fraction of its time), gzip level 9. Pages and data, a dozen
 * files per notice: Brotli 5 and gzip 6. Measured on the 14,184 files of 1,000 synthetic notices
 * (BENCHMARKS.md): Brotli 10 costs 15 × the time of 7 for 9 % smaller files; 7 costs 2.3 × the
 * time of 5 (7.5 s against 3.3 s) for 5 % smaller files, gzip 9 1.3 × that of 6 for 2 %. At
 * 10,000 notices the difference is a minute of the build.
 *
 * Only files worth it: text types, at least MIN_SIZE bytes, and only when the compressed file is
 * smaller. Files stored gzip-compressed already (STORED_GZIP) are not compressed again: each gets
 * a hard link `file.gz`, so that nginx sends the stored bytes labelled `Content-Encoding: gzip`
 * and the browser inflates them (no bytes added on disk; see docs/search.md, “Starting fast”).
 */
import { closeSync, linkSync, openSync, readSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { isGzip } from "../../src/shared/gzip.ts";
import { pool } from "../util/pool.ts";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Files the build stores gzip-compressed: Pagefind's metadata, index and filter chunks and
 * WebAssembly, and the search's notice texts (search-data/text/*.bin). Linked only if they do
 * start with gzip's signature.
 */
export const STORED_GZIP = /\.(pf_meta|pf_index|pf_filter|pagefind|bin)$/;

/** Extensions of the text assets worth compressing. */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|xsl|txt|md|csv|bib|ris|svg|wasm|map|webmanifest)$/i;
export const MIN_SIZE = 256;

export interface PrecompressReport {
  files: number;
  gzip: number;
  brotli: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Files stored gzipped, given a .gz hard link. */
  linked: number;
}

/** Shared code, fetched by every reader: worth Brotli's slow qualities. */
const SHARED_CODE = /\.(css|js|mjs|wasm)$/i;

export function brotliQuality(file: string): number {
  return SHARED_CODE.test(file) ? 10 : 5;
}

export function gzipLevel(file: string): number {
  return SHARED_CODE.test(file) ? 9 : 6;
}

export interface PrecompressOptions {
  minSize?: number;
  /** Top-level entries of `dir` to leave alone (another step is still writing them). */
  skip?: string[];
}

export async function precompress(dir: string, options: PrecompressOptions = {}): Promise<PrecompressReport> {
  const { minSize = MIN_SIZE, skip = [] } = options;
  const root = resolve(dir);
  const skipped = skip.map((entry) => join(root, entry));
  const files = readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !skipped.some((s) => file === s || file.startsWith(`${s}${sep}`)));
  const targets = files.filter((file) => COMPRESSIBLE.test(file));
  const report: PrecompressReport = { ...EMPTY_REPORT };
  for (const file of files.filter((f) => STORED_GZIP.test(f) && fileIsGzip(f))) {
    linkAsGz(file);
    report.linked++;
  }
  // zlib's async functions run on libuv's thread pool; a few files at a time keep it busy.
  await pool(targets, 4, async (file) => {
    const data = await readFile(file);
    if (data.length < minSize) return;
    report.files++;
    report.bytes += data.length;
    const [gz, br] = await Promise.all([
      gzipAsync(data, { level: gzipLevel(file) }),
      brotliAsync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: brotliQuality(file),
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          [constants.BROTLI_PARAM_MODE]: /\.wasm$/i.test(file)
            ? constants.BROTLI_MODE_GENERIC
            : constants.BROTLI_MODE_TEXT,
        },
      }),
    ]);
    if (gz.length < data.length) {
      await writeFile(`${file}.gz`, gz);
      report.gzip++;
      report.gzipBytes += gz.length;
    }
    if (br.length < data.length) {
      await writeFile(`${file}.br`, br);
      report.brotli++;
      report.brotliBytes += br.length;
    }
  });
  return report;
}

const EMPTY_REPORT: PrecompressReport = {
  files: 0,
  gzip: 0,
  brotli: 0,
  bytes: 0,
  gzipBytes: 0,
  brotliBytes: 0,
  linked: 0,
};

/** Whether a file starts with gzip's signature (reads only that). */
function fileIsGzip(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(2);
    return isGzip(head.subarray(0, readSync(fd, head, 0, 2, 0)));
  } finally {
    closeSync(fd);
  }
}

/** `file.gz` as a second name of `file` (replacing whatever had that name). */
function linkAsGz(file: string): void {
  const gz = `${file}.gz`;
  try {
    if (statSync(gz).ino === statSync(file).ino) return;
    unlinkSync(gz);
  } catch {
    // no file.gz yet
  }
  linkSync(file, gz);
}

/** The sum of several reports (one directory compressed in parts). */
export function addReports(...reports: PrecompressReport[]): PrecompressReport {
  const sum: PrecompressReport = { ...EMPTY_REPORT };
  for (const r of reports)
    for (const key of Object.keys(sum) as (keyof PrecompressReport)[]) sum[key] += r[key];
  return sum;
}

export function describeReport(r: PrecompressReport): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  return `${r.files} files (${kb(r.bytes)}): ${r.gzip} .gz (${kb(r.gzipBytes)}), ${r.brotli} .br (${kb(r.brotliBytes)}); ${r.linked} stored gzipped, linked as .gz`;
}

if (import.meta.main) {
  const dir = process.argv[2] ?? resolve(import.meta.dirname, "..", "..", "dist");
  const report = await precompress(dir);
  console.log(`${relative(process.cwd(), dir).split(sep).join("/") || "."}: ${describeReport(report)}`);
}
