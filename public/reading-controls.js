/*
 * 适老化 reading controls: text size (标准 / 大 / 特大) and a high-contrast mode.
 *
 * Loaded from <head> as a small blocking script (a file, not inline, so a Content-Security-Policy
 * without 'unsafe-inline' allows it). Before the body is parsed it reads the reader's choices
 * from localStorage and sets them on <html> as data-text-size and data-contrast, so the first
 * paint already has them (no flash); the CSS in src/styles/global.css is keyed on those
 * attributes. Once the document is parsed it reveals the controls (the 字号 menu, rendered
 * `hidden`, so readers without JavaScript never see buttons that would do nothing) and wires the
 * buttons. It also tidies the header's <details> menus (字号, 菜单), which open and close without
 * it: one open at a time, and Escape or a click elsewhere closes them.
 * Reading is never blocked: if this file does not load, the page is simply standard size.
 */
(function () {
  "use strict";

  var SIZE_KEY = "zly:text-size";
  var CONTRAST_KEY = "zly:contrast";
  var SIZES = ["standard", "large", "x-large"];
  var root = document.documentElement;

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // storage disabled: the choice lasts for this page only
    }
  }
  function write(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (e) {
      /* storage disabled or full: still applied to this page */
    }
  }
  function validSize(value) {
    return SIZES.indexOf(value) >= 0 ? value : "standard";
  }
  function validContrast(value) {
    return value === "high" ? "high" : "normal";
  }

  function apply(size, contrast) {
    root.setAttribute("data-text-size", size);
    root.setAttribute("data-contrast", contrast);
    var buttons = document.querySelectorAll("[data-set-text-size]");
    for (var i = 0; i < buttons.length; i++) {
      var pressed = buttons[i].getAttribute("data-set-text-size") === size;
      buttons[i].setAttribute("aria-pressed", pressed ? "true" : "false");
    }
    var toggles = document.querySelectorAll("[data-toggle-contrast]");
    for (var j = 0; j < toggles.length; j++) {
      toggles[j].setAttribute("aria-pressed", contrast === "high" ? "true" : "false");
    }
  }

  // Before first paint: only <html> exists yet.
  apply(validSize(read(SIZE_KEY)), validContrast(read(CONTRAST_KEY)));

  function wire() {
    var controls = document.querySelectorAll("[data-reading-controls]");
    for (var i = 0; i < controls.length; i++) controls[i].removeAttribute("hidden");
    document.addEventListener("click", function (event) {
      var target = event.target;
      var button =
        target && target.closest ? target.closest("[data-set-text-size], [data-toggle-contrast]") : null;
      if (!button) return;
      var size = validSize(root.getAttribute("data-text-size"));
      var contrast = validContrast(root.getAttribute("data-contrast"));
      if (button.hasAttribute("data-set-text-size")) {
        size = validSize(button.getAttribute("data-set-text-size"));
        write(SIZE_KEY, size);
      } else {
        contrast = contrast === "high" ? "normal" : "high";
        write(CONTRAST_KEY, contrast);
      }
      apply(size, contrast);
    });
    apply(validSize(root.getAttribute("data-text-size")), validContrast(root.getAttribute("data-contrast")));
  }

  /* ─────────── header menus ─────────── */

  function openMenus() {
    return document.querySelectorAll("details.header-menu[open]");
  }
  document.addEventListener(
    "toggle",
    function (event) {
      var menu = event.target;
      if (!menu.matches || !menu.matches("details.header-menu") || !menu.open) return;
      var open = openMenus();
      for (var i = 0; i < open.length; i++) if (open[i] !== menu) open[i].open = false;
    },
    true,
  );
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = openMenus();
    for (var i = 0; i < open.length; i++) {
      var hadFocus = open[i].contains(document.activeElement);
      open[i].open = false;
      if (hadFocus) open[i].querySelector("summary").focus();
    }
  });
  document.addEventListener("click", function (event) {
    var open = openMenus();
    for (var i = 0; i < open.length; i++) if (!open[i].contains(event.target)) open[i].open = false;
  });

  // A choice made in another tab applies here too.
  window.addEventListener("storage", function (event) {
    if (event.key !== SIZE_KEY && event.key !== CONTRAST_KEY && event.key !== null) return;
    apply(validSize(read(SIZE_KEY)), validContrast(read(CONTRAST_KEY)));
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
