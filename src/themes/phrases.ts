/**
 * Themes (活动主题) and slogans (活动口号) compared across years. Pure functions over the notices'
 * frontmatter (and text model, to point back at the printed slogan) and the catalogue, so they
 * run the same at build time and in unit tests: adding a notice updates every comparison.
 *
 * Matching
 * - Two phrases are the same when their normalised texts are equal: NFKC, then letters and
 *   digits only (CJK included). Whitespace and punctuation never tell phrases apart:
 *   “优化营商环境 建设质量强国” = “优化营商环境，建设质量强国”.
 * - Two phrases are near-identical when a token diff (each CJK character one token, a run of
 *   ASCII letters or digits one token) leaves exactly one changed run — one word or phrase
 *   replaced, inserted or removed — of at most NEAR_MAX_CHANGE (4) tokens on either side, with
 *   at least NEAR_MIN_KEPT (6) tokens in common and at least NEAR_KEPT_RATIO (3) times as many
 *   kept as changed: 提升产品和服务质量 → 提升产品、工程和服务质量,
 *   建设质量强国 共享美好生活 → 建设质量强国 共创美好生活. The changed run is what pages mark.
 * - Themes and slogans are matched together: a slogan of one year can be another year's theme.
 *
 * Anchors on /themes/ (permanent, see README “The URL promise”)
 * - `#slogan-{h}`: one per distinct phrase (slogans; themes share the scheme), `h` = the first
 *   8 hex digits of the SHA-256 of the normalised text in UTF-8. Derived from the content only,
 *   so it never depends on page order or on which notices are held; respelling the punctuation
 *   or spacing of a slogan keeps its anchor. Reproduce one with
 *   `printf %s 优化营商环境建设质量强国 | sha256sum | cut -c1-8`.
 * - `#year-{year}`: a year on the theme timeline; `#theme-{year}-{slug}`: the theme of a held
 *   notice (`#theme-2022-quanguo`, `#theme-2022-hainan`).
 */
import { createHash } from "node:crypto";
import { levelRank, type Level } from "../shared/levels.ts";
import type { Block } from "../schemas/api.ts";
import { lcsPairs } from "../text/diff.ts";
import { significantChars } from "../shared/letters.ts";

/** At most this many tokens changed on either side for two phrases to be near-identical. */
const NEAR_MAX_CHANGE = 4;
/** At least this many tokens in common for two phrases to be near-identical. */
const NEAR_MIN_KEPT = 6;
/** …and at least this many times as many tokens kept as changed (the change is a small part). */
const NEAR_KEPT_RATIO = 3;

/** What the comparisons need of a notice (a content collection entry satisfies it). */
export interface ThemeNotice {
  id: string;
  /** Its text model (src/text/blocks.ts), to point back at the printed slogans. */
  blocks?: readonly Block[] | undefined;
  data: {
    year: number;
    slug: string;
    level: Level;
    region?: string | undefined;
    theme?: string | undefined;
    slogans?: string[] | undefined;
  };
}

/** What the comparisons need of a catalogue row. */
export interface ThemeCatalogRow {
  year: number;
  theme: string;
  sourceKind: string;
  sourceUrl?: string | undefined;
}

/* ───────────────────────────── normalising, anchors ───────────────────────────── */

/** Letters and digits only (CJK included), after NFKC: the identity of a phrase. */
export function normalisePhrase(text: string): string {
  return significantChars(text.normalize("NFKC"));
}

/** `slogan-` + the first 8 hex digits of SHA-256(normalised text). */
export function phraseAnchor(text: string): string {
  const hash = createHash("sha256").update(normalisePhrase(text), "utf8").digest("hex");
  return `slogan-${hash.slice(0, 8)}`;
}

/** Anchor of a held notice's theme on /themes/. */
export function themeAnchor(notice: { year: number; slug: string }): string {
  return `theme-${notice.year}-${notice.slug}`;
}

/** Anchor of a year on the theme timeline. */
export function yearAnchor(year: number): string {
  return `year-${year}`;
}

/* ───────────────────────────── a small CJK-aware diff ───────────────────────────── */

export interface Token {
  /** The token's characters as printed, with any whitespace or punctuation that precedes it. */
  text: string;
  /** Normalised key (letters and digits), compared by the diff; "" for trailing punctuation. */
  key: string;
}

