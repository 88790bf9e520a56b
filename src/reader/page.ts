/**
 * The script of a notice page (loaded by src/components/notice/NoticeTools.astro as a module
 * file, never inline, so a strict Content-Security-Policy allows it). Everything on the page
 * works without it; it adds copying (links, the whole text, the citation), printing, the
 * arrival bar and keyboard movement between the copy-link controls.
 */
import { initArrival } from "./arrival.ts";
import { initCitation } from "./citation.ts";
import { initCopyLinks } from "./copy-links.ts";
import { initToolbar } from "./toolbar.ts";

initCopyLinks();
initCitation();
initToolbar();
initArrival();
