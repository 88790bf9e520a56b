/**
 * First pass of the importer: the raw text becomes numbered, repaired lines, with extraction
 * junk removed and every removal recorded (line and exact text) for the report and the
 * fidelity check.
 */
import type { RemovalReason } from "../shared/labels.ts";
import { splitRunOn } from "./oneline.ts";
import { repairLine, type RepairCounts } from "./repair.ts";
import { webJunk } from "./web-junk.ts";

export interface SourceLine {
  /** 1-based line number in the verbatim source. */
  line: number;
  /** Repaired text (never empty). */
  text: string;
  /** Blank source lines between this line and the previous kept one (a page break shows as ≥ 1). */
  gapBefore: number;
  /** Set when a removed bare section numeral (01, 02 …) stood before this line. */
  sectionNumeral?: number;
  /** Set when a word-processor list bullet ("- ") was removed from the start of the line. */
  hadBullet?: boolean;
}

export interface RemovedJunk {
  line: number;
  text: string;
  reason: RemovalReason;
}

export interface LinesResult {
  lines: SourceLine[];
  removed: RemovedJunk[];
  repairs: RepairCounts;
  /** True when an advert or "preview ended" marker shows the text was cut off. */
  truncatedByAdvert: boolean;
  /** Source lines that held a whole notice and were cut at the layout's line breaks. */
  runOnLines: number[];
}

const BOOKMARK = /^\[bookmark:[^\]]*\]/;
const PAGE_NUMBER =
  /^(?:[—–-]{1,2}\s*\d{1,3}\s*[—–-]{1,2}|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;
const BARE_NUMERAL = /^0\d$/;
const ADVERT = /预览已结束|完整报告链接|二维码如下|下载完整版|点击阅读全文|扫码阅读|付费下载/;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/;
const BULLET = /^[-•·●▪]\s+/;

/** The source's lines as [line number, text], a run-on notice cut into its printed lines. */
function sourceLines(text: string, runOnLines: number[]): [number, string][] {
  const raw = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  // Only a text of one or two lines can be a notice copied without its line breaks.
  const filled = raw.filter((l) => l.trim()).length;
  return raw.flatMap((line, i): [number, string][] => {
    const pieces = filled <= 3 && line.length > 200 ? splitRunOn(line) : undefined;
    if (!pieces) return [[i + 1, line]];
    runOnLines.push(i + 1);
    return pieces.map((piece): [number, string] => [i + 1, piece]);
  });
}

export function splitLines(text: string): LinesResult {
  const runOnLines: number[] = [];
  const raw = sourceLines(text, runOnLines);
  const lines: SourceLine[] = [];
  const removed: RemovedJunk[] = [];
  const repairs: RepairCounts = { spaces: 0, punctuation: 0, radicals: 0 };
  let gap = 0;
  let pendingNumeral: number | undefined;
  let truncatedByAdvert = false;

  for (const [lineNo, rawLine] of raw) {
    let original = rawLine;
    if (truncatedByAdvert) {
      // Everything after an advert marker is the advert (its link, its QR code caption).
      if (original.trim())
        removed.push({ line: lineNo, text: original.trim(), reason: "advert after the cut-off text" });
      continue;
    }
    const bookmark = BOOKMARK.exec(original.trimStart());
    if (bookmark) {
      removed.push({ line: lineNo, text: bookmark[0], reason: "word-processor bookmark marker" });
      original = original.trimStart().slice(bookmark[0].length);
    }
    const trimmed = original.replace(/[\u00a0\u3000\t ]+/g, " ").trim();
    // A whole line removed is recorded exactly as it stands (the fidelity check finds it there).
    const exact = original.trim();
    if (!trimmed) {
      gap++;
      continue;
    }
    if (ADVERT.test(trimmed)) {
      removed.push({ line: lineNo, text: exact, reason: "advert: the web copy stops here" });
      truncatedByAdvert = true;
      continue;
    }
    const junk = webJunk(trimmed, { first: lines.length === 0 });
    if (junk) {
      removed.push({ line: lineNo, text: exact, reason: junk });
      continue;
    }
    if (PAGE_NUMBER.test(trimmed)) {
      removed.push({ line: lineNo, text: exact, reason: "page number" });
      continue;
    }
    if (BARE_NUMERAL.test(trimmed)) {
      removed.push({ line: lineNo, text: exact, reason: "bare section numeral from a web layout" });
      pendingNumeral = Number(trimmed);
      continue;
    }
    if (URL_LINE.test(trimmed) && lines.length > 0 && removed.at(-1)?.reason.startsWith("advert")) {
      removed.push({ line: lineNo, text: exact, reason: "advert link" });
      continue;
    }
    let text = trimmed;
    let hadBullet = false;
    const bullet = BULLET.exec(text);
    if (bullet) {
      removed.push({ line: lineNo, text: bullet[0].trim(), reason: "word-processor list bullet" });
      text = text.slice(bullet[0].length);
      hadBullet = true;
    }
    const entry: SourceLine = { line: lineNo, text: repairLine(text, repairs), gapBefore: gap };
    if (pendingNumeral !== undefined) entry.sectionNumeral = pendingNumeral;
    if (hadBullet) entry.hadBullet = true;
    lines.push(entry);
    gap = 0;
    pendingNumeral = undefined;
  }
  return { lines, removed, repairs, truncatedByAdvert, runOnLines };
}
