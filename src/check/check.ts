/**
 * 起草核对: a draft notice checked against the archive, in the reader's browser (nothing is
 * sent anywhere). The draft is read the way the importer reads a received notice
 * (src/importer/: lines, structure, the values the text states), cut into sentences by the
 * archive's one rule (src/text/sentences.ts), and each finding comes from the archive's own
 * data (src/check/data.ts, /check/data.json):
 *
 * - each sentence: the same as a held notice's sentence, near one (src/lineage/similarity.ts,
 *   the rule of sentence lineage), or new — with the notices holding it and their anchors;
 * - bodies named under a name the registry marks as replaced (国家质检总局 → 市场监管总局) when
 *   the draft's year is after the old body's last year;
 * - themes and slogans used in earlier years (held notices and the catalogue of themes);
 * - 发文字号 typed with other brackets than 〔〕 (src/document/doc-number.ts);
 * - a “等N个部门” that differs from the bodies the draft names in its 版头 and 署名.
 *
 * Pure and browser-safe: the page runs it, the unit tests run the very same code.
 */
import { findDocNumbers } from "../document/doc-number.ts";
import { partOfKind } from "../document/parts.ts";
import { extractFields } from "../importer/extract.ts";
import { splitLines } from "../importer/lines.ts";
import { statedYear } from "../importer/stated-year.ts";
import { compactName, splitNames } from "../archive/issuer-names.ts";
import { parseStructure, type Part } from "../importer/structure.ts";
import {
  NEAR_THRESHOLD,
  nearSizeRange,
  sentenceKey,
  sharedNeeded,
  sharedTokens,
} from "../lineage/similarity.ts";
import { normalize, type T2SMap } from "../search/normalize.ts";
import { splitSentences } from "../text/sentences.ts";
import type { CheckData, CheckIssuer } from "./data-file.ts";

/** A sentence of the draft. */
interface DraftSentence {
  /** 1-based line of the draft it starts on. */
  line: number;
  text: string;
  key: string;
}

export interface SentenceFinding extends DraftSentence {
  status: "same" | "near" | "new";
  /** The archive's sentence (an index into data.sentences) and its similarity (1 when the same). */
  match?: { sentence: number; similarity: number };
}

interface OutdatedName {
  /** The name as the draft prints it. */
  name: string;
  line: number;
  issuer: CheckIssuer;
  /** The body that replaced it (the end of the chain of successors). */
  successor: CheckIssuer;
}

interface PhraseFinding {
  /** Index into data.phrases. */
  phrase: number;
  line: number;
  /** The earlier years it was used in (before the draft's year). */
  years: number[];
}

interface DocNumberFinding {
  raw: string;
  canonical: string;
  line: number;
}

interface IssuerCountFinding {
  declared: number;
  line: number;
  /** Registry ids of the bodies named in the draft's 版头 and 署名 (and the lead body). */
  named: string[];
}

export interface CheckReport {
  /** The year the draft is for, and where it was read from. */
  year: number;
  yearFrom: "draft" | "given";
  title?: string;
  sentences: SentenceFinding[];
  counts: { total: number; same: number; near: number; new: number };
  outdated: OutdatedName[];
  phrases: PhraseFinding[];
  docNumbers: DocNumberFinding[];
  /** Only when the draft states a count and names bodies that make a different count. */
  issuerCount?: IssuerCountFinding;
}

/** Everything the check needs, prepared once from the data file (see prepareCheck). */
export interface PreparedCheck {
  data: CheckData;
  t2s?: T2SMap;
  /** Registered names → the body's id, or null when the name needs the draft's region. */
  names: Map<string, string | null>;
  byKey: Map<string, number>;
  /** The archive sentences' keys. */
  keys: string[];
  /** Their sizes in bigrams: characters − 1 (one for a single character). */
  sizes: Int32Array;
  phraseKeys: string[];
}

/** A key's size in bigrams: characters − 1 (one for a single character). */
function keySize(key: string): number {
  let chars = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) chars++;
  }
  return Math.max(1, chars - 1);
}

export function prepareCheck(data: CheckData, t2s?: T2SMap): PreparedCheck {
  const keys = data.sentences.map(([text]) => sentenceKey(text));
  const byKey = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!byKey.has(key)) byKey.set(key, i);
  });
  return {
    data,
    ...(t2s ? { t2s } : {}),
    names: new Map(data.names),
    byKey,
    keys,
    sizes: Int32Array.from(keys, keySize),
    phraseKeys: data.phrases.map(([text]) => normalize(text)),
  };
}

