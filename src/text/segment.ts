/**
 * Chinese word segmentation at build time with jieba (@node-rs/jieba: prebuilt native binaries
 * shipped in npm packages, default dictionary from the package), plus the archive's key terms as
 * extra dictionary words so 质量强国 or 高质量发展 come out as one word, not 质量 / 强国.
 * Build time only: the browser receives tokens, never the segmenter.
 *
 *   segment("推动高质量发展，建设质量强国") → ["推动", "高质量发展", "，", "建设", "质量强国"]
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { KEY_TERMS } from "./terms.ts";

/** Domain words jieba's general dictionary splits, beyond the key terms of /trends/. */
const EXTRA_WORDS = [
  "质量月",
  "质量强省",
  "质量强市",
  "质量强县",
  "质量强企",
  "质量强链",
  "中国质量奖",
  "质量基础设施",
];

let jieba: Jieba | undefined;

function instance(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const words = [...new Set([...KEY_TERMS, ...EXTRA_WORDS])];
    jieba.loadDict(Buffer.from(words.map((w) => `${w} 100000 n`).join("\n") + "\n"));
  }
  return jieba;
}

/** Words of `text`, in order, whitespace and punctuation kept as tokens: joined they are `text`. */
export function segment(text: string): string[] {
  if (!text) return [];
  const tokens = instance().cut(text, true);
  // jieba keeps every character; make sure of it, since the diff shows the tokens as the text.
  if (tokens.join("") !== text) return Array.from(text);
  return tokens;
}
