/** An inferred issuer is one the text does not name: it cannot also be a named issuer. */
import type { NoticeRule } from "../rule.ts";

export const inferredIssuers: NoticeRule = ({ raw, notice }) =>
  notice.inferredIssuers.flatMap((x, i) =>
    notice.issuers.includes(x.id)
      ? [
          {
            file: raw.file,
            field: `inferredIssuers[${i}].id`,
            expected: "an issuer the text does not name",
            received: x.id,
            hint: `${x.id} is already in issuers (named by the text): remove it from inferredIssuers`,
          },
        ]
      : [],
  );