/** Each CJK character one token; a run of ASCII letters/digits one token; punctuation rides along. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pending = "";
  const re = /[A-Za-z0-9]+|[\p{L}\p{N}]|[^\p{L}\p{N}]/gu;
  for (const m of text.matchAll(re)) {
    const part = m[0];
    if (/^[\p{L}\p{N}]/u.test(part)) {
      tokens.push({ text: pending + part, key: part.normalize("NFKC") });
      pending = "";
    } else {
      pending += part;
    }
  }
  if (pending) tokens.push({ text: pending, key: "" });
  return tokens;
}

export interface DiffPart {
  text: string;
  /** Not in the other phrase: removed (left side) or added (right side). */
  changed: boolean;
}

export interface PhraseDiff {
  /** The left phrase, with what the right one does not have marked. */
  left: DiffPart[];
  /** The right phrase, with what the left one does not have marked. */
  right: DiffPart[];
  /** Runs of consecutive changes (a replacement counts once). */
  changedRuns: number;
  /** Largest number of changed tokens on either side. */
  changedTokens: number;
  /** Tokens both phrases share. */
  keptTokens: number;
}

/** Diff of two phrases' tokens by their longest common subsequence (src/text/diff.ts). */
export function diffPhrases(left: string, right: string): PhraseDiff {
  const a = tokenize(left).filter((t) => t.key);
  const b = tokenize(right).filter((t) => t.key);
  const aTail = tokenize(left).filter((t) => !t.key);
  const bTail = tokenize(right).filter((t) => !t.key);
  const ids = new Map<string, number>();
  const id = (t: Token) => {
    let n = ids.get(t.key);
    if (n === undefined) ids.set(t.key, (n = ids.size));
    return n;
  };
  const pairs = lcsPairs(a.map(id), b.map(id));
  const keptA = new Array<boolean>(a.length).fill(false);
  const keptB = new Array<boolean>(b.length).fill(false);
  // A run of changes is what lies between two kept tokens (or before the first, after the last).
  let changedRuns = 0;
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    if (pi > i || pj > j) changedRuns++;
    if (pi < a.length) keptA[pi] = true;
    if (pj < b.length) keptB[pj] = true;
    i = pi + 1;
    j = pj + 1;
  }

  const parts = (tokens: Token[], kept: boolean[], tail: Token[]): DiffPart[] => {
    const out: DiffPart[] = [];
    const push = (text: string, changed: boolean) => {
      const last = out.at(-1);
      if (last && last.changed === changed) last.text += text;
      else out.push({ text, changed });
    };
    tokens.forEach((t, k) => {
      // Punctuation before a changed token belongs to the change (、工程); spaces never do.
      const word = /[\p{L}\p{N}]+$/u.exec(t.text)![0];
      const lead = t.text.slice(0, t.text.length - word.length);
      const changed = !kept[k];
      const space = /^\s*/.exec(lead)![0];
      if (space) push(space, false);
      if (lead.length > space.length) push(lead.slice(space.length), changed);
      push(word, changed);
    });
    for (const t of tail) push(t.text, false);
    return out;
  };
  const removed = keptA.filter((k) => !k).length;
  const added = keptB.filter((k) => !k).length;
  return {
    left: parts(a, keptA, aTail),
    right: parts(b, keptB, bTail),
    changedRuns,
    changedTokens: Math.max(removed, added),
    keptTokens: keptA.filter(Boolean).length,
  };
}

/** Whether two different phrases differ by one word or phrase (see the module header). */
export function isNearIdentical(diff: PhraseDiff): boolean {
  return (
    diff.changedRuns === 1 &&
    diff.changedTokens <= NEAR_MAX_CHANGE &&
    diff.keptTokens >= NEAR_MIN_KEPT &&
    diff.keptTokens >= NEAR_KEPT_RATIO * diff.changedTokens
  );
}

/* ───────────────────────────── phrases across years ───────────────────────────── */

interface NoticeRef {
  id: string;
  year: number;
  slug: string;
  level: ThemeNotice["data"]["level"];
  region?: string;
}

export interface PhraseOccurrence {
  role: "slogan" | "theme";
  /** As printed. */
  text: string;
  year: number;
  /** The held notice that prints it; absent for catalogue themes. */
  notice?: NoticeRef;
  /** The catalogue row, for themes of years whose notice is not held. */
  catalog?: { sourceKind: string; sourceUrl?: string };
  /** 1-based place in the notice's slogan list. */
  position?: number;
  /** Anchor of the printed slogan on the notice page (`a2-i4`), when the body shows it. */
  bodyAnchor?: string;
}

export interface PhraseGroup {
  key: string;
  anchor: string;
  /** As first printed (earliest occurrence). */
  text: string;
  /** Oldest first; within a year, national first, then notices before the catalogue. */
  occurrences: PhraseOccurrence[];
  /** Distinct years, oldest first. */
  years: number[];
}

