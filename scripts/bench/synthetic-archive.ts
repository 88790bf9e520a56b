/**
 * A synthetic archive for the search benchmark (npm run bench:search): N notices recombined
 * from the seed notices' paragraphs, headings, themes and slogans with a fixed random seed, so
 * every run builds the same archive. It is written to a temporary directory, never into
 * content/, and never published.
 *
 *   node scripts/bench/synthetic-archive.ts --n 2000 --out /tmp/zly-synthetic [--seed 20240901]
 *
 * The output is a complete content/ tree (notices, verbatim sources with their SHA-256, the
 * issuer registry and the catalogue) that passes the archive check like real content: each
 * notice's source is its own text, every stated value occurs in it, document numbers are unique.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import yaml from "js-yaml";
import { bodyBlocks } from "../../src/text/notice-text.ts";
import { blocksToText } from "../../src/text/plain-text.ts";
import { numberingOf } from "../../src/document/numbering.ts";
import { childrenOf } from "../../src/archive/regions/divisions.ts";
import { regionSlug } from "../../src/archive/regions/slugs.ts";

const root = resolve(import.meta.dirname, "..", "..");

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeedPools {
  paragraphs: string[];
  h2: string[];
  h3: string[];
  themes: string[];
  slogans: string[];
}

/** Paragraphs (numbering stripped), heading texts, themes and slogans of the seed notices. */
export function seedPools(projectRoot = root): SeedPools {
  const dir = join(projectRoot, "content", "notices");
  const pools: SeedPools = { paragraphs: [], h2: [], h3: [], themes: [], slogans: [] };
  const add = (list: string[], value: string) => {
    if (value && !list.includes(value)) list.push(value);
  };
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".mdx"))
    .sort()) {
    const text = readFileSync(join(dir, name), "utf8");
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
    if (!m) continue;
    const data = yaml.load(m[1]!) as { theme?: string; slogans?: string[] };
    if (data.theme) add(pools.themes, data.theme);
    for (const s of data.slogans ?? []) add(pools.slogans, s);
    for (const line of text.slice(m[0].length).split(/\r?\n/)) {
      const t = line.trim();
      if (!t || t.startsWith("<") || t.startsWith("|")) continue;
      const heading = /^(#{2,3})\s+(.*)$/.exec(t);
      if (heading) {
        const rest = numberingOf(heading[2]!)?.rest ?? heading[2]!;
        // Attachment titles name their year; 活动主题 and 活动口号 are placed by the generator.
        if (/\d{4}年/.test(rest) || rest === "活动主题" || rest === "活动口号") continue;
        add(heading[1] === "##" ? pools.h2 : pools.h3, rest);
        continue;
      }
      if (t.startsWith("#") || /^[-*]\s|^\d+\.\s/.test(t)) continue;
      const body = numberingOf(t)?.rest ?? t;
      if ([...body].length >= 20 && !numberingOf(body)) add(pools.paragraphs, body);
    }
  }
  return pools;
}

const HAN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
function han(n: number): string {
  if (n <= 10) return HAN[n]!;
  if (n < 20) return `十${HAN[n - 10]}`;
  return `${HAN[Math.floor(n / 10)]}十${HAN[n % 10]}`;
}

export interface SyntheticOptions {
  /** Number of notices. */
  n: number;
  /** Directory that receives content/ (emptied first). */
  out: string;
  seed?: number;
  projectRoot?: string;
  /**
   * Share of paragraphs reworded as local notices reword the national one (0, the default, keeps
   * the seeds' paragraphs word for word): in a reworded paragraph each clause is, with some
   * chance, replaced by a clause of another paragraph or has a character or two changed, so the
   * archive holds near sentences and new ones, not only copies (the lineage benchmark).
   */
  vary?: number;
}

/** Clauses of a paragraph, each with the punctuation that ends it. */
function clausesOf(text: string): string[] {
  return text.match(/[^，；。！？]+[，；。！？]?/gu) ?? [text];
}

/** A paragraph reworded clause by clause (see SyntheticOptions.vary). */
function reword(
  paragraph: string,
  random: () => number,
  clauses: readonly string[],
  chars: readonly string[],
): string {
  return clausesOf(paragraph)
    .map((clause) => {
      const r = random();
      const end = /[，；。！？]$/u.test(clause) ? clause.slice(-1) : "";
      if (r < 0.2)
        return `${clauses[Math.floor(random() * clauses.length)]!.replace(/[，；。！？]$/u, "")}${end}`;
      if (r < 0.45) {
        const c = Array.from(clause);
        for (let k = 1 + Math.floor(random() * 2); k > 0; k--) {
          const at = Math.floor(random() * Math.max(1, c.length - 1));
          if (/\p{Script=Han}/u.test(c[at]!)) c[at] = chars[Math.floor(random() * chars.length)]!;
        }
        return c.join("");
      }
      return clause;
    })
    .join("");
}

