/**
 * Reading a query (src/search/query.ts): spaces mean AND, `|`, `｜` and a standalone 或 mean OR,
 * a leading `-` excludes; each word normalised as ever.
 */
import { describe, expect, test } from "vitest";
import {
  describeQuery,
  onlyNegative,
  parseQuery,
  positiveWords,
  queryLookups,
  satisfies,
} from "../../../src/search/query.ts";

const terms = (q: string) =>
  parseQuery(
    q,
    new Map([
      ["質", "质"],
      ["號", "号"],
    ]),
  ).terms.map((t) => `${t.negated ? "-" : ""}${t.words.join("|")}`);

describe("parseQuery", () => {
  test.each([
    ["质量 强国", ["质量", "强国"]],
    ["质量\u3000强国", ["质量", "强国"]],
    ["数字 | 绿色", ["数字|绿色"]],
    ["数字|绿色", ["数字|绿色"]],
    ["数字｜绿色", ["数字|绿色"]],
    ["数字 或 绿色", ["数字|绿色"]],
    ["数字| 绿色", ["数字|绿色"]],
    ["数字 |绿色", ["数字|绿色"]],
    ["质量 数字 | 绿色", ["质量", "数字|绿色"]],
    ["数字 | 绿色 | 低碳", ["数字|绿色|低碳"]],
    ["质量 -强国", ["质量", "-强国"]],
    ["质量 －强国", ["质量", "-强国"]],
    ["-数字|绿色", ["-数字|绿色"]],
    // 或 inside a word, or with nothing on one side, is the character.
    ["或者", ["或者"]],
    ["或", ["或"]],
    ["质量 或", ["质量", "或"]],
    // Punctuation and document numbers as ever; a hyphen inside a word is punctuation.
    ["国市监质发[2022]76号", ["国市监质发202276号"]],
    // A document number in any spelling is read as printed: the key form, a zero-padded serial.
    ["国市监质发-2022-76", ["国市监质发202276号"]],
    ["国市监质发〔2022〕076号", ["国市监质发202276号"]],
    ["國市監質發(2022)076號", ["國市監质發202276号"]],
    ["-国市监质发-2022-7", ["-国市监质发20227号"]],
    ["質量 质量", ["质量"]],
    ["。，、 | -", []],
    ["   ", []],
  ])("%s", (q, expected) => {
    expect(terms(q)).toEqual(expected);
  });

  test("words to look up, words to mark, excluding only", () => {
    const q = parseQuery("质量 数字|绿色 -标准");
    expect(queryLookups(q)).toEqual(["质量", "数字", "绿色", "标准"]);
    expect(positiveWords(q)).toEqual(["质量", "数字", "绿色"]);
    expect(onlyNegative(q)).toBe(false);
    expect(onlyNegative(parseQuery("-标准 -计量"))).toBe(true);
  });
});

describe("satisfies", () => {
  const text = "推动数字化转型，促进质量强国建设";
  const holds = (q: string) => satisfies(parseQuery(q), (w) => text.includes(w));
  test.each([
    ["数字 质量", true],
    ["数字 绿色", false],
    ["绿色 | 数字", true],
    ["绿色 | 低碳", false],
    ["质量 -绿色", true],
    ["质量 -数字", false],
    ["-绿色", true],
    ["-绿色|数字", false],
    ["", false],
  ])("%s → %s", (q, expected) => {
    expect(holds(q)).toBe(expected);
  });
});

test("describeQuery: what “共N个年份的主题…” says", () => {
  expect(describeQuery(parseQuery("数字 | 绿色"))).toBe("含“数字”或“绿色”");
  expect(describeQuery(parseQuery("质量 数字|绿色 -标准 -计量"))).toBe(
    "含“质量”，且含“数字”或“绿色”，不含“标准”、“计量”",
  );
  expect(describeQuery(parseQuery("-质量"))).toBe("不含“质量”");
});
