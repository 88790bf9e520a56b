/**
 * A notice's text as plain text (/{year}/{slug}/text.txt): one paragraph per line, a blank line
 * between blocks; the lines of a document part (版头, 署名, 版记) and the items of a list stay
 * together. Rendered from the text model (src/text/blocks.ts).
 */
import type { Block } from "../schemas/api.ts";

/**
 * The text as archived, one paragraph per line with a blank line between blocks; the lines of a
 * document part (版头, 署名, 版记) and the items of a list stay together.
 */
export function blocksToText(blocks: readonly Block[]): string {
  const chunks: string[] = [];
  const walk = (b: Block) => {
    switch (b.type) {
      case "title":
      case "paragraph":
        chunks.push(b.text);
        break;
      case "section":
        chunks.push(b.heading);
        b.content.forEach(walk);
        break;
      case "list":
        chunks.push(b.items.map((i) => (i.number ? `${i.number}${i.text}` : i.text)).join("\n"));
        break;
      case "part":
        chunks.push(linesOf(b.content).join("\n"));
        break;
      case "attachment":
        chunks.push([b.label?.text, b.title?.text].filter(Boolean).join("\n"));
        b.content.forEach(walk);
        break;
    }
  };
  blocks.forEach(walk);
  return `${chunks.filter((c) => c !== "").join("\n\n")}\n`;
}

/** The lines of a part's content (parts hold paragraphs, rarely a list). */
export function linesOf(blocks: readonly Block[]): string[] {
  return blocksToText(blocks).trimEnd().split(/\n+/);
}
