/**
 * rehype-copy-link through the real unified MDX pipeline, after the plugins that run before it
 * in astro.config.mjs (anchors, literal list numbers), on fixture folders:
 * tests/fixtures/plugins/rehype-copy-link/<case>/input.mdx → expected.html. Document-part
 * components are printed as <x-Name> elements. The control must add no text to the document.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { toString } from "hast-util-to-string";
import { mdxProcessor } from "../../../src/document/pipeline.ts";
import { describe, expect, it } from "vitest";
import rehypeCopyLink from "../../../src/document/plugins/rehype-copy-link.ts";
import rehypeLiteralListNumbers from "../../../src/document/plugins/rehype-literal-list-numbers.ts";
import rehypeOfficialAnchors from "../../../src/document/plugins/rehype-official-anchors.ts";

const dir = resolve(import.meta.dirname, "../../fixtures/plugins/rehype-copy-link");
async function toHast(input: string, withCopyLinks: boolean): Promise<Root> {
  const processor = mdxProcessor([
    rehypeOfficialAnchors,
    rehypeLiteralListNumbers,
    ...(withCopyLinks ? [rehypeCopyLink] : []),
  ]);
  return await processor.run(processor.parse(input));
}

type AnyNode = Root | RootContent | ElementContent;

/** MDX JSX elements → <x-Name id=…> elements, so the tree prints as HTML. */
function printable(node: AnyNode): AnyNode {
  const jsx = node as unknown as {
    type: string;
    name?: string;
    attributes?: { name: string; value: string }[];
    children?: AnyNode[];
  };
  if (jsx.type === "mdxJsxFlowElement") {
    const properties = Object.fromEntries((jsx.attributes ?? []).map((a) => [a.name, a.value]));
    return {
      type: "element",
      tagName: `x-${jsx.name}`,
      properties,
      children: (jsx.children ?? []).map(printable) as ElementContent[],
    };
  }
  if ("children" in node) return { ...node, children: node.children.map(printable) } as AnyNode;
  return node;
}

function html(tree: Root): string {
  return toHtml(printable(tree))
    .trim()
    .replace(/<\/(h\d|p|li|ol|x-[A-Za-z]+)>/g, "</$1>\n")
    .replace(/\n+/g, "\n")
    .trim();
}

function elements(node: AnyNode, out: Element[] = []): Element[] {
  if (node.type === "element") out.push(node);
  if ("children" in node) for (const child of node.children as AnyNode[]) elements(child, out);
  return out;
}

describe("rehype-copy-link", () => {
  for (const name of readdirSync(dir).sort()) {
    const input = readFileSync(join(dir, name, "input.mdx"), "utf8");

    it(`${name}: expected.html`, async () => {
      expect(html(await toHast(input, true))).toBe(
        readFileSync(join(dir, name, "expected.html"), "utf8").trim(),
      );
    });

    it(`${name}: the document's text is unchanged`, async () => {
      const before = await toHast(input, false);
      const after = await toHast(input, true);
      expect(toString(printable(after) as Root)).toBe(toString(printable(before) as Root));
    });

    it(`${name}: one control per anchored heading, paragraph and list item, linking to its id`, async () => {
      const tree = printable(await toHast(input, true)) as Root;
      const anchored = elements(tree).filter((e) => /^(h[1-6]|p|li)$/.test(e.tagName) && e.properties?.id);
      expect(anchored.length).toBeGreaterThan(3);
      for (const element of anchored) {
        const controls = element.children.filter(
          (c): c is Element =>
            c.type === "element" && c.tagName === "a" && String(c.properties?.className) === "copy-link",
        );
        expect(controls.map((c) => c.properties?.href)).toEqual([`#${element.properties.id}`]);
        expect(controls[0]!.properties).toMatchObject({ ariaLabel: "复制链接", dataPagefindIgnore: "" });
      }
    });
  }
});
