/**
 * Comparisons: the CJK diff against a brute-force LCS, section alignment on the real notices
 * (2022-hainan's 一、活动主题 with 2022-quanguo's), identical texts (similarity 1, no marks), a
 * one-character change (marked as exactly that character), and the pairs derived from the
 * notices alone — a notice made by the importer brings its comparisons with no code change.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import {
  DELETE,
  diffChars,
  diffStats,
  diffTokens,
  EQUAL,
  INSERT,
  lcsPairs,
  similarity,
} from "../../../src/text/diff.ts";
import { buildCompareDoc } from "../../../src/compare/doc.ts";
import { counterparts, sectionSentences } from "../../../src/compare/sentences.ts";
import { bodyBlocks } from "../../../src/text/notice-text.ts";
import { renderComparison, renderRows } from "../../../src/compare/render.ts";
import {
  alignSections,
  compareDocs,
  comparisonPairs,
  formatPercent,
  orderPair,
  type CompareDoc,
  type Level,
  type NoticeInfo,
} from "../../../src/compare/compare.ts";
import { listNoticeFiles, loadIssuerIndex } from "../../../src/archive/files.ts";
import { importNotice } from "../../../src/importer/index.ts";
import { segment } from "../../../src/text/segment.ts";

const root = resolve(import.meta.dirname, "../../..");

interface TestNotice extends NoticeInfo {
  body: string;
}

/** The held notices, read from content/notices (frontmatter + body). */
function heldNotices(): TestNotice[] {
  return listNoticeFiles(root).map((file) => {
    const data = yaml.load(file.frontmatterText) as {
      year: number;
      level: Level;
      docNumber?: string;
      respondsTo?: string;
    };
    return {
      id: file.id,
      year: data.year,
      level: data.level,
      docNumber: data.docNumber,
      respondsTo: data.respondsTo,
      body: file.body,
    };
  });
}

/**
 * Notices made by the importer from the seed texts with the year changed (test fixtures, not
 * real notices): a 2023 national notice, and a 2023 provincial notice that implements it.
 */
async function importedFixtures(): Promise<TestNotice[]> {
  const issuers = loadIssuerIndex(root);
  const seed = (name: string) =>
    readFileSync(join(root, "tests/fixtures/importer", name, "input.txt"), "utf8");
  const texts = [
    seed("seed-2019-quanguo").replaceAll("2019", "2023"),
    seed("seed-2022-hainan")
      .replaceAll("国市监质发〔2022〕76号", "国市监质〔2023〕162号")
      .replaceAll("2022", "2023"),
  ];
  return Promise.all(
    texts.map(async (text) => {
      const result = await importNotice({
        bytes: new TextEncoder().encode(text),
        receivedAs: "fixture.txt",
        issuers,
      });
      const d = result.frontmatter!;
      return {
        id: result.id!,
        year: d.year,
        level: d.level,
        docNumber: d.docNumber,
        respondsTo: d.respondsTo,
        body: result.body,
      };
    }),
  );
}

function doc(notice: TestNotice): CompareDoc {
  return buildCompareDoc(
    {
      id: notice.id,
      year: notice.year,
      level: notice.level,
      label: notice.id,
      title: notice.id,
      url: `/${notice.id}/`,
    },
    bodyBlocks(notice.body),
  );
}

const byId = (notices: TestNotice[], id: string) => notices.find((n) => n.id === id)!;
const pairIds = (notices: NoticeInfo[]) =>
  comparisonPairs(notices).map((p) => `${p.a.id} → ${p.b.id} (${p.kind})`);

