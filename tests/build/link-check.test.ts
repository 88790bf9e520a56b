/**
 * Link check of the built site (scripts/build/check-links.ts, no network): every internal href/src, every
 * `#anchor`, and every absolute URL in the feeds, sitemap and open data resolves to a file under
 * the base path — for dist/ as built (BASE_PATH, usually "/"), and for the same site built for
 * a sub-path deployment (BASE_PATH=/zlyda/, SITE_URL=https://example.gov.cn) into
 * .tmp/dist-zlyda. `npm test` builds that second site as its own step and passes it in
 * SUBPATH_DIST; run alone, this file builds it first. Skipped when there is no dist/.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { checkLinks, formatProblems } from "../../scripts/build/check-links.ts";
import { SUBPATH_BUILD as SUBPATH, subpathSite } from "../../scripts/test/subpath-build.ts";
import { BASE, BUILT, DIST, SITE, siteFiles } from "./site-files.ts";

// Parsing every page takes a few seconds, more on a busy machine: 120 s per check.

let subpathDist = "";

describe.skipIf(!BUILT)("link check", () => {
  test(`dist/ (base ${BASE}): every internal link and anchor resolves`, () => {
    const report = checkLinks({ dir: DIST, base: BASE, site: SITE });
    expect(report.links).toBeGreaterThan(100);
    expect(report.fragments).toBeGreaterThan(10);
    expect(report.problems, formatProblems(report.problems)).toEqual([]);
  }, 120_000);

  describe(`built for ${SUBPATH.site}${SUBPATH.base}`, () => {
    beforeAll(async () => {
      subpathDist = await subpathSite();
    }, 300_000);

    test("every internal link and anchor resolves under /zlyda/", () => {
      const report = checkLinks({ dir: subpathDist, base: SUBPATH.base, site: SUBPATH.site });
      expect(report.links).toBeGreaterThan(100);
      expect(report.problems, formatProblems(report.problems)).toEqual([]);
    }, 120_000);

    test("feeds, sitemap, robots.txt and open data use the deployment's own URL", () => {
      const root = `${SUBPATH.site}${SUBPATH.base}`;
      const machineFiles = siteFiles(subpathDist).filter(
        (f) => /^(feed\.xml|sitemap\.xml|robots\.txt)$/.test(f) || /^api\/.*\.(json|csv)$/.test(f),
      );
      expect(machineFiles.length).toBeGreaterThan(5);
      for (const f of machineFiles) {
        const text = readFileSync(join(subpathDist, f), "utf8");
        expect(text, f).not.toMatch(/localhost:4321/);
      }
      expect(readFileSync(join(subpathDist, "robots.txt"), "utf8")).toContain(`Sitemap: ${root}sitemap.xml`);
      expect(readFileSync(join(subpathDist, "feed.xml"), "utf8")).toContain(`<id>${root}feed.xml</id>`);
    });

    test("the search bundle is built into the sub-path site", () => {
      expect(existsSync(join(subpathDist, "pagefind", "pagefind.js"))).toBe(true);
      expect(existsSync(join(subpathDist, "pagefind", "pagefind-entry.json"))).toBe(true);
    });
  });
});
