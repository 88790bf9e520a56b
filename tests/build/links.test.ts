/**
 * The built site's permanent-link files (issue 5): a /wenhao/ redirect page for every held
 * document number in every form, named with the raw characters (a static server maps the
 * decoded request path straight to them); the citation downloads of every notice; the
 * changelog page and feed. Skipped when there is no dist/ (`npm test` builds first).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import yaml from "js-yaml";
import { describe, expect, test } from "vitest";
import { wenhaoVariants } from "../../src/outputs/wenhao/wenhao.ts";

const root = resolve(import.meta.dirname, "../..");
const dist = join(root, "dist");
const built = existsSync(join(dist, "index.html"));

const notices = readdirSync(join(root, "content", "notices"))
  .filter((name) => name.endsWith(".mdx"))
  .sort()
  .map((name) => {
    const text = readFileSync(join(root, "content", "notices", name), "utf8");
    const data = yaml.load(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!) as {
      docNumber?: string;
      year: number;
      slug: string;
    };
    return { id: name.slice(0, -4), ...data };
  });

describe.skipIf(!built)("dist/: permanent links", () => {
  const withNumber = notices.filter((n) => n.docNumber);

  test.each(withNumber)("$docNumber: a redirect page for every form, to /$year/$slug/", (notice) => {
    for (const variant of wenhaoVariants(notice.docNumber!)) {
      const page = join(dist, "wenhao", variant, "index.html");
      expect(existsSync(page), `dist/wenhao/${variant}/index.html`).toBe(true);
      const html = readFileSync(page, "utf8");
      expect(html).toMatch(
        new RegExp(`<meta http-equiv="refresh" content="0; url=[^"]*/${notice.year}/${notice.slug}/">`),
      );
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).toMatch(
        new RegExp(`<link rel="canonical" href="https?://[^"]+/${notice.year}/${notice.slug}/">`),
      );
    }
  });

  test("/wenhao/ and nothing else under it: every page there is an index or a held number's form", () => {
    const expected = new Set(withNumber.flatMap((n) => wenhaoVariants(n.docNumber!)));
    const dirs = readdirSync(join(dist, "wenhao"), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(dirs.map((d) => d.name).sort()).toEqual([...expected].sort());
    expect(existsSync(join(dist, "wenhao", "index.html"))).toBe(true);
  });

  test.each(notices)("$id: cite.json, cite.bib and cite.ris", ({ year, slug }) => {
    const dir = join(dist, String(year), slug);
    const [item] = JSON.parse(readFileSync(join(dir, "cite.json"), "utf8"));
    expect(item.URL).toMatch(new RegExp(`/${year}/${slug}/$`));
    expect(readFileSync(join(dir, "cite.bib"), "utf8")).toMatch(/^@misc\{/);
    expect(readFileSync(join(dir, "cite.ris"), "utf8")).toMatch(/^TY {2}- GOVDOC\r\n/);
  });

  test("/changelog/ and /changelog.xml", () => {
    expect(existsSync(join(dist, "changelog", "index.html"))).toBe(true);
    const xml = readFileSync(join(dist, "changelog.xml"), "utf8");
    expect(xml).toMatch(
      // The stylesheet that shows the feed as a page comes between (issue 16).
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<\?xml-stylesheet [^?]*\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    expect(xml.match(/<entry>/g)?.length).toBeGreaterThanOrEqual(notices.length);
  });
});
