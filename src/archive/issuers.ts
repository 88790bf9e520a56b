/**
 * Resolving issuer names as texts print them (全称, 简称, variant spellings, names spaced out
 * for justification such as 教 育 部) to issuer registry ids — in the context of the notice
 * that prints them.
 *
 * A regional body's name that begins with its region (海南省市场监督管理局) means that body in
 * any notice. Any other name of a regional body — generic ones such as 省市场监督管理局 or
 * 质量强省办, and names such as 海口海关 — means it only in a notice of its own region or of a
 * region inside it: in a Zhejiang notice 省市场监督管理局 is Zhejiang's, never Hainan's. Names of
 * national bodies mean them everywhere.
 */
import type { Issuer } from "../schemas/issuer.ts";
import { compactName } from "./issuer-names.ts";
import { nearest } from "./errors.ts";
import { divisionPath, isWithin } from "./regions/divisions.ts";
import { regionAt } from "./regions/find.ts";
import { regionCodeOfName } from "./regions/lookup.ts";

export interface IssuerIndex {
  byId: Map<string, Issuer>;
  /** Names that mean one body in every notice → its id. */
  global: Map<string, string>;
  /** Names that mean a body only inside its region → [region code, id] of each such body. */
  contextual: Map<string, [string, string][]>;
}

/** Where a name is read: the GB/T 2260 code of the notice's region; undefined for a national notice. */
export interface IssuerContext {
  regionCode?: string | undefined;
}

/** The GB/T 2260 code of a regional body's region (regionCode, else its province by name). */
export function issuerRegionCode(issuer: Issuer): string | undefined {
  if (issuer.level === "national") return undefined;
  return issuer.regionCode ?? (issuer.region ? regionCodeOfName(issuer.region) : undefined);
}

/** True when `name` of a body in region `code` begins with that region or one above it. */
function namesItsRegion(name: string, code: string): boolean {
  const match = regionAt(name);
  const path = divisionPath(code).map((d) => d.code);
  return Boolean(match?.candidates.some((c) => path.includes(c.code)));
}

export function buildIssuerIndex(issuers: readonly Issuer[]): IssuerIndex {
  const global = new Map<string, string>();
  const contextual = new Map<string, [string, string][]>();
  const byId = new Map<string, Issuer>();
  for (const issuer of issuers) {
    if (byId.has(issuer.id)) throw new Error(`issuer id ${issuer.id} is listed twice in the registry`);
    byId.set(issuer.id, issuer);
  }
  for (const issuer of issuers) {
    const region = issuerRegionCode(issuer);
    if (issuer.level !== "national" && !region) {
      throw new Error(
        `issuer ${issuer.id} is a ${issuer.level} body without a region: add regionCode (GB/T 2260)`,
      );
    }
    for (const name of new Set([issuer.name, issuer.shortName, ...issuer.aliases])) {
      if (!name) continue;
      const key = compactName(name);
      if (!region || namesItsRegion(key, region)) {
        const other = global.get(key);
        if (other && other !== issuer.id)
          throw new Error(
            `the name ${name} belongs to both ${other} and ${issuer.id} in the issuer registry`,
          );
        global.set(key, issuer.id);
      } else {
        const list = contextual.get(key) ?? [];
        const other = list.find(([code, id]) => code === region && id !== issuer.id);
        if (other)
          throw new Error(
            `the name ${name} belongs to both ${other[1]} and ${issuer.id}, bodies of the same region, in the issuer registry`,
          );
        if (!list.some(([, id]) => id === issuer.id)) list.push([region, issuer.id]);
        contextual.set(key, list);
      }
    }
  }
  for (const key of contextual.keys()) {
    if (global.has(key))
      throw new Error(
        `the name ${key} is both a full name (${global.get(key)}) and a generic one in the issuer registry`,
      );
  }
  return { byId, global, contextual };
}

/** The id of the body a printed name denotes in this context, or undefined. */
export function resolveIssuer(
  index: IssuerIndex,
  name: string,
  context: IssuerContext = {},
): string | undefined {
  const key = compactName(name);
  const id = index.global.get(key);
  if (id) return id;
  const here = context.regionCode;
  if (!here) return undefined;
  // The body of the nearest enclosing region: the notice's own before its province's.
  let best: [string, string] | undefined;
  for (const entry of index.contextual.get(key) ?? []) {
    if (isWithin(here, entry[0]) && (!best || isWithin(entry[0], best[0]))) best = entry;
  }
  return best?.[1];
}

/** Every name that denotes a body in this context → its id. */
export function namesInContext(index: IssuerIndex, context: IssuerContext = {}): Map<string, string> {
  const names = new Map(index.global);
  for (const key of index.contextual.keys()) {
    const id = resolveIssuer(index, key, context);
    if (id) names.set(key, id);
  }
  return names;
}

/** The known spelling closest to an unknown name, for "did you mean" hints. */
export function suggestIssuer(index: IssuerIndex, name: string): string | undefined {
  return nearest(compactName(name), [...index.global.keys(), ...index.contextual.keys()]);
}
