/**
 * The built search (docs/search.md): the text it indexes for each notice is the notice's own
 * text — every letter and digit of the MDX body, in order, nothing added but the editorial
 * title a page shows when the text has lost its own — and its files are in dist/.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { normalize } from "../../src/lib/search-normalize.ts";
import { extractSections } from "../../src/lib/search-sections.ts";
import { noticeDocuments } from "../browser/search-truth.ts";

const root = join(import.meta.dirname, "../..");
const dist = process.env.SEARCH_DIST ?? join(root, "dist");
const notices = noticeDocuments(root);

describe.each(notices)("$id", ({ id, data, text }) => {
  const page = join(dist, String(data.year), data.slug, "index.html");

  test("the indexed sections hold exactly the document text", () => {
    const sections = extractSections(readFileSync(page, "utf8"));
    const indexed = sections.map((s) => normalize(s.text)).join("");
    expect(indexed).toBe(normalize(text));
    expect(new Set(sections.map((s) => s.anchor)).size, "one section per anchor").toBe(sections.length);
  });

  test("its stored text for excerpts is the page's", () => {
    const stored = JSON.parse(
      gunzipSync(readFileSync(join(dist, "search-data", "text", `${id}.bin`))).toString(),
    ) as {
      s: [string, string, string][];
    };
    expect(stored.s.map((s) => s[2])).toEqual(extractSections(readFileSync(page, "utf8")).map((s) => s.text));
  });
});

test("the search's files are built", () => {
  expect(existsSync(join(dist, "pagefind", "pagefind.js"))).toBe(true);
  expect(readdirSync(join(dist, "pagefind")).some((f) => f.endsWith(".pf_meta"))).toBe(true);
  const config = JSON.parse(readFileSync(join(dist, "search-data", "search.json"), "utf8")) as {
    pairs: string;
    shards: string[];
  };
  expect(config.pairs).toContain("質质");
  expect(config.pairs).toContain("國国");
  // The real archive is one shard, indexed as Pagefind language "und".
  expect(config.shards).toEqual(["und"]);
  const entry = JSON.parse(readFileSync(join(dist, "pagefind", "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  expect(Object.keys(entry.languages)).toEqual(["und"]);
  expect(entry.languages.und!.page_count).toBe(notices.length);
  // Pagefind's fragments are never fetched by this site and are not deployed.
  expect(existsSync(join(dist, "pagefind", "fragment"))).toBe(false);
  expect(existsSync(join(dist, "search", "index.html"))).toBe(true);
});
