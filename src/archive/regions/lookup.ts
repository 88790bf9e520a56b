/**
 * Region names ↔ GB/T 2260 codes for what the archive stores: a notice's `region` (the name as
 * the division is officially called, 海南省, 三亚市) and `regionCode`.
 */
import { divisionByCode, divisions, type Division } from "./divisions.ts";
import { shortName } from "./names.ts";

/** The code of a province-level region by its full or short name (unique at that level). */
export function regionCodeOfName(name: string): string | undefined {
  for (const d of divisions().values()) {
    if (d.level === "provincial" && (d.name === name || shortName(d.name) === name)) return d.code;
  }
  return undefined;
}

/**
 * The division a notice's region fields denote: `regionCode` when given, else the province
 * named `region`. Undefined when neither identifies one.
 */
export function noticeDivision(
  region: string | undefined,
  regionCode: string | undefined,
): Division | undefined {
  if (regionCode) return divisionByCode(regionCode);
  const code = region ? regionCodeOfName(region) : undefined;
  return code ? divisionByCode(code) : undefined;
}
