/**
 * Citations (src/outputs/citation/citation.ts). The expected GB/T 7714-2015 strings are written out by hand
 * from the standard's rules for electronic resources —
 *   主要责任者. 题名: 其他题名信息[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.
 * — at most three responsible parties then “, 等” (8.1.2), supplied information in [ ].
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import {
  buildDate,
  citationMetaTags,
  citationSource,
  escapeBibtex,
  formatGbt7714,
  isoDate,
  splitGbt7714,
  toBibtex,
  toCslJson,
  toRis,
  type CitableNotice,
  type CitationSource,
} from "../../../src/outputs/citation/citation.ts";
import { splitMdx } from "../../../src/archive/files.ts";
import { NoticeSchema } from "../../../src/schemas/notice.ts";
import { IssuerRegistrySchema } from "../../../src/schemas/issuer.ts";

const root = resolve(import.meta.dirname, "../../..");
const SITE = "https://example.gov.cn/zlyda/";
const ACCESSED = "2026-11-22";

const registry = IssuerRegistrySchema.parse(
  yaml.load(readFileSync(join(root, "content/issuers/issuers.yaml"), "utf8")),
);
const label = (id: string) => {
  const issuer = registry.find((i) => i.id === id);
  if (!issuer) throw new Error(`unknown issuer ${id}`);
  return issuer.shortName ?? issuer.name;
};

/** The citation source of a real notice in content/notices, at SITE. */
function real(id: string): CitationSource {
  const file = `content/notices/${id}.mdx`;
  const { frontmatterText } = splitMdx(file, readFileSync(join(root, file), "utf8"));
  const data = NoticeSchema.parse(yaml.load(frontmatterText));
  return citationSource(
    data,
    { stated: data.issuers.map(label), inferred: data.inferredIssuers.map((i) => label(i.id)) },
    `${SITE}${data.year}/${data.slug}/`,
  );
}

/** A synthetic notice with n issuers named A1…An. */
function synthetic(n: number, extra: Partial<CitableNotice> = {}): CitationSource {
  const notice: CitableNotice = {
    title: "关于开展质量月活动的通知",
    docNumber: "某发〔2020〕1号",
    year: 2020,
    slug: "quanguo",
    level: "national",
    signedDate: "2020-08-01",
    inferred: [],
    provenance: { completeness: ["complete"] },
    ...extra,
  };
  const names = Array.from({ length: n }, (_, i) => `机关${i + 1}`);
  return citationSource(notice, { stated: names, inferred: [] }, "https://example.gov.cn/2020/quanguo/");
}

