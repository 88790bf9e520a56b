/**
 * Reading a Word file (.docx) in the browser with mammoth (its own browser build, served from
 * this site like every script, so a strict CSP allows it): the document's text, one paragraph a
 * line. Nothing is uploaded; the file never leaves the reader's machine.
 */
import mammothUrl from "mammoth/mammoth.browser.min.js?url";

interface Mammoth {
  extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
}

declare global {
  interface Window {
    mammoth?: Mammoth;
  }
}

let loading: Promise<Mammoth> | undefined;

/** Loads mammoth once (the page starts it early, so that a .docx opens offline too). */
export function loadMammoth(): Promise<Mammoth> {
  loading ??= new Promise<Mammoth>((resolve, reject) => {
    if (window.mammoth) return resolve(window.mammoth);
    const script = document.createElement("script");
    script.src = mammothUrl;
    script.async = true;
    script.onload = () =>
      window.mammoth ? resolve(window.mammoth) : reject(new Error("mammoth did not load"));
    script.onerror = () => reject(new Error(`${mammothUrl} did not load`));
    document.head.append(script);
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The text of a .docx file: paragraphs on their own lines, blank lines between them. */
export async function docxText(file: Blob): Promise<string> {
  const mammoth = await loadMammoth();
  const { value } = await mammoth.extractRawText({ arrayBuffer: await file.arrayBuffer() });
  return value;
}
