/**
 * Link checker for the built site — no network: reads the build output and checks that every
 * internal address resolves to a file the build wrote, under the site's base path.
 *
 *   node scripts/build/check-links.ts [dir]      dir defaults to dist/; BASE_PATH and SITE_URL as for
 *                                          the build (or --base /zlyda/ --site https://…)
 *
 * Checked:
 *   - HTML: a/area/link[href], script/img/iframe/source/audio/video/track/embed[src], srcset,
 *     object[data], form[action], <meta http-equiv="refresh"> targets, og:url/og:image, and every
 *     `#fragment` (the target page must have that id, or <a name>);
 *   - CSS: url(…) references;
 *   - feeds, sitemap, robots.txt and JSON under api/: every absolute URL on the site's own origin.
 * An internal address must lie under the base path (a root-relative "/2022/…" in a site built for
 * /zlyda/ is the classic sub-path bug) and name a file, or a directory with index.html when it
 * ends in "/". External addresses (other origins, mailto:, tel:, data:) are not fetched.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { normalizeBase } from "../../src/shared/base-path.ts";

export interface LinkProblem {
  /** File (relative to the site directory) the address is in. */
  file: string;
  /** The address as written. */
  ref: string;
  problem: string;
}

export interface LinkReport {
  files: number;
  /** Internal addresses checked. */
  links: number;
  /** Fragments checked. */
  fragments: number;
  problems: LinkProblem[];
}