describe("cjk-diff", () => {
  /** LCS length by the textbook dynamic programme. */
  function lcsLength(a: number[], b: number[]): number {
    const rows = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        rows[i]![j] =
          a[i - 1] === b[j - 1] ? rows[i - 1]![j - 1]! + 1 : Math.max(rows[i - 1]![j]!, rows[i]![j - 1]!);
    return rows[a.length]![b.length]!;
  }

  it("the bit-parallel LCS is a longest common subsequence (random inputs, across word boundaries)", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let t = 0; t < 400; t++) {
      const alphabet = 1 + random(6);
      const a = Array.from({ length: random(140) }, () => random(alphabet));
      const b = Array.from({ length: random(140) }, () => random(alphabet));
      const pairs = lcsPairs(a, b);
      expect(pairs.length).toBe(lcsLength(a, b));
      for (const [k, [i, j]] of pairs.entries()) {
        expect(a[i]).toBe(b[j]);
        if (k > 0) {
          expect(i).toBeGreaterThan(pairs[k - 1]![0]);
          expect(j).toBeGreaterThan(pairs[k - 1]![1]);
        }
      }
    }
  });

  it("identical texts: one equality, similarity 1", () => {
    const ops = diffTokens(
      segment("推动质量变革创新 促进质量强国建设"),
      segment("推动质量变革创新 促进质量强国建设"),
    );
    expect(ops).toEqual([[EQUAL, "推动质量变革创新 促进质量强国建设"]]);
    expect(similarity(diffStats(ops))).toBe(1);
  });

  it("a changed character inside a word is marked as that character only", () => {
    expect(diffTokens(segment("促进质量强国建设"), segment("促进质量强省建设"))).toEqual([
      [EQUAL, "促进质量强"],
      [DELETE, "国"],
      [INSERT, "省"],
      [EQUAL, "建设"],
    ]);
  });

  it("marks words and phrases, not lines, and folds coincidental one-character matches", () => {
    const ops = diffChars("今天天气很好，我们去公园", "今天天气不错，他们去公园玩");
    expect(ops).toEqual([
      [EQUAL, "今天天气"],
      [DELETE, "很好，我"],
      [INSERT, "不错，他"],
      [EQUAL, "们去公园"],
      [INSERT, "玩"],
    ]);
    // Letters only (the comma does not count): 8 kept of 11 and of 12.
    expect(diffStats(ops)).toEqual({ a: 11, b: 12, kept: 8, removed: 3, added: 4 });
    expect(similarity(diffStats(ops))).toBeCloseTo(16 / 23);
  });
});

