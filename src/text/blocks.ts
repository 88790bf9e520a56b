/**
 * The text model: a notice body as structured blocks, each with the permanent anchor it has on
 * the notice page (src/document/anchors.ts), built from the body's tree as the document pipeline
 * leaves it (src/document/pipeline.ts). Comparisons, trends, activities, themes, open data, the
 * embed card and the tests all read a notice through these blocks.
 *
 *   ## 一、指导思想 / 以…                       → { type: "section", anchor: "s1", depth: 1,
 *                                                 heading: "一、指导思想", content: [paragraph s1-p1] }
 *   <Signature> 科技部 </Signature>            → { type: "part", part: "signature", anchor: "signature", … }
 *   <Attachment n="1"> 附件1 / ## 标题 / …      → { type: "attachment", n: 1, anchor: "a1", label, title, … }
 *
 * Text is what a reader gets: text nodes and line breaks, whitespace collapsed within a line;
 * interface elements (copy-link controls, anything hidden or marked ignore) are left out.
 */
import type { Element, Root } from "hast";
import type { MdxJsxFlowElementHast } from "mdast-util-mdx-jsx";
import { classesOf, idOf, isElement, isJsxFlow, jsxAttribute, type HastNode } from "../document/hast.ts";
import { ATTACHMENT_COMPONENT, partOfComponent } from "../document/parts.ts";
import type {
  AttachmentBlock,
  Block,
  ListBlock,
  ListItem,
  ParagraphBlock,
  SectionBlock,
  TextLine,
} from "../schemas/api.ts";

export class StructureError extends Error {}

/** Elements that are page interface, not document text. */
function isChrome(el: Element): boolean {
  const p = el.properties ?? {};
  return (
    ["button", "script", "style", "template", "svg", "noscript"].includes(el.tagName) ||
    p.hidden !== undefined ||
    p.ariaHidden === "true" ||
    p.dataPagefindIgnore !== undefined ||
    p.dataStructuredTextIgnore !== undefined
  );
}

/** The text of a node as a reader sees it: <br> as a line break, whitespace collapsed in a line. */
function textOf(node: HastNode): string {
  const out: string[] = [];
  const walk = (n: HastNode) => {
    if (n.type === "text") out.push(n.value);
    else if (isElement(n)) {
      if (isChrome(n)) return;
      if (n.tagName === "br") out.push("\n");
      else n.children.forEach(walk);
    }
  };
  walk(node);
  return out
    .join("")
    .split("\n")
    .map((line) => line.replace(/[ \t\r\f]+/g, " ").trim())
    .join("\n")
    .trim();
}

function requireAnchor(anchor: string | undefined, what: string, text: string): string {
  if (!anchor)
    throw new StructureError(
      `${what} without an anchor: “${text.slice(0, 40)}” (every block of a notice must have one: src/document/plugins/rehype-official-anchors.ts)`,
    );
  return anchor;
}

const HEADING = /^h([1-6])$/;

/**
 * Builds blocks from a sequence of sibling nodes. `headingBase`: the HTML heading level of
 * numbering depth 1 minus one (1 in the body, where 一、 is h2; 2 in attachments, where it is h3).
 */
function buildBlocks(nodes: readonly HastNode[], headingBase: number): Block[] {
  const root: Block[] = [];
  // Open sections, outermost first, with their HTML heading level.
  const stack: { level: number; block: SectionBlock }[] = [];
  const target = () => stack.at(-1)?.block.content ?? root;

  for (const node of nodes) {
    if (isJsxFlow(node)) {
      // A document part or an attachment closes every open section of the body.
      stack.length = 0;
      root.push(componentBlock(node));
      continue;
    }
    if (!isElement(node) || isChrome(node)) {
      if (node.type === "text" && node.value.trim())
        throw new StructureError(`text outside any block: “${node.value.trim().slice(0, 40)}”`);
      continue;
    }
    const heading = HEADING.exec(node.tagName);
    if (heading) {
      const level = Number(heading[1]);
      const text = textOf(node);
      if (level === 1) {
        stack.length = 0;
        root.push({ type: "title", anchor: requireAnchor(idOf(node), "title", text), text });
        continue;
      }
      while (stack.length && stack.at(-1)!.level >= level) stack.pop();
      const section: SectionBlock = {
        type: "section",
        anchor: requireAnchor(idOf(node), "heading", text),
        depth: Math.max(1, level - headingBase),
        heading: text,
        content: [],
      };
      target().push(section);
      stack.push({ level, block: section });
      continue;
    }
    if (node.tagName === "ol" || node.tagName === "ul") {
      target().push(listBlock(node));
      continue;
    }
    if (node.tagName === "hr") continue;
    const text = textOf(node);
    if (!text) continue;
    const paragraph: ParagraphBlock = {
      type: "paragraph",
      anchor: requireAnchor(idOf(node), "paragraph", text),
      text,
    };
    target().push(paragraph);
  }
  return root;
}

function listBlock(el: Element): ListBlock {
  const items: ListItem[] = [];
  for (const li of el.children) {
    if (!isElement(li) || li.tagName !== "li" || isChrome(li)) continue;
    const numberEl = findFirst(li, (e) => classesOf(e).includes("list-number"));
    const number = numberEl ? textOf(numberEl) : undefined;
    const full = textOf(li);
    const text = number && full.startsWith(number) ? full.slice(number.length).trim() : full;
    items.push({ anchor: requireAnchor(idOf(li), "list item", full), ...(number ? { number } : {}), text });
  }
  return { type: "list", ordered: el.tagName === "ol", items };
}

/** A document part (<Signature> …) or an attachment (<Attachment n="1">). */
function componentBlock(node: MdxJsxFlowElementHast): Block {
  const children = node.children as HastNode[];
  if (node.name === ATTACHMENT_COMPONENT) return attachmentBlock(node, children);
  const part = partOfComponent(node.name);
  if (!part)
    throw new StructureError(`<${node.name ?? ""}> is not a document component (src/document/parts.ts)`);
  const anchor = requireAnchor(jsxAttribute(node, "id"), "document part", `<${node.name}>`);
  return { type: "part", part: part.anchor, anchor, content: buildBlocks(children, 1) };
}

function attachmentBlock(node: MdxJsxFlowElementHast, children: HastNode[]): AttachmentBlock {
  const anchor = requireAnchor(jsxAttribute(node, "id"), "attachment", "<Attachment>");
  const n = Number(jsxAttribute(node, "n"));
  if (!Number.isInteger(n) || n < 1) throw new StructureError(`attachment #${anchor} without its number`);
  let label: TextLine | undefined;
  let title: TextLine | undefined;
  const rest: HastNode[] = [];
  for (const child of children) {
    const id = isElement(child) ? idOf(child) : undefined;
    if (isElement(child) && id === `${anchor}-label`) label = { anchor: id, text: textOf(child) };
    else if (isElement(child) && id === `${anchor}-title`) title = { anchor: id, text: textOf(child) };
    else rest.push(child);
  }
  return {
    type: "attachment",
    n,
    anchor,
    ...(label ? { label } : {}),
    ...(title ? { title } : {}),
    content: buildBlocks(rest, 2),
  };
}

function findFirst(el: Element, test: (e: Element) => boolean): Element | undefined {
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const found = findFirst(child, test);
    if (found) return found;
  }
  return undefined;
}

/** The blocks of a body's tree (src/document/pipeline.ts, bodyTree). */
export function blocksFromTree(tree: Root): Block[] {
  return buildBlocks(tree.children, 1);
}
