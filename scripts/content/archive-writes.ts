/**
 * What an import writes into the archive, planned first and then written all at once: the
 * notice's MDX, its source (a new file, never an overwrite: sources are append-only), a line of
 * content/sources/SHA256SUMS, a changelog entry (`added`, or `corrected` for a better source of
 * a published notice) and, with --add-issuers, the proposed registry entries. Every file is
 * written to a temporary beside it and renamed into place only when all are ready, so a failure
 * never leaves half an import.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import yaml from "js-yaml";
import { CHANGELOG_FILE } from "../../src/archive/changelog.ts";
import { splitMdx } from "../../src/archive/files.ts";
import { manifestLine, SOURCES_DIR, SOURCES_MANIFEST } from "../../src/archive/sources-manifest.ts";
import type { HeldNotice, ImportResult, ProposedIssuer } from "../../src/importer/index.ts";
import { LEVELS, type Level } from "../../src/shared/levels.ts";

const NOTICES_DIR = "content/notices";
const ISSUERS_FILE = "content/issuers/issuers.yaml";

/** A held notice with what a correction needs of it. */
export interface HeldRecord extends HeldNotice {
  provenance: { source: string; sha256: string; earlierSources?: { source: string; sha256: string; replaced: string }[] };
}

/** The notices in content/notices, read from their frontmatter (invalid files are skipped). */
export function heldNotices(root: string): HeldRecord[] {
  const dir = join(root, NOTICES_DIR);
  if (!existsSync(dir)) return [];
  const held: HeldRecord[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".mdx")).sort()) {
    const file = `${NOTICES_DIR}/${name}`;
    try {
      const data = yaml.load(splitMdx(file, readFileSync(join(root, file), "utf8")).frontmatterText) as Record<
        string,
        unknown
      >;
      const level = String(data.level);
      held.push({
        id: name.replace(/\.mdx$/, ""),
        year: Number(data.year),
        slug: String(data.slug),
        level: (LEVELS as readonly string[]).includes(level) ? (level as Level) : "national",
        title: typeof data.title === "string" ? data.title : undefined,
        docNumber: typeof data.docNumber === "string" ? data.docNumber : undefined,
        regionCode: typeof data.regionCode === "string" ? data.regionCode : undefined,
        provenance: data.provenance as HeldRecord["provenance"],
      });
    } catch {
      // A notice the archive check would reject is not a reason to refuse an import.
    }
  }
  return held;
}

/** The name of the next source file of a notice: {id}.txt, then {id}.2.txt, {id}.3.txt … */
export function nextSourcePath(root: string, held: HeldRecord): string {
  const count = 1 + (held.provenance.earlierSources?.length ?? 0);
  for (let n = count + 1; ; n++) {
    const path = `${SOURCES_DIR}/${held.id}.${n}.txt`;
    if (!existsSync(join(root, path))) return path;
  }
}

/** Today in Beijing, YYYY-MM-DD (the changelog's dates are the archive's days). */
export function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

/** How the changelog names a notice: 2024年全国“质量月”活动通知, 海南省三亚市2022年… */
function noticeName(result: ImportResult): string {
  const d = result.draft;
  const where = d.level === "national" ? "全国" : typeof d.region === "string" ? d.region : "";
  const number = typeof d.docNumber === "string" ? `（${d.docNumber}）` : "";
  return `${where}${String(d.year)}年“质量月”活动通知${number}`;
}

export interface ImportPlan {
  /** Files to create or replace, path relative to the root → content. */
  files: Map<string, string | Uint8Array>;
  /** Paths that must not exist yet (a source is never overwritten). */
  mustBeNew: string[];
}

/** The files an import writes. */
export function planImport(
  root: string,
  result: ImportResult,
  options: { date: string; correction?: { held: HeldRecord } | undefined; issuers?: ProposedIssuer[] },
): ImportPlan {
  const files = new Map<string, string | Uint8Array>();
  const id = result.id!;
  const provenance = result.draft.provenance as { source: string; sha256: string; note?: string };
  const mdxPath = `${NOTICES_DIR}/${id}.mdx`;
  files.set(provenance.source, result.sourceBytes);
  files.set(mdxPath, result.mdx);

  const manifest = existsSync(join(root, SOURCES_MANIFEST)) ? readFileSync(join(root, SOURCES_MANIFEST), "utf8") : "";
  files.set(
    SOURCES_MANIFEST,
    manifest + manifestLine(provenance.sha256, provenance.source.slice(SOURCES_DIR.length + 1)),
  );

  const held = options.correction?.held;
  const entry = held
    ? {
        date: options.date,
        kind: "corrected",
        notice: id,
        summary: `更正${noticeName(result)}的来源文本`,
        details: `以新收到的来源（${String((result.draft.provenance as { receivedAs?: string }).receivedAs)}）替换原来源；原来源 ${held.provenance.source}（SHA-256 ${held.provenance.sha256.slice(0, 16)}…）保留不删，新来源为 ${provenance.source}。网址不变。`,
      }
    : {
        date: options.date,
        kind: "added",
        notice: id,
        summary: `收录${noticeName(result)}`,
        ...(provenance.note ? { details: provenance.note } : {}),
      };
  const changelog = existsSync(join(root, CHANGELOG_FILE)) ? readFileSync(join(root, CHANGELOG_FILE), "utf8") : "";
  files.set(CHANGELOG_FILE, appendYamlItem(changelog, entry));

  if (options.issuers?.length) {
    let registry = readFileSync(join(root, ISSUERS_FILE), "utf8");
    for (const issuer of options.issuers) {
      registry = appendYamlItem(registry, issuer, `# Added by npm run import for ${id}: check the id, name and region.`);
    }
    files.set(ISSUERS_FILE, registry);
  }
  return { files, mustBeNew: [provenance.source, ...(held ? [] : [mdxPath])] };
}

/** A YAML list file with one more item at its end (its comments and layout kept). */
function appendYamlItem(text: string, item: object, comment?: string): string {
  const block = yaml.dump([item], { lineWidth: -1, noRefs: true, quotingType: '"', sortKeys: false });
  const base = text === "" || text.endsWith("\n") ? text : `${text}\n`;
  const list = base.trim() === "[]" ? "" : base;
  return `${list}${list ? "\n" : ""}${comment ? `${comment}\n` : ""}${block}`;
}

/** Writes the plan: every file to a temporary first, then each renamed into place. */
export function writePlan(root: string, plan: ImportPlan): void {
  for (const path of plan.mustBeNew) {
    if (existsSync(join(root, path))) throw new Error(`${path} already exists: sources are never overwritten`);
  }
  const temporaries: [string, string][] = [];
  try {
    for (const [path, data] of plan.files) {
      const full = join(root, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(`${full}.import-tmp`, data);
      temporaries.push([`${full}.import-tmp`, full]);
    }
  } catch (error) {
    for (const [tmp] of temporaries) rmSync(tmp, { force: true });
    throw error;
  }
  for (const [tmp, full] of temporaries) renameSync(tmp, full);
}
