/**
 * The feeds' stylesheet: an XSLT 1.0 stylesheet (/feed.xsl) that both Atom feeds (/feed.xml,
 * /changelog.xml) name in an xml-stylesheet processing instruction, so a reader who clicks a
 * feed's address sees a page in Chinese — what the address is for, how to subscribe, the
 * entries — instead of raw XML. Feed readers ignore the instruction.
 *
 * Browsers apply it only to a feed served as XML (application/xml; Chromium shows
 * application/atom+xml as plain text), hence the MIME type in deploy/nginx.conf. Chromium has
 * begun to retire XSLT (version 156 shows a warning bar above the page), so the site itself
 * links /subscribe/, an ordinary page, rather than the feeds.
 */
import { withBase } from "../../shared/urls.ts";

const FEED_STYLESHEET_PATH = "feed.xsl";
/** The stylesheet's own CSS (public/feed.css): the transformed page may load files only. */
const FEED_CSS_PATH = "feed.css";

/** The feed with the processing instruction that names the stylesheet, after the declaration. */
export function withFeedStylesheet(xml: string): string {
  const pi = `<?xml-stylesheet type="text/xsl" href="${withBase(FEED_STYLESHEET_PATH)}"?>`;
  return xml.replace(/^(<\?xml[^?]*\?>\n?)/, `$1${pi}\n`);
}

const DATE = (path: string) =>
  `concat(substring(${path}, 1, 4), '年', number(substring(${path}, 6, 2)), '月', number(substring(${path}, 9, 2)), '日')`;

/** /feed.xsl: one stylesheet for both feeds (both are Atom). */
export function feedStylesheet(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:a="http://www.w3.org/2005/Atom" exclude-result-prefixes="a">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/a:feed">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <link rel="icon" href="data:,"/>
        <title><xsl:value-of select="a:title"/></title>
        <link rel="stylesheet" href="${withBase(FEED_CSS_PATH)}"/>
      </head>
      <body>
        <main class="feed">
          <p class="feed-kind">订阅源</p>
          <h1><xsl:value-of select="a:title"/></h1>
          <p class="feed-subtitle"><xsl:value-of select="a:subtitle"/></p>
          <div class="feed-how">
            <p>本页是供订阅工具（阅读器）读取的订阅源，格式为 Atom。把下面的地址复制到订阅工具中，档案有更新时即可收到。</p>
            <p>订阅地址：<code class="feed-url"><xsl:value-of select="a:link[@rel='self']/@href"/></code></p>
            <p>
              <a href="${withBase("subscribe/")}">两个订阅源有什么不同、怎样订阅</a>
              <xsl:text> · </xsl:text>
              <a href="{a:link[@rel='alternate']/@href}">打开档案网站</a>
            </p>
          </div>
          <h2>条目（共<xsl:value-of select="count(a:entry)"/>条，最新在前）</h2>
          <ol class="feed-entries">
            <xsl:for-each select="a:entry">
              <li>
                <h3><a href="{a:link[@rel='alternate'][1]/@href}"><xsl:value-of select="a:title"/></a></h3>
                <p class="feed-date"><xsl:value-of select="${DATE("a:updated")}"/></p>
                <p><xsl:value-of select="a:summary | a:content"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
`;
}
