/**
 * Walking the text model (src/text/blocks.ts).
 */
import type { Block } from "../schemas/api.ts";

/** Every anchor in the blocks, in document order. */
export function blockAnchors(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const walk = (b: Block) => {
    switch (b.type) {
      case "list":
        out.push(...b.items.map((i) => i.anchor));
        break;
      case "section":
      case "part":
        out.push(b.anchor);
        b.content.forEach(walk);
        break;
      case "attachment":
        out.push(b.anchor);
        if (b.label) out.push(b.label.anchor);
        if (b.title) out.push(b.title.anchor);
        b.content.forEach(walk);
        break;
      default:
        out.push(b.anchor);
    }
  };
  blocks.forEach(walk);
  return out;
}

/** Whether the text holds its own title (标题). */
export function hasTitle(blocks: readonly Block[]): boolean {
  return blocks.some((b) => b.type === "title");
}

/** The document parts the text holds, by name (src/document/parts.ts anchors): masthead, docnumber … */
export function partsIn(blocks: readonly Block[]): Set<string> {
  return new Set(blocks.flatMap((b) => (b.type === "part" ? [b.part] : [])));
}

/** The attachments whose text the body holds: number → anchor (`a2`). */
export function attachmentAnchors(blocks: readonly Block[]): Map<number, string> {
  return new Map(blocks.flatMap((b) => (b.type === "attachment" ? [[b.n, b.anchor] as const] : [])));
}