export interface PhraseRelation {
  left: PhraseGroup;
  right: PhraseGroup;
  diff: PhraseDiff;
}

export interface PhraseIndex {
  /** Every distinct phrase, ordered by first occurrence (oldest first). */
  groups: PhraseGroup[];
  byKey: Map<string, PhraseGroup>;
  /** Pairs of near-identical phrases (left = the earlier one). */
  relations: PhraseRelation[];
}

function noticeRef(notice: ThemeNotice): NoticeRef {
  const ref: NoticeRef = {
    id: notice.id,
    year: notice.data.year,
    slug: notice.data.slug,
    level: notice.data.level,
  };
  if (notice.data.region) ref.region = notice.data.region;
  return ref;
}

/**
 * Anchors of the list items that print the notice's slogans, by normalised text: the items of a
 * list that stands in an attachment before its first numbered heading (`a{k}-i{n}`).
 */
export function sloganItemAnchors(blocks: readonly Block[] | undefined): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const block of blocks ?? []) {
    if (block.type !== "attachment") continue;
    for (const list of block.content) {
      if (list.type !== "list") continue;
      for (const item of list.items) {
        const key = normalisePhrase(item.text);
        if (!anchors.has(key)) anchors.set(key, item.anchor);
      }
    }
  }
  return anchors;
}

function compareOccurrences(x: PhraseOccurrence, y: PhraseOccurrence): number {
  const rank = (o: PhraseOccurrence) => (o.notice ? levelRank(o.notice.level) : 9);
  return (
    x.year - y.year ||
    rank(x) - rank(y) ||
    (x.notice?.slug ?? "").localeCompare(y.notice?.slug ?? "") ||
    (x.role === y.role ? 0 : x.role === "theme" ? -1 : 1) ||
    (x.position ?? 0) - (y.position ?? 0)
  );
}

/**
 * Every theme and slogan of the held notices, and the catalogue's themes for years without a
 * held national notice, grouped by normalised text, with near-identical pairs.
 */
export function buildPhraseIndex(
  notices: readonly ThemeNotice[],
  catalog: readonly ThemeCatalogRow[] = [],
): PhraseIndex {
  const occurrences: PhraseOccurrence[] = [];
  const nationalYears = new Set(notices.filter((n) => n.data.level === "national").map((n) => n.data.year));
  for (const notice of notices) {
    const ref = noticeRef(notice);
    if (notice.data.theme) {
      occurrences.push({ role: "theme", text: notice.data.theme, year: ref.year, notice: ref });
    }
    const itemAnchors = sloganItemAnchors(notice.blocks);
    notice.data.slogans?.forEach((text, i) => {
      const occurrence: PhraseOccurrence = {
        role: "slogan",
        text,
        year: ref.year,
        notice: ref,
        position: i + 1,
      };
      const bodyAnchor = itemAnchors.get(normalisePhrase(text));
      if (bodyAnchor) occurrence.bodyAnchor = bodyAnchor;
      occurrences.push(occurrence);
    });
  }
  for (const row of catalog) {
    // A held national notice supersedes its catalogue row.
    if (nationalYears.has(row.year)) continue;
    const catalogRef: PhraseOccurrence["catalog"] = { sourceKind: row.sourceKind };
    if (row.sourceUrl) catalogRef.sourceUrl = row.sourceUrl;
    occurrences.push({ role: "theme", text: row.theme, year: row.year, catalog: catalogRef });
  }
  occurrences.sort(compareOccurrences);

  const byKey = new Map<string, PhraseGroup>();
  const anchors = new Map<string, string>();
  for (const occurrence of occurrences) {
    const key = normalisePhrase(occurrence.text);
    if (!key) continue;
    let group = byKey.get(key);
    if (!group) {
      const anchor = phraseAnchor(occurrence.text);
      const clash = anchors.get(anchor);
      if (clash !== undefined && clash !== key) {
        throw new Error(`slogan anchors: “${clash}” and “${key}” share ${anchor}; lengthen the hash`);
      }
      anchors.set(anchor, key);
      group = { key, anchor, text: occurrence.text, occurrences: [], years: [] };
      byKey.set(key, group);
    }
    group.occurrences.push(occurrence);
    if (!group.years.includes(occurrence.year)) group.years.push(occurrence.year);
  }
  const groups = [...byKey.values()];

  const relations: PhraseRelation[] = [];
  for (let x = 0; x < groups.length; x++) {
    for (let y = x + 1; y < groups.length; y++) {
      const diff = diffPhrases(groups[x]!.text, groups[y]!.text);
      if (isNearIdentical(diff)) relations.push({ left: groups[x]!, right: groups[y]!, diff });
    }
  }
  return { groups, byKey, relations };
}

