/**
 * The notice toolbar (src/components/reader/NoticeToolbar.astro): 打印, 下载PDF (the print
 * dialog, where the reader chooses “另存为 PDF”), 复制全文 (text.txt, fetched when asked for).
 */
import { announce, copyFetched } from "./clipboard.ts";

/** Opens the print dialog after the hint has been painted. */
function printAfter(hint?: string): void {
  if (hint) announce(hint);
  window.setTimeout(() => window.print(), hint ? 400 : 0);
}

export function initToolbar(): void {
  const print = document.querySelector<HTMLButtonElement>("[data-tool-print]");
  if (print && typeof window.print === "function") {
    print.hidden = false;
    print.addEventListener("click", () => printAfter());
  }

  const pdf = document.querySelector<HTMLAnchorElement>("[data-tool-pdf]");
  if (pdf && typeof window.print === "function") {
    pdf.addEventListener("click", (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      printAfter("请在打印窗口的“目标打印机”中选择“另存为 PDF”");
    });
  }

  const copyAll = document.querySelector<HTMLButtonElement>("[data-tool-copy-all]");
  const textUrl = copyAll?.dataset.toolCopyAll;
  if (copyAll && textUrl) {
    copyAll.hidden = false;
    copyAll.addEventListener("click", () => {
      const text = fetch(textUrl).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      });
      copyFetched(text).then(
        () => announce("已复制全文"),
        () => announce("无法自动复制，请打开“纯文本”后全选复制"),
      );
    });
  }
}
