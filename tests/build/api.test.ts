/**
 * The open data in dist/ (issue 5): /api/notices.json and every /api/notices/{year}/{slug}.json
 * validate against the JSON Schemas the site publishes (/api/schema/, generated from the zod
 * schemas), carry every notice of content/notices with its frontmatter, and their structured
 * text has exactly the document's characters and the page's own anchors; /api/themes.csv is
 * RFC 4180 with a BOM and marks catalogue years; every notice has text.txt and text.md.
 * Skipped when there is no dist/ (npm test builds first).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, test } from "vitest";
import { sourceWithoutRemovals } from "../../src/archive/fidelity.ts";
import { significantChars } from "../../src/shared/letters.ts";
import { blocksToText } from "../../src/text/plain-text.ts";
import { blockAnchors } from "../../src/text/walk.ts";
import type { NoticeDocument, NoticesDocument } from "../../src/schemas/api.ts";
import { THEMES_CSV_HEADER } from "../../src/outputs/open-data/csv.ts";
import { BUILT, DIST, ROOT, SITE_ROOT, contentNotices, fileForUrl, readJson } from "./site-files.ts";

const notices = contentNotices();

/** RFC 4180 parser: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== "") throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") {
      throw new Error(`a bare line break outside quotes at ${i} (RFC 4180 lines end in CRLF)`);
    } else field += c;
    i++;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe.skipIf(!BUILT)("open data: /api/", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const listSchema = readJson<Record<string, unknown>>(join(DIST, "api/schema/notices.schema.json"));
  const noticeSchema = readJson<Record<string, unknown>>(join(DIST, "api/schema/notice.schema.json"));
  const validateList = ajv.compile(listSchema);
  const validateNotice = ajv.compile(noticeSchema);
  const list = readJson<NoticesDocument>(join(DIST, "api/notices.json"));
  const errors = (validate: typeof validateList) =>
    (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);

  test("the published schemas are JSON Schema 2020-12 with their own absolute URL as $id", () => {
    for (const [schema, path] of [
      [listSchema, "api/schema/notices.schema.json"],
      [noticeSchema, "api/schema/notice.schema.json"],
    ] as const) {
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.$id).toBe(new URL(path, SITE_ROOT).href);
      expect(typeof schema.description).toBe("string");
    }
  });

  test("/api/notices.json validates against /api/schema/notices.schema.json", () => {
    const ok = validateList(list);
    expect(errors(validateList)).toEqual([]);
    expect(ok).toBe(true);
    expect(list.$schema).toBe(listSchema.$id);
  });

  test("/api/notices.json lists every notice of content/notices", () => {
    expect(list.count).toBe(notices.length);
    expect(list.notices.map((n) => n.id).sort()).toEqual(notices.map((n) => n.id));
  });

  test("the schema rejects a document that breaks it (it is not vacuous)", () => {
    const broken = structuredClone(list) as unknown as { notices: Record<string, unknown>[] };
    broken.notices[0]!.year = "2022";
    broken.notices[0]!.unexpected = true;
    expect(validateList(broken)).toBe(false);
  });

  describe.each(notices)("$id", (n) => {
    const file = join(DIST, "api", "notices", String(n.year), `${n.slug}.json`);
    const doc = readJson<NoticeDocument>(file);
    const page = readFileSync(join(DIST, String(n.year), n.slug, "index.html"), "utf8");
    const pageIds = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

    test(`/api/notices/${n.year}/${n.slug}.json validates against /api/schema/notice.schema.json`, () => {
      const ok = validateNotice(doc);
      expect(errors(validateNotice)).toEqual([]);
      expect(ok).toBe(true);
    });

    test("its metadata is the frontmatter, with id, URLs and issuer names", () => {
      const record = doc.notice;
      expect(record.id).toBe(n.id);
      expect(record.url).toBe(new URL(`${n.year}/${n.slug}/`, SITE_ROOT).href);
      for (const key of [
        "title",
        "docNumber",
        "year",
        "slug",
        "level",
        "region",
        "theme",
        "slogans",
        "respondsTo",
      ]) {
        expect(record[key as keyof typeof record], key).toEqual(n.data[key]);
      }
      expect(record.issuers).toEqual(n.data.issuers ?? []);
      const ids = [
        ...((n.data.issuers as string[]) ?? []),
        ...((n.data.inferredIssuers as { id: string }[]) ?? []).map((i) => i.id),
        ...((n.data.coHosts as string[]) ?? []),
      ];
      for (const id of ids) expect(record.issuerNames[id]?.name, `issuerNames.${id}`).toBeTruthy();
      // The same record as in /api/notices.json.
      expect(list.notices.find((r) => r.id === n.id)).toEqual(record);
    });

    test("its links lead to files of the site", () => {
      for (const [kind, url] of Object.entries(doc.notice.links)) {
        expect(fileForUrl(url), `${kind}: ${url}`).toBeTruthy();
      }
    });

    test("its structured text has exactly the letters and digits of the source, junk aside", () => {
      const provenance = n.data.provenance as { source: string; removed: { line: number; text: string }[] };
      const source = readFileSync(join(ROOT, provenance.source), "utf8");
      expect(significantChars(blocksToText(doc.body))).toBe(
        significantChars(sourceWithoutRemovals(source, provenance.removed)),
      );
    });

    test("every block's anchor is an id on the notice page, each used once", () => {
      const anchors = blockAnchors(doc.body);
      expect(anchors.length).toBeGreaterThan(0);
      expect(anchors.filter((a) => !pageIds.has(a))).toEqual([]);
      expect(new Set(anchors).size).toBe(anchors.length);
    });

    test("numbered headings keep their numbering anchors (二、 → s2)", () => {
      if (/^##\s*一、/m.test(n.body)) expect(blockAnchors(doc.body)).toContain("s1");
    });

    test(`text.txt and text.md exist, hold the text and say it is a reproduction`, () => {
      const txt = readFileSync(join(DIST, String(n.year), n.slug, "text.txt"), "utf8");
      const md = readFileSync(join(DIST, String(n.year), n.slug, "text.md"), "utf8");
      expect(txt.startsWith(blocksToText(doc.body))).toBe(true);
      expect(txt).toContain(doc.disclaimer);
      expect(md).toContain(doc.disclaimer);
      expect(md, "no MDX components or JSX in the Markdown").not.toMatch(/<\/?[A-Z][A-Za-z]*[\s/>]/);
      // Markdown keeps every character of the text (escapes are punctuation).
      expect(significantChars(md)).toContain(significantChars(blocksToText(doc.body)));
    });
  });
});

describe.skipIf(!BUILT)("open data: /api/themes.csv", () => {
  const bytes = BUILT ? readFileSync(join(DIST, "api", "themes.csv")) : Buffer.alloc(0);
  const text = bytes.toString("utf8");
  const rows = BUILT ? parseCsv(text.replace(/^\uFEFF/, "")) : [];
  const [header, ...data] = rows;
  const col = (name: (typeof THEMES_CSV_HEADER)[number]) => THEMES_CSV_HEADER.indexOf(name);

  test("starts with a UTF-8 byte-order mark (Excel) and ends its lines in CRLF", () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  test("parses as RFC 4180 with the documented header and equal-length rows", () => {
    expect(header).toEqual([...THEMES_CSV_HEADER]);
    for (const row of data) expect(row).toHaveLength(THEMES_CSV_HEADER.length);
  });

  test("one row per year, oldest first, archived years and catalogue years marked as such", () => {
    const years = data.map((r) => Number(r[col("year")]));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(new Set(years).size).toBe(years.length);
    const statuses = new Set(data.map((r) => r[col("status")]));
    expect([...statuses].every((s) => s === "archived" || s === "catalogue")).toBe(true);
    expect(statuses.has("catalogue")).toBe(true);
    for (const n of notices.filter((n) => n.data.level === "national" && n.data.theme)) {
      const row = data.find((r) => Number(r[col("year")]) === n.year);
      expect(row?.[col("status")], `${n.year}`).toBe("archived");
      expect(row?.[col("theme")]).toBe(n.data.theme);
      // Slogans in order, one per line inside the quoted cell.
      expect(row?.[col("slogans")]).toBe(((n.data.slogans as string[]) ?? []).join("\n"));
    }
  });
});
