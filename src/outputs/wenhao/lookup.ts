/**
 * The 404 page's help for /wenhao/{docNumber}/ addresses the archive has no page for
 * (src/components/WenhaoNotFound.astro; a module file, so the strict CSP allows it).
 *
 * The typed number is read from the path and canonicalised by the one document-number parser
 * (src/document/doc-number.ts: any bracket style, full-width digits, spaces, the key form
 * {prefix}-{year}-{serial}), and shown in its printed form with a search link. If the
 * canonical form is a held number after all, the page goes on to the notice.
 */
import { canonicalDocNumber } from "../../document/doc-number.ts";

interface HeldNumber {
  number: string;
  url: string;
  title: string;
}

function el(tag: string, text?: string, attrs: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

/** Reads the section's data and the path, and fills in the help. */
export function init(section: HTMLElement): void {
  const base = section.dataset.base ?? "/";
  const prefix = `${base}wenhao/`;
  let path = location.pathname;
  // Compare decoded: a base path or the "wenhao" segment may arrive percent-encoded.
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: compare the path as it came.
  }
  if (!path.startsWith(prefix)) {
    section.hidden = true;
    return;
  }
  const typed = path.slice(prefix.length).replace(/\/+$/, "").trim();
  let held: HeldNumber[];
  try {
    held = JSON.parse(section.dataset.held ?? "[]") as HeldNumber[];
  } catch {
    held = [];
  }

  const result = section.querySelector("[data-wenhao-result]");
  const staticText = section.querySelector<HTMLElement>("[data-wenhao-static]");
  const searchLink = section.querySelector("[data-wenhao-search]");
  const number = typed ? canonicalDocNumber(typed) : undefined;
  const match = number ? held.find((h) => h.number === number) : undefined;

  // The section comes first on the page: it is what this reader was looking for.
  const head = document.querySelector(".page-head");
  head?.after(section);
  if (staticText) staticText.hidden = true;

  if (!typed || !result) return;
  const you = el("p");
  you.append("您输入的文号：", el("strong", typed, { class: "wenhao-typed" }));
  result.append(you);

  if (!number) {
    result.append(
      el("p", "这不是有效的发文字号写法。发文字号由机关代字、年份和序号组成，例如“国市监质发〔2022〕76号”。"),
    );
  } else {
    if (number !== typed) {
      const printed = el("p");
      printed.append("规范写法：", el("strong", number, { class: "wenhao-typed" }));
      result.append(printed);
    }
    if (match) {
      const found = el("p");
      found.append(
        "本档案收录了此文号的文件：",
        el("a", match.title, { href: match.url }),
        "。正在转到该文件……",
      );
      result.append(found);
      location.replace(match.url);
      return;
    }
    result.append(el("p", "本档案尚未收录此文号的文件。可以在全文中搜索这个文号：其他文件可能引用了它。"));
  }
  if (searchLink) {
    const q = number ?? typed;
    searchLink.setAttribute(
      "href",
      `${section.dataset.search ?? `${base}search/`}?q=${encodeURIComponent(q)}`,
    );
    searchLink.textContent = `在档案全文中搜索“${q}”`;
  }
}