/** The draft's sentences, as the importer structures it: furniture (版头, 署名 …) left out. */
function draftSentences(parts: readonly Part[], t2s?: T2SMap): DraftSentence[] {
  const out: DraftSentence[] = [];
  const add = (text: string, line: number, whole: boolean) => {
    for (const piece of whole ? [text] : splitSentences(text)) {
      const trimmed = piece.trim();
      const key = sentenceKey(trimmed, t2s);
      if (key) out.push({ line, text: trimmed, key });
    }
  };
  for (const part of parts) {
    switch (part.type) {
      case "heading":
        add(part.text, part.line, true);
        break;
      case "paragraph":
        add(part.text, part.lines[0]!, false);
        break;
      case "list":
        for (const item of part.items) add(item.text, item.line, false);
        break;
      case "attachment":
        if (part.title) add(part.title.text, part.title.line, true);
        break;
      case "block":
        // Only the parts whose lines are wording (src/document/parts.ts), as in lineage.
        if (part.kind === "title") add(part.lines.map((l) => l.text).join(""), part.lines[0]!.line, true);
        else if (partOfKind(part.kind)?.wording) for (const l of part.lines) add(l.text, l.line, false);
        break;
    }
  }
  return out;
}

/**
 * The draft's bigrams, for one pass over the archive: an open-addressing table from a bigram
 * (its two code points) to a slot, and each draft sentence as its slots, repeats kept, in
 * ascending order. Slots are numbered rarest first (fewest uses in the draft), the order the
 * prefix filter below reads tokens in. Typed arrays and integer hashing: the pass looks up every
 * bigram of every archive sentence in size range (millions at 2,000 notices), where a Map of
 * number keys above 2^30 (a bigram of two code points) would box each one.
 */
interface DraftBigrams {
  mask: number;
  /** Per table entry: the bigram's first and second code point (−1: empty; a single-character key is [c, −2]). */
  first: Int32Array;
  second: Int32Array;
  /** Per table entry: its slot. */
  slot: Int32Array;
  /** Per draft sentence: its slots, repeats kept, ascending. */
  tokens: Int32Array[];
}

const hashPair = (a: number, b: number) =>
  (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x3c6ef372, 0x85ebca6b)) >>> 0;

/** Calls `each(first, second)` for every bigram of a key (one [c, −2] for a single character). */
function forEachBigram(key: string, each: (a: number, b: number) => void): void {
  let previous = -1;
  let chars = 0;
  for (let i = 0; i < key.length; i++) {
    let c = key.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < key.length) c = key.codePointAt(i++)!;
    if (previous >= 0) each(previous, c);
    previous = c;
    chars++;
  }
  if (chars === 1) each(previous, -2);
}

function lookup(table: DraftBigrams, a: number, b: number): number {
  for (let at = hashPair(a, b) & table.mask; ; at = (at + 1) & table.mask) {
    const f = table.first[at]!;
    if (f === -1) return -1;
    if (f === a && table.second[at] === b) return table.slot[at]!;
  }
}

function draftBigrams(keys: readonly string[]): DraftBigrams {
  let capacity = 16;
  for (const key of keys) capacity += key.length;
  let size = 1;
  while (size < capacity * 2) size *= 2;
  const table = {
    mask: size - 1,
    first: new Int32Array(size).fill(-1),
    second: new Int32Array(size),
    slot: new Int32Array(size),
  };
  const uses: number[] = [];
  const raw = keys.map((key) => {
    const slots: number[] = [];
    forEachBigram(key, (a, b) => {
      let at = hashPair(a, b) & table.mask;
      while (table.first[at] !== -1 && !(table.first[at] === a && table.second[at] === b))
        at = (at + 1) & table.mask;
      if (table.first[at] === -1) {
        table.first[at] = a;
        table.second[at] = b;
        table.slot[at] = uses.length;
        uses.push(0);
      }
      const slot = table.slot[at]!;
      uses[slot]!++;
      slots.push(slot);
    });
    return slots;
  });
  // Renumber: rarest in the draft first, then by first use, so that a sentence's first tokens are
  // its rarest and its prefix meets few archive sentences. (Ranking by the archive's own counts,
  // shipped in the data, measured no faster: BENCHMARKS.md.)
  const order = uses.map((_, slot) => slot).sort((x, y) => uses[x]! - uses[y]! || x - y);
  const rank = new Int32Array(uses.length);
  order.forEach((slot, r) => (rank[slot] = r));
  for (let at = 0; at < size; at++) if (table.first[at] !== -1) table.slot[at] = rank[table.slot[at]!]!;
  return { ...table, tokens: raw.map((slots) => Int32Array.from(slots, (s) => rank[s]!).sort()) };
}

/**
 * The fewest tokens a key of `size` tokens shares with any key near it: Dice ≥ t with a key of
 * at least the smallest size near it (nearSizeRange) needs t · (size + that size) / 2.
 */
function minShared(size: number): number {
  return sharedNeeded(size, nearSizeRange(size)[0]);
}

