/**
 * The search's truth, computed from the content files and independently of the site's own
 * normaliser (src/search/normalize.ts): a notice matches a query when its document text
 * contains every word, ignoring whitespace and punctuation, traditional characters read as
 * simplified (OpenCC). Used by the search tests in the browser, on the built site and under nginx.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import * as OpenCC from "opencc-js/t2cn";
import { ROOT } from "./helpers.ts";

/** Letters and digits only, full-width folded, lower case: the semantics readers expect. */
export const squash = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

/** The words of a query, as the search must read them. */
export const truthWords = (q: string) => [
  ...new Set(
    q
      .split(/[\s\u3000]+/)
      .map((w) => squash(toSimplified(w)))
      .filter(Boolean),
  ),
];

export interface NoticeDocument {
  /** `{year}-{slug}`. */
  id: string;
  /** The frontmatter as written. */
  data: {
    year: number;
    slug: string;
    level: string;
    region?: string;
    title?: string;
    theme?: string;
    docNumber?: string;
    issuers: string[];
  };
  /** The document text as its page shows it (not squashed). */
  text: string;
}

/**
 * The document text of an MDX body, independent of the site's code: component tags dropped (their
 * names and attributes are markup), backslash escapes undone. Markdown syntax is punctuation,
 * which search ignores anyway.
 */
function documentText(body: string): string {
  return body.replace(/<\/?[A-Z][A-Za-z]*(?:\s[^<>]*)?\/?>/g, " ").replace(/\\(.)/g, "$1");
}

/** Every held notice's frontmatter and document text, in id order. */
export function noticeDocuments(root = ROOT): NoticeDocument[] {
  const dir = join(root, "content/notices");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(dir, f), "utf8");
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw)!;
      const data = yaml.load(m[1]!) as NoticeDocument["data"];
      const body = raw.slice(m[0].length);
      // The page shows the title as an editorial heading when the text has lost its own.
      const text = (/^#\s/m.test(body) ? "" : (data.title ?? "")) + documentText(body);
      return { id: f.slice(0, -4), data, text };
    });
}
