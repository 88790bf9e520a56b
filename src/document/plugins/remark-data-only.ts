/**
 * remark plugin for the MDX compiler (astro.config.mjs): a notice body that holds code
 * (import/export, an expression, an attribute expression, an unknown component) or a link stops
 * the compilation with its file and line, before any of it can run. The archive check reports the
 * same things first, with hints (../data-only.ts is the one list); this is the lock behind it.
 */
import type { Root } from "mdast";
import type { VFile } from "vfile";
import { codeInBody } from "../data-only.ts";

export default function remarkDataOnly() {
  return (tree: Root, file: VFile) => {
    const [first] = codeInBody(tree);
    if (first) {
      file.fail(
        `a notice body is data, never code: ${first.received} (expected ${first.expected}); ${first.hint}`,
        { place: { line: first.line, column: 1 } },
      );
    }
  };
}