/**
 * The most similar archive sentence (≥ NEAR_THRESHOLD) for each draft sentence without an equal
 * one, in one pass over the archive's sentences (the draft is small, the archive large; nothing
 * is indexed ahead: an index of every sentence's bigrams would weigh more than the texts).
 * Bigrams count with their repeats (the multiset Dice of src/lineage/similarity.ts).
 *
 * A prefix filter, as in lineage's own join (src/lineage/lineage.ts, AllPairs): two near keys
 * share at least minShared of each one's tokens, so, tokens taken in one order (the draft's
 * rarest first; bigrams the draft lacks cannot be shared and are only counted), they share one
 * among the first size − minShared + 1 of each. Each draft sentence is indexed under those first
 * tokens of its own; an archive sentence looks up those of its own, and only the draft sentences
 * found are compared in full, after a positional filter. The result is the exhaustive one: the
 * filters leave out only pairs that cannot be near.
 */
function nearest(
  prepared: PreparedCheck,
  drafts: readonly DraftSentence[],
): Map<number, { sentence: number; similarity: number }> {
  const best = new Map<number, { sentence: number; similarity: number }>();
  if (!drafts.length) return best;
  const draftSizes = drafts.map((d) => keySize(d.key));
  let minSize = Infinity;
  let maxSize = 0;
  for (const size of draftSizes) {
    const [lo, hi] = nearSizeRange(size);
    minSize = Math.min(minSize, lo);
    maxSize = Math.max(maxSize, hi);
  }
  const table = draftBigrams(drafts.map((d) => d.key));
  // Draft sentences by the tokens of their prefixes: per slot, (sentence, place of the slot's first
  // use in it) pairs, flat.
  const byPrefix: (number[] | undefined)[] = [];
  table.tokens.forEach((tokens, d) => {
    const prefix = Math.min(tokens.length, draftSizes[d]! - minShared(draftSizes[d]!) + 1);
    for (let k = 0; k < prefix; k++) {
      const slot = tokens[k]!;
      if (k > 0 && tokens[k - 1] === slot) continue;
      (byPrefix[slot] ??= []).push(d, k);
    }
  });
  let known = new Int32Array(64);
  let length = 0;
  let unknown = 0;
  const collect = (a: number, b: number) => {
    const slot = lookup(table, a, b);
    if (slot < 0) {
      unknown++;
      return;
    }
    if (length === known.length) {
      const grown = new Int32Array(length * 2);
      grown.set(known);
      known = grown;
    }
    known[length++] = slot;
  };
  const stamp = new Int32Array(drafts.length).fill(-1);
  for (let i = 0; i < prepared.keys.length; i++) {
    const size = prepared.sizes[i]!;
    if (size < minSize || size > maxSize) continue;
    length = 0;
    unknown = 0;
    forEachBigram(prepared.keys[i]!, collect);
    const probe = size - minShared(size) + 1 - unknown;
    if (probe <= 0 || length === 0) continue;
    const tokens = known.subarray(0, length).sort();
    const [lo, hi] = nearSizeRange(size);
    for (let k = 0; k < Math.min(probe, length); k++) {
      if (k > 0 && tokens[k - 1] === tokens[k]) continue;
      const list = byPrefix[tokens[k]!];
      if (!list) continue;
      for (let at = 0; at < list.length; at += 2) {
        const d = list[at]!;
        if (stamp[d] === i) continue;
        stamp[d] = i;
        const draftSize = draftSizes[d]!;
        if (draftSize < lo || draftSize > hi) continue;
        // Positional filter (PPJoin, as lineage's join): met first at this token, they share
        // nothing smaller, so at most what follows it in the shorter remainder.
        const found = best.get(d);
        const needed = sharedNeeded(draftSize, size, Math.max(NEAR_THRESHOLD, found?.similarity ?? 0));
        const mine = table.tokens[d]!;
        if (Math.min(length - k, mine.length - list[at + 1]!) < needed) continue;
        const similarity = (2 * sharedTokens(tokens, mine, needed)) / (draftSize + size);
        if (similarity >= NEAR_THRESHOLD && (!found || similarity > found.similarity))
          best.set(d, { sentence: i, similarity });
      }
    }
  }
  return best;
}

/** Where in the draft (1-based line) an offset of the text falls. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The body at the end of a chain of successors. */
function lastSuccessor(byId: Map<string, CheckIssuer>, issuer: CheckIssuer): CheckIssuer | undefined {
  let current: CheckIssuer | undefined = issuer;
  const seen = new Set<string>();
  while (current?.successor && !seen.has(current.id)) {
    seen.add(current.id);
    current = byId.get(current.successor);
  }
  return current === issuer ? undefined : current;
}

