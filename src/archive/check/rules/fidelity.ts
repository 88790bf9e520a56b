/**
 * The archived text is the source's text (src/archive/fidelity.ts): every letter and digit of
 * the verbatim source, minus the junk listed in provenance.removed, in order, and nothing else,
 * read from what a reader gets.
 */
import { StructureError } from "../../../text/blocks.ts";
import { compareFidelity, RemovalMismatchError } from "../../fidelity.ts";
import { bodyLine, type NoticeRule } from "../rule.ts";

export const fidelity: NoticeRule = ({ raw, notice, source, tree }) => {
  if (!source || !tree) return [];
  try {
    const mismatch = compareFidelity(source.text, notice.provenance.removed, tree);
    if (!mismatch) return [];
    return [
      {
        file: raw.file,
        field: bodyLine(raw, mismatch.bodyLine),
        expected: `the source's text ${mismatch.expected}`,
        received: mismatch.received,
        hint: "the archived text must keep every character of the source: restore what was lost or added (only whitespace, punctuation and markup may differ)",
      },
    ];
  } catch (error) {
    if (error instanceof RemovalMismatchError)
      return [
        {
          file: raw.file,
          field: "provenance.removed",
          expected: "removals that match the source line by line",
          received: error.problems.join("; "),
          hint: "each removal's line and text must be exactly as in the source",
        },
      ];
    if (error instanceof StructureError)
      return [
        {
          file: raw.file,
          expected: "a body made of the document's blocks, each with its anchor",
          received: error.message,
          hint: "write every paragraph, heading and list as the importer does (see README, Content model)",
        },
      ];
    throw error;
  }
};
