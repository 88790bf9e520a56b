/** Helpers for the /check/ 起草核对 page, shared by the browser and nginx tests. */
import { Document, Packer, Paragraph } from "docx";
import type { Page } from "playwright-core";

/** A draft as a Word file: one paragraph a line, as a drafter saves it from Word or WPS. */
export async function draftDocx(text: string): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({ sections: [{ children: text.split("\n").map((line) => new Paragraph({ text: line })) }] }),
  );
}

/** Opens `buffer` in the page's file input and waits until the page says it has read it. */
export async function uploadDraft(page: Page, buffer: Buffer): Promise<void> {
  await page.setInputFiles("[data-check-file]", {
    name: "草稿.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer,
  });
  await page.waitForFunction(() =>
    /已读入/.test(document.querySelector("[data-check-status]")?.textContent ?? ""),
  );
}
