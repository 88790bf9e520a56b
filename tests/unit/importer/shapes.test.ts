/**
 * Notices of every shape the archive grows by, from every level and region, and the ways real
 * texts went wrong before (issue 15): each constructed fixture (tests/fixtures/importer/, our own
 * wording in the real layout) must be filed with the year, level, region, slug, document number,
 * title, theme and issuers its text states — the expected values below are read off the
 * fixture texts by hand, not copied from the importer's output — and texts that are no notice
 * are refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadIssuerIndex } from "../../../src/archive/files.ts";
import { importNotice, type ImportResult } from "../../../src/importer/index.ts";
import { FIXTURES_DIR, fixtureInput } from "../../../scripts/content/importer-fixtures.ts";
import { ROOT } from "../helpers/notices.ts";

const issuers = loadIssuerIndex(ROOT);
const run = (name: string, extra: Partial<Parameters<typeof importNotice>[0]> = {}) =>
  importNotice({ ...fixtureInput(name), issuers, ...extra });
const text = (s: string) => ({ bytes: new TextEncoder().encode(s), receivedAs: "input.txt", issuers });

interface Shape {
  fixture: string;
  id: string;
  year: number;
  level: string;
  region?: string;
  regionCode?: string;
  docNumber?: string;
  title: string;
  theme: string;
  /** Issuer ids: registry ids, or the ids proposed for bodies the registry lacks. */
  issuers: string[];
  proposed: string[];
}

const SHAPES: Shape[] = [
  {
    fixture: "provincial-without-quansheng",
    id: "2023-zhejiang",
    year: 2023,
    level: "provincial",
    region: "浙江省",
    regionCode: "330000",
    docNumber: "浙市监质〔2023〕15号",
    title: "浙江省市场监督管理局关于开展2023年“质量月”活动的通知",
    theme: "聚焦质量提升 服务共同富裕",
    issuers: ["zhejiang-amr"],
    proposed: ["浙江省市场监督管理局"],
  },
  {
    fixture: "city",
    id: "2024-fujian-fuzhou",
    year: 2024,
    level: "municipal",
    region: "福州市",
    regionCode: "350100",
    docNumber: "榕质强办〔2024〕6号",
    title: "关于开展2024年福州市“质量月”活动的通知",
    theme: "以质图强 品质榕城",
    issuers: ["fujian-fuzhou-zlqsgzldxzbgs", "fujian-fuzhou-amr"],
    proposed: ["福州市质量强市工作领导小组办公室", "福州市市场监督管理局"],
  },
  {
    fixture: "district",
    id: "2021-shanghai-fengxian",
    year: 2021,
    level: "county",
    region: "奉贤区",
    regionCode: "310120",
    docNumber: "沪奉市监〔2021〕88号",
    title: "上海市奉贤区市场监督管理局关于开展2021年全区“质量月”活动的通知",
    theme: "提升质量 追求卓越",
    issuers: ["shanghai-fengxian-amr"],
    proposed: ["上海市奉贤区市场监督管理局"],
  },
  {
    fixture: "city-under-province",
    id: "2022-hainan-sanya",
    year: 2022,
    level: "municipal",
    region: "三亚市",
    regionCode: "460200",
    docNumber: "三市监〔2022〕41号",
    title: "三亚市市场监督管理局关于开展2022年全市“质量月”活动的通知",
    theme: "质量引领 品质三亚",
    issuers: ["hainan-sanya-amr"],
    proposed: ["三亚市市场监督管理局"],
  },
  {
    fixture: "web-copy-junk",
    id: "2023-hubei-yichang",
    year: 2023,
    level: "municipal",
    region: "宜昌市",
    regionCode: "420500",
    title: "关于开展2023年全市“质量月”活动的通知",
    theme: "质量第一 宜昌行动",
    issuers: ["hubei-yichang-amr"],
    proposed: ["宜昌市市场监督管理局"],
  },
  {
    fixture: "word-docx",
    id: "2024-fujian-fuzhou-gulou",
    year: 2024,
    level: "county",
    region: "鼓楼区",
    regionCode: "350102",
    docNumber: "鼓市监〔2024〕37号",
    title: "福州市鼓楼区市场监督管理局关于开展2024年全区“质量月”活动的通知",
    theme: "质量强区 品质鼓楼",
    issuers: ["fujian-fuzhou-gulou-amr"],
    proposed: ["福州市鼓楼区市场监督管理局"],
  },
  {
    fixture: "pdf-text-layer",
    id: "2025-jilin",
    year: 2025,
    level: "provincial",
    region: "吉林省",
    regionCode: "220000",
    docNumber: "吉市监质〔2025〕9号",
    title: "吉林省市场监督管理局关于开展2025年全省“质量月”活动的通知",
    theme: "质量强省 品质吉林",
    issuers: ["jilin-amr"],
    proposed: ["吉林省市场监督管理局"],
  },
  {
    fixture: "gb18030-county",
    id: "2024-hunan-changsha-liuyang",
    year: 2024,
    level: "county",
    region: "浏阳市",
    regionCode: "430181",
    docNumber: "浏市监〔2024〕19号",
    title: "浏阳市市场监督管理局关于开展2024年全市“质量月”活动的通知",
    theme: "质量兴市 品质浏阳",
    issuers: ["hunan-changsha-liuyang-amr"],
    proposed: ["浏阳市市场监督管理局"],
  },
  {
    fixture: "one-line",
    id: "2022-jiangxi",
    year: 2022,
    level: "provincial",
    region: "江西省",
    regionCode: "360000",
    title: "江西省市场监督管理局关于开展2022年全省“质量月”活动的通知",
    theme: "推动质量变革 赋能赣鄱发展",
    issuers: ["jiangxi-amr"],
    proposed: ["江西省市场监督管理局"],
  },
  {
    fixture: "utf16-bom",
    id: "2023-sichuan-chengdu-wuhou",
    year: 2023,
    level: "county",
    region: "武侯区",
    regionCode: "510107",
    docNumber: "成武市监〔2023〕52号",
    title: "成都市武侯区市场监督管理局关于开展2023年全区“质量月”活动的通知",
    theme: "品质武侯 质量先行",
    issuers: ["sichuan-chengdu-wuhou-amr"],
    proposed: ["成都市武侯区市场监督管理局"],
  },
  {
    fixture: "traditional",
    id: "2023-guangdong",
    year: 2023,
    level: "provincial",
    region: "广东省",
    regionCode: "440000",
    docNumber: "粤市监质〔2023〕27号",
    title: "廣東省市場監督管理局關於開展2023年全省「質量月」活動的通知",
    theme: "質量強省 品質廣東",
    issuers: ["guangdong-amr"],
    proposed: ["广东省市场监督管理局"],
  },
];

