/**
 * What a reader takes away (issue 16), in dist/: every notice has its .docx (a valid Word
 * package whose core properties carry the build date, not the clock); /api/notices.zip holds
 * every notice's files byte for byte as the site serves them; /api/notices.csv has one row per
 * notice and the documented columns; both feeds name the stylesheet that shows them as a page;
 * the new pages are in the sitemap. Skipped when there is no dist/ (npm test builds first).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { NOTICES_CSV_COLUMNS } from "../../src/outputs/open-data/csv.ts";
import { BUILT, DIST, SITE_ROOT, contentNotices } from "./site-files.ts";

const notices = contentNotices();

describe.skipIf(!BUILT)("downloads in dist/", () => {
  test.each(notices)("$id: text.docx is a Word package stamped with the build, not the clock", (n) => {
    const files = unzipSync(new Uint8Array(readFileSync(join(DIST, String(n.year), n.slug, "text.docx"))));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "docProps/core.xml",
      ]),
    );
    const core = strFromU8(files["docProps/core.xml"]!);
    const created = /<dcterms:created[^>]*>([^<]+)</.exec(core)?.[1];
    expect(created).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(/<dcterms:modified[^>]*>([^<]+)</.exec(core)?.[1]).toBe(created);
    const styles = strFromU8(files["word/styles.xml"]!);
    expect(styles).toContain("正文（仿宋三号）");
    expect(styles).toContain('w:eastAsia="仿宋"');
    const document = strFromU8(files["word/document.xml"]!);
    // A4, 天头 37 mm, 订口 28 mm (twips).
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/w:top="2098"/);
    expect(document).toMatch(/w:left="1587"/);
  });

  test("/api/notices.zip: every notice's files, byte for byte as served", () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(DIST, "api", "notices.zip"))));
    expect(Object.keys(files).sort()).toEqual(
      [
        "说明.txt",
        "notices.csv",
        "notices.json",
        ...notices.flatMap((n) =>
          ["notice.json", "source.txt", "text.md", "text.txt"].map((f) => `${n.id}/${f}`),
        ),
      ].sort(),
    );
    const same = (inZip: string, served: string) =>
      expect(
        Buffer.from(files[inZip]!).equals(readFileSync(join(DIST, served))),
        `${inZip} = ${served}`,
      ).toBe(true);
    same("notices.json", "api/notices.json");
    same("notices.csv", "api/notices.csv");
    for (const n of notices) {
      same(`${n.id}/notice.json`, `api/notices/${n.year}/${n.slug}.json`);
      same(`${n.id}/text.txt`, `${n.year}/${n.slug}/text.txt`);
      same(`${n.id}/text.md`, `${n.year}/${n.slug}/text.md`);
      same(`${n.id}/source.txt`, `${n.year}/${n.slug}/source.txt`);
    }
  });

  test("/api/notices.csv: the documented columns, one row per notice", () => {
    const text = readFileSync(join(DIST, "api", "notices.csv"), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(NOTICES_CSV_COLUMNS.map(([name]) => name).join(","));
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[0])
        .sort(),
    ).toEqual(notices.map((n) => n.id).sort());
  });

  test.each(["feed.xml", "changelog.xml"])("%s names the stylesheet that shows it as a page", (file) => {
    const xml = readFileSync(join(DIST, file), "utf8");
    const href = /^<\?xml [^?]*\?>\n<\?xml-stylesheet type="text\/xsl" href="([^"]+)"\?>/.exec(xml)?.[1];
    expect(href).toBe(`${new URL(SITE_ROOT).pathname}feed.xsl`);
    const xsl = readFileSync(join(DIST, "feed.xsl"), "utf8");
    expect(xsl).toContain("<xsl:stylesheet");
    // The production CSP allows files only: no style attribute, no inline handler, no script.
    expect(xsl).not.toMatch(/\sstyle=|\son[a-z]+=|<script/i);
  });

  test("the sitemap lists the new pages: catalogue years, /subscribe/", () => {
    const sitemap = readFileSync(join(DIST, "sitemap.xml"), "utf8");
    for (const path of ["2023/", "2025/", "subscribe/"])
      expect(sitemap).toContain(`<loc>${SITE_ROOT}${path}</loc>`);
    // The embeddable cards are not pages to index.
    expect(sitemap).not.toContain(`${SITE_ROOT}embed/2023/`);
  });
});