describe("section alignment and comparison of the held notices", () => {
  const notices = heldNotices();
  const quanguo = doc(byId(notices, "2022-quanguo"));
  const hainan = doc(byId(notices, "2022-hainan"));

  it("2022-hainan against 2022-quanguo: 一、活动主题 with 一、活动主题, and the rest in order", () => {
    const rows = alignSections(quanguo.sections, hainan.sections);
    const row = rows.find((r) => r.a?.key === "s1");
    expect(row?.b?.key).toBe("s1");
    expect(`${row!.a!.label}${row!.a!.title}`).toBe("一、活动主题");
    expect(`${row!.b!.label}${row!.b!.title}`).toBe("一、活动主题");
    const pairs = rows.filter((r) => r.a && r.b).map((r) => `${r.a!.key}=${r.b!.key}`);
    expect(pairs).toContain("s2=s2");
    expect(pairs).toContain("s3=s3");
    expect(pairs).toContain("preamble=preamble");
    // Attachments go by title: the national 附件4 (口号) is Hainan's 附件2 (口号).
    expect(pairs).toContain("a4=a2");
    expect(pairs).toContain("a1=a1");
  });

  it("Hainan repeats the national theme and slogans word for word; its preamble is rewritten", () => {
    const cmp = compareDocs(quanguo, hainan);
    const row = (key: string) => cmp.rows.find((r) => r.a?.key === key)!;
    expect(row("s1").verdict).toBe("same");
    expect(row("s1").similarity).toBe(1);
    expect(row("s1").pairs.every((p) => p.state === "same" && !p.ops)).toBe(true);
    expect(row("a4").verdict).toBe("same");
    expect(row("a4").pairs).toHaveLength(15 + 4);
    // The preamble: its closing sentence reworded (现就 → 现将), its long first sentence new.
    const preamble = row("preamble");
    expect(preamble.verdict).toBe("rewritten");
    expect(preamble.pairs.find((p) => p.state === "rewritten")?.b?.text).toBe("现将有关事项通知如下：");
    expect(preamble.counts).toEqual({ same: 0, rewritten: 1, added: 1, removed: 1 });
    expect(preamble.similarity).toBeGreaterThan(0);
    expect(preamble.similarity).toBeLessThan(0.5);
    // The same part of the document is one row, even with no sentence in common: the 21
    // national departments' signature against Hainan's one body is the 署名 rewritten.
    const signature = cmp.rows.filter((r) => r.a?.key === "signature" || r.b?.key === "signature");
    expect(signature).toHaveLength(1);
    expect(signature[0]!.a && signature[0]!.b && signature[0]!.verdict).toBe("rewritten");
    // Hainan's own header (masthead, number, title, recipients) has no national counterpart.
    const added = cmp.rows.filter((r) => !r.a);
    expect(added.map((r) => r.b!.key)).toEqual(
      expect.arrayContaining(["masthead", "docnumber", "title", "recipients"]),
    );
    expect(added.every((r) => r.verdict === "added")).toBe(true);
    expect(cmp.similarity).toBeGreaterThan(0.2);
    expect(cmp.similarity).toBeLessThan(0.8);
    expect(cmp.stats.a).toBe(cmp.stats.kept + cmp.stats.removed);
  });

  it("lists what Hainan added: its own wording, none of it in the national notice", () => {
    const cmp = compareDocs(quanguo, hainan);
    const added = cmp.rows.flatMap((r) => r.pairs.filter((p) => p.state === "added").map((p) => p.b!));
    const national = quanguo.sections.flatMap((s) => s.blocks.map((b) => b.t.join(""))).join("\n");
    for (const words of [
      "省质量强省工作领导小组有关成员单位",
      "质量文化乡镇行",
      "海南老字号",
      "放心消费在海南",
      "省教育厅、省科学技术厅",
    ]) {
      // Independently of the comparison: the national text does not hold these words…
      expect(national).not.toContain(words);
      // …and the sentence holding them is listed as added, with its anchor on Hainan's page.
      const s = added.find((x) => x.text.includes(words));
      expect(s, words).toBeDefined();
      expect(s!.anchor).toMatch(/^[a-z][a-z0-9-]*$/);
    }
    // 附件3, the list of co-hosts, shares nothing with any national attachment: a new section.
    const a3 = cmp.rows.find((r) => r.b?.key === "a3")!;
    expect(a3.verdict).toBe("added");
    expect(a3.a).toBeUndefined();
    // Sentence counts add up, for the wording (the furniture of 版头 and 署名 not counted).
    const s = cmp.sentences;
    expect(s.same + s.rewritten + s.added).toBe(s.b);
    expect(s.added).toBe(added.filter((x) => x.counted).length);
    const html = renderComparison(cmp, quanguo, hainan);
    expect(html).toContain('class="cmp-only-added"');
    expect(html).toContain(
      `href="/2022-hainan/#${added.find((x) => x.text.includes("放心消费在海南"))!.anchor}"`,
    );
  });

  it("each sentence's counterpart is the most alike of all the other notice's sentences", () => {
    const xs = hainan.sections.flatMap(sectionSentences);
    const ys = quanguo.sections.flatMap(sectionSentences);
    // Brute force: every pair, the Dice coefficient written out over the bigram token lists.
    const dice = (a: number[], b: number[]) =>
      (2 * a.filter((t) => b.includes(t)).length) / (a.length + b.length);
    const expected = xs.map((x) => {
      let best: { index: number; similarity: number } | undefined;
      ys.forEach((y, index) => {
        const d = x.key === y.key ? 1 : dice(x.tokens, y.tokens);
        const similarity = x.key === y.key ? 1 : d >= 0.6 ? Math.min(d, 0.999) : 0;
        if (similarity > (best?.similarity ?? 0)) best = { index, similarity };
      });
      return best && best.similarity === 1
        ? { index: ys.findIndex((y) => y.key === x.key), similarity: 1 }
        : best;
    });
    const found = counterparts(xs, ys);
    expect(found.map((f) => f?.index)).toEqual(expected.map((e) => e?.index));
    for (const [i, f] of found.entries())
      expect(f?.similarity ?? 0).toBeCloseTo(expected[i]?.similarity ?? 0, 12);
    expect(found.filter(Boolean).length).toBeGreaterThan(40);
  });

  it("a notice against itself: similarity 1 and no marks", () => {
    const cmp = compareDocs(hainan, hainan);
    expect(cmp.similarity).toBe(1);
    expect(
      cmp.rows.every((r) => r.a && r.b && r.verdict === "same" && r.pairs.every((p) => p.state === "same")),
    ).toBe(true);
    expect(renderRows(cmp, hainan, hainan)).not.toContain("cmp-mark");
    expect(formatPercent(cmp.similarity)).toBe("100%");
    expect(cmp.sentences.added + cmp.sentences.removed + cmp.sentences.rewritten).toBe(0);
  });

  it("a one-character change in a whole notice is marked as that change only, inside its sentence", () => {
    const original = byId(notices, "2022-hainan");
    const changed = {
      ...original,
      body: original.body.replace("推动质量变革创新 促进", "推进质量变革创新 促进"),
    };
    expect(changed.body).not.toBe(original.body);
    const cmp = compareDocs(hainan, doc(changed));
    const marks = cmp.rows.flatMap((r) =>
      r.pairs.flatMap((p) =>
        (p.ops ?? []).filter(([type]) => type !== EQUAL).map((op) => `${r.a!.key}:${op[0]}:${op[1]}`),
      ),
    );
    expect(marks).toEqual(["s1:-1:动", "s1:1:进"]);
    expect(cmp.rows.filter((r) => r.verdict !== "same").map((r) => r.a!.key)).toEqual(["s1"]);
    const html = renderComparison(cmp, hainan, hainan);
    expect(html).toContain('<del class="cmp-mark cmp-changed">动</del>');
    expect(html).toContain('<ins class="cmp-mark cmp-changed">进</ins>');
  });
});

