/** Dates fall in the notice's year, and in order: signed, then printed and published. */
import type { ArchiveIssue } from "../../errors.ts";
import type { NoticeRule } from "../rule.ts";

/** Dates that come after 成文日期, with their names and what to check. */
const AFTER_SIGNING = [
  ["printedDate", "印发日期", "a notice is printed after it is signed: check both dates against the text"],
  ["publishedDate", "发布日期", "check both dates against the text"],
] as const;

export const dates: NoticeRule = ({ raw, notice }) => {
  const issues: ArchiveIssue[] = [];
  for (const field of ["signedDate", "printedDate", "publishedDate"] as const) {
    const value = notice[field];
    if (value && Number(value.slice(0, 4)) !== notice.year) {
      issues.push({
        file: raw.file,
        field,
        expected: `a date in ${notice.year}, the notice's year`,
        received: value,
        hint: "check the year of the date and the notice's year",
      });
    }
  }
  for (const [field, name, hint] of AFTER_SIGNING) {
    const value = notice[field];
    if (notice.signedDate && value && value < notice.signedDate) {
      issues.push({
        file: raw.file,
        field,
        expected: `${name} on or after 成文日期 (${notice.signedDate})`,
        received: value,
        hint,
      });
    }
  }
  return issues;
};
