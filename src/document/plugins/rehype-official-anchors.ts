/**
 * rehype plugin: gives every heading, paragraph and list item of a notice its permanent anchor
 * (see src/document/anchors.ts for the scheme) and each document-part component an `id` prop.
 *
 * In:  <Masthead><p>国家市场监督管理总局</p></Masthead> <h2>一、指导思想</h2> <p>以习近平…</p>
 *      <Attachment n="1"><p>附件1</p><h2>…主要活动</h2><p>一、市场监管总局…</p></Attachment>
 * Out: <Masthead id="masthead"><p id="masthead-p1">…</p></Masthead> <h2 id="s1">…</h2>
 *      <p id="s1-p1">…</p> <Attachment id="a1" n="1"><p id="a1-label">附件1</p>
 *      <h2 id="a1-title">…</h2><p id="a1-s1">一、市场监管总局…</p></Attachment>
 */
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { AnchorAllocator } from "../anchors.ts";
import { isElement, isJsxFlow, jsxAttribute, setJsxAttribute, type HastNode } from "../hast.ts";
import { ATTACHMENT_COMPONENT, partOfComponent } from "../parts.ts";

const HEADING = /^h([1-6])$/;

export default function rehypeOfficialAnchors() {
  return (tree: Root) => {
    const anchors = new AnchorAllocator();
    for (const node of tree.children) visitTop(node, anchors, 1);
  };
}

/** `base`: Markdown depth of numbering level 1 minus one (1 in the body, 2 in attachments). */
function visitTop(node: HastNode, anchors: AnchorAllocator, base: number): void {
  if (isJsxFlow(node)) {
    if (node.name === ATTACHMENT_COMPONENT) {
      const n = Number(jsxAttribute(node, "n"));
      const id = anchors.enterAttachment(n);
      setJsxAttribute(node, "id", id);
      let sawTitle = false;
      for (const child of node.children as HastNode[]) {
        if (!sawTitle && isElement(child) && child.tagName === "p") {
          setId(child, `${id}-label`);
        } else if (!sawTitle && isElement(child) && child.tagName === "h2") {
          setId(child, `${id}-title`);
          sawTitle = true;
        } else {
          sawTitle = true;
          visitTop(child, anchors, 2);
        }
      }
      anchors.leaveAttachment();
      return;
    }
    const part = partOfComponent(node.name);
    if (part) {
      const id = anchors.part(part.anchor);
      setJsxAttribute(node, "id", id);
      for (const child of node.children as HastNode[]) {
        if (isElement(child) && child.tagName === "p") setId(child, anchors.paragraph(id));
      }
    }
    return;
  }
  if (!isElement(node)) return;
  const heading = HEADING.exec(node.tagName);
  if (heading) {
    const depth = Number(heading[1]);
    if (depth === 1) return setId(node, "title");
    const id = anchors.numbered(toString(node).trim(), depth - base);
    setId(node, id ?? anchors.paragraph());
    return;
  }
  if (node.tagName === "p") {
    setId(node, anchors.numbered(toString(node).trim()) ?? anchors.paragraph());
    return;
  }
  if (node.tagName === "ol" || node.tagName === "ul") {
    const start = Number(node.properties?.start ?? 1);
    let index = 0;
    for (const li of node.children) {
      if (isElement(li) && li.tagName === "li") setId(li, anchors.listItem(start + index++));
    }
  }
}

function setId(node: Element, id: string): void {
  node.properties = { ...node.properties, id };
}
