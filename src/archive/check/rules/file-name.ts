/** The file is named `{year}-{slug}.mdx`: its name is the notice's URL. */
import type { NoticeRule } from "../rule.ts";

export const fileName: NoticeRule = ({ raw, notice }) => {
  const expectedId = `${notice.year}-${notice.slug}`;
  if (raw.id === expectedId) return [];
  return [
    {
      file: raw.file,
      field: "slug",
      expected: `the file to be named ${expectedId}.mdx (year-slug: it is the notice's URL)`,
      received: `${raw.id}.mdx`,
      hint: `rename the file or correct year/slug`,
    },
  ];
};
