/**
 * Every HTML file in dist/ is valid by html-validate with the `html-validate:recommended` preset
 * (the configuration is .htmlvalidate.json at the repository root, which the command line uses
 * too: `npx html-validate dist`). A failure lists each problem as file:line:column, rule, message.
 * `npm test` builds right before running these; skipped when there is no dist/.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { describe, expect, test } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const dist = join(root, "dist");
const built = existsSync(join(dist, "index.html"));
if (!built) console.warn("tests/build: no dist/ — skipped. Run npm run build first (npm test does).");

const htmlFiles = built
  ? readdirSync(dist, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)))
      .sort()
  : [];

/** Reads .htmlvalidate.json (root: true) for every file, like the html-validate command. */
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe.skipIf(!built)("html-validate", () => {
  test(".htmlvalidate.json uses the recommended preset", () => {
    const config = JSON.parse(readFileSync(join(root, ".htmlvalidate.json"), "utf8")) as {
      extends?: string[];
    };
    expect(config.extends).toContain("html-validate:recommended");
  });

  test("dist/ has HTML pages (home, years, notices, 404)", () => {
    expect(htmlFiles).toContain("index.html");
    expect(htmlFiles).toContain("404.html");
    expect(htmlFiles.length).toBeGreaterThan(2);
  });

  test.each(htmlFiles)("dist/%s is valid", async (file) => {
    const report = await validator.validateFile(join(dist, file));
    const problems = report.results.flatMap((result) =>
      result.messages.map(
        (m) =>
          `dist/${file}:${m.line}:${m.column} ${m.severity === 2 ? "error" : "warning"} ${m.ruleId}: ${m.message}`,
      ),
    );
    expect(problems.filter((p) => p.includes(" error "))).toEqual([]);
  });
});