describe("GB/T 7714-2015 [EB/OL] reference", () => {
  it.each([
    {
      id: "2019-quanguo",
      what: "2019 national notice: 14 issuers → the first three, then 等; 发文字号 as 其他题名信息",
      want: "市场监管总局, 中央宣传部, 国家发展改革委, 等. 市场监管总局等14个部门关于开展2019年全国“质量月”活动的通知: 国市监质〔2019〕162号[EB/OL]. (2019-08-22)[2026-11-22]. https://example.gov.cn/zlyda/2019/quanguo/.",
    },
    {
      id: "2021-quanguo",
      what: "2021 national notice: the 成文日期 is the document's date, not the later 发布日期",
      want: "市场监管总局, 中央宣传部, 国家发展改革委, 等. 市场监管总局等20个部门关于开展2021年全国“质量月”活动的通知: 国市监质发〔2021〕51号[EB/OL]. (2021-08-20)[2026-11-22]. https://example.gov.cn/zlyda/2021/quanguo/.",
    },
    {
      id: "2022-hainan",
      what: "2022 Hainan notice: a single issuer, cited by its short name, no 等",
      want: "海南省质量强省办. 海南省质量强省工作领导小组办公室关于开展2022年全省“质量月”活动的通知: 琼质强省办〔2022〕8号[EB/OL]. (2022-08-30)[2026-11-22]. https://example.gov.cn/zlyda/2022/hainan/.",
    },
    {
      id: "2022-quanguo",
      what: "2022 national notice: inferred title and number in [ ]; header lost → only the lead issuer, then 等; 印发日期 when no 成文日期",
      want: "市场监管总局, 等. [关于开展2022年全国“质量月”活动的通知]: [国市监质发〔2022〕76号][EB/OL]. (2022-08-22)[2026-11-22]. https://example.gov.cn/zlyda/2022/quanguo/.",
    },
    {
      id: "2024-quanguo",
      what: "2024 national notice: no 发文字号 → no 其他题名信息",
      want: "市场监管总局, 中央宣传部, 最高人民法院, 等. 关于开展2024年全国“质量月”活动的通知[EB/OL]. (2024-07-26)[2026-11-22]. https://example.gov.cn/zlyda/2024/quanguo/.",
    },
  ])("$what", ({ id, want }) => {
    expect(formatGbt7714(real(id), ACCESSED)).toBe(want);
  });

  it.each([
    [2, "机关1, 机关2. "],
    [3, "机关1, 机关2, 机关3. "],
    [4, "机关1, 机关2, 机关3, 等. "],
  ])("%i responsible parties: up to three are all named, without 等", (n, parties) => {
    expect(formatGbt7714(synthetic(n), ACCESSED)).toBe(
      `${parties}关于开展质量月活动的通知: 某发〔2020〕1号[EB/OL]. (2020-08-01)[2026-11-22]. https://example.gov.cn/2020/quanguo/.`,
    );
  });

  it("等 also when the text declares more issuers than it names", () => {
    expect(formatGbt7714(synthetic(2, { declaredIssuerCount: 5 }), ACCESSED)).toMatch(/^机关1, 机关2, 等\. /);
  });

  it("a lost title is supplied in [ ]; no date → no (date); no issuer → no responsibility", () => {
    const source = synthetic(0, { title: undefined, docNumber: undefined, signedDate: undefined });
    expect(formatGbt7714(source, ACCESSED)).toBe(
      "[2020年全国“质量月”活动通知][EB/OL]. [2026-11-22]. https://example.gov.cn/2020/quanguo/.",
    );
  });

  it("an inferred 成文日期 is bracketed", () => {
    const source = synthetic(1, { inferred: [{ field: "signedDate", basis: "据某文" }] });
    expect(formatGbt7714(source, ACCESSED)).toContain("[EB/OL]. ([2020-08-01])[2026-11-22]. ");
  });

  it("splits around the access date", () => {
    const source = real("2019-quanguo");
    const { before, after } = splitGbt7714(source, ACCESSED);
    expect(before.endsWith("(2019-08-22)[")).toBe(true);
    expect(after).toBe("]. https://example.gov.cn/zlyda/2019/quanguo/.");
    expect(`${before}${ACCESSED}${after}`).toBe(formatGbt7714(source, ACCESSED));
  });
});

