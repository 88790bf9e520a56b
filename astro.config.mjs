// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { unified } from "@astrojs/markdown-remark";
import tailwindcss from "@tailwindcss/vite";
import rehypeOfficialAnchors from "./src/plugins/rehype-official-anchors.ts";
import rehypeLiteralListNumbers from "./src/plugins/rehype-literal-list-numbers.ts";
import rehypeDocNumberLinks from "./src/plugins/rehype-doc-number-links.ts";
import rehypeCopyLink from "./src/plugins/rehype-copy-link.ts";
import archiveCheck from "./src/integrations/archive-check.ts";
import sitemap from "./src/integrations/sitemap.ts";

// Deployment: the site URL and base path come from the environment (see README).
const site = process.env.SITE_URL || "http://localhost:4321";
const base = process.env.BASE_PATH || "/";

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  // Stylesheets are always files, never inlined <style>: the production Content-Security-Policy
  // (deploy/nginx.conf) allows style-src 'self' only.
  build: { format: "directory", inlineStylesheets: "never" },
  // Astro 7 renders Markdown with Sätteri by default, which does not run remark/rehype plugins.
  // The archive's content transforms are rehype plugins, so the unified pipeline is chosen
  // explicitly. GFM and SmartyPants are off: autolinks would swallow the full-width brackets
  // around URLs, and SmartyPants would rewrite quotation marks in official text.
  markdown: {
    processor: unified({
      gfm: false,
      smartypants: false,
      rehypePlugins: [
        rehypeOfficialAnchors,
        rehypeLiteralListNumbers,
        [rehypeDocNumberLinks, { base }],
        // Last: a “复制链接” control on every element that has an anchor by now.
        rehypeCopyLink,
      ],
    }),
  },
  integrations: [archiveCheck(), mdx(), sitemap()],
  // assetsInlineLimit 0: Astro would otherwise inline small processed <script>s into the page,
  // which the Content-Security-Policy (script-src 'self') forbids.
  vite: { plugins: [tailwindcss()], build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
