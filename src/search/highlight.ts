/**
 * A notice page reached from a search result (/{year}/{slug}/?hl=质量强国#s2-1): every match of
 * the query in the document text is marked — in the original text, with the search's own
 * normalisation (whitespace and punctuation ignored, traditional characters read as simplified,
 * src/search/normalize.ts) — and the page scrolls to the first one (the first in the
 * section named by the anchor, if any). A bar above the text counts the matches, steps through
 * them and clears the marks. See docs/search.md.
 */
import { matchRanges, normalizeWithMap } from "./normalize.ts";
import { parseQuery, positiveWords } from "./query.ts";
import { loadT2S } from "./config.ts";

const SKIP = "[data-pagefind-ignore], script, style, template, button";

/** The document's text nodes, in order, as the index reads them. */
function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Wraps [start, end) of the concatenated text of `nodes` in <mark> elements (one per node). */
function wrap(nodes: Text[], offsets: number[], start: number, end: number, index: number): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const nodeStart = offsets[i]!;
    const node = nodes[i]!;
    const nodeEnd = nodeStart + node.data.length;
    if (nodeEnd <= start || nodeStart >= end) continue;
    const from = Math.max(start, nodeStart) - nodeStart;
    const to = Math.min(end, nodeEnd) - nodeStart;
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    const mark = document.createElement("mark");
    mark.className = "hl-mark";
    mark.dataset.hl = String(index);
    range.surroundContents(mark);
    marks.push(mark);
  }
  return marks;
}

export async function highlightFromUrl(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const q = (params.get("hl") ?? "").trim();
  const body = document.querySelector("[data-pagefind-body]");
  if (!q || !body) return;
  const t2s = await loadT2S().catch(() => new Map<string, string>());
  // The words a result was found by: not those it excludes (质量 -强国 marks 质量 only).
  const words = positiveWords(parseQuery(q, t2s));
  if (!words.length) return;

  const nodes = textNodes(body);
  const offsets: number[] = [];
  let full = "";
  for (const n of nodes) {
    offsets.push(full.length);
    full += n.data;
  }
  const ranges = matchRanges(normalizeWithMap(full, t2s), words);
  // From the last to the first, so that the offsets of the ranges still to wrap stay valid.
  const groups: HTMLElement[][] = [];
  for (let i = ranges.length - 1; i >= 0; i--) {
    groups[i] = wrap(nodes, offsets, ranges[i]!.start, ranges[i]!.end, i);
  }
  const marks = groups.map((g) => g[0]!).filter(Boolean);
  showBar(q, body, marks);
}

function showBar(q: string, body: Element, marks: HTMLElement[]): void {
  const bar = document.createElement("div");
  bar.className = "hl-bar";
  bar.setAttribute("role", "region");
  bar.setAttribute("aria-label", "检索词标记");
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  status.dataset.hlCount = String(marks.length);
  status.textContent = marks.length
    ? `已在本文标出“${q}”出现的 ${marks.length} 处。`
    : `本文中没有找到“${q}”。`;
  bar.append(status);
  let current = -1;
  const go = (i: number) => {
    if (!marks.length) return;
    marks[current]?.classList.remove("hl-current");
    current = (i + marks.length) % marks.length;
    const mark = marks[current]!;
    mark.classList.add("hl-current");
    mark.scrollIntoView({ block: "center" });
    status.textContent = `“${q}”：第 ${current + 1} 处，共 ${marks.length} 处。`;
  };
  const button = (label: string, action: () => void, secondary = true) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    if (secondary) b.className = "hl-secondary";
    b.addEventListener("click", action);
    bar.append(b);
    return b;
  };
  if (marks.length > 1) {
    button("上一处", () => go(current - 1));
    button("下一处", () => go(current + 1));
  }
  button(
    "清除标记",
    () => {
      for (const mark of body.querySelectorAll("mark.hl-mark")) mark.replaceWith(...mark.childNodes);
      body.normalize();
      bar.remove();
      const url = new URL(location.href);
      url.searchParams.delete("hl");
      history.replaceState(history.state, "", url);
    },
    false,
  ).dataset.hlClear = "";
  body.before(bar);

  if (!marks.length) return;
  // The first match in the section the link pointed at, else the first in the text.
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const first = target
    ? marks.findIndex(
        (m) => target.contains(m) || !!(target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING),
      )
    : 0;
  go(first < 0 ? 0 : first);
}
