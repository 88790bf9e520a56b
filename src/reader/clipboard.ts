/**
 * Copying from a notice page, and saying so: the live region [data-copy-status] (NoticeTools)
 * announces the result to screen readers and shows it as a toast for a few seconds.
 */

let clearTimer: number | undefined;

/** Announces a message in the live region (and shows it as a toast) for a few seconds. */
export function announce(message: string): void {
  const status = document.querySelector("[data-copy-status]");
  if (!status) return;
  window.clearTimeout(clearTimer);
  // Emptied first, so the same message twice in a row is announced twice.
  status.textContent = "";
  window.setTimeout(() => {
    status.textContent = message;
    clearTimer = window.setTimeout(() => (status.textContent = ""), 4000);
  }, 30);
}

/** Older browsers and plain-http pages: a temporary, off-screen textarea and execCommand. */
function copyWithTextarea(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "copy-buffer";
  document.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Copies text; resolves when done, rejects when the browser refuses. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  if (!copyWithTextarea(text)) throw new Error("copy refused");
}

/**
 * Copies text that is still being fetched. The clipboard is written within the click (Safari
 * allows a write only there) with the text as a promise; browsers without ClipboardItem get it
 * once it has arrived.
 */
export async function copyFetched(text: Promise<string>): Promise<void> {
  if (navigator.clipboard && window.isSecureContext && typeof ClipboardItem === "function") {
    const blob = text.then((t) => new Blob([t], { type: "text/plain" }));
    try {
      return await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
    } catch {
      // Some browsers take no promise in a ClipboardItem: fall back to plain text below.
    }
  }
  return copyText(await text);
}
