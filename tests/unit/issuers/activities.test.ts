/**
 * Activity parsing (src/issuers/activities.ts) and the issuer overviews built on it
 * (src/issuers/overview.ts). Expected item counts and bodies are read from the verbatim
 * sources in content/sources with simple patterns of their own — lines starting 一、 二、 …
 * inside the 附件1 section, and the longest registry spelling such a line starts with — never
 * from the parser's output.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  activitiesByIssuer,
  bodyAtStart,
  mentionsByIssuer,
  parseActivities,
  parseAllActivities,
} from "../../../src/issuers/activities.ts";
import { compactName } from "../../../src/archive/issuer-names.ts";
import { bodyBlocks } from "../../../src/text/notice-text.ts";
import { loadIssuerIndex, loadIssuers } from "../../../src/archive/files.ts";
import {
  comparableNotices,
  issuerCountSeries,
  issuerMatrix,
  participations,
  printedOrder,
} from "../../../src/issuers/overview.ts";
import { ROOT, loadCatalog, loadNotices, syntheticNotice } from "../helpers/notices.ts";

const index = loadIssuerIndex(ROOT);
const registry = loadIssuers(ROOT);
const notices = loadNotices();
const catalog = loadCatalog();

/** Every spelling of every registry body, longest first: [compact spelling, id]. */
const spellings = registry
  .flatMap((i) => [i.name, i.shortName, ...i.aliases].filter(Boolean).map((n) => [compactName(n!), i.id]))
  .sort((a, b) => b[0]!.length - a[0]!.length) as [string, string][];

interface SourceItem {
  /** The numbering as printed, e.g. 十三. */
  numeral: string;
  /** The item text after 、 with spaces removed. */
  text: string;
  /** The registry body the line starts with (longest spelling). */
  body: string | undefined;
}

/** Items of the 附件1 section of a verbatim source: lines from “附件 1” to the next “附件 N”. */
function sourceAttachmentOne(text: string): SourceItem[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const start = lines.findIndex((l) => /^附件\s*1$/.test(l));
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^附件\s*\d+$/.test(l));
  return rest
    .slice(0, end < 0 ? undefined : end)
    .map((l) => /^([一二三四五六七八九十]+)、(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const compact = compactName(m[2]!);
      return { numeral: m[1]!, text: compact, body: spellings.find(([s]) => compact.startsWith(s))?.[1] };
    });
}

describe("activities parsed from each seed's attachment 1", () => {
  for (const notice of notices) {
    const sourceFile = join(ROOT, notice.data.provenance.source);
    const expected = existsSync(sourceFile) ? sourceAttachmentOne(readFileSync(sourceFile, "utf8")) : [];
    const parsed = parseActivities(notice, index);

    it(`${notice.id}: ${expected.length} items, as in the source`, () => {
      expect(parsed.unresolved).toEqual([]);
      expect(parsed.activities).toHaveLength(expected.length);
    });

    it(`${notice.id}: each item belongs to the body its source line starts with`, () => {
      expect(parsed.activities.map((a) => a.issuerId)).toEqual(expected.map((e) => e.body));
      expect(parsed.activities.map((a) => a.marker)).toEqual(expected.map((e) => `${e.numeral}、`));
    });

    it(`${notice.id}: anchors are a1-s{n} and the text is the source's`, () => {
      // Letters and digits only: the importer repairs punctuation and rejoins split lines.
      const letters = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, "");
      parsed.activities.forEach((a, i) => {
        expect(a.anchor).toBe(`a${a.attachment}-s${a.itemNumber}`);
        expect(a.attachment).toBe(1);
        expect(letters(a.text).startsWith(letters(expected[i]!.text))).toBe(true);
      });
    });
  }

  it("knows the seeds: 13 (2019), 1 (2021, truncated), 16 (2022), 17 (Hainan 2022), none (2024)", () => {
    const count = (id: string) =>
      parseActivities(
        notices.find((n) => n.id === id)!,
        index,
      ).activities.length;
    expect(count("2019-quanguo")).toBe(13);
    expect(count("2021-quanguo")).toBe(1);
    expect(count("2022-quanguo")).toBe(16);
    expect(count("2022-hainan")).toBe(17);
    expect(count("2024-quanguo")).toBe(0);
  });
});