function outdatedNames(text: string, year: number, issuers: readonly CheckIssuer[]): OutdatedName[] {
  const byId = new Map(issuers.map((i) => [i.id, i]));
  const names: { name: string; issuer: CheckIssuer; successor: CheckIssuer }[] = [];
  for (const issuer of issuers) {
    const until = issuer.active?.[1];
    const successor = lastSuccessor(byId, issuer);
    if (!successor || until === null || until === undefined || year <= until) continue;
    for (const name of [issuer.name, issuer.shortName, ...(issuer.aliases ?? [])])
      if (name) names.push({ name, issuer, successor });
  }
  // Longest name first, each place of the text claimed once: 国家质检总局 is not also 质检总局.
  names.sort((a, b) => b.name.length - a.name.length);
  const claimed: [number, number][] = [];
  const found: (OutdatedName & { at: number })[] = [];
  for (const { name, issuer, successor } of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (claimed.some(([s, e]) => at < e && end > s)) continue;
      claimed.push([at, end]);
      found.push({ name, line: lineAt(text, at), issuer, successor, at });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...f }) => f);
}

export interface CheckOptions {
  /** The year to assume when the draft does not state one (its title or “定于…年”). */
  year: number;
}

/** Checks a draft (plain text, one paragraph a line) against the archive. */
export function checkDraft(prepared: PreparedCheck, text: string, options: CheckOptions): CheckReport {
  const { data, t2s, names } = prepared;
  const { lines } = splitLines(text);
  // Lines made of registered bodies' names (版头, 署名), read as the importer reads them; the
  // draft's region is not known, so a name means what it means in any notice.
  const known = (name: string) => names.has(compactName(name));
  const resolve = (name: string) => names.get(compactName(name)) ?? undefined;
  const namesInLine = (line: string) => splitNames(line, (name) => (known(name) ? name.trim() : undefined));
  const parts = parseStructure(lines, { bodyLine: (line) => (namesInLine(line) ? "known" : undefined) });
  const fields = extractFields(parts, {
    namesInLine,
    resolve,
    national: true,
  });
  const stated = statedYear(fields.title ?? "", lines.map((l) => l.text).join("\n"));
  const year = stated?.year ?? options.year;

  const drafts = draftSentences(parts, t2s);
  const unmatched = drafts.map((d, i) => ({ d, i })).filter(({ d }) => !prepared.byKey.has(d.key));
  const near = nearest(
    prepared,
    unmatched.map(({ d }) => d),
  );
  const sentences: SentenceFinding[] = drafts.map((d) => ({ ...d, status: "new" }));
  drafts.forEach((d, i) => {
    const same = prepared.byKey.get(d.key);
    if (same !== undefined) sentences[i] = { ...d, status: "same", match: { sentence: same, similarity: 1 } };
  });
  unmatched.forEach(({ i }, k) => {
    const found = near.get(k);
    if (found) sentences[i] = { ...drafts[i]!, status: "near", match: found };
  });
  const counts = { total: sentences.length, same: 0, near: 0, new: 0 };
  for (const s of sentences) counts[s.status]++;

  // Themes and slogans: a phrase the draft prints whole (whitespace and punctuation ignored).
  const normalisedLines = text.split("\n").map((l) => normalize(l, t2s));
  const phrases: PhraseFinding[] = [];
  prepared.phraseKeys.forEach((key, phrase) => {
    if ([...key].length < 4) return;
    const years = [...new Set(data.phrases[phrase]![2].map(([y]) => y))].filter((y) => y < year);
    if (!years.length) return;
    const at = normalisedLines.findIndex((l) => l.includes(key));
    if (at >= 0) phrases.push({ phrase, line: at + 1, years: years.sort((a, b) => a - b) });
  });

  const docNumbers = findDocNumbers(text)
    .filter((d) => d.raw.replace(/\s+/g, "") !== d.canonical)
    .map((d) => ({ raw: d.raw, canonical: d.canonical, line: lineAt(text, d.index) }));

  // The importer's reading: “等N个部门” and the bodies of the 版头, the 署名 and the lead body.
  let issuerCount: IssuerCountFinding | undefined;
  const declared = fields.declaredIssuerCount;
  // Each body once, by its registry id (市场监管总局 in the title is 国家市场监督管理总局 signing).
  const named = [...new Set(fields.issuerNames.map((n) => resolve(n) ?? compactName(n)))];
  const listsBodies = parts.some(
    (p) => p.type === "block" && (p.kind === "signature" || p.kind === "masthead"),
  );
  if (declared !== undefined && listsBodies && declared !== named.length) {
    const at = new RegExp(`等\\s*${declared}\\s*个`).exec(text)?.index ?? 0;
    issuerCount = { declared, line: lineAt(text, at), named };
  }

  return {
    year,
    yearFrom: stated ? "draft" : "given",
    ...(fields.title ? { title: fields.title } : {}),
    sentences,
    counts,
    outdated: outdatedNames(text, year, data.issuers),
    phrases,
    docNumbers,
    ...(issuerCount ? { issuerCount } : {}),
  };
}
