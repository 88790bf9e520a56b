import { describe, expect, it } from "vitest";
import { canonicalDocNumber, findDocNumbers, parseDocNumber } from "../../../src/document/doc-number.ts";
import { formatChineseDate, isDateLine, parseChineseDate } from "../../../src/shared/chinese-date.ts";
import { hanNumber, numberingOf } from "../../../src/document/numbering.ts";
import { compareFidelity } from "../../../src/archive/fidelity.ts";
import { bodyTree } from "../../../src/document/pipeline.ts";
import { bodyBlocks } from "../../../src/text/notice-text.ts";
import { blocksToText } from "../../../src/text/plain-text.ts";
import { significantChars } from "../../../src/shared/letters.ts";
import { fullWidthPunctuation, repairLine } from "../../../src/importer/repair.ts";
import { escapeMdx } from "../../../src/importer/render-mdx.ts";
import { normalizeBase } from "../../../src/shared/base-path.ts";

describe("document numbers", () => {
  it.each([
    ["国市监质发〔2022〕76号", "国市监质发〔2022〕76号"],
    ["国市监质发[2022]76号", "国市监质发〔2022〕76号"],
    ["国市监质发(2022)76号", "国市监质发〔2022〕76号"],
    ["国市监质发（2022）76号", "国市监质发〔2022〕76号"],
    ["国市监质发【2022】76号", "国市监质发〔2022〕76号"],
    ["国市监质发2022 76号", "国市监质发〔2022〕76号"],
    [" 琼质强省办〔2022〕8号 ", "琼质强省办〔2022〕8号"],
    // One parser for the build and the 404 page's lookup: full-width digits and brackets (NFKC),
    // spaces anywhere, and the key form of /wenhao/ addresses with any dash.
    ["国市监质发［２０２２］７６号", "国市监质发〔2022〕76号"],
    ["国 市 监 质 发 〔2022〕 76 号", "国市监质发〔2022〕76号"],
    ["国市监质发-2022-76", "国市监质发〔2022〕76号"],
    ["国市监质发－2022－76", "国市监质发〔2022〕76号"],
    ["国市监质发—2022—76", "国市监质发〔2022〕76号"],
    ["国市监质发_2022_76", "国市监质发〔2022〕76号"],
  ])("%s → %s", (typed, printed) => expect(canonicalDocNumber(typed)).toBe(printed));

  it("rejects what is not a document number", () => {
    expect(parseDocNumber("2022年9月")).toBeUndefined();
    expect(parseDocNumber("质量强国")).toBeUndefined();
    expect(parseDocNumber("国市监质发-2022")).toBeUndefined();
    expect(parseDocNumber("2022-76")).toBeUndefined();
  });

  it("finds bracketed numbers in running text only", () => {
    const text = "按照《通知》（国市监质发〔2022〕76号）要求，于9月3号开展";
    expect(findDocNumbers(text).map((d) => d.canonical)).toEqual(["国市监质发〔2022〕76号"]);
  });
});

describe("Chinese dates", () => {
  it.each([
    ["2019年8月22日", "2019-08-22"],
    ["2021年08月20日", "2021-08-20"],
    ["2019 年 9 月 1 日", "2019-09-01"],
    ["二〇一九年八月二十二日", "2019-08-22"],
    ["二〇二二年十二月三十一日", "2022-12-31"],
    ["2022年8月22日印发", "2022-08-22"],
  ])("%s → %s", (text, iso) => expect(parseChineseDate(text)).toBe(iso));

  it("rejects impossible dates", () => expect(parseChineseDate("2019年2月30日")).toBeUndefined());
  it("knows a date line", () => {
    expect(isDateLine("2019年8月22日")).toBe(true);
    expect(isDateLine("2019年8月22日印发")).toBe(false);
  });
  it("formats for display", () => expect(formatChineseDate("2019-08-02")).toBe("2019年8月2日"));
});

