/**
 * A notice's text as structured data, from the HTML the site renders for its body (the MDX body
 * through Astro's real pipeline and the document components: src/text/notice-body.ts), so every
 * block carries exactly the anchor the page has (src/document/anchors.ts), and the plain-text and
 * Markdown renderings derived from that structure.
 *
 *   <h2 id="s1">一、指导思想</h2><p id="s1-p1">以…</p>
 *     → { type: "section", anchor: "s1", depth: 1, heading: "一、指导思想",
 *         content: [{ type: "paragraph", anchor: "s1-p1", text: "以…" }] }
 *   <div id="signature" class="doc-part doc-signature"><p id="signature-p1">科技部</p></div>
 *     → { type: "part", part: "signature", anchor: "signature", content: [paragraph …] }
 *   <section id="a1" class="doc-attachment" data-attachment="1"><p id="a1-label">附件1</p><h2 id="a1-title">…</h2>…
 *     → { type: "attachment", n: 1, anchor: "a1", label: {…}, title: {…}, content: […] }
 *
 * Interface elements inside the body (buttons, "copy link" controls, anything hidden from search
 * or assistive technology) are not document text and are left out.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import type {
  AttachmentBlock,
  Block,
  ListBlock,
  ListItem,
  ParagraphBlock,
  PartBlock,
  SectionBlock,
  TextLine,
} from "../schemas/api.ts";

type Node = RootContent | ElementContent;

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

function isElement(node: Node): node is Element {
  return node.type === "element";
}

function classes(el: Element): string[] {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === "string" ? c.split(/\s+/) : [];
}

function idOf(el: Element): string | undefined {
  const id = el.properties?.id;
  return typeof id === "string" && id ? id : undefined;
}

/** The text of an element as a reader sees it: <br> as a line break, HTML whitespace collapsed. */
function textOf(node: Node): string {
  const out: string[] = [];
  const walk = (n: Node) => {
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

function requireAnchor(el: Element, what: string): string {
  const id = idOf(el);
  if (!id)
    throw new StructureError(
      `${what} without an anchor: <${el.tagName}> “${textOf(el).slice(0, 40)}” (every block of a notice must have one: src/document/plugins/rehype-official-anchors.ts)`,
    );
  return id;
}

const HEADING = /^h([1-6])$/;

/**
 * Builds blocks from a sequence of sibling nodes. `headingBase`: the HTML heading level of
 * numbering depth 1 minus one (1 in the body, where 一、 is h2; 2 in attachments, where it is h3).
 */
function buildBlocks(nodes: readonly Node[], headingBase: number): Block[] {
  const root: Block[] = [];
  // Open sections, outermost first, with their HTML heading level.
  const stack: { level: number; block: SectionBlock }[] = [];
  const target = () => stack.at(-1)?.block.content ?? root;

  for (const node of nodes) {
    if (!isElement(node) || isChrome(node)) {
      if (node.type === "text" && node.value.trim())
        throw new StructureError(`text outside any block: “${node.value.trim().slice(0, 40)}”`);
      continue;
    }
    const heading = HEADING.exec(node.tagName);
    if (heading) {
      const level = Number(heading[1]);
      if (level === 1) {
        stack.length = 0;
        root.push({ type: "title", anchor: requireAnchor(node, "title"), text: textOf(node) });
        continue;
      }
      while (stack.length && stack.at(-1)!.level >= level) stack.pop();
      const section: SectionBlock = {
        type: "section",
        anchor: requireAnchor(node, "heading"),
        depth: Math.max(1, level - headingBase),
        heading: textOf(node),
        content: [],
      };
      target().push(section);
      stack.push({ level, block: section });
      continue;
    }
    const cls = classes(node);
    if (cls.includes("doc-attachment")) {
      // An attachment closes every open section of the body.
      stack.length = 0;
      root.push(attachmentBlock(node));
      continue;
    }
    if (cls.includes("doc-part")) {
      stack.length = 0;
      root.push(partBlock(node));
      continue;
    }
    if (node.tagName === "ol" || node.tagName === "ul") {
      target().push(listBlock(node));
      continue;
    }
    if (node.tagName === "hr") continue;
    const text = textOf(node);
    if (!text) continue;
    const paragraph: ParagraphBlock = { type: "paragraph", anchor: requireAnchor(node, "paragraph"), text };
    target().push(paragraph);
  }
  return root;
}

function listBlock(el: Element): ListBlock {
  const items: ListItem[] = [];
  for (const li of el.children) {
    if (!isElement(li) || li.tagName !== "li" || isChrome(li)) continue;
    const numberEl = findFirst(li, (e) => classes(e).includes("list-number"));
    const number = numberEl ? textOf(numberEl) : undefined;
    const full = textOf(li);
    const text = number && full.startsWith(number) ? full.slice(number.length).trim() : full;
    items.push({ anchor: requireAnchor(li, "list item"), ...(number ? { number } : {}), text });
  }
  return { type: "list", ordered: el.tagName === "ol", items };
}

function partBlock(el: Element): PartBlock {
  const anchor = requireAnchor(el, "document part");
  // The part's name is its anchor, without the -2 a repeated part gets (src/document/anchors.ts).
  const part = anchor.replace(/-\d+$/, "");
  return { type: "part", part, anchor, content: buildBlocks(el.children, 1) };
}

function attachmentBlock(el: Element): AttachmentBlock {
  const anchor = requireAnchor(el, "attachment");
  const n = Number(el.properties?.dataAttachment ?? /^a(\d+)/.exec(anchor)?.[1]);
  if (!Number.isInteger(n) || n < 1) throw new StructureError(`attachment #${anchor} without its number`);
  const children = el.children.filter((c) => !(isElement(c) && isChrome(c)));
  let label: TextLine | undefined;
  let title: TextLine | undefined;
  const rest: Node[] = [];
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

/** The blocks of a notice body rendered as HTML. */
export function structureNoticeHtml(html: string): Block[] {
  const tree: Root = fromHtml(html, { fragment: true });
  return buildBlocks(tree.children, 1);
}

/* ───────────────────────────── walking ───────────────────────────── */

/** Every anchor in the blocks, in document order. */
export function blockAnchors(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const walk = (b: Block) => {
    switch (b.type) {
      case "list":
        out.push(...b.items.map((i) => i.anchor));
        break;
      case "section":
      case "part":
        out.push(b.anchor);
        b.content.forEach(walk);
        break;
      case "attachment":
        out.push(b.anchor);
        if (b.label) out.push(b.label.anchor);
        if (b.title) out.push(b.title.anchor);
        b.content.forEach(walk);
        break;
      default:
        out.push(b.anchor);
    }
  };
  blocks.forEach(walk);
  return out;
}

/* ───────────────────────────── plain text ───────────────────────────── */

/**
 * The text as archived, one paragraph per line with a blank line between blocks; the lines of a
 * document part (版头, 署名, 版记) and the items of a list stay together.
 */
export function blocksToText(blocks: readonly Block[]): string {
  const chunks: string[] = [];
  const walk = (b: Block) => {
    switch (b.type) {
      case "title":
      case "paragraph":
        chunks.push(b.text);
        break;
      case "section":
        chunks.push(b.heading);
        b.content.forEach(walk);
        break;
      case "list":
        chunks.push(b.items.map((i) => (i.number ? `${i.number}${i.text}` : i.text)).join("\n"));
        break;
      case "part":
        chunks.push(linesOf(b.content).join("\n"));
        break;
      case "attachment":
        chunks.push([b.label?.text, b.title?.text].filter(Boolean).join("\n"));
        b.content.forEach(walk);
        break;
    }
  };
  blocks.forEach(walk);
  return `${chunks.filter((c) => c !== "").join("\n\n")}\n`;
}

/** The lines of a part's content (parts hold paragraphs, rarely a list). */
function linesOf(blocks: readonly Block[]): string[] {
  return blocksToText(blocks).trimEnd().split(/\n+/);
}

/* ───────────────────────────── Markdown ───────────────────────────── */

/** Escapes what Markdown would read as syntax in a line of document text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(#{1,6}(?=\s|$)|[-+=](?=\s|$)|>)/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2")
    .replace(/\n/g, "  \n");
}

/**
 * Plain Markdown without MDX components: the title as `#`, the document's numbered headings at
 * their levels (一、 `##`, （一） `###` …; one level deeper inside attachments), paragraphs,
 * lists with their printed numbers, and the lines of each document part as a paragraph with
 * hard line breaks.
 */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  const chunks: string[] = [];
  const walk = (b: Block, base: number) => {
    switch (b.type) {
      case "title":
        chunks.push(`# ${escapeMarkdown(b.text)}`);
        break;
      case "paragraph":
        chunks.push(escapeMarkdown(b.text));
        break;
      case "section":
        chunks.push(`${"#".repeat(Math.min(6, b.depth + base))} ${escapeMarkdown(b.heading)}`);
        b.content.forEach((c) => walk(c, base));
        break;
      case "list":
        chunks.push(
          b.items
            .map((item, i) => {
              const marker = b.ordered
                ? /^\d+[.)]$/.test(item.number ?? "")
                  ? item.number!
                  : `${i + 1}.`
                : "-";
              // Unordered items keep a printed number as text; ordered ones use it as the marker.
              const text = !b.ordered && item.number ? `${item.number}${item.text}` : item.text;
              return `${marker} ${escapeMarkdown(text)}`;
            })
            .join("\n"),
        );
        break;
      case "part":
        chunks.push(linesOf(b.content).map(escapeMarkdown).join("  \n"));
        break;
      case "attachment":
        if (b.label) chunks.push(escapeMarkdown(b.label.text));
        if (b.title) chunks.push(`## ${escapeMarkdown(b.title.text)}`);
        b.content.forEach((c) => walk(c, 2));
        break;
    }
  };
  blocks.forEach((b) => walk(b, 1));
  return `${chunks.filter((c) => c !== "").join("\n\n")}\n`;
}
