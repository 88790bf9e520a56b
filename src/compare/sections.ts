/**
 * A notice's body as a list of sections for comparison: the document parts (版头, 主送, 署名 …),
 * the opening paragraphs, each first-level section (一、…), each attachment and the imprint.
 * Keys are the page's own permanent anchors (src/document/anchors.ts), computed by running the very
 * plugin that renders them (rehype-official-anchors) on the MDX body, so a section of a
 * comparison links to the same place on the notice page.
 *
 *   ## 一、活动主题 / 推动质量变革创新 …   →  { key: "s1", label: "一、", title: "活动主题", blocks: […] }
 *   <Attachment n="2"> 附件2 / ## …口号 / 1. …  →  { key: "a2", label: "附件2", title: "…口号", blocks: [li …] }
 *
 * Build time only (unified + remark-mdx); the browser gets the result as JSON.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { toString } from "hast-util-to-string";
import type { MdxJsxFlowElementHast } from "mdast-util-mdx-jsx";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import rehypeOfficialAnchors from "../document/plugins/rehype-official-anchors.ts";
import { PART_ANCHORS, PART_LABELS } from "../document/anchors.ts";
import { numberingOf } from "../document/numbering.ts";

/** h2 … h6 (document headings below the title), p (paragraph), li (list item, number included). */
type BlockKind = "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "li";

interface TextBlock {
  kind: BlockKind;
  text: string;
}

type SectionKind = "part" | "preamble" | "body" | "attachment" | "tail";

export interface NoticeSection {
  /** Permanent anchor on the notice page (s1, a2, signature …); "preamble" for the opening. */
  key: string;
  kind: SectionKind;
  /** What the document prints as the section's number (一、, 附件2) or the part's name (署名). */
  label: string;
  /** The heading after the number (活动主题), or the attachment's title. */
  title?: string;
  /** Anchor to link to on the notice page, when the section has one. */
  anchor?: string;
  blocks: TextBlock[];
}

/** Document parts by component name; GovMeta (web page metadata) is not document text. */
const PART_BY_COMPONENT: Record<string, string> = Object.fromEntries(
  Object.entries(PART_ANCHORS).filter(([component]) => component !== "GovMeta"),
);

const MDX_NODES = [
  "mdxJsxFlowElement",
  "mdxJsxTextElement",
  "mdxFlowExpression",
  "mdxTextExpression",
  "mdxjsEsm",
];

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkRehype, { passThrough: MDX_NODES } as never)
  .use(rehypeOfficialAnchors);

/** The body's hast, with the page's anchors. */
async function bodyTree(body: string): Promise<Root> {
  return await processor.run(processor.parse(body));
}

type Node = RootContent | ElementContent;

/** Splits an MDX body into sections (see the module comment). */
export async function noticeSections(body: string): Promise<NoticeSection[]> {
  const tree = await bodyTree(body);
  const sections: NoticeSection[] = [];
  let current: NoticeSection | undefined;
  let tails = 0;

  for (const node of tree.children as Node[]) {
    if (isJsx(node)) {
      current = undefined;
      if (node.name === "Attachment") {
        sections.push(attachmentSection(node));
        continue;
      }
      const key = node.name ? PART_BY_COMPONENT[node.name] : undefined;
      if (!key) continue; // GovMeta: the web page's metadata, not the document's text
      const blocks = (node.children as Node[]).flatMap(blocksOf);
      if (blocks.length) sections.push({ key, kind: "part", label: PART_LABELS[key]!, anchor: key, blocks });
      continue;
    }
    if (!isElement(node)) continue;
    if (node.tagName === "h1") {
      sections.push({
        key: "title",
        kind: "part",
        label: PART_LABELS.title!,
        anchor: "title",
        blocks: blocksOf(node),
      });
      continue;
    }
    if (node.tagName === "h2") {
      const text = clean(toString(node));
      const numbering = numberingOf(text);
      const anchor = idOf(node);
      current = {
        key: anchor ?? `s${sections.length + 1}`,
        kind: "body",
        label: numbering?.marker ?? "",
        title: numbering?.rest ?? text,
        ...(anchor ? { anchor } : {}),
        blocks: [{ kind: "h2", text }],
      };
      sections.push(current);
      continue;
    }
    const blocks = blocksOf(node);
    if (!blocks.length) continue;
    if (!current) {
      const seenBody = sections.some((s) => s.kind === "body");
      current = seenBody
        ? { key: `tail${++tails === 1 ? "" : `-${tails}`}`, kind: "tail", label: "其他文字", blocks: [] }
        : { key: "preamble", kind: "preamble", label: "开头", anchor: idOf(node) ?? "p1", blocks: [] };
      if (sections.some((s) => s.key === current!.key)) current.key += `-${sections.length}`;
      sections.push(current);
    }
    current.blocks.push(...blocks);
  }
  return sections;
}

function attachmentSection(node: MdxJsxFlowElementHast): NoticeSection {
  const n = attribute(node, "n") ?? "";
  const anchor = attribute(node, "id") ?? `a${n}`;
  const section: NoticeSection = { key: anchor, kind: "attachment", label: `附件${n}`, anchor, blocks: [] };
  for (const child of node.children as Node[]) {
    if (!isElement(child)) continue;
    const id = idOf(child);
    if (id === `${anchor}-label`) continue; // 附件N, shown as the section's label
    if (id === `${anchor}-title`) section.title = clean(toString(child));
    section.blocks.push(...blocksOf(child));
  }
  return section;
}

/** The text blocks of one element: a heading, a paragraph, or each item of a list. */
function blocksOf(node: Node): TextBlock[] {
  if (!isElement(node)) return [];
  const tag = node.tagName;
  if (tag === "ol" || tag === "ul") {
    const start = Number(node.properties?.start ?? 1);
    let n = start;
    return node.children.filter(isElement).map((li) => ({
      kind: "li" as const,
      text: tag === "ol" ? `${n++}. ${clean(toString(li))}` : clean(toString(li)),
    }));
  }
  const text = clean(toString(node));
  if (!text) return [];
  if (/^h[1-6]$/.test(tag)) return [{ kind: tag === "h1" ? "h2" : (tag as BlockKind), text }];
  return [{ kind: "p", text }];
}

/** Soft line breaks inside a paragraph become spaces; no leading or trailing whitespace. */
function clean(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function isElement(node: Node): node is Element {
  return node.type === "element";
}

function isJsx(node: Node): node is MdxJsxFlowElementHast {
  return (node as { type: string }).type === "mdxJsxFlowElement";
}

function idOf(node: Element): string | undefined {
  const id = node.properties?.id;
  return typeof id === "string" ? id : undefined;
}

function attribute(node: MdxJsxFlowElementHast, name: string): string | undefined {
  for (const attr of node.attributes) {
    if (attr.type === "mdxJsxAttribute" && attr.name === name && typeof attr.value === "string")
      return attr.value;
  }
  return undefined;
}