describe("official numbering", () => {
  it.each([
    ["一", 1],
    ["九", 9],
    ["十", 10],
    ["十三", 13],
    ["二十", 20],
    ["二十一", 21],
    ["九十九", 99],
  ])("%s = %i", (han, n) => expect(hanNumber(han)).toBe(n));
  it("reads each level", () => {
    expect(numberingOf("十一、国家卫生健康委开展")).toMatchObject({
      depth: 1,
      value: 11,
      rest: "国家卫生健康委开展",
    });
    expect(numberingOf("（三）加强监管执法")).toMatchObject({ depth: 2, value: 3 });
    expect(numberingOf("2. 共建中国质量")).toMatchObject({ depth: 3, value: 2 });
    expect(numberingOf("（12）其他")).toMatchObject({ depth: 4, value: 12 });
  });
  it("does not mistake a year or a decimal for numbering", () => {
    expect(numberingOf("2019 年全国")).toBeUndefined();
    expect(numberingOf("1.5倍")).toBeUndefined();
  });
});

describe("repairs change no letter or digit", () => {
  it("full-width punctuation inside Chinese text, ASCII elsewhere", () => {
    expect(fullWidthPunctuation("活动,召开座谈会")).toBe("活动，召开座谈会");
    expect(fullWidthPunctuation("(三) 强化质量监管")).toBe("（三） 强化质量监管");
    expect(fullWidthPunctuation("C:11 M:99")).toBe("C:11 M:99");
    expect(fullWidthPunctuation("https://www.samr.gov.cn/zlfzj/")).toBe("https://www.samr.gov.cn/zlfzj/");
  });
  it("stray spaces around numbers go, spaces between Chinese phrases stay", () => {
    const counts = { spaces: 0, punctuation: 0, radicals: 0 };
    expect(repairLine("开展 12315 等投诉", counts)).toBe("开展12315等投诉");
    expect(repairLine("共创中国质量 建设质量强国", counts)).toBe("共创中国质量 建设质量强国");
    expect(repairLine("\u3000\u3000（三） 强化质量监管,保障安全消费。", counts)).toBe(
      "（三）强化质量监管，保障安全消费。",
    );
  });
});

describe("MDX escaping and the fidelity comparison", () => {
  it("escapes what MDX would read as syntax", () => {
    expect(escapeMdx("a {b} <c> *d* _e_ [f]")).toBe("a \\{b\\} \\<c\\> \\*d\\* \\_e\\_ \\[f\\]");
    expect(escapeMdx("1. 开头")).toBe("1\\. 开头");
    expect(escapeMdx("# 标题")).toBe("\\# 标题");
  });
  it("component tags are markup, escapes are undone", () => {
    const body = '<Attachment n="1">\n\n附件1 \\{x\\}\n\n</Attachment>';
    expect(significantChars(blocksToText(bodyBlocks(body)))).toBe("附件1x");
  });
  it("a lost character is found at its line", () => {
    const mismatch = compareFidelity("第一行\n第二行文字", [], bodyTree("第一行\n\n第二行文"));
    expect(mismatch).toMatchObject({ bodyLine: 3 });
  });
  it("punctuation and whitespace may differ", () => {
    expect(compareFidelity("活动,召开 12315", [], bodyTree("活动，召开12315"))).toBeUndefined();
  });
  it("counts what a reader gets: text hidden in markup is not the source's text", () => {
    // A comment hides 不 from readers: "must not force" would read "may force".
    expect(compareFidelity("不得强制企业参与", [], bodyTree("{/*不*/}得强制企业参与"))).toMatchObject({
      received: expect.stringContaining("⟨得强制") as unknown,
    });
    // A link target is no text either.
    expect(compareFidelity("严禁摊派", [], bodyTree("[](严)禁摊派"))).toBeDefined();
  });
});

describe("the base path", () => {
  it.each([
    [undefined, "/"],
    ["", "/"],
    ["/", "/"],
    ["zlyda", "/zlyda/"],
    ["/zlyda", "/zlyda/"],
    ["/zlyda/", "/zlyda/"],
    [" //a/b// ", "/a/b/"],
  ])("%j → %s", (given, expected) => {
    expect(normalizeBase(given)).toBe(expected);
  });
});
