/**
 * The pure parts of the open data (issue 5): the text model read from a notice body
 * (src/text/blocks.ts) with its anchors, its plain-text and Markdown renderings, CSV quoting
 * (src/outputs/open-data/csv.ts), and the published JSON Schema generated from the zod schemas.
 */
/**
 * The pure parts of the open data (issue 5): the structure read from a rendered notice body
 * (src/text/structured-text.ts) with its anchors, its plain-text and Markdown renderings, CSV
 * quoting (src/outputs/open-data/csv.ts), and the published JSON Schema generated from the zod schemas.
 */
import type { Root } from "hast";
import { describe, expect, test } from "vitest";
import { resolve } from "node:path";
import { readHeldDocNumbers } from "../../../src/archive/files.ts";
import { mdxProcessor, pagePlugins } from "../../../src/document/pipeline.ts";
import { csvField, toCsv } from "../../../src/outputs/open-data/csv.ts";
import { NoticeDocumentSchema, publishedJsonSchema } from "../../../src/schemas/api.ts";
import { StructureError, blocksFromTree } from "../../../src/text/blocks.ts";
import { blocksToMarkdown, escapeMarkdown } from "../../../src/text/markdown.ts";
import { bodyBlocks } from "../../../src/text/notice-text.ts";
import { blocksToText } from "../../../src/text/plain-text.ts";
import { blockAnchors } from "../../../src/text/walk.ts";

/** A notice body as the importer writes it. */
const BODY = [
  "<Masthead>",
  "国家市场监督管理总局",
  "</Masthead>",
  "# 关于开展2019年全国“质量月”活动的通知",
  "现就有关事项通知如下：",
  "## 一、指导思想",
  "以习近平新时代中国特色社会主义思想为指导。",
  "## 三、活动内容",
  "### （一）落实决策部署。",
  "召开座谈会。",
  "## 四、活动要求",
  "<Signature>",
  "市场监管总局",
  "中央宣传部",
  "</Signature>",
  '<Attachment n="2">',
  "附件2",
  "## 活动口号",
  "1. 中国质量 共创共享\n2. 共建中国质量 共享质量成果",
  "</Attachment>",
].join("\n\n");

describe("the text model of a notice body", () => {
  const blocks = bodyBlocks(BODY);

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

  test("is the page's structure: the page's decorations (copy links, links) add nothing", async () => {
    const page = mdxProcessor(pagePlugins("/", readHeldDocNumbers(resolve(import.meta.dirname, "../../.."))));
    const tree = await page.run(page.parse(BODY));
    expect(JSON.stringify(tree)).toContain("复制链接");
    expect(blocksFromTree(tree)).toEqual(blocks);
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
    const tree: Root = {
      type: "root",
      children: [
        { type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: "没有锚点" }] },
      ],
    };
    expect(() => blocksFromTree(tree)).toThrow(StructureError);
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

  test("a text a spreadsheet would run as a formula is written as text", () => {
    for (const formula of ["=1+1", "+86", "-2", "@SUM(A1)", "\t=1"])
      expect(csvField(formula), formula).toBe(`'${formula}`);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    // Numbers stay numbers, and text with such a character later is left alone.
    expect(csvField(-2)).toBe("-2");
    expect(csvField("质量-强国")).toBe("质量-强国");
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