export interface SyntheticNotice {
  id: string;
  year: number;
  slug: string;
}

/** Writes `out`/content/ with `n` synthetic notices; returns their ids. */
export function generateSyntheticArchive(options: SyntheticOptions): SyntheticNotice[] {
  const projectRoot = options.projectRoot ?? root;
  const random = rng(options.seed ?? 20240901);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pools = seedPools(projectRoot);
  const vary = options.vary ?? 0;
  const clausePool = pools.paragraphs.flatMap(clausesOf);
  const charPool = [...new Set(pools.paragraphs.join("").match(/\p{Script=Han}/gu) ?? [])];
  // No draw at all when nothing is reworded: the archive stays that of the other benchmarks.
  const paragraph = () => {
    const p = pick(pools.paragraphs);
    return vary > 0 && random() < vary ? reword(p, random, clausePool, charPool) : p;
  };
  // National bodies: their names mean them in any notice (src/archive/issuers.ts), and each
  // notice's signature names the ones it lists, as the archive check requires.
  const registry = (
    yaml.load(readFileSync(join(projectRoot, "content/issuers/issuers.yaml"), "utf8")) as {
      id: string;
      name: string;
      level: string;
    }[]
  ).filter((i) => i.level === "national");

  const content = join(options.out, "content");
  rmSync(content, { recursive: true, force: true });
  for (const d of ["notices", "sources", "issuers", "catalog"])
    mkdirSync(join(content, d), { recursive: true });
  copyFileSync(join(projectRoot, "content/issuers/issuers.yaml"), join(content, "issuers/issuers.yaml"));
  copyFileSync(
    join(projectRoot, "content/catalog/national-themes.tsv"),
    join(content, "catalog/national-themes.tsv"),
  );
  // The changelog names real notices: the synthetic archive has an empty one.
  if (existsSync(join(projectRoot, "content/changelog.yaml")))
    writeFileSync(join(content, "changelog.yaml"), "[]\n");

  const firstYear = 1995;
  const years = 30;
  const usedSlugs = new Set<string>();
  const provinces = childrenOf(undefined);
  const notices: SyntheticNotice[] = [];
  for (let i = 0; i < options.n; i++) {
    const year = firstYear + (i % years);
    const national = i < years;
    const province = pick(provinces);
    const cities = childrenOf(province.code).filter((d) => d.level === "municipal");
    const division = random() < 0.7 || !cities.length ? province : pick(cities);
    const level = national ? "national" : division.level;
    const region = { name: division.name, code: division.code, slug: regionSlug(division.code) };
    let slug = "quanguo";
    if (!national) {
      let k = 1;
      while (usedSlugs.has(`${year}-${region.slug}-${k}`)) k++;
      slug = `${region.slug}-${k}`;
    }
    usedSlugs.add(`${year}-${slug}`);
    const id = `${year}-${slug}`;
    const scope = national ? "全国" : level === "provincial" ? "全省" : "全市";
    const issuerName = national ? "市场监管总局等部门" : `${region.name}市场监督管理局`;
    const title = `${issuerName}关于开展${year}年${scope}“质量月”活动的通知`;
    // Unique within the year, and at most 4 digits like a real serial.
    const docNumber = `合成质发〔${year}〕${Math.floor(i / years) + 1}号`;
    const theme = pick(pools.themes);
    const slogans = [...new Set(Array.from({ length: between(0, 4) }, () => pick(pools.slogans)))];

    const lines: string[] = ["<DocNumber>", "", docNumber, "", "</DocNumber>", "", `# ${title}`, ""];
    lines.push(paragraph(), "");
    lines.push(`## 一、活动主题`, "", theme, "");
    // Sized like the seeds (about 4,500 characters of text per notice).
    const sections = between(3, 6);
    for (let s = 2; s <= sections + 1; s++) {
      lines.push(`## ${han(s)}、${pick(pools.h2)}`, "");
      const subs = between(0, 6);
      if (subs === 0) lines.push(paragraph(), "");
      for (let t = 1; t <= subs; t++) {
        lines.push(`### （${han(t)}）${pick(pools.h3)}`, "");
        for (let p = between(1, 3); p > 0; p--) lines.push(paragraph(), "");
      }
    }
    if (slogans.length) {
      lines.push(`## ${han(sections + 2)}、活动口号`, "");
      for (const s of slogans) lines.push(s, "");
    }
    const signers = [...new Set(Array.from({ length: between(1, 3) }, () => pick(registry)))];
    lines.push("<Signature>", "", signers.map((i) => i.name).join("  "), "", "</Signature>", "");
    const body = lines.join("\n");
    // The source as received: the text a reader gets, one block a line.
    const source = blocksToText(bodyBlocks(body)).replace(/\n{2,}/g, "\n");
    const sha256 = createHash("sha256").update(source).digest("hex");
    const issuers = signers.map((i) => i.id);
    const frontmatter = {
      title,
      docNumber,
      year,
      level,
      ...(national ? {} : { region: region.name, regionCode: region.code }),
      slug,
      theme,
      ...(slogans.length ? { slogans } : {}),
      issuers,
      provenance: {
        source: `content/sources/${id}.txt`,
        sha256,
        obtained: "合成的基准测试数据，由种子通知的段落重组，不发布",
        completeness: ["complete"],
      },
    };
    writeFileSync(join(content, "sources", `${id}.txt`), source);
    writeFileSync(
      join(content, "notices", `${id}.mdx`),
      `---\n${yaml.dump(frontmatter, { lineWidth: -1 })}---\n\n${body}`,
    );
    notices.push({ id, year, slug });
  }
  // The archive check wants every notice's addition recorded in the changelog.
  if (existsSync(join(projectRoot, "content/changelog.yaml"))) {
    writeFileSync(
      join(content, "changelog.yaml"),
      yaml.dump(
        notices.map((n) => ({
          date: "2026-01-01",
          kind: "added",
          notice: n.id,
          summary: `收录合成通知${n.id}`,
        })),
        { lineWidth: -1 },
      ),
    );
  }
  return notices;
}

