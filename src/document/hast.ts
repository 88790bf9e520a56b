/**
 * Small helpers over hast trees as the document pipeline leaves them: HTML elements, and the MDX
 * components (`mdxJsxFlowElement` nodes) that stand for the document's parts. Shared by the
 * anchors plugin, the text model and the search's section reader.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import type { MdxJsxFlowElementHast } from "mdast-util-mdx-jsx";

export type HastNode = Root | RootContent | ElementContent;

export function isElement(node: HastNode): node is Element {
  return node.type === "element";
}

/** An MDX component used as a block (<Signature>, <Attachment n="1">). */
export function isJsxFlow(node: HastNode): node is MdxJsxFlowElementHast {
  return (node as { type: string }).type === "mdxJsxFlowElement";
}

/** The element's id, if it has one. */
export function idOf(el: Element): string | undefined {
  const id = el.properties?.id;
  return typeof id === "string" && id ? id : undefined;
}

/** The element's classes. */
export function classesOf(el: Element): string[] {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === "string" ? c.split(/\s+/) : [];
}

/** An MDX component's attribute, when it is a literal string. */
export function jsxAttribute(node: MdxJsxFlowElementHast, name: string): string | undefined {
  for (const attr of node.attributes) {
    if (attr.type === "mdxJsxAttribute" && attr.name === name && typeof attr.value === "string")
      return attr.value;
  }
  return undefined;
}

/** Sets (or replaces) an MDX component's literal attribute. */
export function setJsxAttribute(node: MdxJsxFlowElementHast, name: string, value: string): void {
  node.attributes = node.attributes.filter((a) => !(a.type === "mdxJsxAttribute" && a.name === name));
  node.attributes.push({ type: "mdxJsxAttribute", name, value });
}
