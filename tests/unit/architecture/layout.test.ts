/**
 * The layout promises of docs/architecture.md, checked on the tree as it is: folders stay small,
 * no folder imports one that imports it back, only src/queries/ reads the collections, and pure
 * modules the browser loads import nothing from Node or Astro. Imports are read from the source
 * text here, independently of any tool.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, normalize, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

const sources = [...filesUnder("src"), ...filesUnder("scripts")].filter((f) => /\.(ts|astro|mjs)$/.test(f));

/** Relative imports of a file, as paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.\.?\/[^"'?]+)/g)].map((m) =>
    normalize(join(dirname(file), m[1]!)),
  );
}

/** The domain folder a file belongs to: src/<domain>, scripts/<group>, or the file's own folder. */
function domainOf(file: string): string {
  const parts = file.split("/");
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

describe("the layout", () => {
  it("no folder under src/ or scripts/ holds more than 15 files directly", () => {
    const counts = new Map<string, number>();
    for (const f of [...filesUnder("src"), ...filesUnder("scripts")])
      counts.set(dirname(f), (counts.get(dirname(f)) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 15)).toEqual([]);
  });

  it("no domain folder imports a folder that imports it back (directly or round a circle)", () => {
    const graph = new Map<string, Set<string>>();
    for (const f of sources)
      for (const target of importsOf(f)) {
        const [a, b] = [domainOf(f), domainOf(target)];
        if (a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
      }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      for (const next of graph.get(from) ?? []) {
        if (next === to) return true;
        if (!seen.has(next) && (seen.add(next), reaches(next, to, seen))) return true;
      }
      return false;
    };
    const circles = [...graph.keys()].filter((d) => reaches(d, d));
    expect(circles).toEqual([]);
  });

  it("only src/queries/ (and the collections' own config) read the content collections", () => {
    const readers = sources.filter((f) => /\bgetCollection\b/.test(readFileSync(join(ROOT, f), "utf8")));
    expect(readers.filter((f) => !f.startsWith("src/queries/") && f !== "src/content.config.ts")).toEqual([]);
  });

  it("shared/ is pure and browser-safe: no Node, no Astro, no file outside shared/", () => {
    for (const f of filesUnder("src/shared")) {
      const text = readFileSync(join(ROOT, f), "utf8");
      expect(text, f).not.toMatch(/from\s+["'](node:|astro)/);
      for (const target of importsOf(f))
        expect(relative("src/shared", target), `${f} imports ${target}`).not.toMatch(/^\.\./);
    }
  });
});
