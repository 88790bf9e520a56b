/**
 * /api/notices.zip: the whole archive's text in one download, for researchers who want to work
 * offline or load everything into their own tools. Built at build time with fflate (a small,
 * maintained, dependency-free zip library that docx already brings in) rather than hand-written
 * zip records:
 *
 *   说明.txt                         what is inside, and that the texts are reproductions
 *   notices.json, notices.csv       every notice's metadata (/api/notices.json, /api/notices.csv)
 *   {id}/notice.json                metadata and structured text (/api/notices/{year}/{slug}.json)
 *   {id}/text.txt, {id}/text.md     the archived text (/{year}/{slug}/text.txt, text.md)
 *   {id}/source.txt                 the verbatim source file (/{year}/{slug}/source.txt)
 *
 * Each file is byte for byte the one the site serves at that address. Entries are sorted and
 * carry a fixed time, so two builds of the same commit write the same zip.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";
import { getNotices } from "../../queries/notices.ts";
import { REPRODUCTION_NOTICE, SITE_NAME, absoluteUrl } from "../../shared/site.ts";
import { BUILD_DATE } from "../citation/notice-citation.ts";
import {
  jsonText,
  noticeDocument,
  noticeMarkdown,
  noticeText,
  noticesCsv,
  noticesDocument,
} from "./open-data.ts";

export const BULK_PATH = "api/notices.zip";

/** Entry times: the DOS epoch's first day, the same in every build. */
const ZIP_TIME = new Date("1980-01-01T00:00:00Z");

function readme(ids: readonly string[]): string {
  return [
    `${SITE_NAME}：全部通知的文本和数据（${BUILD_DATE}生成）`,
    "",
    REPRODUCTION_NOTICE,
    `档案网址：${absoluteUrl("")}`,
    "",
    "notices.json   全部通知的元数据（与网站 /api/notices.json 相同）",
    "notices.csv    全部通知的元数据表（与 /api/notices.csv 相同，UTF-8，可用 Excel、WPS 打开）",
    "",
    "每件通知一个文件夹（文件夹名为通知编号）：",
    "  notice.json  元数据和按文件编号分节分段的全文（与 /api/notices/{年份}/{地区}.json 相同）",
    "  text.txt     整理后的全文，纯文本",
    "  text.md      整理后的全文，Markdown 格式",
    "  source.txt   收到的原始文本，未经改动",
    "",
    `共${ids.length}件：${ids.join("、")}`,
    "",
  ].join("\r\n");
}

export async function bulkZip(root = process.cwd()): Promise<Uint8Array<ArrayBuffer>> {
  const notices = await getNotices();
  const files: Record<string, Uint8Array> = {
    "说明.txt": strToU8(`\uFEFF${readme(notices.map((n) => n.id))}`),
    "notices.json": strToU8(jsonText(await noticesDocument())),
    "notices.csv": strToU8(await noticesCsv()),
  };
  for (const notice of notices) {
    files[`${notice.id}/notice.json`] = strToU8(jsonText(await noticeDocument(notice)));
    files[`${notice.id}/text.txt`] = strToU8(await noticeText(notice));
    files[`${notice.id}/text.md`] = strToU8(await noticeMarkdown(notice));
    files[`${notice.id}/source.txt`] = new Uint8Array(
      readFileSync(join(root, "content", "sources", `${notice.id}.txt`)),
    );
  }
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort()) entries[name] = [files[name]!, { mtime: ZIP_TIME }];
  return new Uint8Array(zipSync(entries, { level: 9 }));
}
