/**
 * A notice body is data, never code: valid MDX that uses only the document components
 * (./parts.ts) with their literal attributes, and no JavaScript — no import or export, no
 * {expression} (comments included), no attribute expression or spread — and no markup that
 * sends a reader elsewhere or hides text: no links, images, references or definitions (the
 * importer escapes [ ] and no notice prints one). The one list of what is refused: the archive
 * check reports it with file and line (src/archive/check/rules/mdx.ts), and the MDX compiler
 * stops on it (./plugins/remark-data-only.ts), so nothing runs even if the check is skipped.
 */
import type { Nodes, Root } from "mdast";
import { COMPONENT_ATTRIBUTES } from "./parts.ts";

export interface CodeInBody {
  /** 1-based line of the body. */
  line: number;
  expected: string;
  received: string;
  hint: string;
}

interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: MdxNode[];
}

const COMPONENTS = [...COMPONENT_ATTRIBUTES.keys()].join(", ");
const LINKS = new Set([
  "link",
  "image",
  "linkReference",
  "imageReference",
  "definition",
  "footnoteDefinition",
  "footnoteReference",
  "html",
]);

/** Everything in a body's syntax tree that is not document text, components and their literal attributes. */
export function codeInBody(tree: Root | Nodes): CodeInBody[] {
  const found: CodeInBody[] = [];
  const visit = (node: MdxNode) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case "mdxjsEsm":
        found.push({
          line,
          expected: "document text",
          received: `JavaScript: ${node.value ?? ""}`,
          hint: "a notice body holds no import or export: write the first letter of a line the source starts with import or export as a character reference (&#x65;xport)",
        });
        break;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        found.push({
          line,
          expected: "document text",
          received: `an expression {${node.value ?? ""}}`,
          hint: "a notice body holds no {…} expressions or comments: escape braces the source prints as \\{ \\}",
        });
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const allowed = node.name ? COMPONENT_ATTRIBUTES.get(node.name) : undefined;
        if (!allowed || node.type === "mdxJsxTextElement") {
          found.push({
            line,
            expected: `one of the document components ${COMPONENTS}, on lines of their own`,
            received: `<${node.name ?? ""}>`,
            hint: "use a document component, or escape a literal < as \\<",
          });
          break;
        }
        for (const attribute of node.attributes ?? []) {
          const literal = attribute.type === "mdxJsxAttribute" && typeof attribute.value === "string";
          if (literal && allowed.includes(attribute.name ?? "")) continue;
          found.push({
            line,
            expected: allowed.length
              ? `only the attribute${allowed.length > 1 ? "s" : ""} ${allowed.join(", ")} of <${node.name}>, as a literal string`
              : `<${node.name}> without attributes`,
            received:
              attribute.type === "mdxJsxAttribute"
                ? `${attribute.name ?? ""}${literal ? `="${String(attribute.value)}"` : "={…}"}`
                : "{…spread}",
            hint: 'write attributes as name="value" and only those the component takes',
          });
        }
        break;
      }
      default:
        if (LINKS.has(node.type)) {
          found.push({
            line,
            expected: "document text",
            received: `a Markdown ${node.type}${node.url !== undefined ? ` to ${node.url}` : ""}`,
            hint: "a notice body holds no links, images or link definitions: escape [ ] the source prints as \\[ \\]",
          });
        }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as MdxNode);
  return found;
}
