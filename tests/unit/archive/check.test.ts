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
  it("missing required field", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace(/^year: 2019\n/m, ""));
    const [issue] = failure(dir).issues;
    expect(issue).toMatchObject({ file: N2019, field: "year", received: "nothing (field missing)" });
  });

  it("mistyped field name, with the nearest field suggested", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace(/^docNumber:/m, "docNumbr:"));
    const error = failure(dir);
    expect(error.issues[0]).toMatchObject({ file: N2019, received: "unknown field(s) docNumbr" });
    expect(error.message).toContain("did you mean docNumber?");
  });

  it("a document number the site could not link or redirect (a 5-digit serial)", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace(/^docNumber: (.*〔2019〕)\d+号$/m, "docNumber: $112345号"));
    const [issue] = failure(dir).issues;
    expect(issue).toMatchObject({ file: N2019, field: "docNumber" });
    expect(issue!.expected).toContain("1–4 digits");
  });

  it("unquoted YAML date", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace('signedDate: "2019-08-22"', "signedDate: 2019-08-22"));
    expect(failure(dir).issues[0]).toMatchObject({
      file: N2019,
      field: "signedDate",
      expected: expect.stringContaining("put it in quotes"),
    });
  });

  it("unknown issuer, with the nearest id and alias suggested", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace("  - mohurd\n", "  - mohrd\n"));
    const [issue] = failure(dir).issues;
    expect(issue).toMatchObject({ file: N2019, field: "issuers[4]", received: "mohrd" });
    expect(issue!.hint).toContain("mohurd");
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

  it("respondsTo naming no held notice", () => {
    const dir = archiveCopy();
    edit(dir, H2022, (t) =>
      t.replace("respondsTo: 国市监质发〔2022〕76号", "respondsTo: 国市监质发〔2022〕77号"),
    );
    expect(failure(dir).issues[0]).toMatchObject({
      file: H2022,
      field: "respondsTo",
      received: "国市监质发〔2022〕77号",
    });
  });

  it("印发 before 成文", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace('printedDate: "2019-08-23"', 'printedDate: "2019-08-21"'));
    expect(failure(dir).issues[0]).toMatchObject({
      file: N2019,
      field: "printedDate",
      received: "2019-08-21",
    });
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

  it("a stated value not in the text must be marked inferred", () => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) =>
      t.replace("theme: 共创中国质量 建设质量强国", "theme: 共创中国质量 建设质量大国"),
    );
    expect(failure(dir).issues[0]).toMatchObject({ file: N2019, field: "theme" });
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
