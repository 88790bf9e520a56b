/**
 * 复制链接 controls (a.copy-link, src/document/plugins/rehype-copy-link.ts): real links to their
 * own #id, permalinks without a script. Here:
 *
 * - activating one copies the full URL (this page's address without its fragment + "#" + id)
 *   and announces 已复制链接; a click with a modifier key keeps the link's normal behaviour, and
 *   without a clipboard the link is followed so the address bar shows the URL to copy;
 * - keyboard: the controls are one Tab stop (a roving tabindex), and the arrow keys move between
 *   them, Home and End to the first and last — a long notice has over a hundred, and they must
 *   not stand between a keyboard reader and everything after the text.
 */
import { announce, copyText } from "./clipboard.ts";

/** The page's address with `#id`. */
function linkTo(id: string): string {
  return `${window.location.href.split("#")[0]}#${encodeURIComponent(id)}`;
}

/** Copies the link to `id`; `fallback` runs when the browser refuses. */
export function copyLinkTo(id: string, done?: () => void): void {
  copyText(linkTo(id)).then(
    () => {
      done?.();
      announce("已复制链接");
    },
    () => {
      window.location.hash = id;
      announce("无法自动复制，请从地址栏复制本段链接");
    },
  );
}

function controls(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>("[data-pagefind-body] a.copy-link")];
}

/** Makes `current` the one control in the Tab order. */
export function setCurrentControl(current: HTMLAnchorElement | null | undefined): void {
  if (!current) return;
  for (const control of controls()) control.tabIndex = control === current ? 0 : -1;
}

export function initCopyLinks(): void {
  const all = controls();
  setCurrentControl(all[0]);

  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.("a.copy-link");
    if (!(link instanceof HTMLAnchorElement)) return;
    const href = link.getAttribute("href") ?? "";
    if (!href.startsWith("#")) return;
    event.preventDefault();
    copyLinkTo(decodeURIComponent(href.slice(1)), () => {
      link.classList.add("is-copied");
      window.setTimeout(() => link.classList.remove("is-copied"), 2000);
    });
  });

  document.addEventListener("focusin", (event) => {
    const target = event.target;
    if (target instanceof HTMLAnchorElement && target.matches("[data-pagefind-body] a.copy-link"))
      setCurrentControl(target);
  });

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLAnchorElement) || !target.matches("[data-pagefind-body] a.copy-link")) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const list = controls();
    const i = list.indexOf(target);
    const next =
      event.key === "ArrowDown" || event.key === "ArrowRight"
        ? list[i + 1]
        : event.key === "ArrowUp" || event.key === "ArrowLeft"
          ? list[i - 1]
          : event.key === "Home"
            ? list[0]
            : event.key === "End"
              ? list.at(-1)
              : undefined;
    if (!next) return;
    event.preventDefault();
    setCurrentControl(next);
    next.focus();
  });
}
