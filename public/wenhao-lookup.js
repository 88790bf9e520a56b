/*
 * The 404 page's help for /wenhao/{docNumber}/ addresses the archive has no page for (loaded by
 * src/components/WenhaoNotFound.astro; a file, not inline, so a strict CSP allows it).
 *
 * The typed number is read from the path, canonicalised like src/document/doc-number.ts
 * (parseDocNumber: any bracket style 〔〕 [ ] ( ) （ ） 【 】 ［ ］ or none; also the
 * {prefix}-{year}-{serial} form; full-width digits), and shown in its printed form with a
 * search link. If the canonical form is a held number after all, the page goes on to the notice.
 */
(function () {
  "use strict";

  var section = document.querySelector("[data-wenhao-help]");
  if (!section) return;
  var base = section.getAttribute("data-base") || "/";
  var prefix = base + "wenhao/";
  var path = window.location.pathname;
  // Compare decoded: a base path or the "wenhao" segment may arrive percent-encoded.
  var decodedPath = path;
  try {
    decodedPath = decodeURIComponent(path);
  } catch (e) {
    decodedPath = path;
  }
  if (decodedPath.indexOf(prefix) !== 0) {
    section.hidden = true;
    return;
  }
  var typed = decodedPath.slice(prefix.length).replace(/\/+$/, "").trim();

  var held = [];
  try {
    held = JSON.parse(section.getAttribute("data-held") || "[]");
  } catch (e) {
    held = [];
  }

  var CJK = "[\\u4e00-\\u9fff]{1,12}";
  var PRINTED = new RegExp(
    "^(" + CJK + ")\\s*[〔\\[(（【［]?\\s*((?:19|20)\\d{2})\\s*[〕\\])）】］]?\\s*(\\d{1,4})\\s*号$",
  );
  var KEY = new RegExp("^(" + CJK + ")\\s*[-－—_]\\s*((?:19|20)\\d{2})\\s*[-－—_]\\s*(\\d{1,4})$");

  /** The printed form 国市监质发〔2022〕76号, or null. */
  function canonical(text) {
    var t = text.normalize ? text.normalize("NFKC") : text;
    // NFKC turns full-width digits and brackets into ASCII; 〔〕 and 【】 are kept.
    t = t.replace(/\s+/g, "");
    var m = PRINTED.exec(t) || KEY.exec(t);
    if (!m) return null;
    return m[1] + "〔" + Number(m[2]) + "〕" + Number(m[3]) + "号";
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    for (var name in attrs || {}) node.setAttribute(name, attrs[name]);
    return node;
  }

  var result = section.querySelector("[data-wenhao-result]");
  var staticText = section.querySelector("[data-wenhao-static]");
  var searchLink = section.querySelector("[data-wenhao-search]");
  var number = typed ? canonical(typed) : null;
  var match = null;
  for (var i = 0; number && i < held.length; i++) {
    if (held[i].number === number) match = held[i];
  }

  // The section comes first on the page: it is what this reader was looking for.
  var head = document.querySelector(".page-head");
  if (head && head.parentNode) head.parentNode.insertBefore(section, head.nextSibling);
  if (staticText) staticText.hidden = true;

  if (!typed) return;
  var p1 = el("p");
  p1.appendChild(document.createTextNode("您输入的文号："));
  p1.appendChild(el("strong", typed, { class: "wenhao-typed" }));
  result.appendChild(p1);

  if (!number) {
    result.appendChild(
      el("p", "这不是有效的发文字号写法。发文字号由机关代字、年份和序号组成，例如“国市监质发〔2022〕76号”。"),
    );
  } else {
    if (number !== typed) {
      var p2 = el("p");
      p2.appendChild(document.createTextNode("规范写法："));
      p2.appendChild(el("strong", number, { class: "wenhao-typed" }));
      result.appendChild(p2);
    }
    if (match) {
      var p3 = el("p");
      p3.appendChild(document.createTextNode("本档案收录了此文号的文件："));
      p3.appendChild(el("a", match.title, { href: match.url }));
      p3.appendChild(document.createTextNode("。正在转到该文件……"));
      result.appendChild(p3);
      window.location.replace(match.url);
      return;
    }
    result.appendChild(
      el("p", "本档案尚未收录此文号的文件。可以在全文中搜索这个文号：其他文件可能引用了它。"),
    );
  }
  if (searchLink) {
    var q = number || typed;
    searchLink.setAttribute(
      "href",
      (section.getAttribute("data-search") || base + "search/") + "?q=" + encodeURIComponent(q),
    );
    searchLink.textContent = "在档案全文中搜索“" + q + "”";
  }
})();
