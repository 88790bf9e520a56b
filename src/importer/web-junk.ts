/**
 * What a web page wraps around a notice when its text is copied: the page title with the
 * site's name, breadcrumbs, the 发布时间/来源/浏览次数 line, font-size switches, 分享到, 打印本页
 * and 关闭窗口, the previous/next links and the site's footer. None of it is the document's
 * text; each line found is removed by the importer and listed with its reason.
 */

import type { RemovalReason } from "../shared/labels.ts";

interface JunkRule {
  test: (line: string, context: { first: boolean }) => boolean;
  reason: RemovalReason;
}

/** A site's name at the end of a page title: “…通知_某市人民政府” or “…通知》发布-某网站”. */
const SITE_SUFFIX =
  /\s*[-_|｜—–]{1,2}\s*[^-_|｜—–\s]{2,30}(?:网|网站|门户|门户网站|政府网|人民政府|政务网|在线|官网)$/u;

const RULES: readonly JunkRule[] = [
  {
    // The page's own title line, above the notice: it names the site.
    test: (line, { first }) => first && SITE_SUFFIX.test(line),
    reason: "web page: the page title with the site's name",
  },
  {
    test: (line) => /^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[：:]/u.test(line),
    reason: "web page: breadcrumbs",
  },
  {
    test: (line) => /^首页\s*(?:[>＞»›→/]|&gt;)/u.test(line),
    reason: "web page: breadcrumbs",
  },
  {
    test: (line) =>
      /浏览次数|阅读次数|点击数|点击量|访问量|阅读量|浏览量/u.test(line) ||
      /^(?:发布时间|信息来源|文章来源|来源|作者|责任编辑|编辑|审核|字号|【?字体)\s*[：:]/u.test(line),
    reason: "web page: publication details of the page",
  },
  {
    test: (line) => /^【?\s*(?:字体|字号)\s*[：:]?\s*[大中小\s【】]+】?$/u.test(line),
    reason: "web page: font-size switch",
  },
  {
    test: (line) => /^分享到\s*[：:]?/u.test(line),
    reason: "web page: share buttons",
  },
  {
    // A line made only of page controls: 【打印本页】【关闭窗口】, 打印 | 关闭, 返回顶部 …
    test: (line) =>
      /^(?:[【[（(\s|｜·]*(?:打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|保存本页|纠错|微信|微博|QQ空间)[】\]）)\s|｜·]*)+$/u.test(
        line,
      ),
    reason: "web page: page controls",
  },
  {
    test: (line) => /^(?:上一篇|下一篇|相关链接|相关文章|相关阅读)\s*[：:]?/u.test(line),
    reason: "web page: links to other pages",
  },
  {
    test: (line) => /^扫一扫/u.test(line),
    reason: "web page: QR code caption",
  },
  {
    test: (line) =>
      /版权所有|ICP备|网站标识码|公网安备|技术支持\s*[：:]|网站地图|联系我们|网站声明/u.test(line),
    reason: "web page: the site's footer",
  },
];

/** Why the line is web-page junk, or undefined when it may be document text. */
export function webJunk(line: string, context: { first: boolean }): RemovalReason | undefined {
  return RULES.find((rule) => rule.test(line, context))?.reason;
}
