/**
 * Build-time glue between the content collections and the comparison logic (src/compare/compare.ts):
 * each notice as a CompareDoc (its sections segmented into words), the static pairs, and cached
 * comparisons for the compare pages, the year pages and the picker. Everything comes from the
 * collections, so an imported notice brings its comparisons with it.
 */
import {
  compareDocs,
  comparePath,
  comparisonPairs,
  type CompareDoc,
  type Comparison,
  type ComparisonPair,
  type NoticeInfo,
} from "./compare.ts";
import { displayTitle, shortLabel } from "../shared/notice.ts";
import { getNotices, type NoticeEntry } from "../queries/notices.ts";
import { noticeUrl } from "../shared/urls.ts";
import { noticeBlocks } from "../text/notice-text.ts";
import { buildCompareDoc } from "./doc.ts";
import { withBase } from "../shared/urls.ts";

/** A notice for the pair logic, carrying its entry. */
export interface NoticeRef extends NoticeInfo {
  entry: NoticeEntry;
}

function noticeRef(entry: NoticeEntry): NoticeRef {
  const d = entry.data;
  return {
    id: entry.id,
    year: d.year,
    level: d.level,
    docNumber: d.docNumber,
    respondsTo: d.respondsTo,
    entry,
  };
}

export function compareUrl(a: Pick<NoticeInfo, "id">, b: Pick<NoticeInfo, "id">): string {
  return withBase(comparePath(a, b));
}

/** One entry of /compare/years/{year}.json, the lists the notice pages' picker fetches. */
export interface PickerOption {
  id: string;
  label: string;
}

export function pickerOption(entry: NoticeEntry): PickerOption {
  return { id: entry.id, label: shortLabel(entry) };
}

/** The per-notice JSON the picker fetches. */
export function compareDataUrl(id: string): string {
  return withBase(`compare/data/${id}.json`);
}

const docs = new Map<string, Promise<CompareDoc>>();

/** A notice's sections, each block segmented into words (cached for the whole build). */
export function compareDoc(entry: NoticeEntry): Promise<CompareDoc> {
  let doc = docs.get(entry.id);
  if (!doc) {
    const meta = {
      id: entry.id,
      year: entry.data.year,
      level: entry.data.level,
      label: shortLabel(entry),
      title: displayTitle(entry),
      url: noticeUrl(entry),
    };
    doc = noticeBlocks(entry).then((blocks) => buildCompareDoc(meta, blocks));
    docs.set(entry.id, doc);
  }
  return doc;
}

// Computed once per build: every notice page asks for its pairs (a page-by-page recomputation
// made the build grow with the square of the archive; npm run bench).
let pairsCache: Promise<ComparisonPair<NoticeRef>[]> | undefined;
let pairsByNotice: Promise<Map<string, ComparisonPair<NoticeRef>[]>> | undefined;

/** Pairs with a static compare page, newest first. */
export function staticPairs(): Promise<ComparisonPair<NoticeRef>[]> {
  pairsCache ??= getNotices().then((notices) => comparisonPairs(notices.map(noticeRef)));
  return pairsCache;
}

/** Static pairs that involve this notice. */
export async function pairsOf(entry: NoticeEntry): Promise<ComparisonPair<NoticeRef>[]> {
  pairsByNotice ??= staticPairs().then((pairs) => {
    const map = new Map<string, ComparisonPair<NoticeRef>[]>();
    for (const p of pairs)
      for (const id of new Set([p.a.id, p.b.id])) map.set(id, [...(map.get(id) ?? []), p]);
    return map;
  });
  return (await pairsByNotice).get(entry.id) ?? [];
}

const comparisons = new Map<string, Promise<Comparison>>();

/** The comparison of two notices, base first (cached). */
export function pairComparison(a: NoticeEntry, b: NoticeEntry): Promise<Comparison> {
  const key = `${a.id}/${b.id}`;
  let cmp = comparisons.get(key);
  if (!cmp) {
    cmp = Promise.all([compareDoc(a), compareDoc(b)]).then(([x, y]) => compareDocs(x, y));
    comparisons.set(key, cmp);
  }
  return cmp;
}