const results = new Map<string, ImportResult>();
for (const shape of SHAPES) results.set(shape.fixture, await run(shape.fixture));

describe("constructed notices of every shape are filed as their text states", () => {
  for (const shape of SHAPES) {
    it(`${shape.fixture}: ${shape.id}`, () => {
      const r = results.get(shape.fixture)!;
      expect(r.report.blocking).toEqual([]);
      const fm = r.frontmatter!;
      expect(r.id).toBe(shape.id);
      expect(fm.year).toBe(shape.year);
      expect(fm.level).toBe(shape.level);
      expect(fm.region).toBe(shape.region);
      expect(fm.regionCode).toBe(shape.regionCode);
      expect(fm.slug).toBe(shape.id.slice(5));
      expect(fm.docNumber).toBe(shape.docNumber);
      expect(fm.title).toBe(shape.title);
      expect(fm.theme).toBe(shape.theme);
      expect(fm.issuers).toEqual(shape.issuers);
      expect(r.report.proposedIssuers.map((p) => p.name)).toEqual(shape.proposed);
      for (const p of r.report.proposedIssuers) {
        expect(p.level).toBe(p.regionCode === shape.regionCode ? shape.level : p.level);
        expect(p.regionCode, p.name).toBeDefined();
      }
    });
  }

  it("a Word document and a PDF are traced to the file received", () => {
    for (const [fixture, format] of [
      ["word-docx", "docx"],
      ["pdf-text-layer", "pdf"],
    ] as const) {
      const original = results.get(fixture)!.frontmatter!.provenance.original!;
      expect(original.format).toBe(format);
      expect(original.extractedWith).toMatch(format === "docx" ? /^mammoth \d/ : /^unpdf \d/);
    }
  });

  it("a PDF's page numbers are removed and its radicals read as ideographs (⽉ → 月)", () => {
    const r = results.get("pdf-text-layer")!;
    expect(r.report.removed.every((x) => x.reason === "page number")).toBe(true);
    expect(r.report.removed.length).toBeGreaterThanOrEqual(1);
    expect(r.report.repairs.radicals).toBeGreaterThan(0);
    expect(r.body).toContain("长白山管委会");
    expect(r.body).not.toMatch(/[\u2e80-\u2fdf]/u);
  });

  it("a traditional-script text is archived as printed, every letter of it", () => {
    const r = results.get("traditional")!;
    expect(r.report.traditional).toBe(true);
    expect(r.body).toContain("為推動質量強省建設");
    expect(r.frontmatter!.signatures).toEqual(["廣東省市場監督管理局"]);
    expect(r.report.proposedIssuers[0]!.aliases).toEqual(["廣東省市場監督管理局"]);
  });

  it("every removal of a web copy's junk is listed, and the page title is not taken for the title", () => {
    const r = results.get("web-copy-junk")!;
    const source = readFileSync(join(FIXTURES_DIR, "web-copy-junk/input.txt"), "utf8").split("\n");
    const junk = [1, 2, 4, 5, 18, 19, 20, 21, 22];
    expect(r.report.removed.map((x) => x.line)).toEqual(junk);
    for (const x of r.report.removed) expect(source[x.line - 1]!.trim()).toBe(x.text);
    expect(r.frontmatter!.provenance.completeness).not.toContain("header-missing");
  });
});

