/**
 * Administrative levels of a notice: the one list the schema, the labels and every ordering use.
 * Pure and browser-safe (the search page's filters use it too). The levels below national are
 * those of GB/T 2260: province, prefecture (地级: cities, 自治州, 地区, 盟) and county (县级:
 * counties, districts, county-level cities, 旗).
 */

/** Levels, highest first: lists put the national notice first. */
export const LEVELS = ["national", "provincial", "municipal", "county"] as const;

export type Level = (typeof LEVELS)[number];

/** How a level is named on the pages. */
export const LEVEL_LABELS: Record<Level, string> = {
  national: "全国",
  provincial: "省级",
  municipal: "市级",
  county: "县级",
};

/** 0 for national, then down the levels: sort by it to put higher levels first. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}
