/**
 * /reports/doc-numbers.json, the build report of document numbers in the notices' text: those
 * linked to a held notice, each notice's mentions of its own number, and those the archive does
 * not hold (left as plain text). The same resolver as the rehype plugin that makes the links
 * (src/document/plugins/rehype-doc-number-links.ts); the build prints a one-line summary.
 */
import type { APIRoute } from "astro";
import { heldDocNumbers, resolveDocNumbers } from "../../document/doc-number-links.ts";
import { getNotices } from "../../queries/notices.ts";
import { noticeBlocks } from "../../text/notice-text.ts";
import { blocksToText } from "../../text/plain-text.ts";

export const GET: APIRoute = async () => {
  const notices = await getNotices();
  const held = heldDocNumbers(
    notices.map((n) => ({ id: n.id, year: n.data.year, slug: n.data.slug, docNumber: n.data.docNumber })),
  );
  const linked: { in: string; number: string; notice: string }[] = [];
  const own: { in: string; number: string }[] = [];
  const notHeld: { in: string; number: string; context: string }[] = [];
  for (const notice of notices) {
    const text = blocksToText(await noticeBlocks(notice));
    for (const m of resolveDocNumbers(text, held)) {
      if (m.target?.id === notice.id) own.push({ in: notice.id, number: m.canonical });
      else if (m.target) linked.push({ in: notice.id, number: m.canonical, notice: m.target.id });
      else {
        const context = text
          .slice(Math.max(0, m.index - 20), m.index + m.text.length + 10)
          .replace(/\s+/g, " ");
        notHeld.push({ in: notice.id, number: m.canonical, context });
      }
    }
  }
  console.log(
    `[doc-numbers] ${linked.length} cross-reference(s) linked, ${notHeld.length} not held` +
      (notHeld.length ? `: ${notHeld.map((n) => `${n.in} ${n.number}`).join("; ")}` : "") +
      " (reports/doc-numbers.json)",
  );
  return new Response(JSON.stringify({ linked, own, notHeld }, null, 2), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
