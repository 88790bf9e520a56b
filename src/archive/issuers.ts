/**
 * Resolving issuer names as texts print them (全称, 简称, variant spellings, names spaced out
 * for justification such as 教 育 部) to issuer registry ids.
 */
import type { Issuer } from "../schemas/issuer.ts";
import { nearest } from "./errors.ts";

export interface IssuerIndex {
  /** Every known spelling → issuer id. */
  byName: Map<string, string>;
  byId: Map<string, Issuer>;
}

/** Spaces (any kind) inside a name are layout, not part of the name. */
export function compactName(name: string): string {
  return name.replace(/[\s\u00a0\u3000]+/g, "");
}

export function buildIssuerIndex(issuers: readonly Issuer[]): IssuerIndex {
  const byName = new Map<string, string>();
  const byId = new Map<string, Issuer>();
  for (const issuer of issuers) {
    if (byId.has(issuer.id)) throw new Error(`issuer id ${issuer.id} is listed twice in the registry`);
    byId.set(issuer.id, issuer);
    for (const name of [issuer.name, issuer.shortName, ...issuer.aliases]) {
      if (!name) continue;
      const key = compactName(name);
      const other = byName.get(key);
      if (other && other !== issuer.id) {
        throw new Error(`the name ${name} belongs to both ${other} and ${issuer.id} in the issuer registry`);
      }
      byName.set(key, issuer.id);
    }
  }
  return { byName, byId };
}

/** The id of the body a printed name denotes, or undefined. */
export function resolveIssuer(index: IssuerIndex, name: string): string | undefined {
  return index.byName.get(compactName(name));
}

/** The known spelling closest to an unknown name, for "did you mean" hints. */
export function suggestIssuer(index: IssuerIndex, name: string): string | undefined {
  return nearest(compactName(name), index.byName.keys());
}

/**
 * Splits a line of a header or signature block into issuer ids, or returns undefined when any
 * part of the line is not a known body. Names are separated by two or more spaces, or by single
 * spaces when single spaces also fall inside spaced-out names (市场监管总局  中央宣传部  教 育 部).
 */
export function issuersInLine(index: IssuerIndex, line: string): string[] | undefined {
  const text = line.replace(/[\u00a0\u3000]/g, " ").trim();
  if (!text) return undefined;
  const whole = resolveIssuer(index, text);
  if (whole) return [whole];
  const ids: string[] = [];
  for (const chunk of text.split(/ {2,}|[、，,]/)) {
    if (!chunk.trim()) continue;
    const direct = resolveIssuer(index, chunk);
    if (direct) {
      ids.push(direct);
      continue;
    }
    const words = chunk.trim().split(" ");
    const parts = splitWords(index, words);
    if (!parts) return undefined;
    ids.push(...parts);
  }
  return ids.length ? ids : undefined;
}

/** Greedy split of space-separated words into known names (longest run of words first). */
function splitWords(index: IssuerIndex, words: string[]): string[] | undefined {
  const ids: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let j = words.length; j > i; j--) {
      const id = resolveIssuer(index, words.slice(i, j).join(""));
      if (id) {
        ids.push(id);
        i = j;
        matched = true;
        break;
      }
    }
    if (!matched) return undefined;
  }
  return ids;
}
