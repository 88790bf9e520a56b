/**
 * Deployment tooling (issue 5): the link checker (scripts/build/check-links.ts) on a small site written
 * here — it must catch a missing page, a missing anchor, a link outside the base path and a
 * directory link without its slash — the nginx configuration rendered from deploy/nginx.conf
 * (scripts/serve/nginx-conf.ts) for "/" and a sub-path, and precompression (scripts/build/precompress.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, test } from "vitest";
import { checkLinks } from "../../../scripts/build/check-links.ts";
import { PRODUCTION, renderNginxConf } from "../../../scripts/serve/nginx-conf.ts";
import { precompress } from "../../../scripts/build/precompress.ts";

const tmp = mkdtempSync(join(tmpdir(), "zly-deploy-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function site(name: string, pages: Record<string, string>): string {
  const dir = join(tmp, name);
  for (const [file, content] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

const page = (body: string) =>
  `<!doctype html><html><head><link rel="stylesheet" href="/zlyda/_astro/a.css"></head><body>${body}</body></html>`;

describe("check-links", () => {
  const dir = site("links", {
    "index.html": page(
      `<a href="/zlyda/2022/quanguo/#s1">ok</a><a href="2022/quanguo/#s9">bad anchor</a>` +
        `<a href="/2022/quanguo/">outside base</a><a href="/zlyda/2022">no slash</a>` +
        `<a href="/zlyda/2023/">missing</a><a href="https://www.gov.cn/">external</a><a href="mailto:a@b.cn">mail</a>` +
        `<a href="#top-x">self</a><img src="/zlyda/missing.png" alt="">`,
    ),
    "2022/index.html": page(""),
    "2022/quanguo/index.html": page(`<h2 id="s1">一、</h2><a href="../../#">home</a>`),
    "_astro/a.css": `body{background:url(/zlyda/_astro/bg.svg)}`,
    "feed.xml": `<feed><id>https://example.gov.cn/zlyda/feed.xml</id><link href="https://example.gov.cn/zlyda/2021/"/></feed>`,
  });
  const report = checkLinks({ dir, base: "/zlyda/", site: "https://example.gov.cn" });
  const problems = report.problems.map((p) => `${p.file} ${p.ref}: ${p.problem}`);

  test("accepts what resolves and ignores other sites", () => {
    expect(
      problems.filter((p) => p.includes("quanguo/#s1:") || p.includes("gov.cn/:") || p.includes("mailto")),
    ).toEqual([]);
  });

  test("reports each kind of broken link", () => {
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/2022\/quanguo\/#s9: .*no element with id "s9"/),
        expect.stringMatching(/ \/2022\/quanguo\/: outside the base path \/zlyda\//),
        expect.stringMatching(/\/zlyda\/2022: a directory without its trailing slash/),
        expect.stringMatching(/\/zlyda\/2023\/: no page/),
        expect.stringMatching(/#top-x: index.html has no element with id "top-x"/),
        expect.stringMatching(/missing.png: no file/),
        expect.stringMatching(/_astro\/a.css .*bg.svg: no file/),
        expect.stringMatching(/feed.xml https:\/\/example.gov.cn\/zlyda\/2021\/: no page/),
      ]),
    );
    expect(problems).toHaveLength(8);
  });
});

describe("nginx configuration (deploy/nginx.conf)", () => {
  const root = renderNginxConf({ ...PRODUCTION, base: "/" });
  const sub = renderNginxConf({ ...PRODUCTION, base: "zlyda", listen: "127.0.0.1:8080" });

  test("a base path nginx could not take as it is is refused, naming BASE_PATH", () => {
    expect(() => renderNginxConf({ ...PRODUCTION, base: "/zly da/" })).toThrow(
      /BASE_PATH must be a plain URL path/,
    );
    expect(() => renderNginxConf({ ...PRODUCTION, base: "/a;b/" })).toThrow(/BASE_PATH/);
  });

  test("every placeholder is filled", () => {
    expect(root).not.toMatch(/\{\{/);
    expect(sub).not.toMatch(/\{\{/);
  });

  test("the production values: brotli module, worker user, 404 page, the strict CSP", () => {
    expect(root).toContain("load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;");
    expect(root).toContain("user www-data;");
    expect(root).toContain("error_page 404 /404.html;");
    expect(root).toContain(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors $zly_frame_ancestors",
    );
    expect(root).toMatch(/application\/wasm\s+wasm;/);
    expect(root).toMatch(/application\/octet-stream\s+pf_meta pf_index pf_fragment pagefind;/);
  });

  test("a sub-path: locations, redirects into the base and regexes for it", () => {
    expect(sub).toContain("listen 127.0.0.1:8080;");
    expect(sub).toContain("error_page 404 /zlyda/404.html;");
    expect(sub).toContain("location /zlyda/ {");
    expect(sub).toMatch(/location = \/ \{\s+return 301 \/zlyda\/;/);
    expect(sub).toMatch(/location = \/zlyda \{\s+return 301 \/zlyda\/;/);
    expect(sub).toContain("~^/zlyda/_astro/");
    expect(sub).toContain("~^/zlyda/embed/[^/]+/");
  });

  test("without brotli the module and its directive are left out", () => {
    const plain = renderNginxConf({ ...PRODUCTION, brotliModule: false });
    expect(plain).not.toMatch(/load_module|brotli_static on/);
  });

  test("a base path that is not a plain path is refused", () => {
    expect(() => renderNginxConf({ ...PRODUCTION, base: "/a b/" })).toThrow(/BASE_PATH/);
  });

  test.skipIf(!existsSync("/usr/sbin/nginx"))("nginx -t accepts it", () => {
    const dir = join(tmp, "nginx");
    mkdirSync(join(dir, "temp"), { recursive: true });
    const conf = join(dir, "nginx.conf");
    writeFileSync(
      conf,
      renderNginxConf({
        ...PRODUCTION,
        base: "/zlyda/",
        listen: "127.0.0.1:1",
        root: dir,
        pid: join(dir, "nginx.pid"),
        errorLog: join(dir, "error.log"),
        accessLog: join(dir, "access.log"),
        tempDir: join(dir, "temp"),
        user: undefined,
        brotliModule: existsSync(PRODUCTION.brotliModule as string) ? PRODUCTION.brotliModule : false,
      }),
    );
    const result = spawnSync("/usr/sbin/nginx", ["-t", "-p", dir, "-e", join(dir, "error.log"), "-c", conf], {
      encoding: "utf8",
    });
    expect(result.stderr).toContain("syntax is ok");
    expect(result.status).toBe(0);
  });
});

describe("precompress", () => {
  test("writes .gz and .br that decode to the original, skips small and binary files", async () => {
    const text = "质量月档案 ".repeat(200);
    const dir = site("compress", {
      "index.html": text,
      "small.css": "a{}",
      "x.pf_fragment": text,
      "y.png": text,
    });
    const report = await precompress(dir);
    expect(report.files).toBe(1);
    expect(gunzipSync(readFileSync(join(dir, "index.html.gz"))).toString()).toBe(text);
    expect(brotliDecompressSync(readFileSync(join(dir, "index.html.br"))).toString()).toBe(text);
    for (const f of ["small.css.gz", "x.pf_fragment.gz", "y.png.br"])
      expect(existsSync(join(dir, f)), f).toBe(false);
  });

  test("gives files stored gzipped a .gz hard link instead of compressing them again", async () => {
    const dir = site("compress-stored", { "search-data/text/plain.bin": "质量强国 ".repeat(200) });
    const stored = [
      "pagefind/index/und_1.pf_index",
      "pagefind/wasm.unknown.pagefind",
      "search-data/text/a.bin",
    ];
    for (const f of stored) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), gzipSync("质量强国 ".repeat(200)));
    }
    const report = await precompress(dir);
    const again = await precompress(dir); // a second run finds the links in place
    for (const r of [report, again])
      expect({ linked: r.linked, files: r.files }).toEqual({ linked: 3, files: 0 });
    for (const f of stored) {
      expect(statSync(join(dir, `${f}.gz`)).ino, f).toBe(statSync(join(dir, f)).ino);
      expect(existsSync(join(dir, `${f}.br`)), f).toBe(false);
    }
    expect(existsSync(join(dir, "search-data/text/plain.bin.gz")), "not gzip: no link").toBe(false);
  });

  test("leaves skipped directories alone (the search index compresses them after it is written)", async () => {
    const text = "质量强国 ".repeat(200);
    const dir = site("compress-skip", {
      "index.html": text,
      "pagefind/pagefind.js": text,
      "pagefind-other/a.js": text,
    });
    const report = await precompress(dir, { skip: ["pagefind"] });
    expect(report.files).toBe(2);
    expect(existsSync(join(dir, "pagefind", "pagefind.js.br"))).toBe(false);
    expect(existsSync(join(dir, "pagefind-other", "a.js.br")), "a sibling whose name starts alike").toBe(
      true,
    );
    expect(brotliDecompressSync(readFileSync(join(dir, "pagefind-other", "a.js.br"))).toString()).toBe(text);
  });
});
