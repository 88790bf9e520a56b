/**
 * The importer through its real pipeline, on fixture folders (input.txt, .docx or .pdf, with
 * options.json for the archivist's flags → expected.mdx, or expected-error.txt). A new edge case
 * is a new folder. Beyond the golden files, expectations are derived from the source texts
 * themselves, not from the importer's output.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadIssuerIndex } from "../../../src/archive/files.ts";
import { parseChineseDate } from "../../../src/shared/chinese-date.ts";
import { compareFidelity } from "../../../src/archive/fidelity.ts";
import { bodyTree } from "../../../src/document/pipeline.ts";
import { significantChars } from "../../../src/shared/letters.ts";
import { importNotice, type ImportResult } from "../../../src/importer/index.ts";
import { expectedError, fixtureInput, fixtureNames } from "../../../scripts/content/importer-fixtures.ts";

const root = resolve(import.meta.dirname, "../../..");
const fixtures = join(root, "tests/fixtures/importer");
const issuers = loadIssuerIndex(root);
const imported = (name: string) => importNotice({ ...fixtureInput(name), issuers });
// Every fixture that imports, imported once.
const results = new Map<string, ImportResult>();
for (const name of fixtureNames())
  if (expectedError(name) === undefined) results.set(name, await imported(name));
const run = (name: string): ImportResult => results.get(name)!;
const bodyOf = (mdx: string) => mdx.slice(mdx.indexOf("\n---\n", 4) + 5);

describe("importer fixtures", () => {
  for (const name of fixtureNames()) {
    const error = expectedError(name);
    if (error !== undefined) {
      it(`${name}: refuses with a clear error`, async () => {
        await expect(imported(name)).rejects.toThrow(error);
      });
    } else {
      it(`${name}: produces expected.mdx`, () => {
        expect(run(name).mdx).toBe(readFileSync(join(fixtures, name, "expected.mdx"), "utf8"));
      });
    }
  }
});

/** Facts read straight from a seed's text with simple patterns, independent of the importer. */
function sourceFacts(text: string) {
  const lines = text.split("\n").map((l) => l.trim());
  const docNumber = /[\p{Script=Han}]+〔\d{4}〕\d+号/u.exec(text)?.[0];
  const titleLine = lines.find(
    (l) => /^(?:\[bookmark: _GoBack\])?.*关于开展.*“质量月”活动的通知$/u.test(l) && !l.startsWith("标"),
  );
  const sloganStart = lines.findLastIndex((l) => /活动口号$/.test(l));
  const slogans: string[] = [];
  if (sloganStart >= 0) {
    for (const l of lines.slice(sloganStart + 1)) {
      const m = /^(?:- )?\d{1,2}[.．]\s*(.+)$/.exec(l);
      if (m) slogans.push(m[1]!);
      else if (slogans.length) break;
    }
  }
  const dateLine = lines.find((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l));
  return { docNumber, titleLine, slogans, dateLine };
}

