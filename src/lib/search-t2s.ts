/**
 * Loads the traditional → simplified map the build generated for this archive
 * (search-data/t2s.json, scripts/search-index.ts), once per page.
 */
import { parseT2S, type T2SMap } from "./search-normalize.ts";
import { withBase } from "./urls.ts";

let pending: Promise<T2SMap> | undefined;

export function loadT2S(): Promise<T2SMap> {
  pending ??= fetch(withBase("search-data/t2s.json"))
    .then((r) => {
      if (!r.ok) throw new Error(`search-data/t2s.json: HTTP ${r.status}`);
      return r.json() as Promise<{ pairs: string }>;
    })
    .then((data) => parseT2S(data.pairs))
    .catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
  return pending;
}
