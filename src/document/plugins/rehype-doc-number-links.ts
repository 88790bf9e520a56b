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
 * Held numbers are read once from content/notices/*.mdx frontmatter (an inferred docNumber
 * counts). Options: `base` (the site's base path: astro.config.mjs passes its `base`, since
 * import.meta.env is not the site's while the config loads), `held` (tests), `root`, `report`.
 */
import { basename, relative } from "node:path";
import type { ElementContent, Root } from "hast";
import yaml from "js-yaml";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { normalizeBase } from "../../shared/base-path.ts";
import { listNoticeFiles } from "../../archive/files.ts";
import {
  heldDocNumbers,
  resolveDocNumbers,
  type DocNumberMention,
  type HeldNotice,
} from "../doc-number-links.ts";

export interface DocNumberLinkOptions {
  /** Base path of the site, e.g. "/" or "/zlyda/". Default: BASE_PATH, else "/". */
  base?: string;
  /** Printed document number → held notice. Default: read from content/notices once. */
  held?: ReadonlyMap<string, HeldNotice>;
  /** Project root for reading content/notices. Default: the working directory. */
  root?: string;
  /** Called for each number the archive does not hold. Default: a console line. */
  report?: (mention: DocNumberMention, file: string) => void;
}

const heldCache = new Map<string, Map<string, HeldNotice>>();

/** Held numbers from the notices' frontmatter (read once per root). */
export function readHeldDocNumbers(root: string): Map<string, HeldNotice> {
  let held = heldCache.get(root);
  if (!held) {
    const notices = listNoticeFiles(root).map((file) => {
      const data = (yaml.load(file.frontmatterText) ?? {}) as {
        docNumber?: unknown;
        year?: unknown;
        slug?: unknown;
      };
      const [, year = "0", slug = ""] = /^(\d{4})-(.+)$/.exec(file.id) ?? [];
      return {
        id: file.id,
        year: typeof data.year === "number" ? data.year : Number(year),
        slug: typeof data.slug === "string" ? data.slug : slug,
        docNumber: typeof data.docNumber === "string" ? data.docNumber : undefined,
      };
    });
    held = heldDocNumbers(notices);
    heldCache.set(root, held);
  }
  return held;
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

export default function rehypeDocNumberLinks(options: DocNumberLinkOptions = {}) {
  const base = normalizeBase(options.base ?? process.env.BASE_PATH);
  const report = options.report ?? consoleReport;
  return (tree: Root, file?: VFile) => {
    const held = options.held ?? readHeldDocNumbers(options.root ?? process.cwd());
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
