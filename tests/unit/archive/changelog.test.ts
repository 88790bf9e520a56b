/**
 * The changelog: content/changelog.yaml is checked before every build (unknown notice ids and
 * bad entries fail precisely, in the style of tests/unit/archive/check.test.ts), entries get
 * stable anchors, and the Atom feed escapes what it must.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { checkArchive } from "../../../src/archive/check/index.ts";
import {
  anchorEntries,
  changelogById,
  entriesForNotice,
  newestFirst,
} from "../../../src/archive/changelog.ts";
import { changelogAtom } from "../../../src/outputs/feeds/changelog-feed.ts";
import { escapeXml } from "../../../src/outputs/feeds/xml.ts";
import { ChangelogSchema, type ChangelogEntry } from "../../../src/schemas/changelog.ts";
import { archiveCopy, edit, failure, root } from "../helpers/archive-copy.ts";

const FILE = "content/changelog.yaml";

describe("content/changelog.yaml as committed", () => {
  const entries = ChangelogSchema.parse(yaml.load(readFileSync(join(root, FILE), "utf8")));

  it("is valid and records the addition of each of the five seed notices", () => {
    expect(entries.filter((e) => e.kind === "added").map((e) => e.notice)).toEqual([
      "2019-quanguo",
      "2021-quanguo",
      "2022-hainan",
      "2022-quanguo",
      "2024-quanguo",
    ]);
    expect(new Set(entries.map((e) => e.date))).toEqual(new Set(["2026-11-22"]));
  });

  it("has no corrections yet (none are invented)", () => {
    expect(entries.filter((e) => e.kind === "corrected")).toEqual([]);
  });
});

describe("the archive check validates the changelog", () => {
  it("an unknown notice id fails with the entry, the id and the nearest held id", () => {
    const dir = archiveCopy();
    edit(dir, FILE, (t) => t.replace("notice: 2021-quanguo", "notice: 2020-quanguo"));
    const issues = failure(dir).issues;
    expect(issues[0]).toMatchObject({ file: FILE, field: "[1].notice", received: "2020-quanguo" });
    expect(issues[0]!.hint).toContain("did you mean 2021-quanguo?");
    // …and 2021-quanguo has lost its `added` entry.
    expect(issues[1]).toMatchObject({ file: FILE, expected: expect.stringContaining("2021-quanguo") });
    expect(issues).toHaveLength(2);
  });

  it("an unknown kind fails with the allowed values", () => {
    const dir = archiveCopy();
    edit(dir, FILE, (t) =>
      t.replace("kind: added\n  notice: 2022-hainan", "kind: fixed\n  notice: 2022-hainan"),
    );
    const issue = failure(dir).issues.find((i) => i.field === "[2].kind");
    expect(issue).toMatchObject({ file: FILE, received: '"fixed"' });
    expect(issue!.expected).toMatch(/added.*corrected.*changed/);
  });

  it("an unquoted YAML date and a misspelt field fail precisely", () => {
    const dir = archiveCopy();
    edit(dir, FILE, (t) =>
      t.replace('- date: "2026-11-22"', "- date: 2026-11-22").replace("summary:", "sumary:"),
    );
    const fields = failure(dir).issues.map((i) => i.field);
    expect(fields).toContain("[0].date");
    expect(fields).toContain("[0]");
  });

  it("invalid YAML names the line", () => {
    const dir = archiveCopy();
    edit(dir, FILE, (t) => t.replace("kind: added", "kind: [added"));
    expect(failure(dir).issues[0]).toMatchObject({
      file: FILE,
      expected: "valid YAML",
      field: expect.stringMatching(/^line \d+$/),
    });
  });

  it("a held notice without its `added` entry fails with the entry to add", () => {
    const dir = archiveCopy();
    edit(dir, FILE, (t) =>
      t.replace(/- date: "2026-11-22"\n {2}kind: added\n {2}notice: 2024-quanguo[\s\S]*$/, ""),
    );
    const [issue] = failure(dir).issues;
    expect(issue).toMatchObject({ file: FILE, received: "none" });
    expect(issue!.hint).toContain("kind: added, notice: 2024-quanguo");
  });

  it("a correction of a held notice passes", () => {
    const dir = archiveCopy();
    edit(
      dir,
      FILE,
      (t) =>
        `${t}\n- date: "2026-12-01"\n  kind: corrected\n  notice: 2019-quanguo\n  summary: 更正第二部分（三）的错字\n  details: 原作“质最”，据来源文本改为“质量”。\n`,
    );
    expect(() => checkArchive(dir)).not.toThrow();
  });
});

const sample: ChangelogEntry[] = [
  { date: "2026-11-22", kind: "added", notice: "2019-quanguo", summary: "收录2019年通知" },
  { date: "2026-12-01", kind: "corrected", notice: "2019-quanguo", summary: "更正一处错字" },
  { date: "2026-11-22", kind: "added", notice: "2021-quanguo", summary: "收录2021年通知" },
  { date: "2026-12-01", kind: "corrected", notice: "2019-quanguo", summary: "更正另一处错字" },
  { date: "2026-12-05", kind: "changed", summary: "新增按文号查找 <wenhao> & “引用”" },
];

describe("entries", () => {
  it("anchors come from kind, notice and date; a repeat gets -2", () => {
    expect(anchorEntries(sample).map((e) => e.anchor)).toEqual([
      "added-2019-quanguo-2026-11-22",
      "corrected-2019-quanguo-2026-12-01",
      "added-2021-quanguo-2026-11-22",
      "corrected-2019-quanguo-2026-12-01-2",
      "changed-archive-2026-12-05",
    ]);
  });

  it("the loader keys entries by anchor", () => {
    const keyed = changelogById(yaml.dump(sample));
    expect(Object.keys(keyed)).toEqual(anchorEntries(sample).map((e) => e.anchor));
    expect(keyed["changed-archive-2026-12-05"]).toEqual(sample[4]);
  });

  it("newest first, same day in file order; a notice's own entries oldest first", () => {
    expect(newestFirst(sample).map((e) => e.summary)).toEqual([
      "新增按文号查找 <wenhao> & “引用”",
      "更正一处错字",
      "更正另一处错字",
      "收录2019年通知",
      "收录2021年通知",
    ]);
    expect(entriesForNotice(sample, "2019-quanguo").map((e) => e.summary)).toEqual([
      "收录2019年通知",
      "更正一处错字",
      "更正另一处错字",
    ]);
  });
});

describe("Atom feed", () => {
  const xml = changelogAtom(anchorEntries(sample), {
    pageUrl: "https://example.gov.cn/zlyda/changelog/",
    feedUrl: "https://example.gov.cn/zlyda/changelog.xml",
    noticeUrl: (id) => (id === "2019-quanguo" ? "https://example.gov.cn/zlyda/2019/quanguo/" : undefined),
  });

  it("is an Atom feed, updated at the newest entry, entries newest first", () => {
    expect(
      xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'),
    ).toBe(true);
    expect(xml).toContain('<updated>2026-12-05T00:00:00+08:00</updated>\n  <link rel="self"');
    const ids = [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids[0]).toBe("https://example.gov.cn/zlyda/changelog/#changed-archive-2026-12-05");
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
  });

  it("links entries about a notice to the notice", () => {
    expect(xml).toContain(
      '<link rel="alternate" type="text/html" href="https://example.gov.cn/zlyda/2019/quanguo/"/>',
    );
  });

  it("escapes markup characters in text", () => {
    expect(xml).toContain("<title>【变更】新增按文号查找 &lt;wenhao&gt; &amp; “引用”</title>");
    expect(xml).not.toContain("<wenhao>");
    expect(escapeXml(`a<b>&"c'\u0001`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
  });
});
