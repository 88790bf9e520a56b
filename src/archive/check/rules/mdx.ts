/**
 * The body is data, never code: valid MDX, and nothing of src/document/data-only.ts's list —
 * no import or export, no {expression} (comments included), no component but the document's
 * with their literal attributes, no link. Anything else could run at build time or hide text
 * from readers or send them elsewhere.
 */
import { codeInBody } from "../../../document/data-only.ts";
import { bodyLine, type NoticeRule } from "../rule.ts";

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
  return codeInBody(mdast).map(({ line, ...issue }) => ({
    file: raw.file,
    field: bodyLine(raw, line),
    ...issue,
  }));
};
