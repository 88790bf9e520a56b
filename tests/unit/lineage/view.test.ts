/**
 * The notice page's lineage summary line and 沿用标注 view (src/lineage/view.ts) on invented
 * notices: the line's wording, every character of the text kept and escaped, each sentence
 * marked with its origin and linked to the earlier sentence's anchor.
 */
import { describe, expect, it } from "vitest";
import { buildLineage, noticeLineage, summarize, type LineageNotice } from "../../../src/lineage/lineage.ts";
import { carriedFromLine, renderLineageView, summaryLine } from "../../../src/lineage/view.ts";
import type { Block } from "../../../src/schemas/api.ts";
import { blockSentences } from "../../../src/text/sentences.ts";

const body = (paragraph: string): Block[] => [
  {
    type: "section",
    anchor: "s1",
    depth: 1,
    heading: "一、活动内容",
    content: [{ type: "paragraph", anchor: "s1-p1", text: paragraph }],
  },
  {
    type: "part",
    part: "signature",
    anchor: "signature",
    content: [{ type: "paragraph", anchor: "signature-p1", text: "某部门" }],
  },
];
const blocks = {
  "2030-quanguo": body("开展质量提升行动。推动质量基础设施建设。"),
  "2031-quanguo": body("开展质量提升行动。推动质量基础设施一站式建设。写一句<新>的&话。"),
};
const notices: LineageNotice[] = Object.entries(blocks).map(([id, b]) => ({
  id,
  year: Number(id.slice(0, 4)),
  level: "national",
  sentences: blockSentences(b),
}));
const index = buildLineage(notices);
const labels = new Map([
  ["2030-quanguo", { label: "2030年全国", url: "/2030/quanguo/" }],
  ["2031-quanguo", { label: "2031年全国", url: "/2031/quanguo/" }],
]);
const labelOf = (id: string) => labels.get(id);

describe("summaryLine", () => {
  it("counts sentences by origin and carried ones by their first notice", () => {
    const lineage = noticeLineage(index, "2031-quanguo");
    expect(summaryLine(summarize(index, lineage), labelOf)).toBe(
      "本通知4句：沿用2句（最早见于2030年全国通知2句）、改写1句、新写1句",
    );
    const first = noticeLineage(index, "2030-quanguo");
    expect(summaryLine(summarize(index, first), labelOf)).toBe("本通知3句：沿用0句、改写0句、新写3句");
    expect(carriedFromLine(summarize(index, lineage), labelOf)).toBeUndefined();
  });

  it("names at most three first notices and counts the rest; the opened view names them all", () => {
    const summary = {
      total: 12,
      carried: 10,
      rewritten: 1,
      new: 1,
      reusedLater: 0,
      carriedFrom: ["2026-a", "2027-b", "2028-c", "2029-d", "2030-e"].map((notice, i) => ({
        notice,
        count: i + 1,
      })),
    };
    const label = (id: string) => ({ label: `${id.slice(0, 4)}年${id.slice(5)}`, url: "/" });
    expect(summaryLine(summary, label)).toBe(
      "本通知12句：沿用10句（最早见于2026年a通知1句、2027年b通知2句、2028年c通知3句等5件通知）、改写1句、新写1句",
    );
    expect(carriedFromLine(summary, label)).toBe(
      "沿用的10句最早见于：2026年a通知1句、2027年b通知2句、2028年c通知3句、2029年d通知4句、2030年e通知5句。",
    );
  });
});

describe("renderLineageView", () => {
  const html = renderLineageView(blocks["2031-quanguo"], noticeLineage(index, "2031-quanguo"), labelOf);

  it("marks each sentence and links the earlier one's anchor", () => {
    expect(html).toContain(
      '<span class="ln ln-carried">开展质量提升行动。</span><a class="ln-ref" href="/2030/quanguo/#s1-p1">沿用 2030年全国</a>',
    );
    expect(html).toMatch(
      /<span class="ln ln-rewritten">推动质量基础设施一站式建设。<\/span><a class="ln-ref" href="\/2030\/quanguo\/#s1-p1">改写 2030年全国 \d\d%<\/a>/,
    );
    expect(html).toContain(
      '<span class="ln ln-new">写一句&lt;新&gt;的&amp;话。</span><span class="ln-ref ln-ref--new">新写</span>',
    );
  });

  it("keeps every character of the running text and leaves the signature out", () => {
    const text = html
      .replace(/<a class="ln-ref"[^>]*>[^<]*<\/a>|<span class="ln-ref[^"]*">[^<]*<\/span>/g, "")
      .replace(/<[^>]+>/g, "");
    const decoded = text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    expect(decoded).toBe("一、活动内容\n开展质量提升行动。推动质量基础设施一站式建设。写一句<新>的&话。");
    expect(html).not.toContain("某部门");
  });
});
