/**
 * Browser side of /check/ 起草核对: loads the archive's data once (/check/data.json, then
 * mammoth for Word files), so the page keeps working without a network connection; checks the
 * pasted or opened draft with src/check/check.ts and shows src/check/report.ts's report; offers
 * it as a file. The draft never leaves the browser: nothing here sends anything anywhere.
 */
import { loadT2S } from "../search/config.ts";
import { withBase } from "../shared/urls.ts";
import { checkDraft, prepareCheck, type CheckReport, type PreparedCheck } from "./check.ts";
import { CHECK_DATA_PATH, type CheckData } from "./data-file.ts";
import { docxText, loadMammoth } from "./docx.ts";
import { renderReport, summaryText, type ReportContext } from "./report.ts";
import { reportDocument } from "./download.ts";

function loadData(): Promise<PreparedCheck> {
  const data = fetch(withBase(CHECK_DATA_PATH)).then((r) => {
    if (!r.ok) throw new Error(`${CHECK_DATA_PATH}: HTTP ${r.status}`);
    return r.json() as Promise<CheckData>;
  });
  // Traditional characters typed in a draft read as simplified, as in search; optional.
  const t2s = loadT2S().catch(() => undefined);
  return Promise.all([data, t2s]).then(([d, map]) => prepareCheck(d, map));
}

export function init(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>("[data-check-form]");
  const text = root.querySelector<HTMLTextAreaElement>("[data-check-text]");
  const file = root.querySelector<HTMLInputElement>("[data-check-file]");
  const year = root.querySelector<HTMLInputElement>("[data-check-year]");
  const status = root.querySelector<HTMLElement>("[data-check-status]");
  const output = root.querySelector<HTMLElement>("[data-check-report]");
  const body = root.querySelector<HTMLElement>("[data-check-report-body]");
  const download = root.querySelector<HTMLButtonElement>("[data-check-download]");
  const filter = root.querySelector<HTMLElement>("[data-check-filter]");
  if (!form || !text || !file || !year || !status || !output || !body || !download || !filter) return;
  root.querySelector("[data-check-nojs]")?.remove();
  form.hidden = false;
  year.placeholder = String(new Date().getFullYear());

  const say = (message: string) => (status.textContent = message);
  const prepared = loadData();
  say("正在载入本档案的通知数据……");
  prepared.then(
    (p) => {
      performance.mark("check:data");
      say(`已载入${p.data.notices.length}件通知的${p.data.sentences.length}个句子。断网后本页仍可使用。`);
      // Word files open offline too once mammoth is here; fetched after the data, when idle.
      void loadMammoth().catch(() => undefined);
    },
    () => say("本档案的通知数据未能载入，请检查网络后刷新页面。"),
  );

  let last: { report: CheckReport; draft: string; p: PreparedCheck } | undefined;

  const run = async () => {
    const draft = text.value;
    if (!draft.trim()) {
      say("请先粘贴通知草稿，或打开 Word 文件。");
      text.focus();
      return;
    }
    let p: PreparedCheck;
    try {
      p = await prepared;
    } catch {
      say("本档案的通知数据未能载入，无法核对。请检查网络后刷新页面。");
      return;
    }
    // The check itself starts here; what lies between check:start and this (the reader typing, or a
    // benchmark filling the box) is not the page's time once the data is in (check:data).
    performance.mark("check:run");
    const given = Number(year.value) || new Date().getFullYear();
    const report = checkDraft(p, draft, { year: given });
    const ctx: ReportContext = {
      data: p.data,
      href: (path, anchor) => `${withBase(path)}${anchor ? `#${anchor}` : ""}`,
    };
    body.innerHTML = renderReport(report, ctx);
    output.hidden = false;
    last = { report, draft, p };
    performance.mark("check:report");
    // After the next frame: the report laid out and painted (what the benchmark measures to).
    requestAnimationFrame(() => setTimeout(() => performance.mark("check:shown"), 0));
    say(`核对完成。${summaryText(report)}。`);
    output.querySelector<HTMLElement>("[data-check-report-title]")?.focus();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run();
  });

  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    say(`正在读取 ${chosen.name}……`);
    docxText(chosen).then(
      (value) => {
        text.value = value;
        say(`已读入 ${chosen.name}，按“核对”开始。`);
      },
      () =>
        say(
          `${chosen.name} 未能读取：请确认是 Word 的 .docx 文件（.doc 请先另存为 .docx），或直接粘贴文字。`,
        ),
    );
  });

  filter.addEventListener("change", (event) => {
    const value = (event.target as HTMLInputElement).value;
    const list = body.querySelector<HTMLElement>("[data-check-sentences]");
    if (list) list.dataset.filter = value;
  });

  download.addEventListener("click", () => {
    if (!last) return;
    const absolute = (path: string, anchor?: string) =>
      `${new URL(withBase(path), location.href).href}${anchor ? `#${anchor}` : ""}`;
    const html = reportDocument(last.report, last.draft, { data: last.p.data, href: absolute }, new Date());
    const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `起草核对报告-${last.report.year}.html`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
}
