/**
 * The archive's key terms: charted on /trends/ (src/trends/) and kept whole by the word
 * segmenter (src/text/segment.ts), so 质量强国 is one word wherever words are counted or diffed.
 */

/** Terms charted on /trends/. */
export const KEY_TERMS = [
  "质量强国",
  "高质量发展",
  "质量提升",
  "品牌",
  "标准",
  "计量",
  "认证",
  "数字化",
  "召回",
  "疫情",
  "中小企业",
  "质量基础设施",
  "营商环境",
  "工匠精神",
] as const;