describe("reproductions: nothing misfiled", () => {
  it("a Zhejiang notice signed by its bureau is Zhejiang's, never Hainan's (省市场监督管理局 is generic)", async () => {
    const r = await run("provincial-without-quansheng");
    expect(r.id).toBe("2023-zhejiang");
    expect(r.frontmatter!.issuers).not.toContain("hainan-amr");
    // Its body says 省市场监督管理局: in a Zhejiang notice that is no Hainan body.
    expect(r.body).toContain("省市场监督管理局决定");
  });

  it("a 三亚 city notice does not collide with the Hainan provincial one", async () => {
    const held = [{ id: "2022-hainan", year: 2022, slug: "hainan", level: "provincial" as const }];
    const r = await run("city-under-province", { held });
    expect(r.id).toBe("2022-hainan-sanya");
    expect(r.sameAs).toBeUndefined();
  });

  it("a second notice of one region in one year gets -2; the same notice again is recognised", async () => {
    const first = results.get("provincial-without-quansheng")!;
    const other = [
      {
        id: "2023-zhejiang",
        year: 2023,
        slug: "zhejiang",
        level: "provincial" as const,
        docNumber: "浙质强办〔2023〕1号",
      },
    ];
    expect((await run("provincial-without-quansheng", { held: other })).id).toBe("2023-zhejiang-2");
    const same = [{ ...other[0]!, docNumber: first.frontmatter!.docNumber }];
    const again = await run("provincial-without-quansheng", { held: same });
    expect(again.sameAs?.id).toBe("2023-zhejiang");
    expect(again.id).toBe("2023-zhejiang");
  });

  it("a title without 全省 and a city title name their year; the flag is named when a text states none", async () => {
    const source = readFileSync(join(FIXTURES_DIR, "year-supplied/input.txt"), "utf8");
    const r = await importNotice(text(source));
    expect(r.id).toBeUndefined();
    expect(r.frontmatter).toBeUndefined();
    expect(r.report.blocking).toEqual([expect.objectContaining({ field: "year", flag: "--year" })]);
    // --dry-run still has a draft to print.
    expect(r.mdx).toContain("# 陕西省市场监督管理局关于开展“质量月”活动的通知");
    const supplied = await run("year-supplied");
    expect(supplied.id).toBe("2024-shaanxi");
    expect(supplied.frontmatter!.inferred).toEqual([
      { field: "year", basis: expect.stringContaining("2024") },
    ]);
  });

  it("a supplied value needs its basis", async () => {
    const source = readFileSync(join(FIXTURES_DIR, "year-supplied/input.txt"), "utf8");
    const r = await importNotice({ ...text(source), overrides: { year: 2024 } });
    expect(r.report.blocking).toEqual([expect.objectContaining({ flag: "--basis" })]);
  });

  it("a county name several cities share asks for --region, listing them", async () => {
    const source = readFileSync(join(FIXTURES_DIR, "word-docx/printed.txt"), "utf8").replaceAll(
      "福州市鼓楼区",
      "鼓楼区",
    );
    const r = await importNotice(text(source));
    const region = r.report.blocking.find((m) => m.field === "region")!;
    expect(region.flag).toBe("--region");
    for (const code of ["320106", "320302", "350102", "410204"]) expect(region.why).toContain(code);
    const chosen = await importNotice({
      ...text(source),
      overrides: { region: "350102", basis: "发文字号“鼓市监”，福州市鼓楼区" },
    });
    expect(chosen.id).toBe("2024-fujian-fuzhou-gulou");
    expect(chosen.frontmatter!.inferred.map((x) => x.field)).toEqual(["region", "regionCode"]);
  });

  it("a text that stops mid-sentence without signature or date is proposed as truncated, with a note", async () => {
    const result = await run("truncated");
    expect(result.frontmatter!.provenance.completeness).toContain("truncated");
    expect(result.frontmatter!.provenance.note).toMatch(/句子未完/);
    expect(result.frontmatter!.provenance.note).toMatch(/无署名和成文日期/);
  });
});

describe("reproductions: nothing runs, nothing is lost", () => {
  it("a line starting with export/import is escaped and kept; <ISO 9001> is kept", async () => {
    const r = await run("code-and-angle-brackets");
    expect(r.body).toMatch(/^&#x65;xport const x = process/m);
    expect(r.body).toMatch(/^&#x69;mport fs from "node:fs"/m);
    expect(r.body).toContain("推广\\<ISO 9001\\>质量管理体系");
    expect(r.body).toContain("使用\\{year\\}等占位符");
  });
});

describe("texts that are not notices are refused, with what they look like", () => {
  for (const [fixture, looksLike] of [
    ["error-letter", "a letter (函)"],
    ["error-news-report", "a news report"],
    ["error-slogan-call", "a call for slogans"],
  ] as const) {
    it(fixture, async () => {
      await expect(run(fixture)).rejects.toThrow(looksLike);
    });
  }
});
