/**
 * /check/data.json, the archive as the draft check (/check/) needs it, written at build time
 * (src/check/data.ts) and read in the browser (src/check/page.ts): the wire format, defined
 * once. Arrays rather than objects, for size: at 2,000 notices it is the bulk of what the page
 * fetches.
 */
import type { KeyRow } from "../lineage/data.ts";
import type { Issuer } from "../schemas/issuer.ts";

/** A body of the issuer registry, without its editorial note. */
export type CheckIssuer = Omit<Issuer, "note">;

export interface CheckData {
  /** Held notices in lineage order (src/lineage/lineage.ts): id, short label, page path under the base. */
  notices: [id: string, label: string, path: string][];
  /**
   * Every distinct sentence of the held notices (src/lineage/data.ts, one KeyRow per key): the
   * text as first printed; the first notice holding it (index into `notices`) and the anchor
   * there; the latest notice holding it and its anchor; how many notices hold it.
   */
  sentences: KeyRow[];
  /**
   * Themes and slogans (src/themes/phrases.ts): the text as first printed, its /themes/ anchor,
   * and each use: year, notice index (−1 for the catalogue of themes), role.
   */
  phrases: [text: string, anchor: string, uses: [year: number, notice: number, role: "theme" | "slogan"][]][];
  /** The issuer registry. */
  issuers: CheckIssuer[];
  /**
   * Every name of a registered body, spaces taken out (src/archive/issuer-names.ts): the body's id
   * when the name means it in any notice, null when it means a body only in its own region
   * (省市场监督管理局), which a draft of unknown region does not settle. Read by the registry's
   * rule at build time (src/archive/issuers.ts): the browser needs no GB/T 2260 data.
   */
  names: [name: string, id: string | null][];
}

/** Its path under the base. */
export const CHECK_DATA_PATH = "check/data.json";
