/**
 * The document pipeline: how a notice's MDX body becomes a tree with its permanent anchors.
 *
 * - `pagePlugins(base, held)` are the rehype plugins astro.config.mjs renders pages with: the
 *   structure plugins, then the decorations (links on document numbers, 复制链接 controls),
 *   which add no text.
 * - `bodyTree(body)` runs the structure plugins on an MDX body outside Astro, so the text model
 *   (src/text/), the archive check and the tests read exactly the structure a page shows.
 */
import type { RehypePlugin } from "@astrojs/markdown-remark";
import type { Root } from "hast";
import type { Root as MdastRoot } from "mdast";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type PluggableList } from "unified";
import type { HeldNotice } from "./doc-number-links.ts";
import rehypeCopyLink from "./plugins/rehype-copy-link.ts";
import rehypeDocNumberLinks from "./plugins/rehype-doc-number-links.ts";
import rehypeLiteralListNumbers from "./plugins/rehype-literal-list-numbers.ts";
import rehypeOfficialAnchors from "./plugins/rehype-official-anchors.ts";

/** Plugins that give the document its structure: anchors, printed list numbers. */
const structurePlugins: RehypePlugin[] = [rehypeOfficialAnchors, rehypeLiteralListNumbers];

/**
 * Every rehype plugin of a notice page, in order (the copy-link controls last). `held`: the
 * document numbers the archive holds, for their links (src/archive/files.ts, readHeldDocNumbers).
 */
export function pagePlugins(
  base: string,
  held: ReadonlyMap<string, HeldNotice>,
): (RehypePlugin | [RehypePlugin, unknown])[] {
  return [...structurePlugins, [rehypeDocNumberLinks, { base, held }], rehypeCopyLink];
}

/** MDX's own nodes travel through remark-rehype untouched, as in Astro's MDX pipeline. */
const MDX_NODES = [
  "mdxJsxFlowElement",
  "mdxJsxTextElement",
  "mdxFlowExpression",
  "mdxTextExpression",
  "mdxjsEsm",
];

/**
 * An MDX → hast processor: remark-parse, remark-mdx, remark-rehype (MDX's own nodes passed
 * through, as in Astro's MDX pipeline), then `plugins`. The plugins' unit tests run each alone.
 */
export function mdxProcessor(plugins: PluggableList) {
  return unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkRehype, { passThrough: MDX_NODES } as never)
    .use(plugins);
}

const structure = mdxProcessor(structurePlugins);

/** The MDX syntax tree of a body (throws the MDX parser's error, with its place, on bad syntax). */
export function parseBody(body: string): MdastRoot {
  return structure.parse(body);
}

/** The hast of a parsed body, with the page's anchors and printed list numbers. */
export function treeOfBody(mdast: MdastRoot): Root {
  return structure.runSync(mdast);
}

/** The body's hast, with the page's anchors and printed list numbers. */
export function bodyTree(body: string): Root {
  return treeOfBody(parseBody(body));
}
