/**
 * Checks the built site in dist/ against the content: every notice has its page and its
 * byte-identical verbatim source, every year with a notice has its page, the search index is
 * there, and no page points outside the site. `npm test` builds right before running these;
 * run alone (`npx vitest run tests/build`) they check whatever dist/ holds, and are skipped when
 * there is no dist/.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const dist = join(root, "dist");
const built = existsSync(join(dist, "index.html"));
if (!built) console.warn("tests/build: no dist/ — skipped. Run npm run build first (npm test does).");

/** content/notices/{year}-{slug}.mdx → the notice's id, year and slug. */
const notices = readdirSync(join(root, "content", "notices"))
  .filter((name) => name.endsWith(".mdx"))
  .sort()
  .map((name) => {
    const id = name.slice(0, -".mdx".length);
    const m = /^(\d{4})-(.+)$/.exec(id);
    if (!m) throw new Error(`content/notices/${name}: expected a file name {year}-{slug}.mdx`);
    return { id, year: m[1]!, slug: m[2]! };
  });
const years = [...new Set(notices.map((n) => n.year))].sort();

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.skipIf(!built)("dist/", () => {
  test("there are notices to check", () => {
    expect(notices.length).toBeGreaterThan(0);
  });

  describe.each(notices)("notice $id", ({ id, year, slug }) => {
    const page = join(dist, year, slug, "index.html");

    test(`has its page /${year}/${slug}/`, () => {
      expect(existsSync(page), relative(root, page)).toBe(true);
    });

    test("the page is indexed for search (data-pagefind-body)", () => {
      expect(existsSync(page), relative(root, page)).toBe(true);
      expect(readFileSync(page, "utf8")).toContain("data-pagefind-body");
    });

    test(`serves its verbatim source at /${year}/${slug}/source.txt, byte for byte`, () => {
      const served = join(dist, year, slug, "source.txt");
      expect(existsSync(served), relative(root, served)).toBe(true);
      const original = readFileSync(join(root, "content", "sources", `${id}.txt`));
      // Buffer.equals, not a string comparison: encoding, BOM and line endings must survive.
      expect(
        readFileSync(served).equals(original),
        `${relative(root, served)} is identical to content/sources/${id}.txt`,
      ).toBe(true);
    });
  });

  test.each(years)("year %s has its page", (year) => {
    expect(existsSync(join(dist, year, "index.html")), `dist/${year}/index.html`).toBe(true);
  });

  test.each(years)("the compare picker's list for %s names exactly that year's notices", (year) => {
    const list = JSON.parse(readFileSync(join(dist, "compare", "years", `${year}.json`), "utf8")) as {
      year: number;
      notices: { id: string; label: string }[];
    };
    expect(list.year).toBe(Number(year));
    expect(list.notices.map((n) => n.id).sort()).toEqual(
      notices.filter((n) => n.year === year).map((n) => n.id),
    );
    for (const n of list.notices) expect(n.label).toMatch(new RegExp(`^${year}年`));
  });

  test("the Pagefind search bundle is there", () => {
    expect(existsSync(join(dist, "pagefind", "pagefind.js"))).toBe(true);
  });

  test("no page references ../shared", () => {
    const offenders = htmlFiles(dist)
      .filter((file) => readFileSync(file, "utf8").includes("../shared"))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
