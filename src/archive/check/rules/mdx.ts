/**
 * The body is data, never code: valid MDX that uses only the document components
 * (src/document/parts.ts) with their literal attributes, and no JavaScript — no import or
 * export, no {expression} (comments included), no attribute expression or spread. Anything else
 * could run at build time or hide text from readers.
 */
import type { ArchiveIssue } from "../../errors.ts";
import { COMPONENT_ATTRIBUTES } from "../../../document/parts.ts";
import { bodyLine, type NoticeRule } from "../rule.ts";

interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: MdxNode[];
}

const COMPONENTS = [...COMPONENT_ATTRIBUTES.keys()].join(", ");

export const mdx: NoticeRule = ({ raw, mdast, mdxError }) => {
  if (mdxError) {
    const e = mdxError as {
      line?: number;
      place?: { line?: number; start?: { line: number } };
      reason?: string;
    };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line;
    return [
      {
        file: raw.file,
        ...(line ? { field: bodyLine(raw, line) } : {}),
        expected: "valid MDX",
        received: e.reason ?? mdxError.message,
        hint: "escape literal { } < > in the text with a backslash (\\{), and close every component tag",
      },
    ];
  }
  if (!mdast) return [];
  const issues: ArchiveIssue[] = [];
  const at = (node: MdxNode) => bodyLine(raw, node.position?.start.line ?? 1);
  const visit = (node: MdxNode) => {
    switch (node.type) {
      case "mdxjsEsm":
        issues.push({
          file: raw.file,
          field: at(node),
          expected: "document text",
          received: `JavaScript: ${node.value ?? ""}`,
          hint: "a notice body holds no import or export: escape the text (\\export) if the source prints it",
        });
        break;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        issues.push({
          file: raw.file,
          field: at(node),
          expected: "document text",
          received: `an expression {${node.value ?? ""}}`,
          hint: "a notice body holds no {…} expressions or comments: escape braces the source prints as \\{ \\}",
        });
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const allowed = node.name ? COMPONENT_ATTRIBUTES.get(node.name) : undefined;
        if (!allowed || node.type === "mdxJsxTextElement") {
          issues.push({
            file: raw.file,
            field: at(node),
            expected: `one of the document components ${COMPONENTS}, on lines of their own`,
            received: `<${node.name ?? ""}>`,
            hint: "use a document component, or escape a literal < as \\<",
          });
          break;
        }
        for (const attribute of node.attributes ?? []) {
          const literal = attribute.type === "mdxJsxAttribute" && typeof attribute.value === "string";
          if (literal && allowed.includes(attribute.name ?? "")) continue;
          issues.push({
            file: raw.file,
            field: at(node),
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
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(mdast as MdxNode);
  return issues;
};
