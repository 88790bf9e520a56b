/**
 * Sentence lineage (src/lineage/): the near-pair join against brute force on random keys (it
 * must find exactly the pairs at or above the threshold), and the lineage of invented notices
 * in the real layout: carried, rewritten and new sentences, first appearance, closest source,
 * matches, and the parts that do not count.
 */
import { describe, expect, it } from "vitest";
import {
  buildLineage,
  lineageOrder,
  nearLinks,
  noticeLineage,
  summarize,
  type LineageNotice,
} from "../../../src/lineage/lineage.ts";
import {
  NEAR_THRESHOLD,
  keyTokens,
  sentenceKey,
  sentenceSimilarity,
  sharedTokens,
} from "../../../src/lineage/similarity.ts";
import type { Block } from "../../../src/schemas/api.ts";
import { blockSentences } from "../../../src/text/sentences.ts";
import { bigramDice as bruteDice } from "../helpers/dice.ts";
import { rng } from "../helpers/rng.ts";

describe("similarity", () => {
  it("ignores numbering, punctuation and spacing for sameness", () => {
    expect(sentenceKey("二、活动主题")).toBe(sentenceKey("活动主题"));
    expect(sentenceKey("（三）完善“双随机、一公开”监管。")).toBe(sentenceKey("完善双随机 一公开监管"));
    expect(sentenceSimilarity("二、活动主题", "活动主题")).toBe(1);
  });

  it("is the Dice coefficient of character bigrams, repeats counted", () => {
    for (const [a, b] of [
      ["质量强国建设", "质量强省建设"],
      ["质量质量质量", "质量质量"],
      ["甲", "甲乙"],
    ] as const)
      expect(sentenceSimilarity(a, b)).toBeCloseTo(bruteDice(a, b), 12);
  });

  it("puts rewordings above the threshold and different sentences below it", () => {
    // Pairs of invented sentences in the notices' manner, judged by hand.
    const reworded = [
      ["坚持自愿参加的原则，不得强制企业参与活动。", "坚持自愿参加的原则，严禁强制企业参与活动。"],
      ["2030年全国“质量月”活动口号", "2031年全国“质量月”活动口号"],
    ];
    const different = [
      ["开展特种设备质量提升行动。", "推动开展油品质量提升活动。"],
      ["举行质量提升行动新闻发布会。", "深入实施质量提升行动 大力推进质量强国建设"],
    ];
    for (const [a, b] of reworded) expect(sentenceSimilarity(a!, b!)).toBeGreaterThanOrEqual(NEAR_THRESHOLD);
    for (const [a, b] of different) expect(sentenceSimilarity(a!, b!)).toBeLessThan(NEAR_THRESHOLD);
  });
});

describe("sharedTokens with a floor", () => {
  it("is exact whenever the count reaches the floor, and below the floor otherwise", () => {
    const random = rng(11);
    const list = () =>
      Array.from({ length: Math.floor(random() * 30) }, () => Math.floor(random() * 40)).sort(
        (a, b) => a - b,
      );
    for (let round = 0; round < 2000; round++) {
      const [x, y] = [list(), list()];
      // Counted by hand: each value shared as often as the rarer list holds it.
      let exact = 0;
      for (const v of new Set(x))
        exact += Math.min(x.filter((a) => a === v).length, y.filter((b) => b === v).length);
      const floor = Math.floor(random() * 20);
      const answer = sharedTokens(x, y, floor);
      if (exact >= floor) expect(answer).toBe(exact);
      else expect(answer).toBeLessThan(floor);
    }
  });
});

