/**
 * How the timelines (home page, /themes/) word a run of years the archive holds nothing for:
 * the years, and whether Quality Month was held then. Pure: it takes the run, so both pages
 * and tests use the same words.
 */

/** First national Quality Month: September 1978 (content/catalog/README.md). */
export const FIRST_YEAR = 1978;

/** What the words need of a run of years (a YearGroup of src/queries/years.ts). */
interface YearRun {
  /** Newest year of the run. */
  from: number;
  /** Oldest year of the run. */
  to: number;
  status: string;
}

/** The run's years, oldest first: 1998, or 1993–1996 with the page's own dash (– or —). */
export function yearSpan(run: YearRun, dash: "–" | "—"): string {
  return run.from === run.to ? `${run.from}` : `${run.to}${dash}${run.from}`;
}

/** The page's wording of what it lacks for years that were held. */
interface GapWords {
  /** What the archive has none of: 资料, or 主题资料 on the themes page. */
  lacking: string;
  /** Name 1978 as the first Quality Month when the run reaches back to it. */
  firstYear?: boolean;
}

/** 未举办“质量月”, 是否举办无资料, or 已举办，本档案暂无{lacking}. */
export function gapText(run: YearRun, words: GapWords): string {
  switch (run.status) {
    case "not-held":
      return "未举办“质量月”";
    case "unknown":
      return "是否举办无资料";
    default: {
      const first = words.firstYear && run.to === FIRST_YEAR ? `（首届为${FIRST_YEAR}年9月）` : "";
      return `已举办${first}，本档案暂无${words.lacking}`;
    }
  }
}
