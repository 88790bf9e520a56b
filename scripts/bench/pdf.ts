/**
 * npm run bench -- --part pdf: what building a PDF of every notice would cost (the 下载PDF
 * decision, README “Reading, printing and taking a notice away”). Each notice page of dist/ is
 * printed to A4 by headless Chromium from the print stylesheet — the only renderer that gives the
 * site's GB/T 9704 print layout with CJK fonts — and the time and size are set beside the .docx
 * the build already writes, then scaled to 10,000 notices.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { kb, run, seconds } from "./util.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../test/chromium.ts";
import { startServer } from "../serve/serve.ts";

export async function pdfCost(root: string, reuse: boolean): Promise<{ lines: string[]; ok: boolean }> {
  const dist = join(root, "dist");
  if (!reuse || !existsSync(join(dist, "index.html")))
    await run(process.execPath, [join(root, "scripts", "build", "build.ts")], root);
  const ids = readdirSync(join(root, "content", "notices"))
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => f.slice(0, -4))
    .sort();
  const server = await startServer({ root: dist, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: { id: string; ms: number; pdf: number; pages: number; docx: number }[] = [];
  try {
    for (const id of ids) {
      const [, year, slug] = /^(\d{4})-(.+)$/.exec(id)!;
      const page = await browser.newPage();
      await page.goto(`${server.url}${year}/${slug}/`, { waitUntil: "load" });
      await page.emulateMedia({ media: "print" });
      const start = performance.now();
      const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
      const ms = performance.now() - start;
      await page.close();
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      rows.push({
        id,
        ms,
        pdf: pdf.length,
        pages,
        docx: statSync(join(dist, year!, slug!, "text.docx")).size,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const mean = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
  const perPdf = mean((r) => r.pdf);
  const perMs = mean((r) => r.ms);
  const lines = [
    "Headless Chromium (Debian's), print stylesheet, A4; time of page.pdf() alone (page already loaded).",
    "",
    "| notice | pages | PDF | render | .docx |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.id} | ${r.pages} | ${kb(r.pdf)} | ${seconds(r.ms)} | ${kb(r.docx)} |`),
    "",
    `Mean: ${kb(perPdf)} and ${seconds(perMs)} per PDF, against ${kb(mean((r) => r.docx))} per .docx. ` +
      `For 10,000 notices: about ${(perPdf * 10_000) / 1024 ** 3 >= 1 ? `${((perPdf * 10_000) / 1024 ** 3).toFixed(1)} GB` : `${Math.round((perPdf * 10_000) / 1024 ** 2)} MB`} ` +
      `of PDFs and ${((perMs * 10_000) / 3_600_000).toFixed(1)} h of rendering in one browser, on every build — and a browser on the build machine.`,
  ];
  return { lines, ok: true };
}
