/**
 * Every issuer, inferred issuer and co-host is an id of the issuer registry; a name or a typo
 * gets the nearest id or alias as a hint.
 */
import { nearest } from "../../errors.ts";
import { resolveIssuer, suggestIssuer } from "../../issuers.ts";
import type { NoticeRule } from "../rule.ts";

export const issuersResolve: NoticeRule = ({ raw, notice, index }) => {
  if (!index) return [];
  const ids: [string, string][] = [
    ...notice.issuers.map((id, i): [string, string] => [`issuers[${i}]`, id]),
    ...notice.inferredIssuers.map((x, i): [string, string] => [`inferredIssuers[${i}].id`, x.id]),
    ...notice.coHosts.map((id, i): [string, string] => [`coHosts[${i}]`, id]),
  ];
  return ids.flatMap(([field, id]) => {
    if (index.byId.has(id)) return [];
    const byName = resolveIssuer(index, id);
    const suggestion = byName ?? nearest(id, index.byId.keys());
    const alias = byName ? undefined : suggestIssuer(index, id);
    return [
      {
        file: raw.file,
        field,
        expected: "an issuer id from content/issuers/issuers.yaml",
        received: id,
        hint: byName
          ? `“${id}” is a name of ${byName}: write the id ${byName}`
          : suggestion || alias
            ? `did you mean ${[suggestion, alias && `${alias} (${resolveIssuer(index, alias)})`].filter(Boolean).join(" or ")}? If it is a new body, add it to the registry`
            : "add the body to content/issuers/issuers.yaml with all its spellings as aliases",
      },
    ];
  });
};