describe("downloads", () => {
  it("CSL-JSON: one item, every issuer as a literal author, dates as date-parts", () => {
    const [item] = JSON.parse(toCslJson(real("2019-quanguo"), ACCESSED));
    expect(item).toMatchObject({
      id: "zly2019quanguo",
      type: "document",
      title: "市场监管总局等14个部门关于开展2019年全国“质量月”活动的通知",
      number: "国市监质〔2019〕162号",
      issued: { "date-parts": [[2019, 8, 22]] },
      accessed: { "date-parts": [[2026, 11, 22]] },
      URL: "https://example.gov.cn/zlyda/2019/quanguo/",
      language: "zh-CN",
    });
    expect(item.author).toHaveLength(14);
    expect(item.author[0]).toEqual({ literal: "市场监管总局" });
    expect(item.note).toBeUndefined();
  });

  it("CSL-JSON says what is inferred", () => {
    const [item] = JSON.parse(toCslJson(real("2022-quanguo"), ACCESSED));
    expect(item.note).toBe("标题、发文字号未见于本件文本，系推断（依据见档案页面）。");
    expect(item.title).toBe("关于开展2022年全国“质量月”活动的通知");
  });

  it("BibTeX: @misc with corporate authors in braces, urldate, special characters escaped", () => {
    const bib = toBibtex(real("2022-hainan"), ACCESSED);
    expect(bib).toBe(
      [
        "@misc{zly2022hainan,",
        "  author       = {{海南省质量强省办}},",
        "  title        = {海南省质量强省工作领导小组办公室关于开展2022年全省“质量月”活动的通知},",
        "  number       = {琼质强省办〔2022〕8号},",
        "  type         = {通知},",
        "  date         = {2022-08-30},",
        "  year         = {2022},",
        "  howpublished = {质量月档案},",
        "  url          = {https://example.gov.cn/zlyda/2022/hainan/},",
        "  urldate      = {2026-11-22},",
        "  language     = {chinese},",
        "}",
        "",
      ].join("\n"),
    );
    expect(escapeBibtex("50% & {x}_#1 ~ ^ \\")).toBe(
      "50\\% \\& \\{x\\}\\_\\#1 \\~{} \\^{} \\textbackslash{}",
    );
  });

  it("BibTeX: “and others” when the document has more issuers than are known", () => {
    expect(toBibtex(synthetic(2, { declaredIssuerCount: 5 }), ACCESSED)).toContain(
      "author       = {{机关1} and {机关2} and others},",
    );
  });

  it("RIS: TY - GOVDOC first, ER last, CRLF, one AU per issuer, access date in Y2", () => {
    const ris = toRis(real("2019-quanguo"), ACCESSED);
    const lines = ris.split("\r\n");
    expect(lines[0]).toBe("TY  - GOVDOC");
    expect(lines.at(-2)).toBe("ER  - ");
    expect(lines.at(-1)).toBe("");
    expect(ris.replaceAll("\r\n", "")).not.toContain("\n");
    expect(lines.filter((l) => l.startsWith("AU  - "))).toHaveLength(14);
    expect(lines).toContain("TI  - 市场监管总局等14个部门关于开展2019年全国“质量月”活动的通知");
    expect(lines).toContain("M1  - 国市监质〔2019〕162号");
    expect(lines).toContain("DA  - 2019/08/22");
    expect(lines).toContain("Y2  - 2026/11/22");
    expect(lines).toContain("UR  - https://example.gov.cn/zlyda/2019/quanguo/");
  });
});

describe("citation_* meta tags", () => {
  it("title, one author per issuer, date, report number, URLs, language", () => {
    const tags = citationMetaTags(real("2019-quanguo"));
    const values = (name: string) => tags.filter(([n]) => n === name).map(([, v]) => v);
    expect(values("citation_title")).toEqual(["市场监管总局等14个部门关于开展2019年全国“质量月”活动的通知"]);
    expect(values("citation_author")).toHaveLength(14);
    expect(values("citation_author").slice(0, 2)).toEqual(["市场监管总局", "中央宣传部"]);
    expect(values("citation_publication_date")).toEqual(["2019/08/22"]);
    expect(values("citation_technical_report_number")).toEqual(["国市监质〔2019〕162号"]);
    expect(values("citation_public_url")).toEqual(["https://example.gov.cn/zlyda/2019/quanguo/"]);
    expect(values("citation_abstract_html_url")).toEqual(["https://example.gov.cn/zlyda/2019/quanguo/"]);
    expect(values("citation_language")).toEqual(["zh"]);
  });
});

describe("dates", () => {
  it("the date is Beijing time", () => {
    expect(isoDate(new Date("2026-11-21T16:30:00Z"))).toBe("2026-11-22");
    expect(isoDate(new Date("2026-11-21T15:59:00Z"))).toBe("2026-11-21");
  });
  it("SOURCE_DATE_EPOCH fixes the build date", () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 22, 4) / 1000) })).toBe("2026-11-22");
    expect(buildDate({})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
