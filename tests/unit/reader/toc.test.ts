/**
 * The 目录 (src/reader/toc.ts) of every held notice, from its text model: every top-level
 * section and every attachment, in order, with their anchors, each with its next level; and the
 * compact summary of that level, from the document's own numbering.
 */
import { describe, expect, test } from "vitest";
import { childrenSummary, tableOfContents } from "../../../src/reader/toc.ts";
import { bodyBlocks } from "../../../src/text/notice-text.ts";
import { loadNotices } from "../helpers/notices.ts";

const notices = loadNotices();

describe.each(notices)("$id", (notice) => {
  const toc = tableOfContents(notice.blocks);

  test("every 一、 of the body and every attachment, in the document's order", () => {
    // Counted from the MDX itself: `## ` headings before the first attachment, and <Attachment n=…>.
    const body = notice.body.split(/^<Attachment\b/m)[0]!;
    const sections = [...body.matchAll(/^## (.+)$/gm)].length;
    const attachments = [...notice.body.matchAll(/^<Attachment\s+n="(\d+)"/gm)].map((m) => `a${m[1]}`);
    expect(toc.filter((e) => /^s\d+$/.test(e.anchor))).toHaveLength(sections);
    expect(toc.filter((e) => /^a\d+$/.test(e.anchor)).map((e) => e.anchor)).toEqual(attachments);
    expect(toc.map((e) => e.anchor)).toEqual(
      [...toc.map((e) => e.anchor)].sort((a, b) => {
        const rank = (x: string) => (x.startsWith("a") ? 1000 : 0) + Number(/\d+/.exec(x)![0]);
        return rank(a) - rank(b);
      }),
    );
  });

  test("the next level lies under its parent", () => {
    for (const entry of toc)
      for (const child of entry.children) expect(child.anchor.startsWith(`${entry.anchor}-`)).toBe(true);
  });
});

describe("the summary of an entry's next level", () => {
  test("（一）至（六） from the printed numbers; a count when they are not numbered", () => {
    const blocks = bodyBlocks(
      [
        "## 二、活动重点",
        "### （一）第一项。",
        "正文。",
        "### （二）第二项。",
        "正文。",
        "### （三）第三项。",
        "正文。",
        "## 三、活动要求",
        "### （一）唯一一项。",
        "正文。",
      ].join("\n\n"),
    );
    const toc = tableOfContents(blocks);
    expect(toc.map((e) => e.label)).toEqual(["二、活动重点", "三、活动要求"]);
    expect(childrenSummary(toc[0]!)).toBe("（一）至（三）");
    expect(childrenSummary(toc[1]!)).toBe("（一）");
    expect(childrenSummary({ anchor: "s9", label: "九、", children: [] })).toBe("");
    expect(
      childrenSummary({
        anchor: "s9",
        label: "活动内容",
        children: [
          { anchor: "s9-1", label: "甲", children: [] },
          { anchor: "s9-2", label: "乙", children: [] },
        ],
      }),
    ).toBe("2项");
  });
});
