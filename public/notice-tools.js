/*
 * Notice page tools (loaded by src/components/notice/NoticeTools.astro; a file, not an inline script, so
 * a Content-Security-Policy without 'unsafe-inline' allows it). Everything works without it:
 *
 * - Copy-link controls (a.copy-link, added to every anchored heading, paragraph and list item by
 *   src/document/plugins/rehype-copy-link.ts) are real links to #id, i.e. permalinks. With this script,
 *   activating one copies the full URL (this page's address without its fragment + "#" + id) to
 *   the clipboard and announces 已复制链接 in the live region [data-copy-status]. Clicks with a
 *   modifier key (open in a new tab, …) keep the link's normal behaviour. If the clipboard is
 *   not available, the link is followed, so the address bar shows the URL to copy.
 * - Citation (src/components/notice/NoticeCitation.astro): the access date becomes today's date (the
 *   reader's), and the 复制引文 button, hidden without JavaScript, copies the reference.
 */
(function () {
  "use strict";

  var status = document.querySelector("[data-copy-status]");
  var clearTimer;

  /** Announces a message in the live region (and shows it as a toast) for a few seconds. */
  function announce(message) {
    if (!status) return;
    window.clearTimeout(clearTimer);
    // Emptied first, so the same message twice in a row is announced twice.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
      clearTimer = window.setTimeout(function () {
        status.textContent = "";
      }, 4000);
    }, 30);
  }

  /** Copies text; resolves when done, rejects when the browser refuses. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      // Older browsers and plain-http pages: a temporary, off-screen textarea and execCommand.
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "copy-buffer";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(area);
      if (ok) resolve();
      else reject(new Error("copy refused"));
    });
  }

  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }

  /** Today in the reader's time zone, YYYY-MM-DD. */
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* ─────────── copy links ─────────── */

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var target = event.target;
    var link = target && target.closest ? target.closest("a.copy-link") : null;
    if (!link) return;
    var href = link.getAttribute("href") || "";
    if (href.charAt(0) !== "#") return;
    var id = decodeURIComponent(href.slice(1));
    var url = window.location.href.split("#")[0] + "#" + encodeURIComponent(id);
    event.preventDefault();
    copyText(url).then(
      function () {
        link.classList.add("is-copied");
        window.setTimeout(function () {
          link.classList.remove("is-copied");
        }, 2000);
        announce("已复制链接");
      },
      function () {
        // No clipboard: behave like the plain link, so the address bar holds the permalink.
        window.location.hash = id;
        announce("无法自动复制，请从地址栏复制本段链接");
      },
    );
  });

  /* ─────────── citation ─────────── */

  var date = today();
  var accessed = document.querySelectorAll("[data-cite-accessed]");
  for (var i = 0; i < accessed.length; i++) {
    accessed[i].textContent = date;
    accessed[i].setAttribute("datetime", date);
  }
  var notes = document.querySelectorAll("[data-cite-date-note]");
  for (var j = 0; j < notes.length; j++) {
    notes[j].textContent = "引用日期为今天（" + date + "），即您访问本页的日期。";
  }

  var buttons = document.querySelectorAll("button[data-cite-copy]");
  for (var k = 0; k < buttons.length; k++) {
    (function (button) {
      var source = document.getElementById(button.getAttribute("data-cite-copy"));
      if (!source) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = source.textContent.replace(/\s+/g, " ").trim();
        copyText(text).then(
          function () {
            announce("已复制引文");
          },
          function () {
            // Select the reference so the reader can copy it with the keyboard.
            var range = document.createRange();
            range.selectNodeContents(source);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            announce("无法自动复制，引文已选中，请按 Ctrl+C 复制");
          },
        );
      });
    })(buttons[k]);
  }
})();
