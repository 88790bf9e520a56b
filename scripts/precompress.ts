/**
 * Precompression for static hosting: writes `file.gz` (gzip, level 9) and `file.br` (Brotli,
 * quality 10: within a few per cent of 11's size at a fraction of its time) next to every text
 * asset of the built site, so nginx serves them as they are (`gzip_static on`, `brotli_static
 * on`: deploy/nginx.conf) instead of compressing on every request. Run by scripts/build.ts as
 * a build step; standalone: `node scripts/precompress.ts [dir]`.
 *
 * Only files worth it: text types, at least MIN_SIZE bytes, and only when the compressed file is
 * smaller. Pagefind's index files (.pf_*, .pagefind) are gzip-compressed by Pagefind already.
 */
import { readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Extensions of the text assets worth compressing. */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|txt|md|csv|bib|ris|svg|wasm|map|webmanifest)$/i;
export const MIN_SIZE = 256;

export interface PrecompressReport {
  files: number;
  gzip: number;
  brotli: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export async function precompress(dir: string, minSize = MIN_SIZE): Promise<PrecompressReport> {
  const root = resolve(dir);
  const targets = readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
    .map((e) => join(e.parentPath, e.name));
  const report: PrecompressReport = { files: 0, gzip: 0, brotli: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  // zlib's async functions run on libuv's thread pool; a few files at a time keep it busy.
  const queue = [...targets];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const data = await readFile(file);
      if (data.length < minSize) continue;
      report.files++;
      report.bytes += data.length;
      const [gz, br] = await Promise.all([
        gzipAsync(data, { level: 9 }),
        brotliAsync(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 10,
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
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return report;
}

export function describeReport(r: PrecompressReport): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  return `${r.files} files (${kb(r.bytes)}): ${r.gzip} .gz (${kb(r.gzipBytes)}), ${r.brotli} .br (${kb(r.brotliBytes)})`;
}

if (import.meta.main) {
  const dir = process.argv[2] ?? resolve(import.meta.dirname, "..", "dist");
  const report = await precompress(dir);
  console.log(`${relative(process.cwd(), dir).split(sep).join("/") || "."}: ${describeReport(report)}`);
}
