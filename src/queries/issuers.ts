/**
 * The issuer registry and what the notices say of each body (named issuers, inferences,
 * co-hosts, the co-hosts' activities), as the pages ask for them.
 */
import { getCollection } from "astro:content";
import type { Issuer } from "../schemas/issuer.ts";
import { buildIssuerIndex, type IssuerIndex } from "../archive/issuers.ts";
import { parseAllActivities, type ParsedActivities } from "../issuers/activities.ts";
import { inferredBasis } from "../shared/notice.ts";
import { getNoticesWithBlocks, type NoticeEntry } from "./notices.ts";

let issuerCache: Promise<Map<string, Issuer>> | undefined;

/** Issuer registry id → issuer. */
export function getIssuerMap(): Promise<Map<string, Issuer>> {
  issuerCache ??= getCollection("issuers").then(
    (entries) => new Map(entries.map((e) => [e.data.id ?? e.id, e.data])),
  );
  return issuerCache;
}

interface ResolvedIssuer {
  id: string;
  /** Short name when the registry has one, else the full name. */
  label: string;
  /** Full name (全称). */
  name: string;
  /** Set for issuers the text does not name: the evidence. */
  basis?: string;
}

function resolveIssuer(map: Map<string, Issuer>, id: string, basis?: string): ResolvedIssuer {
  const issuer = map.get(id);
  const resolved: ResolvedIssuer = {
    id,
    label: issuer?.shortName ?? issuer?.name ?? id,
    name: issuer?.name ?? id,
  };
  if (basis) resolved.basis = basis;
  return resolved;
}

export interface NoticeIssuers {
  /** Issuers the text names. */
  stated: ResolvedIssuer[];
  /** Issuers the text does not name but supports, each with its basis. */
  inferred: ResolvedIssuer[];
  /** The N of “等N个部门”, when stated (or inferred). */
  declared?: number;
  /** Basis when `declared` is itself inferred. */
  declaredBasis?: string;
  /** Units listed as co-hosts of the activity (not issuers of the notice). */
  coHosts: ResolvedIssuer[];
}

export async function noticeIssuers(notice: NoticeEntry): Promise<NoticeIssuers> {
  const map = await getIssuerMap();
  const d = notice.data;
  const result: NoticeIssuers = {
    stated: d.issuers.map((id) => resolveIssuer(map, id)),
    inferred: d.inferredIssuers.map((i) => resolveIssuer(map, i.id, i.basis)),
    coHosts: d.coHosts.map((id) => resolveIssuer(map, id)),
  };
  if (d.declaredIssuerCount !== undefined) result.declared = d.declaredIssuerCount;
  const basis = inferredBasis(notice, "declaredIssuerCount");
  if (basis) result.declaredBasis = basis;
  return result;
}

let issuerListCache: Promise<Issuer[]> | undefined;

/** Every registry issuer (content/issuers/issuers.yaml), ordered by id. */
export function getIssuers(): Promise<Issuer[]> {
  issuerListCache ??= getCollection("issuers").then((entries) =>
    entries.map((e) => ({ ...e.data, id: e.data.id ?? e.id })),
  );
  return issuerListCache;
}

let issuerIndexCache: Promise<IssuerIndex> | undefined;

/** Name → id index over the registry (every spelling the texts use). */
function getIssuerIndex(): Promise<IssuerIndex> {
  issuerIndexCache ??= getIssuers().then((issuers) => buildIssuerIndex(issuers));
  return issuerIndexCache;
}

let activitiesCache: Promise<ParsedActivities> | undefined;

/**
 * The co-hosts' activities listed in every held notice's attachment (src/issuers/activities.ts),
 * read from the numbered items of the attachment, which are the document's structure.
 */
export function getActivities(): Promise<ParsedActivities> {
  activitiesCache ??= Promise.all([getNoticesWithBlocks(), getIssuerIndex()]).then(([notices, index]) =>
    parseAllActivities(notices, index),
  );
  return activitiesCache;
}
