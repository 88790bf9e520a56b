/**
 * `npm run import` end to end, on a copy of the archive: what it writes (and that the archive
 * check then passes), what it refuses with nothing written, and a correction of a published
 * notice that keeps its URL and its earlier source.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkArchive } from "../../../src/archive/check/index.ts";
import { FIXTURES_DIR } from "../../../scripts/content/importer-fixtures.ts";
import { archiveCopy } from "../helpers/archive-copy.ts";

const CLI = resolve(import.meta.dirname, "../../../scripts/content/import.ts");

function runImport(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "--root", dir, "--date", "2026-12-01", ...args], {
    encoding: "utf8",
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Every file of the copy's content/, with its bytes (to prove that nothing was written). */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(p, readFileSync(p, "latin1"));
    }
  };
  walk(join(dir, "content"));
  return files;
}

describe("npm run import", () => {
  it(
    "writes a city notice with its source, manifest line, changelog entry and registry entries; the check passes",
    { timeout: 60_000 },
    () => {
      const dir = archiveCopy();
      const input = join(FIXTURES_DIR, "city/input.txt");
      const without = runImport(dir, input);
      expect(without.status).toBe(1);
      expect(without.out).toContain("--add-issuers");
      expect(without.out).toContain("Nothing was written.");

      const r = runImport(dir, input, "--add-issuers", "--obtained", "测试用的纯文本");
      expect(r.status, r.out).toBe(0);
      expect(readFileSync(join(dir, "content/sources/2024-fujian-fuzhou.txt"))).toEqual(readFileSync(input));
      expect(readFileSync(join(dir, "content/sources/SHA256SUMS"), "utf8")).toMatch(
        / {2}2024-fujian-fuzhou\.txt\n$/,
      );
      expect(readFileSync(join(dir, "content/changelog.yaml"), "utf8")).toContain(
        "notice: 2024-fujian-fuzhou",
      );
      expect(readFileSync(join(dir, "content/issuers/issuers.yaml"), "utf8")).toContain(
        "id: fujian-fuzhou-amr",
      );
      expect(checkArchive(dir).map((n) => n.id)).toContain("2024-fujian-fuzhou");
    },
  );

  it("refuses a letter, and a missing year names --year; nothing is written", { timeout: 60_000 }, () => {
    const dir = archiveCopy();
    const before = snapshot(dir);
    const letter = runImport(dir, join(FIXTURES_DIR, "error-letter/input.txt"));
    expect(letter.status).toBe(1);
    expect(letter.out).toContain("a letter (函)");
    const noYear = runImport(dir, join(FIXTURES_DIR, "year-supplied/input.txt"), "--dry-run");
    expect(noYear.status).toBe(1);
    // --dry-run prints the draft all the same.
    expect(noYear.out).toContain("# 陕西省市场监督管理局关于开展“质量月”活动的通知");
    expect(noYear.out).toContain("supply it with --year");
    expect(snapshot(dir)).toEqual(before);
  });

  it(
    "never replaces a published notice; --correct brings the better source in, keeping the URL and the earlier source",
    { timeout: 60_000 },
    () => {
      const dir = archiveCopy();
      const input = join(FIXTURES_DIR, "provincial-without-quansheng/input.txt");
      expect(runImport(dir, input, "--add-issuers").status).toBe(0);
      const earlier = readFileSync(join(dir, "content/sources/2023-zhejiang.txt"));

      // The same notice again, with a line the first copy lacked.
      const better = join(dir, "better.txt");
      writeFileSync(better, `${readFileSync(input, "utf8")}（此件公开发布）\n`);
      const again = runImport(dir, better);
      expect(again.status).toBe(1);
      expect(again.out).toContain("--correct");

      const corrected = runImport(dir, better, "--correct");
      expect(corrected.status, corrected.out).toBe(0);
      expect(readFileSync(join(dir, "content/sources/2023-zhejiang.txt"))).toEqual(earlier);
      expect(readFileSync(join(dir, "content/sources/2023-zhejiang.2.txt"), "utf8")).toContain(
        "（此件公开发布）",
      );
      const mdx = readFileSync(join(dir, "content/notices/2023-zhejiang.mdx"), "utf8");
      expect(mdx).toContain("source: content/sources/2023-zhejiang.2.txt");
      expect(mdx).toMatch(/earlierSources:\n {4}- source: content\/sources\/2023-zhejiang\.txt/);
      expect(readFileSync(join(dir, "content/changelog.yaml"), "utf8")).toMatch(
        /kind: corrected\n {2}notice: 2023-zhejiang/,
      );
      expect(checkArchive(dir).map((n) => n.id)).toContain("2023-zhejiang");
    },
  );
});
