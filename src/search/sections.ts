/**
 * The searchable text of a built notice page, cut into sections (docs/search.md). Read from the
 * page's `[data-pagefind-body]` (minus `[data-pagefind-ignore]`), i.e. exactly the document text
 * a reader sees, with the permanent anchors of src/document/anchors.ts:
 *
 *   - a section starts at each heading with an id (二、… `#s2`, （三）… `#s2-3`), at each
 *     numbered paragraph (`#a1-s3`, an attachment's item 三、), at each document part
 *     (`#recipients`, `#signature`, `#imprint` …) and at each attachment (`#a1`, its label and
 *     title together);
 *   - a section runs until the next one starts;
 *   - what comes before the first of them is the head section, anchored at its first id.
 *
 * Used at build time only (the index builder) and by the tests.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { DOCUMENT_PARTS, partLabel } from "../document/parts.ts";

export interface SearchSection {
  /** Anchor of the section on the notice page ("" only if the page has no id before it). */
  anchor: string;
  /** Short label: the heading, the part's name, or the start of the numbered paragraph. */
  label: string;
  /** The section's text as displayed: blocks on their own lines, whitespace collapsed. */
  text: string;
}

const PARTS = new Set<string>(DOCUMENT_PARTS.filter((p) => "component" in p).map((p) => p.anchor));
const NUMBERED = /^(?:a\d+-)?s\d+(?:-\d+)*$/;
const ATTACHMENT = /^a\d+$/;
const ATTACHMENT_TITLE = /^a\d+-title$/;
const HEADING = /^h[1-6]$/;
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

function isBoundary(el: Element, id: string): boolean {
  if (HEADING.test(el.tagName)) return !ATTACHMENT_TITLE.test(id);
  return NUMBERED.test(id) || PARTS.has(id) || ATTACHMENT.test(id);
}

function findBody(node: Root | Element): Element | undefined {
  for (const child of node.children as (RootContent | ElementContent)[]) {
    if (child.type !== "element") continue;
    if (child.properties?.dataPagefindBody !== undefined) return child;
    const found = findBody(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * The `[data-pagefind-body]` element's HTML, cut out of the page so that only it is parsed
 * (pages carry much else); undefined if it cannot be cut out reliably.
 */
function bodyHtml(html: string): string | undefined {
  const open = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-body[\s>=]/i.exec(html);
  if (!open) return undefined;
  const tag = open[1]!.toLowerCase();
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  re.lastIndex = open.index;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(open.index, m.index + m[0].length);
  }
  return undefined;
}

/** Sections of a built notice page's document text (see the module comment). */
export function extractSections(html: string): SearchSection[] {
  const fragment = bodyHtml(html);
  const body = findBody(fragment ? fromHtml(fragment, { fragment: true }) : fromHtml(html));
  if (!body) throw new Error("no [data-pagefind-body] element in the page");

  interface Draft {
    anchor: string;
    label?: string;
    parts: string[];
  }
  const drafts: Draft[] = [{ anchor: "", parts: [] }];
  const current = () => drafts[drafts.length - 1]!;
  const newline = () => current().parts.push("\n");

  const walk = (node: ElementContent) => {
    if (node.type === "text") {
      current().parts.push(node.value.replace(/\s+/g, " "));
      return;
    }
    if (node.type !== "element") return;
    if (node.properties?.dataPagefindIgnore !== undefined) return;
    const id = typeof node.properties?.id === "string" ? node.properties.id : "";
    if (id && isBoundary(node, id)) {
      const label = partLabel(id);
      drafts.push({ anchor: id, ...(label ? { label } : {}), parts: [] });
    } else if (id && !current().anchor) {
      current().anchor = id;
    }
    const block = BLOCK.has(node.tagName);
    if (block) newline();
    for (const child of node.children) walk(child);
    if (block) newline();
  };
  for (const child of body.children) walk(child);

  const sections: SearchSection[] = [];
  for (const d of drafts) {
    const text = d.parts
      .join("")
      .split("\n")
      .map((line) => line.replace(/ {2,}/g, " ").trim())
      .filter(Boolean)
      .join("\n");
    if (!text) continue;
    const firstLine = text.split("\n", 1)[0]!;
    const label = d.label ?? (ATTACHMENT.test(d.anchor) ? text.split("\n").slice(0, 2).join(" ") : firstLine);
    sections.push({ anchor: d.anchor, label: truncate(label, 40), text });
  }
  return sections;
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}
