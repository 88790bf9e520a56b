/**
 * Sentence lineage in dist/ (issue 17): every /api/lineage/{year}/{slug}.json validates against
 * the published schema; every anchor in it (the sentence's own and its matches') is an id on the
 * page it names; the sentences are the notice's text; and the verdicts hold up against an
 * independent check over the structured text of /api/notices/ — a carried sentence is printed by
 * the notice it cites, a new one has no earlier sentence with ≥ 60 % of its character bigrams.
 * The notice page shows the summary line, and 2022's national notice counts sentences carried
 * from 2019 and 2021. Skipped when there is no dist/ (npm test builds first).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, test } from "vitest";
import { blocksToText } from "../../src/text/plain-text.ts";
import type { Block, NoticeDocument, NoticesDocument } from "../../src/schemas/api.ts";
import type { LineageDocument } from "../../src/schemas/lineage.ts";
import { BUILT, DIST, SITE_ROOT, contentNotices, fileForUrl, readJson } from "./site-files.ts";
import { bigramDice as dice } from "../unit/helpers/dice.ts";

const notices = contentNotices();

/** Letters and digits, NFKC, lower case: what "the same sentence" compares, written out again. */
const letters = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/** The text of each anchored block (headings, paragraphs, items, part lines) of a notice. */
function blockTexts(blocks: readonly Block[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (b: Block) => {
    switch (b.type) {
      case "section":
        out.set(b.anchor, b.heading);
        b.content.forEach(walk);
        break;
      case "list":
        for (const item of b.items) out.set(item.anchor, item.text);
        break;
      case "part":
        b.content.forEach(walk);
        break;
      case "attachment":
        if (b.title) out.set(b.title.anchor, b.title.text);
        b.content.forEach(walk);
        break;
      default:
        out.set(b.anchor, b.text);
    }
  };
  blocks.forEach(walk);
  return out;
}

describe.skipIf(!BUILT)("lineage open data: /api/lineage/", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const schema = readJson<Record<string, unknown>>(join(DIST, "api/schema/lineage.schema.json"));
  const validate = ajv.compile(schema);
  const docs = new Map(
    notices.map((n) => [
      n.id,
      readJson<LineageDocument>(join(DIST, "api/lineage", String(n.year), `${n.slug}.json`)),
    ]),
  );
  const list = readJson<NoticesDocument>(join(DIST, "api/notices.json"));
  const bodies = new Map(
    notices.map((n) => [
      n.id,
      readJson<NoticeDocument>(join(DIST, "api/notices", String(n.year), `${n.slug}.json`)).body,
    ]),
  );
  const idCache = new Map<string, Set<string>>();
  const pageIds = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = new Set(
        [...readFileSync(join(DIST, file), "utf8").matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!),
      );
      idCache.set(file, ids);
    }
    return ids;
  };

  test("the schema is JSON Schema 2020-12 with its own absolute URL as $id", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(new URL("api/schema/lineage.schema.json", SITE_ROOT).href);
  });

  test("the schema rejects a broken document (it is not vacuous)", () => {
    const broken = structuredClone(docs.get("2022-quanguo")!) as unknown as Record<string, unknown>;
    (broken.sentences as Record<string, unknown>[])[0]!.origin = "borrowed";
    expect(validate(broken)).toBe(false);
  });

  describe.each(notices)("$id", (n) => {
    const doc = docs.get(n.id)!;
    const ownIds = pageIds(join(String(n.year), n.slug, "index.html"));
    const texts = blockTexts(bodies.get(n.id)!);

    test("validates against /api/schema/lineage.schema.json", () => {
      const ok = validate(doc);
      expect((validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
      expect(ok).toBe(true);
      expect(doc.url).toBe(new URL(`${n.year}/${n.slug}/`, SITE_ROOT).href);
    });

    test("every anchor resolves: the sentences' on this page, the matches' on theirs", () => {
      expect(doc.sentences.length).toBeGreaterThan(0);
      expect(doc.sentences.filter((s) => !ownIds.has(s.anchor)).map((s) => s.anchor)).toEqual([]);
      for (const s of doc.sentences)
        for (const m of [...s.matches, ...(s.first ? [s.first] : []), ...(s.source ? [s.source] : [])]) {
          // The page's address from /api/notices.json, as a reader of the data would find it.
          const page = list.notices.find((r) => r.id === m.notice)?.links.html;
          expect(page, m.notice).toBeDefined();
          const file = fileForUrl(page!);
          expect(file, page).toBeTruthy();
          expect(pageIds(file!).has(m.anchor), `${page}#${m.anchor}`).toBe(true);
        }
    });

    test("its sentences are the text of their blocks, in order, every character kept", () => {
      const byBlock = new Map<string, string[]>();
      for (const s of doc.sentences) byBlock.set(s.anchor, [...(byBlock.get(s.anchor) ?? []), s.text]);
      for (const [anchor, list] of byBlock) {
        const text = texts.get(anchor);
        expect(text, anchor).toBeDefined();
        // Counted sentences in place order: together they are the block's letters and digits.
        expect(letters(list.join("")), anchor).toBe(letters(text!));
      }
      expect(doc.summary.total).toBe(doc.sentences.length);
      expect(doc.summary.carried + doc.summary.rewritten + doc.summary.new).toBe(doc.summary.total);
    });

    test("carried sentences are printed by the notices they cite; new ones have nothing near earlier", () => {
      const earlier = notices.filter((m) => isEarlier(m.id, n.id));
      for (const s of doc.sentences) {
        const key = letters(s.text.replace(/^(（?[一二三四五六七八九十\d]+[）、.．]?)/u, ""));
        if (s.origin === "carried") {
          const cited = docs
            .get(s.source!.notice)!
            .sentences.find((t) => t.anchor === s.source!.anchor && t.n === s.source!.n);
          expect(cited, `${s.anchor}.${s.n}`).toBeDefined();
          expect(letters(cited!.text).endsWith(key), `${s.text} ← ${cited!.text}`).toBe(true);
        }
        if (s.origin === "new") {
          for (const m of earlier)
            for (const t of docs.get(m.id)!.sentences) {
              const other = letters(t.text.replace(/^(（?[一二三四五六七八九十\d]+[）、.．]?)/u, ""));
              expect(dice(key, other), `${n.id} “${s.text}” ~ ${m.id} “${t.text}”`).toBeLessThan(0.6);
            }
        }
      }
    });
  });

  /** Earlier in lineage order: year, then national first (dates do not decide between these five). */
  function isEarlier(a: string, b: string): boolean {
    const x = notices.find((n) => n.id === a)!;
    const y = notices.find((n) => n.id === b)!;
    const rank = (n: typeof x) => (n.data.level === "national" ? 0 : 1);
    return x.year < y.year || (x.year === y.year && rank(x) < rank(y));
  }

  test("2022's national notice counts sentences carried from 2019 and from 2021, on its page too", () => {
    const doc = docs.get("2022-quanguo")!;
    const from = Object.fromEntries(doc.summary.carriedFrom.map((c) => [c.notice, c.count]));
    expect(from["2019-quanguo"]).toBeGreaterThan(0);
    expect(from["2021-quanguo"]).toBeGreaterThan(0);
    const page = readFileSync(join(DIST, "2022/quanguo/index.html"), "utf8");
    const line = /data-lineage-summary[^>]*>([^<]*)</.exec(page)?.[1];
    expect(line).toBe(
      `本通知${doc.summary.total}句：沿用${doc.summary.carried}句（最早见于2019年全国通知${from["2019-quanguo"]}句、2021年全国通知${from["2021-quanguo"]}句）、改写${doc.summary.rewritten}句、新写${doc.summary.new}句`,
    );
  });

  test("the 2022 national sentence 现就有关事项通知如下： is carried from 2021's", () => {
    // Independent of the code: both notices print it, 2021 first.
    const doc = docs.get("2022-quanguo")!;
    const s = doc.sentences.find((x) => x.text === "现就有关事项通知如下：")!;
    expect(s.origin).toBe("carried");
    expect(s.source!.notice).toBe("2021-quanguo");
    expect(blocksToText(bodies.get("2021-quanguo")!)).toContain("现就有关事项通知如下：");
  });
});
