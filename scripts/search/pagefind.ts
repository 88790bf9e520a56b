/**
 * Reading what Pagefind wrote: its index files are gzip, then a "pagefind_dcd" signature, then
 * CBOR (decoded with cbor-x, a maintained CBOR library). Used by the index builder to map each
 * record to its notice, and by the tests.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { decode } from "cbor-x";
import { isGzip } from "../../src/shared/gzip.ts";

/**
 * The page hash of each of a shard's Pagefind records (a search result's `id`), in the order
 * the records were added, read from its metadata. Checked against the word count of every record:
 * that proves the order, and that positions are character offsets, which holds only if
 * Pagefind kept every word of a record as one word (it splits words at punctuation, which
 * normalised text has none of), so a character it would split fails the build, not a search.
 */
export function readPagefindPages(bundle: string, expectedWords: number[]): string[] {
  const metaFile = readdirSync(bundle).find((f) => f.endsWith(".pf_meta"));
  if (!metaFile) throw new Error("search index: Pagefind wrote no metadata");
  const meta = decodePagefindFile(readFileSync(join(bundle, metaFile))) as [string, [string, number][]];
  const pages = meta[1];
  if (pages.length !== expectedWords.length)
    throw new Error(`search index: Pagefind holds ${pages.length} records, expected ${expectedWords.length}`);
  const wrong = pages.flatMap(([, count], i) =>
    count === expectedWords[i] ? [] : [`record ${i}: ${count} ≠ ${expectedWords[i]}`],
  );
  if (wrong.length)
    throw new Error(
      `search index: Pagefind split, dropped or reordered words (${wrong.slice(0, 3).join("; ")})`,
    );
  return pages.map(([hash]) => hash);
}

/** Decodes a Pagefind index file (gzip, "pagefind_dcd" signature, CBOR). */
export function decodePagefindFile(bytes: Uint8Array): unknown {
  let buf = Buffer.from(bytes);
  if (isGzip(buf)) buf = gunzipSync(buf);
  if (buf.subarray(0, 12).toString() === "pagefind_dcd") buf = buf.subarray(12);
  return decode(buf) as unknown;
}
