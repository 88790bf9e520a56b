/**
 * Bad content stops the build with a message naming the file, the field or line, what was
 * expected and how to fix it. Each case tampers a copy of the real archive.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkArchive } from "../../../src/archive/check/index.ts";
import { archiveCopy, edit, failure, root } from "../helpers/archive-copy.ts";

const N2019 = "content/notices/2019-quanguo.mdx";
const H2022 = "content/notices/2022-hainan.mdx";

describe("the archive as committed", () => {
  it("passes every rule", () => {
    expect(checkArchive(root).map((n) => n.id)).toEqual([
      "2019-quanguo",
      "2021-quanguo",
      "2022-hainan",
      "2022-quanguo",
      "2024-quanguo",
    ]);
  });
});

describe("bad content fails precisely", () => {
  // One edit each; the first issue names the file, the field and what was wrong.
  it.each([
    {
      what: "missing required field",
      file: N2019,
      from: /^year: 2019\n/m,
      to: "",
      issue: { field: "year", received: "nothing (field missing)" },
    },
    {
      what: "a document number the site could not link or redirect (a 5-digit serial)",
      file: N2019,
      from: /^docNumber: (.*〔2019〕)\d+号$/m,
      to: "docNumber: $112345号",
      issue: { field: "docNumber", expected: expect.stringContaining("1–4 digits") },
    },
    {
      what: "unquoted YAML date",
      file: N2019,
      from: 'signedDate: "2019-08-22"',
      to: "signedDate: 2019-08-22",
      issue: { field: "signedDate", expected: expect.stringContaining("put it in quotes") },
    },
    {
      what: "unknown issuer, with the nearest id and alias suggested",
      file: N2019,
      from: "  - mohurd\n",
      to: "  - mohrd\n",
      issue: { field: "issuers[4]", received: "mohrd", hint: expect.stringContaining("mohurd") },
    },
    {
      what: "respondsTo naming no held notice",
      file: H2022,
      from: "respondsTo: 国市监质发〔2022〕76号",
      to: "respondsTo: 国市监质发〔2022〕77号",
      issue: { field: "respondsTo", received: "国市监质发〔2022〕77号" },
    },
    {
      what: "印发 before 成文",
      file: N2019,
      from: 'printedDate: "2019-08-23"',
      to: 'printedDate: "2019-08-21"',
      issue: { field: "printedDate", received: "2019-08-21" },
    },
    {
      what: "a stated value not in the text must be marked inferred",
      file: N2019,
      from: "theme: 共创中国质量 建设质量强国",
      to: "theme: 共创中国质量 建设质量大国",
      issue: { field: "theme" },
    },
  ])("$what", ({ file, from, to, issue }) => {
    const dir = archiveCopy();
    edit(dir, file, (t) => t.replace(from, to));
    expect(failure(dir).issues[0]).toMatchObject({ file, ...issue });
  });

  it("mistyped field name, with the nearest field suggested", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace(/^docNumber:/m, "docNumbr:"));
    const error = failure(dir);
    expect(error.issues[0]).toMatchObject({ file: N2019, received: "unknown field(s) docNumbr" });
    expect(error.message).toContain("did you mean docNumber?");
  });

  it("an issuer written as a name is pointed to its id", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace("  - mohurd\n", "  - 住房城乡建设部\n"));
    expect(failure(dir).issues[0]!.hint).toContain("write the id mohurd");
  });

  it("two notices with the same document number", () => {
    const dir = archiveCopy();
    edit(dir, "content/notices/2021-quanguo.mdx", (t) =>
      t.replace("docNumber: 国市监质发〔2021〕51号", "docNumber: 国市监质〔2019〕162号"),
    );
    const issues = failure(dir).issues;
    expect(
      issues.some(
        (i) =>
          i.field === "docNumber" && /also in content\/notices\/2019-quanguo\.mdx/.test(i.received ?? ""),
      ),
    ).toBe(true);
  });

  it("a date outside the notice's year", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace('signedDate: "2019-08-22"', 'signedDate: "2018-08-22"'));
    expect(failure(dir).issues.map((i) => i.field)).toContain("signedDate");
  });

  it("MDX syntax error, with file and line", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace("## 二、活动主题", "## 二、活动主题 {unclosed"));
    const text = readFileSync(join(dir, N2019), "utf8");
    const line = text.split("\n").findIndex((l) => l.includes("{unclosed")) + 1;
    const issue = failure(dir).issues.find((i) => i.expected === "valid MDX");
    expect(issue).toMatchObject({ file: N2019, field: `line ${line}` });
  });

  it("a hand edit that loses text fails the fidelity check at its line", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace("优化营商环境，加强市场监管，", "优化营商环境，"));
    const text = readFileSync(join(dir, N2019), "utf8");
    const line =
      text.split("\n").findIndex((l) => l.includes("打击假冒伪劣") && l.includes("以人民为中心")) + 1;
    const issue = failure(dir).issues[0]!;
    expect(issue).toMatchObject({ file: N2019, field: `line ${line}` });
    expect(issue.expected).toContain("加强市场监管");
  });

  it("an edited source fails its checksum", () => {
    const dir = archiveCopy();
    edit(dir, "content/sources/2019-quanguo.txt", (t) => t.replace("指导思想", "指導思想"));
    expect(failure(dir).issues.some((i) => i.file === "content/sources/2019-quanguo.txt")).toBe(true);
  });

  it("every problem is reported at once", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace("  - mohurd\n", "  - nobody\n"));
    edit(dir, H2022, (t) =>
      t.replace("respondsTo: 国市监质发〔2022〕76号", "respondsTo: 国市监质发〔2099〕1号"),
    );
    expect(failure(dir).issues.map((i) => i.file)).toEqual([N2019, H2022]);
  });
});
