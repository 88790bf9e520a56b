/**
 * rehype plugin: a document number in the body text that names a notice the archive holds links
 * to that notice's page. The text itself is never changed (the link wraps exactly the characters
 * written), so the fidelity check, search and copying see the same text. Numbers the archive does
 * not hold stay plain and the first few are reported on the console; /reports/doc-numbers.json lists them all
 * (src/pages/reports/doc-numbers.json.ts, same resolver). A notice's own number is left alone.
 *
 * In:  <p>…的通知》（国市监质发〔2022〕76号）要求…</p>          (held: 2022-quanguo)
 * Out: <p>…的通知》（<a href="/2022/quanguo/" class="docnum-link">国市监质发〔2022〕76号</a>）要求…</p>
 * In:  <p>依据国发〔2017〕24号文件</p>                           (not held)
 * Out: <p>依据国发〔2017〕24号文件</p>   + console: “… 国发〔2017〕24号 is not in the archive”
 *
 * Options: `held`, the held numbers (astro.config.mjs reads them from the notices' frontmatter
 * with src/archive/files.ts, readHeldDocNumbers; an inferred docNumber counts), `base` (the
 * site's base path: astro.config.mjs passes its `base`, since import.meta.env is not the site's
 * while the config loads) and `report`.
 */
import { basename, relative } from "node:path";
import type { ElementContent, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { normalizeBase } from "../../shared/base-path.ts";
import { resolveDocNumbers, type DocNumberMention, type HeldNotice } from "../doc-number-links.ts";

export interface DocNumberLinkOptions {
  /** Base path of the site, e.g. "/" or "/zlyda/". Default: BASE_PATH, else "/". */
  base?: string;
  /** Printed document number → held notice. */
  held: ReadonlyMap<string, HeldNotice>;
  /** Called for each number the archive does not hold. Default: a console line. */
  report?: (mention: DocNumberMention, file: string) => void;
}

/** Console lines at most per build: a large archive cites thousands of numbers it lacks. */
const CONSOLE_LIMIT = 10;
let reported = 0;

const consoleReport = (mention: DocNumberMention, file: string) => {
  reported++;
  if (reported <= CONSOLE_LIMIT)
    console.warn(
      `[doc-numbers] ${relative(process.cwd(), file)}: ${mention.canonical} is not in the archive (left as plain text)`,
    );
  if (reported === CONSOLE_LIMIT)
    console.warn(
      `[doc-numbers] further numbers not held are not printed: /reports/doc-numbers.json lists them all`,
    );
};

export default function rehypeDocNumberLinks(options: DocNumberLinkOptions) {
  const base = normalizeBase(options.base ?? process.env.BASE_PATH);
  const report = options.report ?? consoleReport;
  return (tree: Root, file?: VFile) => {
    const { held } = options;
    const path = file?.path ?? "";
    const self = path ? basename(path).replace(/\.mdx?$/, "") : undefined;
    visit(tree, (node, index, parent) => {
      if (node.type === "element" && node.tagName === "a") return SKIP;
      if (node.type !== "text" || !parent || index === undefined) return;
      const text = node.value;
      const mentions = resolveDocNumbers(text, held);
      if (!mentions.length) return;
      const replacement: ElementContent[] = [];
      let at = 0;
      for (const mention of mentions) {
        if (mention.target?.id === self) continue;
        if (!mention.target) {
          report(mention, path);
          continue;
        }
        if (mention.index > at) replacement.push({ type: "text", value: text.slice(at, mention.index) });
        replacement.push({
          type: "element",
          tagName: "a",
          properties: {
            href: `${base}${mention.target.year}/${mention.target.slug}/`,
            className: ["docnum-link"],
          },
          children: [{ type: "text", value: mention.text }],
        });
        at = mention.index + mention.text.length;
      }
      if (!replacement.length) return;
      if (at < text.length) replacement.push({ type: "text", value: text.slice(at) });
      (parent.children as ElementContent[]).splice(index, 1, ...replacement);
      return index + replacement.length;
    });
  };
}
