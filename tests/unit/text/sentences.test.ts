/**
 * The sentence splitter (src/text/sentences.ts): cuts after 。！？； with their closing marks and
 * at line breaks, never loses a character, keeps headings whole, and gives every sentence its
 * block's anchor and its place in the block. Fixtures are invented wording in the real layout.
 */
import { describe, expect, it } from "vitest";
import type { Block } from "../../../src/schemas/api.ts";
import { blockSentences, splitSentences } from "../../../src/text/sentences.ts";

describe("splitSentences", () => {
  it("cuts after each run of terminators, closing marks staying with their sentence", () => {
    expect(splitSentences("加强组织领导。强化统筹协调；创新活动形式！务求实效？")).toEqual([
      "加强组织领导。",
      "强化统筹协调；",
      "创新活动形式！",
      "务求实效？",
    ]);
    expect(splitSentences("树立“质量第一。”的意识。他说：“办好实事！”随后散会。")).toEqual([
      "树立“质量第一。”",
      "的意识。",
      "他说：“办好实事！”",
      "随后散会。",
    ]);
    expect(splitSentences("报送省质量办（省市场监管局）。联系人：某某；电话：0000")).toEqual([
      "报送省质量办（省市场监管局）。",
      "联系人：某某；",
      "电话：0000",
    ]);
  });

  it("cuts at line breaks and keeps every character", () => {
    const text = "第一行文字\n第二行。第三句……。）\n——\n末行";
    const pieces = splitSentences(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces.map((p) => p.trim())).toEqual(["第一行文字", "第二行。", "第三句……。）\n——", "末行"]);
  });

  it("joins pieces without letters or digits to the sentence before (or after, at the start)", () => {
    expect(splitSentences("。；开展活动。")).toEqual(["。；开展活动。"]);
    expect(splitSentences("开展活动。。")).toEqual(["开展活动。。"]);
    expect(splitSentences("——")).toEqual(["——"]);
    expect(splitSentences("")).toEqual([]);
  });

  it("reads ASCII terminators as well (text pasted from elsewhere)", () => {
    expect(splitSentences("一句话;另一句话!")).toEqual(["一句话;", "另一句话!"]);
  });
});

describe("blockSentences", () => {
  const blocks: Block[] = [
    { type: "title", anchor: "title", text: "关于开展某年“质量月”活动的通知" },
    {
      type: "part",
      part: "recipients",
      anchor: "recipients",
      content: [{ type: "paragraph", anchor: "recipients-p1", text: "各有关单位：" }],
    },
    { type: "paragraph", anchor: "p1", text: "为推进工作，决定开展活动。现将有关事项通知如下：" },
    {
      type: "section",
      anchor: "s1",
      depth: 1,
      heading: "一、活动主题。副题。",
      content: [
        { type: "paragraph", anchor: "s1-p1", text: "（一）高度重视。各地要认真组织；务求实效。" },
        {
          type: "list",
          ordered: true,
          items: [
            { anchor: "s1-i1", number: "1.", text: "口号甲 口号乙" },
            { anchor: "s1-i2", number: "2.", text: "第一句。第二句。" },
          ],
        },
      ],
    },
    {
      type: "attachment",
      n: 2,
      anchor: "a2",
      label: { anchor: "a2-label", text: "附件2" },
      title: { anchor: "a2-title", text: "某年活动口号" },
      content: [{ type: "paragraph", anchor: "a2-p1", text: "口号一。" }],
    },
    {
      type: "part",
      part: "signature",
      anchor: "signature",
      content: [{ type: "paragraph", anchor: "signature-p1", text: "甲部门 乙部门\n丙部门" }],
    },
  ];

  it("gives each sentence its block's anchor, its place in the block, its kind and part", () => {
    const found = blockSentences(blocks).map((s) => [s.anchor, s.n, s.kind, s.text, s.part, s.attachment]);
    expect(found).toEqual([
      ["title", 1, "title", "关于开展某年“质量月”活动的通知", undefined, undefined],
      ["recipients-p1", 1, "sentence", "各有关单位：", "recipients", undefined],
      ["p1", 1, "sentence", "为推进工作，决定开展活动。", undefined, undefined],
      ["p1", 2, "sentence", "现将有关事项通知如下：", undefined, undefined],
      ["s1", 1, "heading", "一、活动主题。副题。", undefined, undefined],
      ["s1-p1", 1, "sentence", "（一）高度重视。", undefined, undefined],
      ["s1-p1", 2, "sentence", "各地要认真组织；", undefined, undefined],
      ["s1-p1", 3, "sentence", "务求实效。", undefined, undefined],
      ["s1-i1", 1, "item", "口号甲 口号乙", undefined, undefined],
      ["s1-i2", 1, "item", "第一句。", undefined, undefined],
      ["s1-i2", 2, "item", "第二句。", undefined, undefined],
      ["a2-label", 1, "label", "附件2", undefined, 2],
      ["a2-title", 1, "heading", "某年活动口号", undefined, 2],
      ["a2-p1", 1, "sentence", "口号一。", undefined, 2],
      ["signature-p1", 1, "sentence", "甲部门 乙部门", "signature", undefined],
      ["signature-p1", 2, "sentence", "丙部门", "signature", undefined],
    ]);
  });
});
