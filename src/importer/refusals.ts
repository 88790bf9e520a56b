/**
 * Texts the archive does not hold, recognised before anything is drafted: a letter (函), a
 * news report about the activity, a call for slogans or entries, and texts about something
 * else. The importer refuses them and says what the text looks like; nothing is written.
 */
import { findDocNumbers } from "../document/doc-number.ts";
import type { SourceLine } from "./lines.ts";

export interface Refusal {
  /** What the text looks like, in a few words (“a letter (函)”). */
  looksLike: string;
  /** The evidence: the line that shows it, as printed. */
  evidence: string;
  hint: string;
}

const TITLE = /关于.{2,120}的(?:通知|函|复函|通报|意见|方案|决定|公告|请示|报告)$/u;
const NEWS_MARKERS = /本报讯|记者|通讯员|新华社|来源[：:]\s*\S*(?:报|新闻|日报|晚报)|讯[（(]|（编辑|责编/u;

/** Why the text is not a 质量月 activity notice, or undefined when it may be one. */
export function refusalOf(lines: readonly SourceLine[]): Refusal | undefined {
  const text = lines.map((l) => l.text).join("\n");
  const head = lines.slice(0, 12);
  const title = head.find((l) => TITLE.test(l.text.replace(/\s+/g, "")));
  const titleText = title?.text.replace(/\s+/g, "");

  if (!/质量月/u.test(text)) {
    return {
      looksLike: "a text about something else: it never mentions 质量月",
      evidence: lines[0]?.text ?? "",
      hint: "the archive holds the notices of the 质量月 activity only",
    };
  }
  if (titleText && /的(?:复)?函$/u.test(titleText)) {
    return {
      looksLike: "a letter (函), not a notice (通知)",
      evidence: `line ${title!.line}: ${title!.text}`,
      hint: "the archive holds the notices (通知) that launch the activity; letters about it are not archived",
    };
  }
  const letterNumber = head
    .flatMap((l) => findDocNumbers(l.text).map((d) => ({ line: l, number: d.canonical })))
    .find((d) => /函〔/u.test(d.number));
  if (letterNumber && !titleText?.endsWith("的通知")) {
    return {
      looksLike: `a letter (函): its document number ${letterNumber.number} is a letter's`,
      evidence: `line ${letterNumber.line.line}: ${letterNumber.line.text}`,
      hint: "the archive holds the notices (通知) that launch the activity; letters about it are not archived",
    };
  }
  if (titleText && /征集/u.test(titleText)) {
    return {
      looksLike: "a call for slogans or entries (征集), not the activity notice",
      evidence: `line ${title!.line}: ${title!.text}`,
      hint: "the archive holds the notices that launch the activity; calls for slogans, cases or works are not archived",
    };
  }
  if (!titleText) {
    const marker = lines.find((l) => NEWS_MARKERS.test(l.text));
    const numbered = lines.filter((l) => /^[一二三四五六七八九十]{1,3}、/u.test(l.text)).length;
    const recipients = head.some((l) => /^各[^。]{1,60}[：:]$/u.test(l.text));
    if (marker || (numbered < 2 && !recipients)) {
      return {
        looksLike: "a news report about the activity, not the notice itself",
        evidence: marker
          ? `line ${marker.line}: ${marker.text}`
          : `line ${lines[0]!.line}: ${lines[0]!.text}`,
        hint: "find the notice the report is about (its title is 关于……的通知) and import that",
      };
    }
  }
  return undefined;
}