describe("nearLinks", () => {
  it("unbounded, finds exactly the pairs at or above the threshold (random keys against all pairs)", () => {
    const random = rng(7);
    const alphabet = Array.from("质量强国建设提升行动开展活动");
    const base = Array.from({ length: 40 }, () =>
      Array.from(
        { length: 3 + Math.floor(random() * 20) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join(""),
    );
    // Variants: one to three characters changed, so that many pairs sit near the threshold.
    const keys = [
      ...new Set([
        ...base,
        ...base.flatMap((k) =>
          Array.from({ length: 3 }, () => {
            const c = Array.from(k);
            for (let n = 1 + Math.floor(random() * 3); n > 0; n--)
              c[Math.floor(random() * c.length)] = alphabet[Math.floor(random() * alphabet.length)]!;
            return c.join("");
          }),
        ),
      ]),
    ];
    const { earlier, later } = nearLinks(keys, { postingLimit: Infinity, nearLimit: Infinity });
    const found = new Set<string>();
    for (const [x, list] of earlier.entries())
      for (const { key: y } of list) {
        expect(y).toBeLessThan(x);
        found.add(`${x}/${y}`).add(`${y}/${x}`);
        expect(later[y]!.some((l) => l.key === x)).toBe(true);
      }
    let expected = 0;
    for (let x = 0; x < keys.length; x++)
      for (let y = 0; y < keys.length; y++) {
        if (x === y) continue;
        const near = bruteDice(keys[x]!, keys[y]!) >= NEAR_THRESHOLD;
        if (near) expected++;
        expect(found.has(`${x}/${y}`), `${keys[x]} ~ ${keys[y]}`).toBe(near);
      }
    expect(expected).toBeGreaterThan(50);
    expect(keyTokens("甲")).toHaveLength(1);
  });

  it("bounded, still links every member of a large family of rewordings to the original", () => {
    const random = rng(11);
    const original = "深入开展质量提升行动推动产业链供应链提质增效加强全面质量管理";
    const chars = Array.from("强化推进落实健全完善组织开展");
    const family = new Set<string>([original]);
    while (family.size < 400) {
      const c = Array.from(original);
      c[Math.floor(random() * c.length)] = chars[Math.floor(random() * chars.length)]!;
      family.add(c.join(""));
    }
    const keys = [...family];
    const { earlier, later } = nearLinks(keys);
    for (let x = 1; x < keys.length; x++)
      expect(
        earlier[x]!.some((l) => l.key === 0),
        keys[x],
      ).toBe(true);
    // Each key keeps a bounded number of links, however large the family.
    expect(Math.max(...earlier.map((l) => l.length), ...later.map((l) => l.length))).toBeLessThanOrEqual(12);
  });
});

/** A notice of invented wording: a title, 主送, a preamble, one section, a signature. */
function notice(
  id: string,
  level: LineageNotice["level"],
  paragraphs: string[],
  extra: Partial<LineageNotice> = {},
): LineageNotice {
  const year = Number(id.slice(0, 4));
  const blocks: Block[] = [
    { type: "title", anchor: "title", text: `关于开展${year}年“质量月”活动的通知` },
    {
      type: "part",
      part: "recipients",
      anchor: "recipients",
      content: [{ type: "paragraph", anchor: "recipients-p1", text: "各有关单位：" }],
    },
    {
      type: "section",
      anchor: "s1",
      depth: 1,
      heading: "一、活动内容",
      content: paragraphs.map((text, k) => ({ type: "paragraph" as const, anchor: `s1-p${k + 1}`, text })),
    },
    {
      type: "part",
      part: "signature",
      anchor: "signature",
      content: [{ type: "paragraph", anchor: "signature-p1", text: "甲部门 乙部门" }],
    },
  ];
  return { id, year, level, sentences: blockSentences(blocks), ...extra };
}

describe("buildLineage", () => {
  const notices = [
    notice("2031-quanguo", "national", ["深入开展质量提升行动，推动经济高质量发展。新写一句只此一家。"]),
    notice("2030-quanguo", "national", [
      "深入开展质量提升行动，推动经济高质量发展。持续推进质量基础设施建设。",
    ]),
    notice("2031-jiashi", "provincial", [
      "深入开展质量提升行动，推动经济高质量发展。持续推进质量基础设施一站式服务建设。本省独有的一项安排。",
    ]),
  ];
  const index = buildLineage(notices);

  it("orders notices by year, then level, then date", () => {
    expect(index.order).toEqual(["2030-quanguo", "2031-quanguo", "2031-jiashi"]);
    const [a, b] = lineageOrder([
      { id: "2031-b", year: 2031, level: "provincial" as const, date: "2031-08-01" },
      { id: "2031-a", year: 2031, level: "provincial" as const },
    ]);
    expect([a!.id, b!.id]).toEqual(["2031-b", "2031-a"]);
  });

  it("classifies each sentence of the provincial notice and links its sources", () => {
    const lineage = noticeLineage(index, "2031-jiashi");
    const byText = Object.fromEntries(lineage.map((s) => [s.sentence.text, s]));
    // The title differs only in its year from the national one of the same year: rewritten.
    expect(lineage.map((s) => [s.sentence.text, s.origin])).toEqual([
      ["关于开展2031年“质量月”活动的通知", "carried"],
      ["各有关单位：", "carried"],
      ["一、活动内容", "carried"],
      ["深入开展质量提升行动，推动经济高质量发展。", "carried"],
      ["持续推进质量基础设施一站式服务建设。", "rewritten"],
      ["本省独有的一项安排。", "new"],
    ]);
    const carried = byText["深入开展质量提升行动，推动经济高质量发展。"]!;
    expect(carried.first).toEqual({ notice: "2030-quanguo", anchor: "s1-p1", n: 1, similarity: 1 });
    expect(carried.source).toEqual({ notice: "2031-quanguo", anchor: "s1-p1", n: 1, similarity: 1 });
    // Both holders are its first appearance and its source, given apart from the other matches.
    expect(carried.matches).toEqual([]);
    expect(carried.sameCount).toBe(2);
    const rewritten = byText["持续推进质量基础设施一站式服务建设。"]!;
    expect(rewritten.source).toMatchObject({ notice: "2030-quanguo", anchor: "s1-p1", n: 2 });
    expect(rewritten.source!.similarity).toBeCloseTo(
      bruteDice(
        sentenceKey("持续推进质量基础设施一站式服务建设。"),
        sentenceKey("持续推进质量基础设施建设。"),
      ),
      12,
    );
    expect(byText["本省独有的一项安排。"]!.matches).toEqual([]);
  });

  it("leaves the signature out and summarises by first appearance", () => {
    const lineage = noticeLineage(index, "2031-quanguo");
    expect(lineage.some((s) => s.sentence.part === "signature")).toBe(false);
    // The 2030 title differs by one digit: 关于开展2031年… is rewritten, not carried.
    expect(lineage.find((s) => s.sentence.kind === "title")!.origin).toBe("rewritten");
    expect(summarize(index, lineage)).toEqual({
      total: 5,
      carried: 3,
      rewritten: 1,
      new: 1,
      carriedFrom: [{ notice: "2030-quanguo", count: 3 }],
      // The title, 各有关单位：, 一、活动内容 and the shared sentence: 2031-jiashi prints them again.
      reusedLater: 4,
    });
    // The earliest notice: everything is new, and later reuse shows in its matches.
    const first = noticeLineage(index, "2030-quanguo");
    expect(first.every((s) => s.origin === "new")).toBe(true);
    expect(
      first.find((s) => s.sentence.anchor === "s1-p1" && s.sentence.n === 1)!.matches.map((m) => m.notice),
    ).toEqual(["2031-quanguo", "2031-jiashi"]);
  });
});
