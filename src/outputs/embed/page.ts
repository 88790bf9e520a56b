/**
 * /embed/'s script: 复制代码 copies a snippet (the buttons are hidden without it), and the year
 * chooser swaps the year card's snippet and preview.
 */
import { announce, copyText } from "../../reader/clipboard.ts";

for (const button of document.querySelectorAll<HTMLButtonElement>("[data-embed-copy]")) {
  const field = document.getElementById(button.dataset.embedCopy ?? "");
  if (!(field instanceof HTMLTextAreaElement)) continue;
  button.hidden = false;
  button.addEventListener("click", () => {
    copyText(field.value.trim()).then(
      () => announce("已复制嵌入代码"),
      () => {
        field.select();
        announce("无法自动复制，代码已选中，请按 Ctrl+C 复制");
      },
    );
  });
}

const select = document.querySelector<HTMLSelectElement>("[data-embed-year]");
const snippet = document.querySelector<HTMLTextAreaElement>("[data-embed-year-snippet]");
const preview = document.querySelector<HTMLIFrameElement>("[data-embed-year-preview]");
if (select && snippet) {
  document.querySelector<HTMLElement>("[data-embed-year-choice]")?.removeAttribute("hidden");
  select.addEventListener("change", () => {
    const option = select.selectedOptions[0];
    if (!option) return;
    const height = option.dataset.height ?? "";
    snippet.value = snippet.value
      .replace(/src="[^"]*"/, `src="${option.value}"`)
      .replace(/height="\d+"/, `height="${height}"`)
      .replace(/title="[^"]*"/, `title="${option.textContent?.trim() ?? ""}全国“质量月”活动主题"`);
    const label = document.querySelector(`label[for="${snippet.id}"]`);
    if (label) label.textContent = `嵌入代码（${option.textContent?.trim() ?? ""}）`;
    if (preview && option.dataset.path) {
      preview.src = option.dataset.path;
      preview.height = height;
    }
  });
}
