/** No two notices have the same document number. */
import type { ArchiveIssue } from "../../errors.ts";
import type { ArchiveRule, CheckedNotice } from "../rule.ts";

export const docNumbersUnique: ArchiveRule = (notices) => {
  const issues: ArchiveIssue[] = [];
  const byDocNumber = new Map<string, CheckedNotice>();
  for (const n of notices) {
    const dn = n.data.docNumber;
    if (!dn) continue;
    const other = byDocNumber.get(dn);
    if (other) {
      issues.push({
        file: n.file,
        field: "docNumber",
        expected: "a document number no other notice has",
        received: `${dn}, also in ${other.file}`,
        hint: "one of the two is wrong: check both against their texts",
      });
    } else byDocNumber.set(dn, n);
  }
  return issues;
};
