/**
 * The arrival bar (src/components/reader/ArrivalBar.astro): arriving at #s3-2 shows the
 * notice's short title and the path to the place, `三、活动要求 › （二）`. The path comes from the
 * anchor itself, which the document's numbering made (src/document/anchors.ts): s3-2-p1 lies in
 * s3 and s3-2, a1-s13 in a1; the top level is named by its heading, the levels below by their
 * number as printed (numberingOf), a document part by its name (src/document/parts.ts).
 */
import { partLabel } from "../document/parts.ts";
import { numberingOf } from "../document/numbering.ts";
import { setCurrentControl } from "./copy-links.ts";
import { copyLinkTo } from "./copy-links.ts";

/** A heading's own text, without its copy-link control. */
function textOf(el: Element): string {
  return (el.textContent ?? "").replace(/\s+/g, " ").trim();
}

function shorten(text: string, max = 14): string {
  return [...text].length > max ? `${[...text].slice(0, max).join("")}…` : text;
}

/** The steps from the top of the document down to the element with this id. */
function sectionPath(id: string, doc: Document = document): string[] {
  const parts = id.split("-");
  const steps: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join("-");
    const el = doc.getElementById(prefix);
    if (!el) continue;
    if (el.matches(".doc-attachment")) {
      const label = doc.getElementById(`${prefix}-label`);
      steps.push(label ? textOf(label) : `附件${el.dataset.attachment ?? ""}`);
    } else if (/^H[2-6]$/.test(el.tagName)) {
      const text = textOf(el);
      steps.push(steps.length === 0 ? shorten(text) : (numberingOf(text)?.marker ?? shorten(text, 8)));
    } else if (el.matches(".doc-part") || prefix === "title") {
      const label = partLabel(prefix);
      if (label) steps.push(label);
    }
  }
  return steps;
}

export function initArrival(): void {
  const bar = document.querySelector<HTMLElement>("[data-arrival]");
  const path = bar?.querySelector<HTMLElement>("[data-arrival-path]");
  const body = document.querySelector("[data-pagefind-body]");
  if (!bar || !path || !body) return;
  let current: HTMLElement | null = null;

  const hide = () => {
    bar.hidden = true;
    document.documentElement.classList.remove("has-arrival");
    current = null;
  };
  const show = () => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target || !body.contains(target)) return hide();
    const steps = sectionPath(id);
    path.textContent = steps.length ? steps.join(" › ") : "正文";
    bar.hidden = false;
    document.documentElement.classList.add("has-arrival");
    current = target;
    setCurrentControl(target.querySelector<HTMLAnchorElement>(":scope > a.copy-link"));
  };

  bar.querySelector("[data-arrival-close]")?.addEventListener("click", hide);
  bar.querySelector("[data-arrival-copy]")?.addEventListener("click", () => {
    if (current) copyLinkTo(current.id);
  });
  // Far away from the place again: the bar has done its work.
  let ticking = false;
  window.addEventListener(
    "scroll",
    () => {
      if (ticking || !current) return;
      ticking = true;
      requestAnimationFrame(() => {
        ticking = false;
        const rect = current?.getBoundingClientRect();
        if (rect && (rect.bottom < -2 * window.innerHeight || rect.top > 3 * window.innerHeight)) hide();
      });
    },
    { passive: true },
  );
  window.addEventListener("hashchange", show);
  show();
}
