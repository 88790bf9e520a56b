/**
 * The built search (docs/search.md): the text it indexes for each notice is the notice's own
 * text — every letter and digit of the MDX body, in order, nothing added but the editorial
 * title a page shows when the text has lost its own — and its files are in dist/.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { parseKey } from "../../src/search/core.ts";
import { normalize } from "../../src/search/normalize.ts";
import { readSearchConfigFile } from "../../scripts/search/index.ts";
import { decodePagefindFile } from "../../scripts/search/pagefind.ts";
import { extractSections } from "../../src/search/sections.ts";
import { catalogRows, issuerNames, noticeDocuments } from "../browser/search-truth.ts";

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

  test("its stored text for excerpts is the page's, with the fields the scopes search", () => {
    const stored = JSON.parse(
      gunzipSync(readFileSync(join(dist, "search-data", "text", `${id}.bin`))).toString(),
    ) as {
      title?: string;
      theme?: string;
      slogans?: string[];
      docNumber?: string;
      issuers?: string[][];
      s: [string, string, string][];
    };
    expect(stored.s.map((s) => s[2])).toEqual(extractSections(readFileSync(page, "utf8")).map((s) => s.text));
    expect([stored.title, stored.theme, stored.slogans, stored.docNumber]).toEqual([
      data.title,
      data.theme,
      data.slogans,
      data.docNumber,
    ]);
    // Every name the registry gives each issuer (in any order: the page's label comes first).
    const names = issuerNames(root);
    expect(stored.issuers?.map((n) => [...n].sort())).toEqual(
      data.issuers.map((i) => [...new Set(names.get(i))].sort()),
    );
  });
});

test("the search's files are built", () => {
  expect(existsSync(join(dist, "pagefind", "pagefind.js"))).toBe(true);
  expect(readdirSync(join(dist, "pagefind")).some((f) => f.endsWith(".pf_meta"))).toBe(true);
  const config = readSearchConfigFile(dist);
  expect(config.pairs).toContain("質质");
  expect(config.pairs).toContain("國国");
  // The real archive is one shard, indexed as Pagefind language "und".
  expect(config.shards.map((s) => s.language)).toEqual(["und"]);
  const entryText = readFileSync(join(dist, "pagefind", "pagefind-entry.json"), "utf8");
  const entry = JSON.parse(entryText) as { languages: Record<string, { hash: string; page_count: number }> };
  expect(Object.keys(entry.languages)).toEqual(["und"]);
  expect(entry.languages.und!.page_count).toBe(notices.length);
  // Pagefind's fragments are never fetched by this site and are not deployed.
  expect(existsSync(join(dist, "pagefind", "fragment"))).toBe(false);
  expect(existsSync(join(dist, "search", "index.html"))).toBe(true);
});

test("search.json names the notice of every Pagefind record, and the files to fetch first", () => {
  const config = readSearchConfigFile(dist);
  const pages = config.shards[0]!.pages;
  // Pagefind's metadata lists its records' page hashes (the ids its results carry).
  const meta = readdirSync(join(dist, "pagefind")).find((f) => f.endsWith(".pf_meta"))!;
  const hashes = (
    decodePagefindFile(readFileSync(join(dist, "pagefind", meta))) as [string, [string][]]
  )[1].map(([hash]) => hash);
  expect(Object.keys(pages).sort()).toEqual([...hashes].sort());
  expect(
    Object.values(pages)
      .map((key) => parseKey(key).id)
      .sort(),
  ).toEqual(notices.map((n) => n.id).sort());
  for (const key of Object.values(pages)) {
    const k = parseKey(key);
    // One region per field (title, theme, slogans, document number, issuers), then the text.
    expect(k.fieldStarts).toHaveLength(6);
    expect(
      [...k.fieldStarts].sort((a, b) => a - b),
      k.id,
    ).toEqual(k.fieldStarts);
    const n = notices.find((x) => x.id === k.id)!;
    expect([k.year, k.level, k.region, k.issuers], k.id).toEqual([
      n.data.year,
      n.data.level,
      n.data.region ?? "",
      n.data.issuers,
    ]);
  }
  // The entry's tag changes with the entry; every file named for preloading exists.
  expect(config.entryTag).toMatch(/^[0-9a-f]{16}$/);
  expect(config.preload).toContain(`pagefind/pagefind-entry.json?ts=${config.entryTag}`);
  expect(config.preload).toContain(`pagefind/${meta}`);
  for (const path of config.preload)
    expect(existsSync(join(dist, path.replace(/\?.*$/, ""))), path).toBe(true);
});

test("search.json carries the catalogue years whose national notice is not held", () => {
  const { catalog } = readSearchConfigFile(dist);
  const rows = catalogRows(root).sort((a, b) => b.year - a.year);
  expect(rows.length).toBeGreaterThan(0);
  expect(catalog.map((c) => [c.year, c.theme, c.docNumber ?? "", c.sourceKind, c.sourceUrl ?? ""])).toEqual(
    rows.map((r) => [r.year, r.theme, r.docNumber, r.sourceKind, r.sourceUrl]),
  );
  const held = new Set(notices.filter((n) => n.data.level === "national").map((n) => n.data.year));
  for (const c of catalog) {
    expect(held.has(c.year), `${c.year} is held`).toBe(false);
    expect(c.href).toBe(`${c.year}/`);
    expect(existsSync(join(dist, String(c.year), "index.html")), `${c.year} has a year page`).toBe(true);
  }
});

test("each gzipped search file (Pagefind's, the notice texts) has a .gz hard link for nginx's gzip_static", () => {
  const gzipped = [
    ...readdirSync(join(dist, "pagefind"), { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(pf_meta|pf_index|pf_filter|pagefind)$/.test(f))
      .map((f) => join(dist, "pagefind", f)),
    ...notices.map((n) => join(dist, "search-data", "text", `${n.id}.bin`)),
  ];
  expect(gzipped.length).toBeGreaterThan(3 + notices.length);
  for (const file of gzipped) {
    expect(readFileSync(file).subarray(0, 2).toString("hex"), file).toBe("1f8b");
    expect(statSync(`${file}.gz`).ino, file).toBe(statSync(file).ino);
  }
});
