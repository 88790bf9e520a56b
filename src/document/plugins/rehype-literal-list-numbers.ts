/**
 * rehype plugin: ordered lists keep their printed numbers as text, so that copying a slogan list
 * copies "1. 中国质量 共创共享" and search sees the number, as in the document.
 *
 * In:  <ol start="3"><li>建设质量强国 决胜全面小康</li></ol>
 * Out: <ol start="3" class="literal-numbers"><li><span class="list-number">3.</span>建设质量强国 决胜全面小康</li></ol>
 */
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

export default function rehypeLiteralListNumbers() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "ol") return;
      const start = Number(node.properties?.start ?? 1);
      const className = [...toArray(node.properties?.className), "literal-numbers"];
      node.properties = { ...node.properties, className };
      let n = start;
      for (const li of node.children) {
        if (li.type !== "element" || li.tagName !== "li") continue;
        const number: Element = {
          type: "element",
          tagName: "span",
          properties: { className: ["list-number"] },
          children: [{ type: "text", value: `${n++}.` }],
        };
        // Tight lists put text straight in <li>; loose ones wrap it in <p>.
        const first = li.children.find((c) => c.type === "element" && c.tagName === "p") as
          Element | undefined;
        (first ?? li).children.unshift(number);
      }
    });
  };
}

function toArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" ? value.split(" ") : [];
}
