/**
 * The text layer of a PDF, read with unpdf (PDF.js packaged for Node): the text items of each
 * page in reading order, a line break where PDF.js marks the end of a line, and a blank line
 * between pages (the importer rejoins sentences a page break cut, and removes page numbers).
 */
import { extractText } from "unpdf";
import { packageVersion } from "./docx.ts";

export async function pdfText(bytes: Uint8Array): Promise<{ text: string; extractedWith: string }> {
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: false });
  const pages = text.map((page) => page.replace(/\r\n?/g, "\n").trim()).filter(Boolean);
  return { text: `${pages.join("\n\n")}\n`, extractedWith: `unpdf ${packageVersion("unpdf")}` };
}
