/**
 * The short form of a division's name, as notices and people use it: 海南省 → 海南,
 * 广西壮族自治区 → 广西, 三亚市 → 三亚, 大理白族自治州 → 大理, 乐东黎族自治县 → 乐东.
 * It is what a region's URL slug is made from (./slugs.ts) and what the region finder accepts
 * for a province (“浙江” as well as “浙江省”).
 */

/**
 * The 55 minority nationalities of GB/T 3304 (名称, without 族 where a name is also used so),
 * for taking them off the names of autonomous areas: 大理白族自治州 → 大理.
 */
const NATIONALITIES =
  "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各";

const AUTONOMOUS = new RegExp(`^(?:(?:${NATIONALITIES})族?)+自治[区州县旗]$`, "u");
const LEVEL_SUFFIXES = [
  "特别行政区",
  "自治区",
  "自治州",
  "自治县",
  "自治旗",
  "地区",
  "林区",
  "特区",
  "省",
  "市",
  "区",
  "县",
  "旗",
  "盟",
];
/** Short names the suffix rule cannot give. */
const SHORT_NAMES: Record<string, string> = { 新疆生产建设兵团: "兵团" };

/** The name without its level suffix (and the nationalities of an autonomous area). */
export function shortName(name: string): string {
  // The place name of an autonomous area is what stands before its nationalities: try each
  // start from the second character so that a place name is never taken for a nationality.
  for (let start = 2; start < name.length; start++) {
    if (AUTONOMOUS.test(name.slice(start))) return name.slice(0, start);
  }
  const known = SHORT_NAMES[name];
  if (known) return known;
  // The longest suffix that leaves a name of two or more characters (金林区 → 金林, not 金).
  for (const suffix of LEVEL_SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}
