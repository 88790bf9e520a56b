/**
 * Builds /check/data.json (shape: src/check/data-file.ts) from the lineage index, the phrase
 * index of themes and slogans and the issuer registry: everything the draft check needs, in one
 * file, so that once the page has loaded it works without a network connection.
 */
import { buildIssuerIndex } from "../archive/issuers.ts";
import { lineageKeys, noticeLabels, type KeyRow } from "../lineage/data.ts";
import { getIssuers } from "../queries/issuers.ts";
import { getNotices } from "../queries/notices.ts";
import { getPhraseIndex } from "../queries/themes.ts";
import type { CheckData } from "./data-file.ts";

export async function checkData(): Promise<CheckData> {
  const [{ order, sentences }, labels, notices, phraseIndex, issuers] = await Promise.all([
    lineageKeys(),
    noticeLabels(),
    getNotices(),
    getPhraseIndex(),
    getIssuers(),
  ]);
  const registry = buildIssuerIndex(issuers);
  const paths = new Map(notices.map((n) => [n.id, `${n.data.year}/${n.data.slug}/`]));
  const rankOf = new Map(order.map((id, rank) => [id, rank]));
  return {
    notices: order.map((id) => [id, labels.get(id)!.label, paths.get(id)!]),
    sentences: JSON.parse(sentences) as KeyRow[],
    phrases: phraseIndex.groups.map((group) => [
      group.text,
      group.anchor,
      group.occurrences.map((o) => [o.year, o.notice ? rankOf.get(o.notice.id)! : -1, o.role]),
    ]),
    issuers: issuers.map(({ note: _note, ...issuer }) => issuer),
    names: [
      ...[...registry.global].map(([name, id]): [string, string] => [name, id]),
      ...[...registry.contextual.keys()].map((name): [string, null] => [name, null]),
    ],
  };
}
