/**
 * rehype-doc-number-links through a real unified MDX pipeline (remark-parse → remark-mdx →
 * remark-rehype → plugin), on fixture folders: input.mdx → expected.html, rendered as the
 * 2022-hainan notice with the archive's real held numbers (content/notices). The link never
 * changes the text; numbers the archive does not hold stay plain and are reported.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { mdxProcessor } from "../../../src/document/pipeline.ts";
import { describe, expect, it } from "vitest";
import { listNoticeFiles } from "../../../src/archive/files.ts";
import type { DocNumberMention } from "../../../src/document/doc-number-links.ts";
import { readHeldDocNumbers } from "../../../src/archive/files.ts";
import rehypeDocNumberLinks, {
  type DocNumberLinkOptions,
} from "../../../src/document/plugins/rehype-doc-number-links.ts";

const root = resolve(import.meta.dirname, "../../..");
const dir = join(root, "tests/fixtures/plugins/rehype-doc-number-links");
async function run(input: string, options: Partial<DocNumberLinkOptions> = {}): Promise<Root> {
  const processor = mdxProcessor([
    [rehypeDocNumberLinks, { held: readHeldDocNumbers(root), base: "/", report: () => {}, ...options }],
  ]);
  const file = new VFile({ path: join(root, "content/notices/2022-hainan.mdx"), value: input });
  return await processor.run(processor.parse(file), file);
}

describe("rehype-doc-number-links fixtures", () => {
  for (const name of readdirSync(dir).sort()) {
    it(name, async () => {
      const input = readFileSync(join(dir, name, "input.mdx"), "utf8");
      const tree = await run(input);
      expect(toHtml(tree).trim()).toBe(readFileSync(join(dir, name, "expected.html"), "utf8").trim());
      // The text is never changed: only wrapped.
      const none = mdxProcessor([]);
      const plain = await none.run(none.parse(input));
      expect(toString(tree)).toBe(toString(plain));
    });
  }
});

describe("rehype-doc-number-links", () => {
  it("knows every held notice's number, inferred ones included (2022-quanguo's is inferred)", () => {
    const held = readHeldDocNumbers(root);
    expect(held.get("国市监质发〔2022〕76号")).toEqual({ id: "2022-quanguo", year: 2022, slug: "quanguo" });
    const withNumber = listNoticeFiles(root).filter((f) => /^docNumber:/m.test(f.frontmatterText));
    expect(held.size).toBe(withNumber.length);
  });

  it("links 2022-hainan's citation of the national notice on the real page text", async () => {
    const file = listNoticeFiles(root).find((f) => f.id === "2022-hainan")!;
    const links: string[] = [];
    visit(await run(file.body), "element", (node: Element) => {
      if (node.tagName === "a") links.push(`${String(node.properties?.href)} ${toString(node)}`);
    });
    // The citation of the national notice links; its own number (in <DocNumber>) does not.
    expect(links).toEqual(["/2022/quanguo/ 国市监质发〔2022〕76号"]);
  });

  it("reports numbers the archive does not hold and leaves them plain", async () => {
    const reported: string[] = [];
    const report = (m: DocNumberMention, path: string) =>
      reported.push(`${path.split("/").pop()}: ${m.canonical}`);
    const tree = await run(readFileSync(join(dir, "not-held", "input.mdx"), "utf8"), { report });
    expect(reported).toEqual(["2022-hainan.mdx: 国发〔2012〕9号"]);
    expect(toHtml(tree)).not.toContain("国发〔2012〕9号</a>");
  });

  it("uses the base path", async () => {
    const html = toHtml(await run("按照国市监质发〔2022〕76号。", { base: "zlyda" }));
    expect(html).toContain('href="/zlyda/2022/quanguo/"');
  });
});