/** The group of a printed phrase. */
export function phraseGroup(index: PhraseIndex, text: string): PhraseGroup | undefined {
  return index.byKey.get(normalisePhrase(text));
}

/** Near-identical phrases of a group, each with the diff oriented from this group's side. */
export function relatedPhrases(index: PhraseIndex, group: PhraseGroup): PhraseRelation[] {
  return index.relations
    .filter((r) => r.left === group || r.right === group)
    .map((r) =>
      r.left === group
        ? r
        : {
            left: r.right,
            right: r.left,
            diff: { ...r.diff, left: r.diff.right, right: r.diff.left },
          },
    );
}

/** Slogans that occur in more than one year (as a slogan, or as another year's theme). */
export function repeatedAcrossYears(index: PhraseIndex): PhraseGroup[] {
  return index.groups.filter(isRepeatedAcrossYears);
}

/** A slogan that occurs in more than one year (listed under 跨年份重复的口号 on /themes/). */
export function isRepeatedAcrossYears(group: PhraseGroup): boolean {
  return group.occurrences.some((o) => o.role === "slogan") && group.years.length > 1;
}

/** Anchor of a repeated slogan's entry in that list, which names every occurrence. */
export function repeatedAnchor(group: PhraseGroup): string {
  return `${group.anchor}-all`;
}

/** The occurrence that carries the group's anchor on /themes/: its first slogan, else its first. */
export function anchorOccurrence(group: PhraseGroup): PhraseOccurrence {
  return group.occurrences.find((o) => o.role === "slogan") ?? group.occurrences[0]!;
}

/* ───────────────────────────── recurring words in themes ───────────────────────────── */

export interface RecurringTerm {
  term: string;
  /** Years whose theme contains the term, oldest first. */
  years: number[];
}

export interface YearTheme {
  year: number;
  theme: string;
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Word tokens of one phrase (ICU's dictionary segmentation, built into Node and browsers). */
function words(phrase: string): string[] {
  return [...segmenter.segment(phrase)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/**
 * Words and word sequences (up to four words, within one half of a theme) that recur in the
 * themes of at least `minYears` years. A sequence is dropped when a longer one containing it
 * occurs in exactly the same years (建设质量强国 stands for 建设…强国 inside it); terms found
 * in every theme (质量) are returned apart, as `everywhere`, since they tell nothing apart.
 */
export function recurringThemeTerms(
  themes: readonly YearTheme[],
  { minYears = 3, maxWords = 4, limit = 12 } = {},
): { terms: RecurringTerm[]; everywhere: string[]; themeCount: number } {
  const years = new Map<string, Set<number>>();
  const yearsWithTheme = new Set(themes.map((t) => t.year));
  for (const { year, theme } of themes) {
    for (const phrase of theme
      .normalize("NFKC")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)) {
      const w = words(phrase);
      for (let i = 0; i < w.length; i++) {
        for (let k = 1; k <= maxWords && i + k <= w.length; k++) {
          const term = w.slice(i, i + k).join("");
          if (term.length < 2) continue;
          years.set(term, (years.get(term) ?? new Set()).add(year));
        }
      }
    }
  }
  const candidates = [...years].filter(([, ys]) => ys.size >= minYears);
  const sameYears = (x: Set<number>, y: Set<number>) => x.size === y.size && [...x].every((v) => y.has(v));
  const everywhere = candidates
    .filter(([, ys]) => ys.size === yearsWithTheme.size)
    .map(([t]) => t)
    .sort();
  const terms = candidates
    .filter(([, ys]) => ys.size < yearsWithTheme.size)
    .filter(([t, ys]) => !candidates.some(([u, yu]) => u !== t && u.includes(t) && sameYears(ys, yu)))
    .map(([term, ys]) => ({ term, years: [...ys].sort((a, b) => a - b) }))
    .sort(
      (x, y) =>
        y.years.length - x.years.length || y.term.length - x.term.length || x.term.localeCompare(y.term),
    )
    .slice(0, limit);
  return { terms, everywhere, themeCount: yearsWithTheme.size };
}

/** One theme per year: the held national notice's, else the catalogue's. */
export function nationalThemesByYear(
  notices: readonly ThemeNotice[],
  catalog: readonly ThemeCatalogRow[],
): YearTheme[] {
  const byYear = new Map<number, string>();
  for (const row of catalog) byYear.set(row.year, row.theme);
  for (const n of notices)
    if (n.data.level === "national" && n.data.theme) byYear.set(n.data.year, n.data.theme);
  return [...byYear].map(([year, theme]) => ({ year, theme })).sort((a, b) => a.year - b.year);
}