export interface CheckOptions {
  /** The built site (e.g. dist/). */
  dir: string;
  /** Base path the site was built for: "/" or "/zlyda/". */
  base?: string | undefined;
  /** SITE_URL the site was built for: absolute addresses on its origin are internal. */
  site?: string;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** The URL a file is served at. */
function fileUrl(file: string, root: string): string {
  const path = file === "index.html" ? "" : file.endsWith("/index.html") ? file.slice(0, -10) : file;
  return new URL(path.split("/").map(encodeURIComponent).join("/"), root).href;
}

const SKIP_SCHEME = /^(mailto|tel|data|javascript|blob|about|sms|geo):/i;

interface Ref {
  ref: string;
  /** Whether a #fragment in it must be checked. */
  fragment: boolean;
}

function elementRefs(tree: Root): { refs: Ref[]; ids: Set<string> } {
  const refs: Ref[] = [];
  const ids = new Set<string>();
  const add = (value: unknown, fragment = true) => {
    if (typeof value === "string" && value.trim() !== "") refs.push({ ref: value.trim(), fragment });
  };
  const srcset = (value: unknown) => {
    if (typeof value !== "string") return;
    for (const candidate of value.split(",")) add(candidate.trim().split(/\s+/)[0], false);
  };
  const walk = (node: Root | RootContent) => {
    if (node.type === "element") {
      const el = node;
      const p = el.properties ?? {};
      if (typeof p.id === "string" && p.id) ids.add(p.id);
      if (el.tagName === "a" && typeof p.name === "string") ids.add(p.name);
      switch (el.tagName) {
        case "a":
        case "area":
          add(p.href);
          break;
        case "link":
          add(p.href, false);
          break;
        case "script":
        case "iframe":
        case "embed":
        case "track":
        case "audio":
        case "video":
          add(p.src);
          break;
        case "img":
        case "source":
          add(p.src, false);
          srcset(p.srcSet);
          break;
        case "object":
          add(p.data, false);
          break;
        case "form":
          add(p.action, false);
          break;
        case "meta": {
          const content = typeof p.content === "string" ? p.content : "";
          if (String(p.httpEquiv).toLowerCase() === "refresh") {
            const url = /url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1];
            if (url) add(url);
          } else if (["og:url", "og:image"].includes(String(p.property))) add(content, false);
          break;
        }
      }
      if (el.tagName === "template" && "content" in el && el.content) walk(el.content);
    }
    if ("children" in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return { refs, ids };
}

/**
 * Absolute addresses on the site's origin inside a text file (XML, JSON, CSV, robots.txt). In a
 * CSV file a comma ends a cell, so it ends an address too (a comma inside one would be quoted).
 */
function absoluteRefs(text: string, origin: string, csv = false): Ref[] {
  const out: Ref[] = [];
  for (const m of text.matchAll(csv ? /https?:\/\/[^\s"'<>\\,]+/g : /https?:\/\/[^\s"'<>\\]+/g)) {
    const url = m[0].replace(/&amp;/g, "&").replace(/[),.;，。]+$/, "");
    if (url.startsWith(origin)) out.push({ ref: url, fragment: true });
  }
  return out;
}

export function checkLinks(options: CheckOptions): LinkReport {
  const dir = resolve(options.dir);
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: build the site first`);
  const base = normalizeBase(options.base);
  const site = new URL(options.site ?? "http://site.invalid");
  const root = new URL(base, site.origin).href;
  const all = files(dir);
  const problems: LinkProblem[] = [];
  const idCache = new Map<string, Set<string>>();
  const parsed = new Map<string, { refs: Ref[]; ids: Set<string> }>();
  const parse = (file: string) => {
    let result = parsed.get(file);
    if (!result) {
      result = elementRefs(fromHtml(readFileSync(join(dir, file), "utf8")));
      parsed.set(file, result);
      idCache.set(file, result.ids);
    }
    return result;
  };

  let links = 0;
  let fragments = 0;
  const check = (file: string, { ref, fragment }: Ref) => {
    if (SKIP_SCHEME.test(ref)) return;
    const from = fileUrl(file, root);
    let url: URL;
    try {
      url = new URL(ref, from);
    } catch {
      problems.push({ file, ref, problem: "not a valid URL" });
      return;
    }
    if (!/^https?:$/.test(url.protocol) || url.origin !== site.origin) return;
    links++;
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      problems.push({ file, ref, problem: "malformed percent-encoding" });
      return;
    }
    if (!path.startsWith(base)) {
      problems.push({ file, ref, problem: `outside the base path ${base}` });
      return;
    }
    const rel = path.slice(base.length);
    let target: string | undefined;
    const full = join(dir, rel);
    if (rel === "" || rel.endsWith("/")) {
      target = `${rel}index.html`;
      if (!existsSync(join(dir, target))) {
        problems.push({ file, ref, problem: `no page: ${target} does not exist` });
        return;
      }
    } else if (existsSync(full) && statSync(full).isFile()) {
      target = rel;
    } else if (existsSync(join(full, "index.html"))) {
      problems.push({
        file,
        ref,
        problem: "a directory without its trailing slash (the URL promise: trailing slashes)",
      });
      return;
    } else {
      problems.push({ file, ref, problem: `no file: ${rel} does not exist` });
      return;
    }
    const hash = url.hash.slice(1);
    if (!fragment || !hash || hash.startsWith(":~:") || !target.endsWith(".html")) return;
    fragments++;
    const id = decodeURIComponent(hash);
    if (!parse(target).ids.has(id))
      problems.push({ file, ref, problem: `${target} has no element with id "${id}"` });
  };

  for (const file of all) {
    if (file.endsWith(".html")) {
      for (const ref of parse(file).refs) check(file, ref);
    } else if (file.endsWith(".css")) {
      const css = readFileSync(join(dir, file), "utf8");
      for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g))
        check(file, { ref: m[2]!, fragment: false });
    } else if (/\.(xml|json|txt|csv|md)$/.test(file) && (file.startsWith("api/") || !file.includes("/"))) {
      // Site-level machine-readable files and the open data (not the notices' own texts, which
      // quote other sites' addresses as printed).
      const text = readFileSync(join(dir, file), "utf8");
      for (const ref of absoluteRefs(text, site.origin, file.endsWith(".csv"))) check(file, ref);
    }
  }
  return { files: all.length, links, fragments, problems };
}

export function formatProblems(problems: readonly LinkProblem[], limit = 50): string {
  const lines = problems.slice(0, limit).map((p) => `  ${p.file}: ${p.ref}\n    ${p.problem}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return lines.join("\n");
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const value = args[i + 1];
    args.splice(i, 2);
    return value;
  };
  const base = option("--base") ?? process.env.BASE_PATH;
  const site = option("--site") ?? process.env.SITE_URL ?? "http://localhost:4321";
  const dir = args[0] ?? resolve(import.meta.dirname, "..", "..", "dist");
  const report = checkLinks({ dir, base, site });
  if (report.problems.length) {
    console.error(`${report.problems.length} broken links in ${dir}:\n${formatProblems(report.problems)}`);
    process.exitCode = 1;
  } else {
    console.log(
      `${report.files} files, ${report.links} internal links and ${report.fragments} anchors checked under ${normalizeBase(base)}: all resolve.`,
    );
  }
}
