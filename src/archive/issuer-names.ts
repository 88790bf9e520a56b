/**
 * Names of bodies as texts print them, before any registry: spaces inside a name are layout
 * (教 育 部), and a line of several names splits into them. Pure and browser-safe: the issuer
 * registry (src/archive/issuers.ts), the importer and /check/ (src/check/) read names by it.
 */

/** Spaces (any kind) inside a name are layout, not part of the name. */
export function compactName(name: string): string {
  return name.replace(/[\s\u00a0\u3000]+/g, "");
}

/**
 * Splits a line into the names `resolve` accepts (in order), or undefined when any part is not
 * one. Shared by registry lookups and the importer's reading of bodies not yet registered.
 */
export function splitNames<T>(line: string, resolve: (name: string) => T | undefined): T[] | undefined {
  const text = line.replace(/[\u00a0\u3000]/g, " ").trim();
  if (!text) return undefined;
  const whole = resolve(text);
  if (whole !== undefined) return [whole];
  const found: T[] = [];
  for (const chunk of text.split(/ {2,}|[、，,]/)) {
    if (!chunk.trim()) continue;
    const direct = resolve(chunk.trim());
    if (direct !== undefined) {
      found.push(direct);
      continue;
    }
    const parts = splitWords(chunk.trim().split(" "), resolve);
    if (!parts) return undefined;
    found.push(...parts);
  }
  return found.length ? found : undefined;
}

/** Greedy split of space-separated words into accepted names (longest run of words first). */
function splitWords<T>(words: string[], resolve: (name: string) => T | undefined): T[] | undefined {
  const found: T[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let j = words.length; j > i; j--) {
      // Joined with their spaces: a registry lookup compacts them, a name-like test refuses them.
      const value = resolve(words.slice(i, j).join(" "));
      if (value !== undefined) {
        found.push(value);
        i = j;
        matched = true;
        break;
      }
    }
    if (!matched) return undefined;
  }
  return found;
}
