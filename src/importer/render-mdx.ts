/**
 * Last pass of the importer: parts become the MDX body. Document parts that are not running
 * text become components (<Masthead>, <DocNumber> …, rendered by src/components/document/);
 * numbered headings become Markdown headings one level per level of official numbering.
 */
import { ATTACHMENT_COMPONENT, componentOfKind } from "../document/parts.ts";
import type { Block, Part } from "./structure.ts";
import { unwrapTitle } from "./extract.ts";

/**
 * Escapes what MDX would read as syntax: `{ } < >` (expressions, JSX), Markdown emphasis,
 * links and code, HTML entities, block syntax at the start of a line (# - + > 1.), and a line
 * that starts with `import ` or `export ` (MDX would run it as JavaScript): its first letter is
 * written as a character reference, which the page shows as the letter itself.
 */
export function escapeMdx(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>&|~]/g, "\\$&")
    .replace(/^(\s*)([#+\-=>])/, "$1\\$2")
    .replace(/^(\d{1,9})([.)])/, "$1\\$2")
    .replace(/^(?:i(?=mport )|e(?=xport ))/gmu, (letter) => `&#x${letter.charCodeAt(0).toString(16)};`);
}

export function renderBody(parts: Part[]): string {
  const out: string[] = [];
  let inAttachment = false;
  for (const part of parts) {
    switch (part.type) {
      case "block": {
        if (part.kind === "imprint" && inAttachment) {
          out.push(`</${ATTACHMENT_COMPONENT}>`);
          inAttachment = false;
        }
        out.push(renderBlock(part));
        break;
      }
      case "attachment": {
        if (inAttachment) out.push(`</${ATTACHMENT_COMPONENT}>`);
        out.push(`<${ATTACHMENT_COMPONENT} n="${part.n}">`, escapeMdx(part.label.text));
        if (part.title) out.push(`## ${escapeHeading(unwrapTitle(part.title.text))}`);
        inAttachment = true;
        break;
      }
      case "heading":
        out.push(`${"#".repeat(part.level + (inAttachment ? 2 : 1))} ${escapeHeading(part.text)}`);
        break;
      case "paragraph":
        out.push(escapeMdx(part.text));
        break;
      case "list":
        out.push(
          part.items
            .map((item) => `${item.n}. ${escapeMdx(item.text.replace(/^\d{1,2}\s*[.．、]\s*/, ""))}`)
            .join("\n"),
        );
        break;
    }
  }
  if (inAttachment) out.push(`</${ATTACHMENT_COMPONENT}>`);
  return `${out.join("\n\n")}\n`;
}

function escapeHeading(text: string): string {
  return escapeMdx(text).replace(/^\\?([#])/, "\\$1");
}

function renderBlock(block: Block): string {
  if (block.kind === "title")
    return `# ${escapeHeading(unwrapTitle(block.lines.map((l) => l.text).join("")))}`;
  const name = componentOfKind(block.kind);
  // 主送 split by a page break is one paragraph; other blocks keep their printed lines.
  const texts =
    block.kind === "recipients" ? [block.lines.map((l) => l.text).join("")] : block.lines.map((l) => l.text);
  const lines = texts.map(escapeMdx);
  return [`<${name}>`, ...lines, `</${name}>`].join("\n\n");
}
