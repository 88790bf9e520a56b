/**
 * The reproductions of issue 15: content that runs code, hides text or states what the text
 * never states. Each tampers a copy of the real archive and must fail the archive check with
 * the file and the line or field — and code must not run, neither in the check nor in the MDX
 * compiler (the compiler's remark-data-only lock is tried on its own below, with the evidence
 * that without it the code does run).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluate } from "@mdx-js/mdx";
import { afterAll, describe, expect, it } from "vitest";
import remarkDataOnly from "../../../src/document/plugins/remark-data-only.ts";
import { checkArchive } from "../../../src/archive/check/index.ts";
import { addImported, archiveCopy, edit, failure } from "../helpers/archive-copy.ts";

const N2019 = "content/notices/2019-quanguo.mdx";
const N2022 = "content/notices/2022-quanguo.mdx";
const H2022 = "content/notices/2022-hainan.mdx";
const S2019 = "content/sources/2019-quanguo.txt";

/** A JSX runtime that renders nothing: evaluating a body runs its code, which is what is tested. */
const runtime = { Fragment: Symbol("Fragment"), jsx: () => null, jsxs: () => null };

const scratch = mkdtempSync(join(tmpdir(), "zly-pwned-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const marker = (name: string) => join(scratch, name);

/** The body line (of the file) holding `needle`. */
function lineOf(dir: string, file: string, needle: string): string {
  const lines = readFileSync(join(dir, file), "utf8").split("\n");
  return `line ${lines.findIndex((l) => l.includes(needle)) + 1}`;
}

/** Inserts `line` as a paragraph of its own before the 二、 heading of the 2019 notice. */
function insertParagraph(dir: string, line: string): void {
  edit(dir, N2019, (t) => t.replace("## 二、活动主题", `${line}\n\n## 二、活动主题`));
}

describe("code in a notice body fails the check at its line, and never runs", () => {
  it("an export line that would write a file", () => {
    const dir = archiveCopy();
    const file = marker("esm");
    insertParagraph(
      dir,
      `export const x = process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(file)}, "1")`,
    );
    const issue = failure(dir).issues.find((i) => i.received?.startsWith("JavaScript"));
    expect(issue).toMatchObject({ file: N2019, field: lineOf(dir, N2019, "export const x") });
    expect(existsSync(file)).toBe(false);
  });

  it("an attribute expression on an allowed component", () => {
    const dir = archiveCopy();
    edit(dir, H2022, (t) => t.replace("<Signature>", "<Signature x={process.exit(1)}>"));
    const issue = failure(dir).issues.find((i) => i.received === "x={…}");
    expect(issue).toMatchObject({ file: H2022, field: lineOf(dir, H2022, "<Signature x=") });
  });

  it("an expression without a single letter ({[]+[]})", () => {
    const dir = archiveCopy();
    insertParagraph(dir, "{[]+[]}");
    expect(failure(dir).issues.find((i) => i.received === "an expression {[]+[]}")).toMatchObject({
      file: N2019,
      field: lineOf(dir, N2019, "{[]+[]}"),
    });
  });
});

describe("markup cannot hide text from readers", () => {
  it("{/*不*/}得强制: the comment is refused, and the fidelity check misses the 不", () => {
    const dir = archiveCopy();
    edit(dir, N2022, (t) => t.replace(/不得强制/u, "{/*不*/}得强制"));
    const issues = failure(dir).issues.filter((i) => i.file === N2022);
    const at = lineOf(dir, N2022, "{/*不*/}");
    expect(issues.find((i) => i.received?.startsWith("an expression"))).toMatchObject({ field: at });
    expect(issues.find((i) => i.expected.startsWith("the source's text"))).toMatchObject({ field: at });
  });

  it("[](严)禁: the link is refused, and the fidelity check misses the 严", () => {
    const dir = archiveCopy();
    edit(dir, N2022, (t) => t.replace(/严禁/u, "[](严)禁"));
    const issues = failure(dir).issues.filter((i) => i.file === N2022);
    const at = lineOf(dir, N2022, "[](严)");
    expect(issues.find((i) => i.received?.startsWith("a Markdown link"))).toMatchObject({ field: at });
    expect(issues.find((i) => i.expected.startsWith("the source's text"))).toMatchObject({ field: at });
  });
});

describe("the MDX compiler's lock: nothing runs even where the check is skipped", () => {
  const body = (file: string) =>
    `export const x = process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(file)}, "1")\n\n文字\n`;

  it("without the lock the export line runs (the reproduction is real)", async () => {
    const file = marker("unlocked");
    await evaluate(body(file), { ...runtime, baseUrl: import.meta.url });
    expect(existsSync(file)).toBe(true);
  });

  it("with it, compiling stops at the line and the file is never written", async () => {
    const file = marker("locked");
    await expect(
      evaluate(body(file), { ...runtime, baseUrl: import.meta.url, remarkPlugins: [remarkDataOnly] }),
    ).rejects.toMatchObject({ line: 1, message: expect.stringContaining("data, never code") });
    expect(existsSync(file)).toBe(false);
  });

  it("the lock lets a notice body through", async () => {
    const held = readFileSync(join(import.meta.dirname, "../../..", H2022), "utf8").split(/^---$/m)[2]!;
    await expect(
      evaluate(held, { ...runtime, baseUrl: import.meta.url, remarkPlugins: [remarkDataOnly] }),
    ).resolves.toBeDefined();
  });
});

describe("stated facts: every value is in the text, or an inference with its basis", () => {
  it.each([
    ["printedDate", /printedDate: "2019-08-23"/, 'printedDate: "2019-08-24"'],
    ["signedDate", /signedDate: "2019-08-22"/, 'signedDate: "2019-08-21"'],
  ])("%s changed to a day the text never prints", (field, from, to) => {
    const dir = archiveCopy();
    edit(dir, N2019, (t) => t.replace(from, to));
    const source = readFileSync(join(dir, S2019), "utf8");
    const day = Number(/(\d+)"$/.exec(to)![1]);
    expect(source).not.toContain(`8月${day}日`);
    expect(failure(dir).issues.find((i) => i.field === field)).toMatchObject({ file: N2019 });
  });

  it("declaredIssuerCount 21 → 22", () => {
    const dir = archiveCopy();
    edit(dir, N2022, (t) => t.replace("declaredIssuerCount: 21", "declaredIssuerCount: 22"));
    expect(failure(dir).issues.find((i) => i.field === "declaredIssuerCount")).toMatchObject({
      file: N2022,
      received: "22",
    });
  });

  it("an issuer the text never names", () => {
    const dir = archiveCopy();
    const source = readFileSync(join(dir, S2019), "utf8");
    expect(source).not.toContain("最高人民法院");
    edit(dir, N2019, (t) => t.replace("  - mohurd\n", "  - spc\n"));
    expect(failure(dir).issues.find((i) => i.field === "issuers[4]")).toMatchObject({
      file: N2019,
      received: "spc",
    });
  });

  it("a generic name means a body of the notice's own region only (Zhejiang's 省市场监督管理局 is not Hainan's)", async () => {
    const dir = archiveCopy();
    const id = await addImported(dir, "provincial-without-quansheng");
    const file = `content/notices/${id}.mdx`;
    expect(checkArchive(dir).map((n) => n.id)).toContain(id);
    edit(dir, file, (t) => t.replace("  - zhejiang-amr\n", "  - hainan-amr\n"));
    expect(failure(dir).issues.find((i) => i.file === file && i.field === "issuers[0]")).toMatchObject({
      received: "hainan-amr",
      hint: expect.stringContaining("省市场监督管理局"),
    });
  });

  it("a region the text never names, filed under another province", () => {
    const dir = archiveCopy();
    edit(dir, H2022, (t) => t.replace("region: 海南省", "region: 浙江省"));
    const fields = failure(dir)
      .issues.filter((i) => i.file === H2022)
      .map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["region", "slug"]));
  });

  it("an inference with its basis is accepted", () => {
    const dir = archiveCopy();
    edit(dir, N2022, (t) =>
      t
        .replace("declaredIssuerCount: 21", "declaredIssuerCount: 22")
        .replace("inferred:\n", "inferred:\n  - field: declaredIssuerCount\n    basis: 测试用的推断依据\n"),
    );
    expect(checkArchive(dir).map((n) => n.id)).toContain("2022-quanguo");
  });
});

describe("a published notice's source changes only as a correction", () => {
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");

  it("replacing the source and its checksum in place (what --force did) fails", () => {
    const dir = archiveCopy();
    const better = readFileSync(join(dir, S2019), "utf8").replace("指导思想", "指導思想");
    writeFileSync(join(dir, S2019), better);
    edit(dir, N2019, (t) => t.replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha(better)}`));
    expect(failure(dir).issues.find((i) => i.file === S2019)).toMatchObject({
      expected: expect.stringContaining("published source"),
      hint: expect.stringContaining("--correct"),
    });
  });

  /** A correction as the importer writes it: new source file, manifest line, earlier source kept. */
  function correct(dir: string, changelog: boolean): void {
    const old = readFileSync(join(dir, S2019), "utf8");
    const oldSha = sha(old);
    const better = `${old}\n`;
    writeFileSync(join(dir, "content/sources/2019-quanguo.2.txt"), better);
    edit(dir, "content/sources/SHA256SUMS", (t) => `${t}${sha(better)}  2019-quanguo.2.txt\n`);
    edit(dir, N2019, (t) =>
      t
        .replace("source: content/sources/2019-quanguo.txt", "source: content/sources/2019-quanguo.2.txt")
        .replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha(better)}`)
        .replace(
          /^ {2}removed:/m,
          `  earlierSources:\n    - source: content/sources/2019-quanguo.txt\n      sha256: ${oldSha}\n      replaced: "2026-12-01"\n  removed:`,
        ),
    );
    if (changelog) {
      edit(
        dir,
        "content/changelog.yaml",
        (t) =>
          `${t}\n- date: "2026-12-01"\n  kind: corrected\n  notice: 2019-quanguo\n  summary: 更正来源文本\n`,
      );
    }
  }

  it("a correction with its changelog entry passes; the URL stays", () => {
    const dir = archiveCopy();
    correct(dir, true);
    expect(checkArchive(dir).map((n) => n.id)).toContain("2019-quanguo");
  });

  it("without its corrected entry it fails", () => {
    const dir = archiveCopy();
    correct(dir, false);
    expect(failure(dir).issues.find((i) => i.file === "content/changelog.yaml")).toMatchObject({
      expected: expect.stringContaining("corrected entry for 2019-quanguo dated 2026-12-01"),
    });
  });

  it("dropping the earlier source from the record fails", () => {
    const dir = archiveCopy();
    correct(dir, true);
    edit(dir, N2019, (t) => t.replace(/ {2}earlierSources:\n(?: {4,}.*\n)+/, ""));
    expect(failure(dir).issues.map((i) => i.file)).toContain("content/sources/SHA256SUMS");
  });
});

describe("content URLs are http(s) only", () => {
  it("a javascript: source_url in the catalogue fails", () => {
    const dir = archiveCopy();
    edit(dir, "content/catalog/national-themes.tsv", (t) =>
      t.replace(/https?:\/\/[^\t\n]+/, "javascript:alert(1)"),
    );
    expect(failure(dir).issues[0]).toMatchObject({ field: "sourceUrl", received: '"javascript:alert(1)"' });
  });
});
