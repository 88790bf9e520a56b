// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { unified } from "@astrojs/markdown-remark";
import tailwindcss from "@tailwindcss/vite";
import rehypeOfficialAnchors from "./src/plugins/rehype-official-anchors.ts";
import rehypeLiteralListNumbers from "./src/plugins/rehype-literal-list-numbers.ts";
import archiveCheck from "./src/integrations/archive-check.ts";

// Deployment: the site URL and base path come from the environment (see README).
const site = process.env.SITE_URL || "http://localhost:4321";
const base = process.env.BASE_PATH || "/";

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  build: { format: "directory" },
  // Astro 7 renders Markdown with Sätteri by default, which does not run remark/rehype plugins.
  // The archive's content transforms are rehype plugins, so the unified pipeline is chosen
  // explicitly. GFM and SmartyPants are off: autolinks would swallow the full-width brackets
  // around URLs, and SmartyPants would rewrite quotation marks in official text.
  markdown: {
    processor: unified({
      gfm: false,
      smartypants: false,
      rehypePlugins: [rehypeOfficialAnchors, rehypeLiteralListNumbers],
    }),
  },
  integrations: [archiveCheck(), mdx()],
  vite: { plugins: [tailwindcss()] },
  devToolbar: { enabled: false },
});
