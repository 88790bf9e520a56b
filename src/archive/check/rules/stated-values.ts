/**
 * Values the frontmatter states are printed in the source (inferred values are exempt: they are
 * marked as such, with their basis). Dates, counts, issuers and the region: ./stated-facts.ts.
 */
import { sourceStates } from "../../fidelity.ts";
import type { NoticeRule } from "../rule.ts";

export const statedValues: NoticeRule = ({ raw, notice, source }) => {
  if (!source) return [];
  const inferred = new Set(notice.inferred.map((x) => x.field));
  const stated: [string, string | undefined][] = [
    ["title", inferred.has("title") ? undefined : notice.title],
    ["docNumber", inferred.has("docNumber") ? undefined : notice.docNumber],
    ["theme", inferred.has("theme") ? undefined : notice.theme],
    ["recipients", notice.recipients],
    ["cc", notice.cc],
    ["publicity", notice.publicity],
    ["printedBy", notice.printedBy],
    ...(notice.slogans ?? []).map((s, i): [string, string] => [`slogans[${i}]`, s]),
    ...notice.signatures.map((s, i): [string, string] => [`signatures[${i}]`, s]),
    ...notice.attachments.map((a, i): [string, string] => [`attachments[${i}].title`, a.title]),
  ];
  return stated.flatMap(([field, value]) =>
    value && !sourceStates(source.text, value)
      ? [
          {
            file: raw.file,
            field,
            expected: "a value as printed in the source text",
            received: value,
            hint: "copy the value from the text; a value the text does not state must be listed in `inferred` with its basis",
          },
        ]
      : [],
  );
};
