/** A province-level division of China (or 新疆生产建设兵团), as notices name it. */
export interface Region {
  /** Full name, e.g. 海南省, 广西壮族自治区. */
  name: string;
  /** Short name, e.g. 海南, 广西. */
  short: string;
  /** Lowercase toneless pinyin without spaces, used in URLs, e.g. `hainan`. */
  slug: string;
}

/** The 34 province-level divisions of China plus 新疆生产建设兵团, in the usual official order. */
export const regions: readonly Region[] = [
  { name: "北京市", short: "北京", slug: "beijing" },
  { name: "天津市", short: "天津", slug: "tianjin" },
  { name: "河北省", short: "河北", slug: "hebei" },
  { name: "山西省", short: "山西", slug: "shanxi" },
  { name: "内蒙古自治区", short: "内蒙古", slug: "neimenggu" },
  { name: "辽宁省", short: "辽宁", slug: "liaoning" },
  { name: "吉林省", short: "吉林", slug: "jilin" },
  { name: "黑龙江省", short: "黑龙江", slug: "heilongjiang" },
  { name: "上海市", short: "上海", slug: "shanghai" },
  { name: "江苏省", short: "江苏", slug: "jiangsu" },
  { name: "浙江省", short: "浙江", slug: "zhejiang" },
  { name: "安徽省", short: "安徽", slug: "anhui" },
  { name: "福建省", short: "福建", slug: "fujian" },
  { name: "江西省", short: "江西", slug: "jiangxi" },
  { name: "山东省", short: "山东", slug: "shandong" },
  { name: "河南省", short: "河南", slug: "henan" },
  { name: "湖北省", short: "湖北", slug: "hubei" },
  { name: "湖南省", short: "湖南", slug: "hunan" },
  { name: "广东省", short: "广东", slug: "guangdong" },
  { name: "广西壮族自治区", short: "广西", slug: "guangxi" },
  { name: "海南省", short: "海南", slug: "hainan" },
  { name: "重庆市", short: "重庆", slug: "chongqing" },
  { name: "四川省", short: "四川", slug: "sichuan" },
  { name: "贵州省", short: "贵州", slug: "guizhou" },
  { name: "云南省", short: "云南", slug: "yunnan" },
  { name: "西藏自治区", short: "西藏", slug: "xizang" },
  { name: "陕西省", short: "陕西", slug: "shaanxi" },
  { name: "甘肃省", short: "甘肃", slug: "gansu" },
  { name: "青海省", short: "青海", slug: "qinghai" },
  { name: "宁夏回族自治区", short: "宁夏", slug: "ningxia" },
  { name: "新疆维吾尔自治区", short: "新疆", slug: "xinjiang" },
  { name: "台湾省", short: "台湾", slug: "taiwan" },
  { name: "香港特别行政区", short: "香港", slug: "xianggang" },
  { name: "澳门特别行政区", short: "澳门", slug: "aomen" },
  { name: "新疆生产建设兵团", short: "兵团", slug: "bingtuan" },
];

/**
 * Finds the region whose full or short name `text` starts with, preferring the longest match
 * (so `新疆生产建设兵团市场监管局` gives 兵团, not 新疆). Returns `undefined` when none matches.
 */
export function regionByName(text: string): Region | undefined {
  let best: Region | undefined;
  let bestLength = 0;
  for (const region of regions) {
    for (const candidate of [region.name, region.short]) {
      if (candidate.length > bestLength && text.startsWith(candidate)) {
        best = region;
        bestLength = candidate.length;
      }
    }
  }
  return best;
}
