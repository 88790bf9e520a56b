/**
 * Finding the region a name or a title speaks of: 上海市奉贤区市场监督管理局 → 310120 奉贤区,
 * 三亚市…关于开展2022年全市“质量月”活动的通知 → 460200 三亚市, 浙江省市场监管局 → 330000.
 * Names are matched as the divisions are officially named (provinces also by their short
 * name, 浙江), down the division path: 海南省三亚市吉阳区 is 吉阳区 of 三亚市 of 海南省.
 * A county name alone is often shared (鼓楼区 is in four cities): then every candidate is
 * returned and the caller decides, from the notice's other facts or the archivist's --region.
 */
import { divisions, isWithin, type Division } from "./divisions.ts";
import { shortName } from "./names.ts";

export interface RegionMatch {
  /** The divisions the text can mean (one when unambiguous), deepest level matched. */
  candidates: Division[];
  /** The text that named it, e.g. 上海市奉贤区. */
  matched: string;
  /** Offset of the match in the text. */
  index: number;
}

let names: Map<string, Division[]> | undefined;

/** Every way a division is named → the divisions so named. */
function nameIndex(): Map<string, Division[]> {
  if (names) return names;
  names = new Map();
  const add = (name: string, d: Division) => names!.set(name, [...(names!.get(name) ?? []), d]);
  for (const d of divisions().values()) {
    add(d.name, d);
    if (d.level === "provincial" && shortName(d.name) !== d.name) add(shortName(d.name), d);
  }
  return names;
}

/** County names that are words too (城区, 郊区, 矿区): only read as regions inside a known one. */
const COMMON_WORD = /^(?:城区|郊区|矿区)$/;

/** Names of divisions that stand at `index` of `text`, longest first. */
function namesAt(text: string, index: number): [string, Division[]][] {
  const found: [string, Division[]][] = [];
  for (let end = Math.min(text.length, index + 16); end > index + 1; end--) {
    const name = text.slice(index, end);
    const list = nameIndex().get(name);
    if (list) found.push([name, list]);
  }
  return found;
}

/**
 * The region named at `index` of `text` (and the divisions named right after it, down the
 * path), or undefined. `within` keeps only divisions inside that one (the notice's region).
 */
export function regionAt(text: string, index = 0, within?: string): RegionMatch | undefined {
  for (const [name, list] of namesAt(text, index)) {
    if (!within && COMMON_WORD.test(name)) continue;
    let candidates = within ? list.filter((d) => isWithin(d.code, within)) : list;
    if (!candidates.length) continue;
    let end = index + name.length;
    // Further down the path: 海南省 + 三亚市 + 吉阳区.
    for (;;) {
      const deeper = namesAt(text, end)
        .map(([n, l]): [string, Division[]] => [
          n,
          l.filter((d) => candidates.some((c) => c.code !== d.code && isWithin(d.code, c.code))),
        ])
        .find(([, l]) => l.length > 0);
      if (!deeper) break;
      candidates = deeper[1];
      end += deeper[0].length;
    }
    return { candidates, matched: text.slice(index, end), index };
  }
  return undefined;
}

/** The first region named anywhere in `text`. */
export function firstRegionIn(text: string, within?: string): RegionMatch | undefined {
  for (let i = 0; i < text.length - 1; i++) {
    const match = regionAt(text, i, within);
    if (match) return match;
  }
  return undefined;
}
