/**
 * The pure parts of the open data (issue 5): the structure read from a rendered notice body
 * (src/text/structured-text.ts) with its anchors, its plain-text and Markdown renderings, CSV
 * quoting (src/outputs/open-data/csv.ts), and the published JSON Schema generated from the zod schemas.
 */
import { describe, expect, test } from "vitest";
import { csvField, toCsv } from "../../../src/outputs/open-data/csv.ts";
import {
  StructureError,
  blockAnchors,
  blocksToMarkdown,
  blocksToText,
  escapeMarkdown,
  structureNoticeHtml,
} from "../../../src/text/structured-text.ts";
import { NoticeDocumentSchema, publishedJsonSchema } from "../../../src/schemas/api.ts";

/** A body as the site renders it: anchors from rehype-official-anchors, copy-link controls. */
const copy = (id: string) =>
  `<a class="copy-link" href="#${id}" aria-label="复制链接" data-pagefind-ignore><svg aria-hidden="true"><path d="M0"></path></svg></a>`;
const HTML = [
  `<div id="masthead" class="doc-part doc-masthead"><p id="masthead-p1">国家市场监督管理总局${copy("masthead-p1")}</p></div>`,
  `<h1 id="title">关于开展2019年全国“质量月”活动的通知${copy("title")}</h1>`,
  `<p id="p1">现就有关事项通知如下：</p>`,
  `<h2 id="s1">一、指导思想${copy("s1")}</h2>`,
  `<p id="s1-p1">以习近平新时代中国特色社会主义思想为指导。</p>`,
  `<h2 id="s3">三、活动内容</h2>`,
  `<h3 id="s3-1">（一）落实决策部署。</h3>`,
  `<p id="s3-1-p1">召开座谈会。</p>`,
  `<h2 id="s4">四、活动要求</h2>`,
  `<div id="signature" class="doc-part doc-signature"><p id="signature-p1">市场监管总局</p><p id="signature-p2">中央宣传部</p></div>`,
  `<section id="a2" class="doc-part doc-attachment" data-attachment="2"><p id="a2-label">附件2</p>`,
  `<h2 id="a2-title">活动口号</h2>`,
  `<ol class="literal-numbers"><li id="a2-i1"><span class="list-number">1.</span>中国质量 共创共享</li>`,
  `<li id="a2-i2"><span class="list-number">2.</span>共建中国质量 共享质量成果${copy("a2-i2")}</li></ol></section>`,
].join("\n");

