import { z } from "zod";

/**
 * An ISO calendar date kept as a quoted string (`"2019-08-22"`), never a YAML date: a YAML date
 * becomes a UTC timestamp and can shift a day in the browser's time zone.
 */
export const IsoDateSchema = z.custom<string>(
  (value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value),
  {
    error: (issue) =>
      issue.input instanceof Date
        ? 'a quoted date string such as "2019-08-22" (YAML read an unquoted date: put it in quotes)'
        : 'a real calendar date written "YYYY-MM-DD", e.g. "2019-08-22"',
  },
);

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
