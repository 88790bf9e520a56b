/**
 * A notice's text as plain Markdown (/{year}/{slug}/text.md), rendered from the text model
 * (src/text/blocks.ts).
 */
import type { Block } from "../schemas/api.ts";
import { linesOf } from "./plain-text.ts";

/** Escapes what Markdown would read as syntax in a line of document text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(#{1,6}(?=\s|$)|[-+=](?=\s|$)|>)/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2")
    .replace(/\n/g, "  \n");
}

/**
 * Plain Markdown without MDX components: the title as `#`, the document's numbered headings at
 * their levels (一、 `##`, （一） `###` …; one level deeper inside attachments), paragraphs,
 * lists with their printed numbers, and the lines of each document part as a paragraph with
 * hard line breaks.
 */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  const chunks: string[] = [];
  const walk = (b: Block, base: number) => {
    switch (b.type) {
      case "title":
        chunks.push(`# ${escapeMarkdown(b.text)}`);
        break;
      case "paragraph":
        chunks.push(escapeMarkdown(b.text));
        break;
      case "section":
        chunks.push(`${"#".repeat(Math.min(6, b.depth + base))} ${escapeMarkdown(b.heading)}`);
        b.content.forEach((c) => walk(c, base));
        break;
      case "list":
        chunks.push(
          b.items
            .map((item, i) => {
              const marker = b.ordered
                ? /^\d+[.)]$/.test(item.number ?? "")
                  ? item.number!
                  : `${i + 1}.`
                : "-";
              // Unordered items keep a printed number as text; ordered ones use it as the marker.
              const text = !b.ordered && item.number ? `${item.number}${item.text}` : item.text;
              return `${marker} ${escapeMarkdown(text)}`;
            })
            .join("\n"),
        );
        break;
      case "part":
        chunks.push(linesOf(b.content).map(escapeMarkdown).join("  \n"));
        break;
      case "attachment":
        if (b.label) chunks.push(escapeMarkdown(b.label.text));
        if (b.title) chunks.push(`## ${escapeMarkdown(b.title.text)}`);
        b.content.forEach((c) => walk(c, 2));
        break;
    }
  };
  blocks.forEach((b) => walk(b, 1));
  return `${chunks.filter((c) => c !== "").join("\n\n")}\n`;
}
