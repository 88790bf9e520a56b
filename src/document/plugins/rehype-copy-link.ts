/**
 * rehype plugin: gives every anchored heading, paragraph and list item of a notice (the ids from
 * rehype-official-anchors, which must run first) a “复制链接” control: a real link to its own
 * `#id` — a permalink without JavaScript; src/reader/copy-links.ts makes it copy the full URL.
 *
 * The control adds no text to the document: its name is the aria-label, its icon an inline SVG
 * with aria-hidden, so the search index (data-pagefind-body), text selection and copy-paste of
 * a paragraph see exactly the document's characters. It is marked data-pagefind-ignore too,
 * and shown on hover or keyboard focus, always on touch screens (src/styles/links.css).
 *
 * Only the controls of headings are in the Tab order (tabindex="-1" on the others): a long
 * notice has over a hundred paragraphs, and their controls must not stand between a keyboard
 * reader and everything after the text. With JavaScript they all become one Tab stop, the arrow
 * keys moving between them (src/reader/copy-links.ts).
 *
 * In:  <h2 id="s1">一、指导思想</h2><p id="s1-p1">以习近平…</p>
 * Out: <h2 id="s1">一、指导思想<a class="copy-link" href="#s1" aria-label="复制链接"
 *        title="复制链接 #s1" data-pagefind-ignore><svg aria-hidden="true" …>…</svg></a></h2>
 *      <p id="s1-p1">以习近平…<a class="copy-link" href="#s1-p1" …>…</a></p>
 */
import type { Element, ElementContent, Root, RootContent } from "hast";

const ANCHORED = /^(h[1-6]|p|li)$/;

/** A chain-link icon, 16×16, drawn in currentColor. */
function icon(): Element {
  return {
    type: "element",
    tagName: "svg",
    properties: {
      ariaHidden: "true",
      focusable: "false",
      viewBox: "0 0 16 16",
      width: "16",
      height: "16",
      className: ["copy-link-icon"],
    },
    children: [
      {
        type: "element",
        tagName: "path",
        properties: {
          fill: "currentColor",
          d: "M7.78 3.97a.75.75 0 0 1 0-1.06l.6-.6a3.75 3.75 0 0 1 5.3 5.3l-2.5 2.5a3.75 3.75 0 0 1-5.3 0 .75.75 0 0 1 1.06-1.06 2.25 2.25 0 0 0 3.18 0l2.5-2.5a2.25 2.25 0 0 0-3.18-3.18l-.6.6a.75.75 0 0 1-1.06 0Zm-3.5 4.06a.75.75 0 0 1 0 1.06l-.6.6a2.25 2.25 0 0 0 3.18 3.18l.6-.6a.75.75 0 1 1 1.06 1.06l-.6.6a3.75 3.75 0 0 1-5.3-5.3l2.5-2.5a3.75 3.75 0 0 1 5.3 0 .75.75 0 0 1-1.06 1.06 2.25 2.25 0 0 0-3.18 0Z",
        },
        children: [],
      },
    ],
  };
}

/** The control for the element with this id; `inTabOrder` for headings. */
export function copyLink(id: string, inTabOrder = true): Element {
  return {
    type: "element",
    tagName: "a",
    properties: {
      className: ["copy-link"],
      href: `#${id}`,
      ariaLabel: "复制链接",
      title: `复制链接 #${id}`,
      ...(inTabOrder ? {} : { tabIndex: -1 }),
      dataPagefindIgnore: "",
    },
    children: [icon()],
  };
}

export default function rehypeCopyLink() {
  return (tree: Root) => {
    const visit = (node: RootContent | ElementContent | Root) => {
      const kids = "children" in node ? (node.children as (RootContent | ElementContent)[]) : [];
      for (const child of kids) visit(child);
      if (node.type !== "element" || !ANCHORED.test(node.tagName)) return;
      const id = node.properties?.id;
      if (typeof id !== "string" || !id) return;
      node.children.push(copyLink(id, /^h[1-6]$/.test(node.tagName)));
    };
    visit(tree);
  };
}
