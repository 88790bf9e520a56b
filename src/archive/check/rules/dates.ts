/** Dates fall in the notice's year, and in order: signed, then printed and published. */
import type { ArchiveIssue } from "../../errors.ts";
import type { NoticeRule } from "../rule.ts";

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
  if (notice.signedDate && notice.printedDate && notice.printedDate < notice.signedDate) {
    issues.push({
      file: raw.file,
      field: "printedDate",
      expected: `印发日期 on or after 成文日期 (${notice.signedDate})`,
      received: notice.printedDate,
      hint: "a notice is printed after it is signed: check both dates against the text",
    });
  }
  if (notice.signedDate && notice.publishedDate && notice.publishedDate < notice.signedDate) {
    issues.push({
      file: raw.file,
      field: "publishedDate",
      expected: `发布日期 on or after 成文日期 (${notice.signedDate})`,
      received: notice.publishedDate,
      hint: "check both dates against the text",
    });
  }
  return issues;
};