describe("seeds: what the importer extracts is what the text states", () => {
  for (const name of readdirSync(fixtures).filter((n) => n.startsWith("seed-"))) {
    const text = readFileSync(join(fixtures, name, "input.txt"), "utf8");
    const facts = sourceFacts(text);
    const result = run(name);
    const fm = result.frontmatter!;

    it(`${name}: keeps every letter and digit of the source, minus reported junk`, () => {
      expect(compareFidelity(text, result.report.removed, bodyTree(result.body))).toBeUndefined();
      const junk = result.report.removed.map((r) => significantChars(r.text)).join("");
      expect(significantChars(result.body.replace(/<\/?[A-Z][A-Za-z]*[^>]*>/g, "")).length).toBe(
        significantChars(text).length - junk.length,
      );
    });

    it(`${name}: document number as printed, or none when the text has none`, () => {
      if (name === "seed-2022-quanguo") {
        // Its only document number is in no header: the text lost its title block.
        expect(fm.docNumber).toBeUndefined();
      } else {
        expect(fm.docNumber).toBe(facts.docNumber);
      }
    });

    it(`${name}: title as printed (line breaks inside it removed)`, () => {
      if (!facts.titleLine) {
        expect(fm.title).toBeUndefined();
        expect(fm.provenance.completeness).toContain("header-missing");
      } else {
        expect(fm.title).toBe(facts.titleLine.replace("[bookmark: _GoBack]", "").replace(/\s+/g, ""));
      }
    });

    it(`${name}: slogans in printed order`, () => {
      if (facts.slogans.length) expect(fm.slogans).toEqual(facts.slogans.map((s) => s.trim()));
      else expect(fm.slogans).toBeUndefined();
    });

    it(`${name}: 成文日期`, () => {
      if (facts.dateLine) expect(fm.signedDate).toBe(parseChineseDate(facts.dateLine));
    });
  }

  it("2019: header issuers resolved, 14 declared, 10 named, marked incomplete", () => {
    const fm = run("seed-2019-quanguo").frontmatter!;
    expect(fm.declaredIssuerCount).toBe(14);
    expect(fm.issuers).toEqual([
      "samr",
      "cpd",
      "ndrc",
      "miit",
      "mohurd",
      "mot",
      "mct",
      "nhc",
      "pbc",
      "sasac",
    ]);
    expect(fm.provenance.completeness).toContain("issuers-incomplete");
    expect(fm.printedBy).toBe("市场监管总局办公厅");
    expect(fm.printedDate).toBe("2019-08-23");
    expect(fm.cc).toBe("国家药监局、国家知识产权局，有关单位。");
    expect(fm.attachments.map((a) => a.n)).toEqual([1, 2, 3]);
  });

  it("2021: gov.cn metadata block read; the advert removed and the text marked truncated", () => {
    const r = run("seed-2021-quanguo");
    expect(r.frontmatter!.indexNumber).toBe("2021-1629804715852");
    expect(r.frontmatter!.category).toBe("联合发文");
    expect(r.frontmatter!.publishedDate).toBe("2021-08-24");
    expect(r.frontmatter!.signedDate).toBe("2021-08-20");
    expect(r.frontmatter!.issuers).toHaveLength(20);
    expect(r.frontmatter!.provenance.completeness).toEqual(["truncated"]);
    expect(r.report.removed.map((x) => x.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^advert/), expect.stringMatching(/^advert/)]),
    );
    expect(r.body).not.toContain("yunbaogao");
  });

  it("2022 national: page breaks rejoined (质量\\n\\n瓶颈 → 质量瓶颈), 21 declared", () => {
    const r = run("seed-2022-quanguo");
    expect(r.body).toContain("制约产业发展的质量瓶颈");
    expect(r.body).toContain("绿色产品认证与标识宣传周");
    expect(r.frontmatter!.declaredIssuerCount).toBe(21);
    expect(r.frontmatter!.issuers[0]).toBe("samr");
    expect(r.frontmatter!.signatures).toHaveLength(12);
  });

  it("2022 Hainan: provincial, responds to the national notice, 21 co-hosts, half-width punctuation repaired", () => {
    const r = run("seed-2022-hainan");
    expect(r.frontmatter!.level).toBe("provincial");
    expect(r.frontmatter!.region).toBe("海南省");
    expect(r.id).toBe("2022-hainan");
    expect(r.frontmatter!.respondsTo).toBe("国市监质发〔2022〕76号");
    expect(r.frontmatter!.coHosts).toHaveLength(21);
    expect(r.frontmatter!.declaredIssuerCount).toBeUndefined();
    expect(r.body).toContain("### （三）强化质量监管，保障安全消费。");
    expect(r.body).toContain("检定（校准）计量器具");
  });

  it("2024: bookmark and bare numerals removed, headings kept, signature names unspaced", () => {
    const r = run("seed-2024-quanguo");
    expect(r.report.removed.map((x) => x.text)).toEqual(["[bookmark: _GoBack]", "01", "02", "03", "04"]);
    expect(r.body).toMatch(/^## 活动主题$/m);
    expect(r.body).toMatch(/^## 工作要求$/m);
    expect(r.frontmatter!.issuers).toHaveLength(27);
    expect(r.frontmatter!.issuers).toContain("moe");
    expect(r.frontmatter!.theme).toBe("加强质量支撑  共建质量强国".replace(/\s+/, " "));
  });
});

describe("damaged variants import like the clean text", () => {
  const clean = run("seed-2019-quanguo");
  for (const name of [
    "damaged-crlf",
    "damaged-bom",
    "damaged-fullwidth-spaces",
    "damaged-page-numbers",
    "damaged-brackets-docnumber",
  ]) {
    it(`${name}: same body and metadata as the clean 2019 text`, () => {
      const r = run(name);
      expect(bodyOf(r.mdx)).toBe(
        bodyOf(clean.mdx).replace(
          name === "damaged-brackets-docnumber" ? "国市监质〔2019〕162号" : "\u0000",
          "国市监质\\[2019\\]162号",
        ),
      );
      const { provenance: _a, ...fm } = r.frontmatter!;
      const { provenance: _b, ...cleanFm } = clean.frontmatter!;
      expect(fm).toEqual(cleanFm);
    });
  }

  it("page numbers are removed and reported", () => {
    const r = run("damaged-page-numbers");
    expect(r.report.removed.filter((x) => x.reason === "page number").map((x) => x.text)).toEqual([
      "— 2 —",
      "— 3 —",
      "- 4 -",
    ]);
  });

  it("GB18030 is converted and the conversion recorded", () => {
    const r = run("damaged-gb18030");
    const utf8 = run("seed-2022-hainan");
    expect(r.frontmatter!.provenance.convertedFrom).toBe("GB18030");
    expect(bodyOf(r.mdx)).toBe(bodyOf(utf8.mdx));
    expect(new TextDecoder().decode(r.sourceBytes)).toBe(
      readFileSync(join(fixtures, "seed-2022-hainan/input.txt"), "utf8"),
    );
  });

  it("a text without its title still imports, marked header-missing", () => {
    const r = run("damaged-missing-title");
    expect(r.frontmatter!.title).toBeUndefined();
    expect(r.frontmatter!.provenance.completeness).toContain("header-missing");
    expect(r.frontmatter!.year).toBe(2019);
  });
});
