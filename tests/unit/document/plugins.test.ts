/**
 * Plugins through a real unified MDX pipeline (remark-parse → remark-mdx → remark-rehype →
 * plugin), on fixture folders: input.mdx → expected.txt (anchors) or expected.html.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ElementContent, Root, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { toString } from "hast-util-to-string";
import { mdxProcessor } from "../../../src/document/pipeline.ts";
import { describe, expect, it } from "vitest";
import rehypeLiteralListNumbers from "../../../src/document/plugins/rehype-literal-list-numbers.ts";
import rehypeOfficialAnchors from "../../../src/document/plugins/rehype-official-anchors.ts";

const fixtures = resolve(import.meta.dirname, "../../fixtures/plugins");
async function toHast(input: string, plugin: () => (tree: Root) => void): Promise<Root> {
  const processor = mdxProcessor([plugin]);
  return await processor.run(processor.parse(input));
}

/** One line per anchored node: `tag#id text`, or `Component#id` for document parts. */
function anchors(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: RootContent | ElementContent) => {
    const jsx = node as unknown as {
      type: string;
      name?: string;
      attributes?: { name: string; value: string }[];
      children?: (RootContent | ElementContent)[];
    };
    if (jsx.type === "mdxJsxFlowElement") {
      const id = jsx.attributes?.find((a) => a.name === "id")?.value;
      out.push(`${jsx.name}#${id}`);
      jsx.children?.forEach(walk);
      return;
    }
    if (node.type !== "element") return;
    const id = node.properties?.id;
    if (id) out.push(`${node.tagName}#${id} ${toString(node).trim()}`);
    node.children.forEach(walk);
  };
  tree.children.forEach(walk);
  return out;
}

describe("rehype-official-anchors", () => {
  const dir = join(fixtures, "rehype-official-anchors");
  for (const name of readdirSync(dir)) {
    it(name, async () => {
      const tree = await toHast(readFileSync(join(dir, name, "input.mdx"), "utf8"), rehypeOfficialAnchors);
      expect(anchors(tree)).toEqual(
        readFileSync(join(dir, name, "expected.txt"), "utf8")
          .trim()
          .split("\n"),
      );
    });
  }

  it("anchors do not move when a typo is fixed or a sentence is reworded", async () => {
    const input = readFileSync(join(dir, "body-numbering", "input.mdx"), "utf8");
    const fixed = input
      .replace(
        "以习近平新时代中国特色社会主义思想为指导。",
        "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。",
      )
      .replace("开展质量主题宣传", "开展质量主题宣传教育");
    expect(fixed).not.toBe(input);
    const ids = (tree: Root) => anchors(tree).map((l) => l.split(" ")[0]);
    expect(ids(await toHast(fixed, rehypeOfficialAnchors))).toEqual(
      ids(await toHast(input, rehypeOfficialAnchors)),
    );
  });
});

describe("rehype-literal-list-numbers", () => {
  const dir = join(fixtures, "rehype-literal-list-numbers");
  for (const name of readdirSync(dir)) {
    const expected = join(dir, name, "expected.html");
    if (!existsSync(expected)) continue;
    it(name, async () => {
      const tree = await toHast(readFileSync(join(dir, name, "input.mdx"), "utf8"), rehypeLiteralListNumbers);
      expect(toHtml(tree).trim()).toBe(readFileSync(expected, "utf8").trim());
    });
  }
});
