/**
 * Makes the importer's Word and PDF fixtures from their printed text (printed.txt in the
 * fixture folder, invented wording in the real layout), the way such files are made in an
 * office: a .docx written with `docx` (one paragraph per printed line, 仿宋 三号) and a PDF
 * printed by Chromium (A4, GB/T 9704 margins, the page number “— N —” at the foot of each page),
 * which has a text layer as real PDF notices do. The files are committed; run this again only
 * to change them.
 *
 *   npx node scripts/test/make-importer-binaries.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { chromium } from "playwright-core";
import { FIXTURES_DIR } from "../content/importer-fixtures.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.ts";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function makeDocx(folder: string): Promise<void> {
  const lines = readFileSync(join(folder, "printed.txt"), "utf8").replace(/\n$/, "").split("\n");
  const doc = new Document({
    creator: "质量月档案 fixtures",
    title: lines[0]!,
    sections: [
      {
        children: lines.map(
          (line) => new Paragraph({ children: [new TextRun({ text: line, font: "仿宋_GB2312", size: 32 })] }),
        ),
      },
    ],
  });
  writeFileSync(join(folder, "input.docx"), await Packer.toBuffer(doc));
}

async function makePdf(folder: string): Promise<void> {
  const lines = readFileSync(join(folder, "printed.txt"), "utf8").replace(/\n$/, "").split("\n");
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
    body { font: 16pt/1.6 "Noto Serif CJK SC", serif; margin: 0; }
    p { margin: 0; }
  </style><body>${lines.map((l) => `<p>${escapeHtml(l) || "&nbsp;"}</p>`).join("")}</body></html>`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    const pdf = await page.pdf({
      format: "A4",
      margin: { top: "37mm", bottom: "35mm", left: "28mm", right: "26mm" },
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate:
        '<div style="font-size:12pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
    });
    writeFileSync(join(folder, "input.pdf"), pdf);
  } finally {
    await browser.close();
  }
}

await makeDocx(join(FIXTURES_DIR, "word-docx"));
await makePdf(join(FIXTURES_DIR, "pdf-text-layer"));
console.log("wrote word-docx/input.docx and pdf-text-layer/input.pdf");
