/**
 * 起草核对 against the built archive (dist/check/data.json), on a draft made for the test
 * (tests/fixtures/check/draft-2025.txt): sentences of the 2024 national notice, one of them
 * reworded, one new sentence, 国家质检总局, a slogan of 2022, 国市监质发[2025]1号 and a
 * “等28个部门” over 27 bodies signed. Each finding is checked against facts read independently
 * of the check's code — the sentences' blocks in /api/notices/2024/quanguo.json, the registry,
 * the notices' frontmatter — and every link it makes resolves to an id on the page it names.
 * Skipped when there is no dist/ (npm test builds first).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { checkDraft, prepareCheck } from "../../src/check/check.ts";
import type { CheckData } from "../../src/check/data-file.ts";
import { renderReport } from "../../src/check/report.ts";
import { reportDocument } from "../../src/check/download.ts";
import type { Block, NoticeDocument } from "../../src/schemas/api.ts";
import { BUILT, DIST, contentNotices, readJson } from "./site-files.ts";

const DRAFT = readFileSync(resolve(import.meta.dirname, "../fixtures/check/draft-2025.txt"), "utf8");
const draftLine = (text: string) => DRAFT.split("\n").findIndex((l) => l.includes(text)) + 1;

/** The anchor of the block of a notice whose text contains `text`. */
function anchorOf(blocks: readonly Block[], text: string): string | undefined {
  let found: string | undefined;
  const walk = (b: Block) => {
    if (found) return;
    switch (b.type) {
      case "section":
        if (b.heading.includes(text)) found = b.anchor;
        b.content.forEach(walk);
        break;
      case "part":
      case "attachment":
        b.content.forEach(walk);
        break;
      case "list":
        found = b.items.find((i) => i.text.includes(text))?.anchor;
        break;
      default:
        if (b.text.includes(text)) found = b.anchor;
    }
  };
  blocks.forEach(walk);
  return found;
}

describe.skipIf(!BUILT)("起草核对 on the test draft", () => {
  const data = readJson<CheckData>(join(DIST, "check/data.json"));
  const report = checkDraft(prepareCheck(data), DRAFT, { year: 2030 });
  const body2024 = readJson<NoticeDocument>(join(DIST, "api/notices/2024/quanguo.json")).body;
  const notice = (i: number) => data.notices[i]![0];
  const find = (text: string) => report.sentences.find((s) => s.text.includes(text));

  test("reads the year from the draft's title", () => {
    expect(report.year).toBe(2025);
    expect(report.yearFrom).toBe("draft");
  });

  test("a sentence printed by the 2024 notice is the same, linked to its block there", () => {
    const text = "深入学习领会习近平总书记关于发展新质生产力的重要论述";
    const s = find(text)!;
    expect(s.status).toBe("same");
    expect(s.line).toBe(draftLine(text));
    const [, first, firstAnchor, last, lastAnchor] = data.sentences[s.match!.sentence]!;
    expect(notice(last)).toBe("2024-quanguo");
    expect(lastAnchor).toBe(anchorOf(body2024, text));
    expect(notice(first)).toBe("2024-quanguo");
    expect(firstAnchor).toBe(lastAnchor);
  });

  test("the reworded sentence is near the 2024 one it rewords", () => {
    const s = find("健全质量激励的政策工具")!;
    expect(s.status).toBe("near");
    expect(s.match!.similarity).toBeGreaterThanOrEqual(0.6);
    expect(s.match!.similarity).toBeLessThan(1);
    const [held, , , last, lastAnchor] = data.sentences[s.match!.sentence]!;
    expect(held).toBe(
      "健全质量促进和激励的政策工具，激发企业内生动力和创新活力，鼓励更多企业走以质取胜的发展道路。",
    );
    expect(notice(last)).toBe("2024-quanguo");
    expect(lastAnchor).toBe(anchorOf(body2024, held));
  });

  test("the new sentence is new", () => {
    const s = find("县域行")!;
    expect(s.status).toBe("new");
    expect(s.match).toBeUndefined();
    // No held notice prints anything of it (independently: the 2024 text does not hold it).
    expect(JSON.stringify(body2024)).not.toContain("县域行");
  });

  test("国家质检总局 is an outdated name in a 2025 draft, replaced by 市场监管总局", () => {
    expect(report.outdated.map((o) => [o.name, o.line, o.issuer.id, o.successor.id])).toEqual([
      ["国家质检总局", draftLine("国家质检总局"), "aqsiq", "samr"],
    ]);
  });

  test("the 2022 slogan is reported as used before, with the notices that printed it", () => {
    const slogan = "建设质量强国 共享美好生活";
    const printedBy = contentNotices()
      .filter((n) => ((n.data.slogans as string[] | undefined) ?? []).includes(slogan))
      .map((n) => n.id)
      .sort();
    expect(printedBy.length).toBeGreaterThan(0);
    const found = report.phrases.find((p) => data.phrases[p.phrase]![0] === slogan)!;
    expect(found.line).toBe(draftLine(slogan));
    expect(found.years).toEqual([2022]);
    const uses = data.phrases[found.phrase]![2].filter(([, n]) => n >= 0).map(([, n]) => notice(n));
    expect([...new Set(uses)].sort()).toEqual(printedBy);
    // The draft's own year's theme is not “used before”.
    expect(report.phrases.every((p) => p.years.every((y) => y < 2025))).toBe(true);
  });

  test("国市监质发[2025]1号 is to be written with 〔〕", () => {
    expect(report.docNumbers).toEqual([
      { raw: "国市监质发[2025]1号", canonical: "国市监质发〔2025〕1号", line: 1 },
    ]);
  });

  test("“等28个部门” against the 27 bodies of the signature", () => {
    expect(report.issuerCount?.declared).toBe(28);
    expect(report.issuerCount?.line).toBe(draftLine("等28个部门"));
    // The signature is the 2024 notice's: its 27 issuers, as its frontmatter lists them.
    const issuers2024 = contentNotices().find((n) => n.id === "2024-quanguo")!.data.issuers as string[];
    expect([...report.issuerCount!.named].sort()).toEqual([...issuers2024].sort());
  });

  test("counts add up, and every link of the report and its download resolves", () => {
    const { counts } = report;
    expect(counts.same + counts.near + counts.new).toBe(counts.total);
    expect(counts.total).toBe(report.sentences.length);
    const html = renderReport(report, { data, href: (p, a) => `/${p}${a ? `#${a}` : ""}` });
    const links = [...html.matchAll(/href="\/([^"#]*)(?:#([^"]*))?"/g)];
    expect(links.length).toBeGreaterThan(10);
    for (const [, path, anchor] of links) {
      const file = join(DIST, path!, path!.endsWith("/") || path === "" ? "index.html" : "");
      const page = readFileSync(file, "utf8");
      if (anchor) expect(page, `/${path}#${anchor}`).toContain(`id="${anchor}"`);
    }
    const file = reportDocument(
      report,
      DRAFT,
      { data, href: (p, a) => `https://example.gov.cn/${p}${a ? `#${a}` : ""}` },
      new Date(2025, 6, 1),
    );
    expect(file).toContain("https://example.gov.cn/2024/quanguo/#");
    expect(file).toContain("国市监质发[2025]1号");
    expect(file).not.toMatch(/<script/i);
  });
});
