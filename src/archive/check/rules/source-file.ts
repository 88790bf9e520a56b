/**
 * The verbatim source sits beside the notice under the same name ({id}.txt; a correction's
 * {id}.2.txt, {id}.3.txt …, the earlier ones kept), and is unchanged (SHA-256).
 */
import { createHash } from "node:crypto";
import type { ArchiveIssue } from "../../errors.ts";
import type { NoticeRule } from "../rule.ts";

export const sourceFile: NoticeRule = ({ raw, notice, source }) => {
  const issues: ArchiveIssue[] = [];
  const path = notice.provenance.source;
  const corrected = (notice.provenance.earlierSources?.length ?? 0) > 0;
  const expected = corrected ? `content/sources/${raw.id}.N.txt (N ≥ 2)` : `content/sources/${raw.id}.txt`;
  const named = corrected
    ? new RegExp(`^content/sources/${raw.id}\\.([2-9]|[1-9]\\d+)\\.txt$`).test(path)
    : path === `content/sources/${raw.id}.txt`;
  if (!named) {
    issues.push({
      file: raw.file,
      field: "provenance.source",
      expected,
      received: path,
      hint: corrected
        ? "a corrected notice's source is its id and the number of the source"
        : "the source sits next to the notice under the same name; a replaced source is listed in provenance.earlierSources",
    });
  }
  if (!source) {
    issues.push({
      file: raw.file,
      field: "provenance.source",
      expected: "an existing verbatim source file",
      received: path,
      hint: "import the notice with npm run import, which stores its source",
    });
    return issues;
  }
  const sha = createHash("sha256").update(source.bytes).digest("hex");
  if (sha !== notice.provenance.sha256) {
    issues.push({
      file: path,
      expected: `the verbatim source with SHA-256 ${notice.provenance.sha256}`,
      received: `a file with SHA-256 ${sha}`,
      hint: "sources are never edited: restore it from git (git checkout -- the file)",
    });
  }
  return issues;
};
