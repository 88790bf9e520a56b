/** The verbatim source sits beside the notice under the same name, and is unchanged (SHA-256). */
import { createHash } from "node:crypto";
import type { ArchiveIssue } from "../../errors.ts";
import type { NoticeRule } from "../rule.ts";

export const sourceFile: NoticeRule = ({ raw, notice, source }) => {
  const issues: ArchiveIssue[] = [];
  const path = notice.provenance.source;
  if (path !== `content/sources/${raw.id}.txt`) {
    issues.push({
      file: raw.file,
      field: "provenance.source",
      expected: `content/sources/${raw.id}.txt`,
      received: path,
      hint: "the source sits next to the notice under the same name",
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