export interface SyntheticProjectOptions {
  /** Work directory: emptied, then given this project's code and the synthetic content. */
  work: string;
  n: number;
  /** See SyntheticOptions.vary. */
  vary?: number;
  /** Removes or replaces parts of the copied code before the build (a benchmark's peer build). */
  prune?: (work: string) => void;
  /**
   * "all" keeps every route (the build benchmark); "search" only the pages search needs (home,
   * years, notices, the search page), so that the search benchmark does not spend its time on
   * comparisons, citations and open data.
   */
  routes: "all" | "search";
  projectRoot?: string;
}

/**
 * A temporary project that builds like this one (`node scripts/build/build.ts` inside it): this
 * project's code, a symlink to its node_modules, and `n` synthetic notices as its content.
 */
export function prepareSyntheticProject(options: SyntheticProjectOptions): SyntheticNotice[] {
  const projectRoot = options.projectRoot ?? root;
  const { work } = options;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const entry of ["src", "public", "scripts", "astro.config.mjs", "tsconfig.json", "package.json"])
    if (existsSync(join(projectRoot, entry)))
      cpSync(join(projectRoot, entry), join(work, entry), { recursive: true });
  symlinkSync(join(projectRoot, "node_modules"), join(work, "node_modules"), "dir");
  if (options.routes === "search") {
    const pages = join(work, "src", "pages");
    const keep = new Set(["index.astro", "404.astro", "[year]", "search"]);
    for (const entry of readdirSync(pages))
      if (!keep.has(entry)) rmSync(join(pages, entry), { recursive: true, force: true });
    for (const entry of readdirSync(join(pages, "[year]", "[slug]")))
      if (entry !== "index.astro") rmSync(join(pages, "[year]", "[slug]", entry), { force: true });
  }
  options.prune?.(work);
  return generateSyntheticArchive({
    n: options.n,
    out: work,
    projectRoot,
    ...(options.vary ? { vary: options.vary } : {}),
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      n: { type: "string", default: "2000" },
      out: { type: "string" },
      seed: { type: "string", default: "20240901" },
    },
  });
  if (!values.out) {
    console.error("usage: node scripts/bench/synthetic-archive.ts --n 2000 --out <dir> [--seed N]");
    process.exit(1);
  }
  const notices = generateSyntheticArchive({
    n: Number(values.n),
    out: resolve(values.out),
    seed: Number(values.seed),
  });
  console.log(`${notices.length} synthetic notices written to ${join(resolve(values.out), "content")}`);
}
