/**
 * The draft check's sentence search (src/check/check.ts) against brute force: for random drafts
 * over a small alphabet (repeated bigrams, a character outside the BMP, one-character sentences),
 * every draft sentence must get exactly the archive sentence that plain bigram Dice
 * (tests/unit/helpers/dice.ts) ranks first — same when the keys are equal, near from
 * NEAR_THRESHOLD, else new.
 */
import { describe, expect, it } from "vitest";
import { checkDraft, prepareCheck } from "../../../src/check/check.ts";
import type { CheckData } from "../../../src/check/data-file.ts";
import { NEAR_THRESHOLD, sentenceKey } from "../../../src/lineage/similarity.ts";
import { bigramDice } from "../helpers/dice.ts";
import { rng } from "../helpers/rng.ts";

const ALPHABET = Array.from("质量强国建设品牌标准𠀀");

function randomText(random: () => number, max: number): string {
  const n = 1 + Math.floor(random() * max);
  return Array.from({ length: n }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]!).join("");
}

/** A draft sentence: an archive sentence as printed, a few characters changed, or random. */
function draftText(random: () => number, archive: readonly string[]): string {
  const r = random();
  const base = archive[Math.floor(random() * archive.length)]!;
  if (r < 0.3) return base;
  if (r < 0.7) return Array.from(base, (c) => (random() < 0.15 ? ALPHABET[0]! : c)).join("");
  return randomText(random, 24);
}

function archiveData(texts: readonly string[]): CheckData {
  return {
    notices: [["2020-jia", "2020年甲", "2020/jia/"]],
    sentences: texts.map((text, i): CheckData["sentences"][number] => [text, 0, `s${i}`, 0, `s${i}`, 1]),
    phrases: [],
    issuers: [],
    names: [],
  };
}

describe("draft check: the closest archive sentence", () => {
  it("matches brute force on random drafts", () => {
    const random = rng(7);
    for (let round = 0; round < 6; round++) {
      const archive = Array.from({ length: 150 }, () => `${randomText(random, 30)}。`);
      const keys = archive.map((t) => sentenceKey(t));
      const prepared = prepareCheck(archiveData(archive));
      const draft = ["通知", ...Array.from({ length: 40 }, () => `${draftText(random, archive)}。`)].join(
        "\n",
      );
      const report = checkDraft(prepared, draft, { year: 2025 });
      expect(report.sentences.length).toBeGreaterThan(30);
      for (const s of report.sentences) {
        const same = keys.indexOf(s.key);
        if (same >= 0) {
          expect(s.status).toBe("same");
          expect(s.match).toEqual({ sentence: same, similarity: 1 });
          continue;
        }
        let best = -1;
        let bestScore = -1;
        keys.forEach((key, i) => {
          const score = bigramDice(s.key, key);
          if (score > bestScore) [best, bestScore] = [i, score];
        });
        if (bestScore >= NEAR_THRESHOLD) {
          expect(s.status, s.text).toBe("near");
          expect(s.match?.sentence, s.text).toBe(best);
          expect(s.match?.similarity).toBeCloseTo(bestScore, 12);
        } else expect(s.status, s.text).toBe("new");
      }
      const statuses = new Set(report.sentences.map((s) => s.status));
      expect([...statuses].sort()).toEqual(["near", "new", "same"]);
    }
  });
});
