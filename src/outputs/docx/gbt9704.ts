/**
 * The page and type of GB/T 9704-2012 党政机关公文格式, as Word measures them: A4, 天头 37 mm,
 * 订口 28 mm, 版心 156 × 225 mm; body 3号仿宋 (16 pt), 22 lines of 28 characters; title 2号小标宋
 * (22 pt); 一、 黑体, （一） 楷体, 1. and （1） 仿宋; 版记 4号仿宋 (14 pt); page numbers 4号宋体
 * “— 1 —”, 7 mm below the 版心, odd pages right and even pages left, one character in. The same
 * layout as the print stylesheet (src/styles/print.css).
 *
 * Fonts are named as Chinese Windows and WPS name them; where one is missing, Word substitutes.
 */

/** Twips (1/20 pt) in a millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;

const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), right: mm(26), bottom: mm(35), left: mm(28) },
  /** The page number's line sits 7 mm below the 版心 (35 mm bottom margin). */
  footer: mm(21),
  header: mm(20),
} as const;

export const FONTS = {
  fangsong: "仿宋",
  xiaobiaosong: "方正小标宋简体",
  heiti: "黑体",
  kaiti: "楷体",
  songti: "宋体",
} as const;

/** Half-points, as Word sizes type: 三号 16 pt, 二号 22 pt, 四号 14 pt. */
export const SIZE = { san: 32, er: 44, si: 28, small: 21 } as const;

/** 22 lines on the 225 mm 版心: an exact line of 28.9 pt, in twips. */
export const LINE = 578;

/** One character of 三号 type (16 pt), in twips: indents are counted in characters. */
export const CHAR = 320;

/** The red of the masthead and its rule. */
export const RED = "C00000";
