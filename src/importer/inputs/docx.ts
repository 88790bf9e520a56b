/**
 * The text of a Word document (.docx), read with mammoth (a maintained .docx reader): one line
 * per paragraph, in document order, tables cell by cell. mammoth separates paragraphs with a
 * blank line; a single line break is what the importer expects between printed lines.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import mammoth from "mammoth";

export async function docxText(bytes: Uint8Array): Promise<{ text: string; extractedWith: string }> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  const text = `${value.replace(/\r\n?/g, "\n").replace(/\n\n/g, "\n").trim()}\n`;
  return { text, extractedWith: `mammoth ${packageVersion("mammoth")}` };
}

/** The installed version of a package, for the provenance record (its package.json may not be exported). */
export function packageVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: string;
        version: string;
      };
      if (pkg.name === name) return pkg.version;
    } catch {
      // No package.json at this level: look further up.
    }
    const up = dirname(dir);
    if (up === dir) return "unknown version";
    dir = up;
  }
}