describe("resolving the body an item names", () => {
  it("takes the longest prefix that names a registry body", () => {
    expect(bodyAtStart(index, "国家发展改革委开展社会信用体系建设行动")).toEqual(["ndrc", "国家发展改革委"]);
    // A name that does not begin with its region means the body in its own region's notices.
    expect(bodyAtStart(index, "人民银行海口中心支行开展“金融知识普及月”", { regionCode: "460000" })).toEqual([
      "hainan-pbc",
      "人民银行海口中心支行",
    ]);
    expect(bodyAtStart(index, "人民银行海口中心支行开展“金融知识普及月”")).toEqual(["pbc", "人民银行"]);
    expect(bodyAtStart(index, "人民银行开展“金融标准 为民利企”")).toEqual(["pbc", "人民银行"]);
    expect(bodyAtStart(index, "卫生健康委组织实施医养结合机构服务质量提升行动")?.[0]).toBe("nhc");
    expect(bodyAtStart(index, "有关行业协会开展活动")).toBeUndefined();
  });

  it("gives an item naming two bodies to the first, and records the second as a mention", () => {
    const parsed = parseActivities(
      notices.find((n) => n.id === "2022-quanguo")!,
      index,
    ).activities;
    const first = parsed.find((a) => a.itemNumber === 1)!;
    expect(first.issuerId).toBe("samr");
    expect(first.mentions).toEqual(["sasac", "acfic"]);
    const fourteen = parsed.find((a) => a.itemNumber === 14)!;
    expect(fourteen.issuerId).toBe("sasac");
    expect(fourteen.mentions).toEqual(["samr"]);
    expect(
      mentionsByIssuer(parsed)
        .get("samr")
        ?.map((a) => a.itemNumber),
    ).toEqual([4, 5, 14, 16]);
  });

  it("marks the last item of a truncated text", () => {
    const [item] = parseActivities(
      notices.find((n) => n.id === "2021-quanguo")!,
      index,
    ).activities;
    expect(item?.truncated).toBe(true);
    expect(item?.text.endsWith("开展食")).toBe(true);
  });

  it("reports an item whose opening names no registry body, instead of guessing", () => {
    const body = [
      '<Attachment n="1">',
      "",
      "附件1",
      "",
      "## 主办单位开展的主要活动",
      "",
      "一、某某协会开展活动。",
      "",
      "二、科技部组织实施专项。",
      "",
      "</Attachment>",
    ].join("\n");
    const parsed = parseActivities(
      {
        id: "2099-quanguo",
        blocks: bodyBlocks(body),
        data: {
          year: 2099,
          slug: "quanguo",
          level: "national",
          attachments: [{ n: 1, title: "主办单位开展的主要活动" }],
          provenance: { completeness: ["complete"] },
        },
      },
      index,
    );
    expect(parsed.unresolved.map((u) => u.anchor)).toEqual(["a1-s1"]);
    expect(parsed.activities.map((a) => [a.issuerId, a.anchor])).toEqual([["most", "a1-s2"]]);
  });
});

describe("a newly imported notice updates every comparison with no code change", () => {
  // The 2019 seed as the importer writes it, standing for a 2025 notice.
  const next = syntheticNotice("seed-2019-quanguo", 2025, (d) => {
    d.declaredIssuerCount = 30;
  });
  const all = [...notices, next];
  const { activities } = parseAllActivities(all, index);

  it("its attachment 1 items appear, with anchors into the new notice", () => {
    const ndrc = activitiesByIssuer(activities).get("ndrc")!;
    expect(ndrc.map((a) => `${a.year}:${a.anchor}`)).toEqual(["2019:a1-s2", "2025:a1-s2"]);
    expect(activities.filter((a) => a.noticeId === "2025-quanguo")).toHaveLength(13);
  });

  it("issuer pages and the matrix gain the new year", () => {
    const samr = participations(all, activities).get("samr")!;
    expect(samr.map((p) => p.notice.data.year)).toEqual([2019, 2021, 2022, 2024, 2025]);
    const matrix = issuerMatrix(
      all.filter((n) => n.data.level === "national"),
      activities,
      printedOrder(all, activities),
    );
    expect(matrix.columns.map((c) => c.id).at(-1)).toBe("2025-quanguo");
    const most = matrix.rows.find((r) => r.issuerId === "most")!;
    expect(most.cells.at(-1)?.role).toBe("activity");
    expect(comparableNotices(all, { level: "national" }).map((n) => n.data.year)).toContain(2025);
  });

  it("the count chart takes the held notice's count instead of the catalogue row", () => {
    const before = issuerCountSeries(notices, catalog).find((p) => p.year === 2025);
    expect(before).toMatchObject({ source: "catalog", count: 26, sourceKind: "news" });
    const after = issuerCountSeries(all, catalog).find((p) => p.year === 2025);
    expect(after).toMatchObject({ source: "notice", count: 30, named: 10, noticeId: "2025-quanguo" });
  });
});

describe("issuer overviews of the archive", () => {
  const { activities } = parseAllActivities(notices, index);
  const parts = participations(notices, activities);

  it("tells stated issuers from inferred ones, with the basis", () => {
    const most2019 = parts.get("most")!.find((p) => p.notice.id === "2019-quanguo")!;
    expect(most2019.role).toBe("inferred");
    expect(most2019.basis).toMatch(/附件1第三项/);
    expect(most2019.activities.map((a) => a.anchor)).toEqual(["a1-s3"]);
    expect(parts.get("ndrc")!.find((p) => p.notice.id === "2019-quanguo")!.role).toBe("stated");
  });

  it("lists provincial co-hosts and Hainan's attachment items", () => {
    const amr = parts.get("hainan-amr")!;
    expect(amr.map((p) => [p.notice.id, p.role])).toEqual([["2022-hainan", "coHost"]]);
    expect(amr[0]!.activities.map((a) => a.anchor)).toEqual(["a1-s1"]);
    expect(amr[0]!.mentionedIn.map((a) => a.anchor)).toEqual(["a1-s17"]);
    expect(parts.get("hainan-qa")![0]!.role).toBe("activity");
  });

  it("counts co-issuing departments 14 → 20 → 21 → 27 in the notices held", () => {
    const held = issuerCountSeries(notices, catalog).filter((p) => p.source === "notice");
    expect(held.map((p) => [p.year, p.count])).toEqual([
      [2019, 14],
      [2021, 20],
      [2022, 21],
      [2024, 27],
    ]);
    const fromCatalog = issuerCountSeries(notices, catalog).filter((p) => p.source === "catalog");
    expect(fromCatalog.find((p) => p.year === 2012)).toMatchObject({ count: 21, sourceKind: "mirror" });
    expect(fromCatalog.find((p) => p.year === 2017)?.count).toBeUndefined();
  });

  it("keeps predecessor and successor apart", () => {
    expect(parts.get("aqsiq")).toBeUndefined();
    expect(comparableNotices(notices, { level: "national", active: [2001, 2018] })).toEqual([]);
  });
});