describe("pairs come from the notices alone", () => {
  const notices = heldNotices();

  it("each provincial notice with the national notice it implements; each national with the previous held", () => {
    expect(pairIds(notices)).toEqual([
      "2022-quanguo → 2024-quanguo (previous-year)",
      "2022-quanguo → 2022-hainan (implements)",
      "2021-quanguo → 2022-quanguo (previous-year)",
      "2019-quanguo → 2021-quanguo (previous-year)",
    ]);
  });

  it("notices made by the importer bring their comparisons with them", async () => {
    const fixtures = await importedFixtures();
    expect(fixtures.map((f) => f.id)).toEqual(["2023-quanguo", "2023-hainan"]);
    const ids = pairIds([...notices, ...fixtures]);
    expect(ids).toContain("2023-quanguo → 2024-quanguo (previous-year)");
    expect(ids).toContain("2022-quanguo → 2023-quanguo (previous-year)");
    expect(ids).toContain("2023-quanguo → 2023-hainan (implements)");
    expect(ids).not.toContain("2022-quanguo → 2024-quanguo (previous-year)");
    // And the comparison itself works on them: 一、 with 一、 (the 2019 text has 一、指导思想).
    const [nationalDoc, provincialDoc] = fixtures.map(doc);
    const cmp = compareDocs(nationalDoc!, provincialDoc!);
    expect(cmp.rows.find((r) => r.a?.title === "活动主题")?.b?.title).toBe("活动主题");
    expect(cmp.similarity).toBeGreaterThan(0);
  });

  it("orders any two notices base first: earlier year, then the national notice", () => {
    const [a, b] = orderPair(byId(notices, "2022-hainan"), byId(notices, "2022-quanguo"));
    expect([a.id, b.id]).toEqual(["2022-quanguo", "2022-hainan"]);
    const [c, d] = orderPair(byId(notices, "2024-quanguo"), byId(notices, "2019-quanguo"));
    expect([c.id, d.id]).toEqual(["2019-quanguo", "2024-quanguo"]);
  });
});
