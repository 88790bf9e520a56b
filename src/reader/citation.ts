/**
 * The citation (src/components/notice/NoticeCitation.astro): the access date becomes today's
 * date, the reader's, and the 复制引文 button, hidden without JavaScript, copies the reference.
 */
import { announce, copyText } from "./clipboard.ts";

/** Today in the reader's time zone, YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function initCitation(): void {
  const date = today();
  for (const accessed of document.querySelectorAll("[data-cite-accessed]")) {
    accessed.textContent = date;
    accessed.setAttribute("datetime", date);
  }
  for (const note of document.querySelectorAll("[data-cite-date-note]"))
    note.textContent = `引用日期为今天（${date}），即您访问本页的日期。`;

  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-cite-copy]")) {
    const source = document.getElementById(button.dataset.citeCopy ?? "");
    if (!source) continue;
    button.hidden = false;
    button.addEventListener("click", () => {
      const text = (source.textContent ?? "").replace(/\s+/g, " ").trim();
      copyText(text).then(
        () => announce("已复制引文"),
        () => {
          // Select the reference so the reader can copy it with the keyboard.
          const range = document.createRange();
          range.selectNodeContents(source);
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          announce("无法自动复制，引文已选中，请按 Ctrl+C 复制");
        },
      );
    });
  }
}
