/**
 * Administrative levels of a notice: the one list the schema, the labels and every ordering use.
 * Pure and browser-safe (the search page's filters use it too).
 */

/** Levels, highest first: lists put the national notice first. */
export const LEVELS = ["national", "provincial", "municipal"] as const;

export type Level = (typeof LEVELS)[number];

/** How a level is named on the pages. */
export const LEVEL_LABELS: Record<Level, string> = {
  national: "全国",
  provincial: "省级",
  municipal: "市级",
};

/** 0 for national, then down the levels: sort by it to put higher levels first. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}
