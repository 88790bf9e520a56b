/**
 * A notice that arrives as one long line (a web page's text copied without its line breaks):
 * the line is cut where the official layout starts a new line — after the title, after the
 * 主送 line, before each numbered heading, before 附件, before the signature and the date,
 * before 抄送 and the 印发 line. Only line breaks are added: not a character is changed, and
 * every piece keeps the number of the source line it comes from.
 */

/** Where a new line starts inside a run-on text (zero-width: nothing is consumed). */
const BREAKS: readonly RegExp[] = [
  // After the title: …的通知 followed by the 主送 or the body.
  /(?<=^.{0,120}?的通知)(?=\S)/u,
  // After the formulaic headings, when their text follows with nothing between.
  /(?<=[一二三四五六七八九十]{1,3}、(?:活动主题|活动口号|宣传口号|重点活动|主要活动|活动内容|活动安排|活动时间|工作要求|有关要求|组织领导|总体要求|指导思想))(?=[^：:，。、\s])/gu,
  // Before a second-level heading that follows the end of a sentence.
  /(?<=[。；：！？])(?=（[一二三四五六七八九十]{1,3}）)/gu,
  // Before a numbered list item that follows the end of a sentence.
  /(?<=[。；：！？])(?=\d{1,2}[.．、](?!\d))/gu,
  // 附件说明, attachments, 附注, 版记.
  /(?<=[。；）])(?=附件\s*[：:\d])/gu,
  /(?<=\S)(?=（此件(?:公开发布|主动公开)[^）]*）)/gu,
  /(?<=\S)(?=抄送\s*[：:])/gu,
  // Before the date that closes the text (成文日期), or that a 附注, 版记 or attachment follows.
  /(?<=[^\d年月])(?=\d{4}年\d{1,2}月\d{1,2}日(?:印发)?(?:$|（此件|抄送|附件))/gu,
];

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const SIGNATURE =
  /(?<=。)(?=[\p{Script=Han}（）、 ]{2,60}?(?:局|厅|委员会|委|办公室|办|会|政府|小组|部|署|行|海关) ?\d{4}年\d{1,2}月\d{1,2}日)/gu;

/**
 * The pieces of a run-on line, or undefined when the line does not look like a whole notice
 * (fewer than two numbered headings).
 */
export function splitRunOn(line: string): string[] | undefined {
  if ((line.match(/[。；：][一二三四五六七八九十]{1,3}、/gu)?.length ?? 0) < 2) return undefined;
  const cuts = new Set<number>();
  for (const pattern of BREAKS) {
    const re = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    for (const m of line.matchAll(re)) if (m.index > 0) cuts.add(m.index);
  }
  // The 主送 line: from the end of the title to its first colon, when no sentence ends before it.
  const title = /^.{0,120}?的通知/u.exec(line);
  if (title) {
    const rest = line.slice(title[0].length);
    const colon = /^[^。：]{2,80}：/u.exec(rest);
    if (colon) cuts.add(title[0].length + colon[0].length);
  }
  // The signature: a body's name between the end of a sentence and a date.
  for (const m of line.matchAll(SIGNATURE)) cuts.add(m.index);
  // First-level headings, in their order: 一、 then 二、 … (a numeral that is not the next one
  // is text, not a heading).
  let from = 0;
  for (const numeral of NUMERALS) {
    const at = line.indexOf(`${numeral}、`, from);
    if (at < 0) break;
    if (at > 0) cuts.add(at);
    from = at + 1;
  }
  const sorted = [...cuts].filter((i) => i > 0 && i < line.length).sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const cut of sorted) {
    pieces.push(line.slice(start, cut));
    start = cut;
  }
  pieces.push(line.slice(start));
  return pieces.map((p) => p.trim()).filter(Boolean);
}
