/**
 * The archive grows by the importer, from any level and region (issue 15): a temporary copy of
 * the project gets the constructed notices of every shape (tests/fixtures/importer) imported as
 * `npm run import -- … --add-issuers` imports them, the whole build runs on it, and each notice
 * must then be on its own page, its year's page, its issuers' pages, the themes page and in the
 * search index. A tampered notice in such a copy must stop the build before anything runs.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitMdx } from "../../src/archive/files.ts";
import { parseKey } from "../../src/search/core.ts";
import { readSearchConfigFile } from "../../scripts/search/index.ts";
import { addImported, edit } from "../unit/helpers/archive-copy.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const SHAPES = [
  "provincial-without-quansheng",
  "city",
  "district",
  "web-copy-junk",
  "word-docx",
  "pdf-text-layer",
  "gb18030-county",
  "one-line",
];

/** A copy of the project without its build products; node_modules linked, not copied. */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "zly-grow-"));
  for (const entry of [
    "astro.config.mjs",
    "tsconfig.json",
    "package.json",
    "content",
    "src",
    "scripts",
    "public",
    "deploy",
  ]) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function build(dir: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(dir, "scripts/build/build.ts")], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1780000000" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

interface Imported {
  id: string;
  year: number;
  slug: string;
  level: string;
  theme: string;
  issuers: string[];
}

let dir: string;
const imported: Imported[] = [];

beforeAll(async () => {
  dir = projectCopy();
  for (const fixture of SHAPES) {
    const id = await addImported(dir, fixture);
    const file = join(dir, "content/notices", `${id}.mdx`);
    const data = yaml.load(splitMdx(file, readFileSync(file, "utf8")).frontmatterText) as Imported;
    imported.push({ ...data, id });
  }
  const result = build(dir);
  if (result.status !== 0)
    throw new Error(`the build of the grown archive failed:\n${result.output.slice(-4000)}`);
}, 900_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const page = (...path: string[]) => readFileSync(join(dir, "dist", ...path, "index.html"), "utf8");

describe("imported notices of every shape are built and found everywhere", () => {
  it("the held notices are untouched", () => {
    for (const id of ["2019-quanguo", "2021-quanguo", "2022-hainan", "2022-quanguo", "2024-quanguo"]) {
      for (const kind of ["notices", "sources"]) {
        const file = kind === "notices" ? `content/notices/${id}.mdx` : `content/sources/${id}.txt`;
        expect(readFileSync(join(dir, file)).equals(readFileSync(join(ROOT, file))), file).toBe(true);
      }
    }
  });

  it.each(SHAPES.map((s, i) => [s, i] as const))("%s: its page, year, issuers, theme and search", (_, i) => {
    const n = imported[i]!;
    const url = `/${n.year}/${n.slug}/`;
    expect(page(String(n.year), n.slug)).toContain(n.theme.split(" ")[0]);
    expect(page(String(n.year)), "year page").toContain(`href="${url}"`);
    for (const issuer of n.issuers)
      expect(page("issuers", issuer), `issuer ${issuer}`).toContain(`href="${url}"`);
    const themes = page("themes");
    expect(themes).toContain(`id="theme-${n.year}-${n.slug}"`);
    expect(themes).toContain(n.theme.split(" ")[0]);
    // Search: a record names the notice, and its stored text holds the theme.
    const config = readSearchConfigFile(join(dir, "dist"));
    const ids = config.shards.flatMap((s) => Object.values(s.pages).map((key) => parseKey(key).id));
    expect(ids).toContain(n.id);
    const stored = gunzipSync(
      readFileSync(join(dir, "dist", "search-data", "text", `${n.id}.bin`)),
    ).toString();
    expect(stored).toContain(n.theme.split(" ")[0]);
  });

  it("a county notice is labelled 县级 and its region named", () => {
    const county = imported.find((n) => n.level === "county")!;
    expect(page(String(county.year), county.slug)).toContain("县级");
  });

  it("the search page offers the county level", () => {
    expect(page("search")).toContain('value="county"');
  });
});

describe("tampering stops the build, and nothing of it runs", () => {
  it("an export line that would write a file", () => {
    const marker = join(dir, "pwned");
    edit(dir, `content/notices/${imported[0]!.id}.mdx`, (t) =>
      t.replace(
        "## 四、工作要求",
        `export const x = process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker)}, "1")\n\n## 四、工作要求`,
      ),
    );
    const before = readFileSync(join(dir, "dist", "index.html"));
    const result = build(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(new RegExp(`content/notices/${imported[0]!.id}\\.mdx › line \\d+`));
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(join(dir, "dist", "index.html")).equals(before), "dist/ untouched").toBe(true);
  }, 300_000);
});