describe("structureNoticeHtml", () => {
  const blocks = structureNoticeHtml(HTML);

  test("nests sections by the document's numbering and keeps parts and attachments apart", () => {
    expect(blocks.map((b) => b.type)).toEqual([
      "part",
      "title",
      "paragraph",
      "section",
      "section",
      "section",
      "part",
      "attachment",
    ]);
    const s3 = blocks[4]!;
    expect(s3).toMatchObject({ type: "section", anchor: "s3", depth: 1, heading: "三、活动内容" });
    expect(s3.type === "section" && s3.content[0]).toMatchObject({
      type: "section",
      anchor: "s3-1",
      depth: 2,
      content: [{ type: "paragraph", anchor: "s3-1-p1", text: "召开座谈会。" }],
    });
    expect(blocks[6]).toMatchObject({ type: "part", part: "signature", anchor: "signature" });
    expect(blocks[7]).toMatchObject({
      type: "attachment",
      n: 2,
      anchor: "a2",
      label: { anchor: "a2-label", text: "附件2" },
      title: { anchor: "a2-title", text: "活动口号" },
      content: [
        {
          type: "list",
          ordered: true,
          items: [
            { anchor: "a2-i1", number: "1.", text: "中国质量 共创共享" },
            { anchor: "a2-i2", number: "2.", text: "共建中国质量 共享质量成果" },
          ],
        },
      ],
    });
  });

  test("leaves the copy-link controls out of the text", () => {
    expect(JSON.stringify(blocks)).not.toContain("复制链接");
    expect(blocks[1]).toEqual({
      type: "title",
      anchor: "title",
      text: "关于开展2019年全国“质量月”活动的通知",
    });
  });

  test("lists every anchor in document order", () => {
    expect(blockAnchors(blocks)).toEqual([
      "masthead",
      "masthead-p1",
      "title",
      "p1",
      "s1",
      "s1-p1",
      "s3",
      "s3-1",
      "s3-1-p1",
      "s4",
      "signature",
      "signature-p1",
      "signature-p2",
      "a2",
      "a2-label",
      "a2-title",
      "a2-i1",
      "a2-i2",
    ]);
  });

  test("refuses a paragraph without an anchor (a published anchor must never be missing)", () => {
    expect(() => structureNoticeHtml("<p>没有锚点</p>")).toThrow(StructureError);
  });

  test("plain text: one block per paragraph, part lines and list items kept together", () => {
    expect(blocksToText(blocks)).toBe(
      [
        "国家市场监督管理总局",
        "关于开展2019年全国“质量月”活动的通知",
        "现就有关事项通知如下：",
        "一、指导思想",
        "以习近平新时代中国特色社会主义思想为指导。",
        "三、活动内容",
        "（一）落实决策部署。",
        "召开座谈会。",
        "四、活动要求",
        "市场监管总局\n中央宣传部",
        "附件2\n活动口号",
        "1.中国质量 共创共享\n2.共建中国质量 共享质量成果",
      ].join("\n\n") + "\n",
    );
  });

  test("Markdown: headings at the numbering's levels, lists with their numbers, no components", () => {
    const md = blocksToMarkdown(blocks);
    expect(md).toContain("# 关于开展2019年全国“质量月”活动的通知\n");
    expect(md).toContain("\n## 一、指导思想\n");
    expect(md).toContain("\n### （一）落实决策部署。\n");
    expect(md).toContain("市场监管总局  \n中央宣传部");
    expect(md).toContain("附件2\n\n## 活动口号\n\n1. 中国质量 共创共享\n2. 共建中国质量 共享质量成果\n");
    expect(md).not.toMatch(/<[A-Z]/);
  });

  test("Markdown escapes what would read as syntax", () => {
    expect(escapeMarkdown("2. 2022年全国“质量月”")).toBe("2\\. 2022年全国“质量月”");
    expect(escapeMarkdown("# 不是标题")).toBe("\\# 不是标题");
    expect(escapeMarkdown("a*b_c<d>")).toBe("a\\*b\\_c\\<d\\>");
  });
});

describe("CSV", () => {
  test("RFC 4180 quoting: commas, quotes and line breaks", () => {
    expect(csvField("质量月")).toBe("质量月");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField("一\n二")).toBe('"一\n二"');
    expect(csvField(undefined)).toBe("");
  });

  test("a BOM first, CRLF line ends", () => {
    expect(toCsv(["year", "theme"], [[2019, "共创中国质量 建设质量强国"]])).toBe(
      "\uFEFFyear,theme\r\n2019,共创中国质量 建设质量强国\r\n",
    );
  });
});

describe("published JSON Schema", () => {
  const schema = publishedJsonSchema(NoticeDocumentSchema, {
    id: "https://example.gov.cn/api/schema/notice.schema.json",
    title: "t",
    description: "d",
  }) as {
    $schema: string;
    $id: string;
    properties: Record<string, unknown>;
    $defs?: Record<string, unknown>;
  };

  test("is draft 2020-12 with its $id, generated from the zod schema", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe("https://example.gov.cn/api/schema/notice.schema.json");
    expect(Object.keys(schema.properties)).toEqual(["$schema", "disclaimer", "notice", "body"]);
  });

  test("dates are date strings and fields carry their descriptions", () => {
    const text = JSON.stringify(schema);
    expect(text).toContain(
      '"signedDate":{"description":"成文日期 (YYYY-MM-DD).","type":"string","format":"date"',
    );
    expect(text).toContain("发文字号 with 〔〕 brackets");
  });
});
