// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { unified } from "@astrojs/markdown-remark";
import tailwindcss from "@tailwindcss/vite";
import { readHeldDocNumbers } from "./src/archive/files.ts";
import { pagePlugins } from "./src/document/pipeline.ts";
import archiveCheck from "./src/archive/integration.ts";
import remarkDataOnly from "./src/document/plugins/remark-data-only.ts";
import sitemap from "./src/outputs/sitemap.ts";

// Deployment: the site URL and base path come from the environment (see README).
const site = process.env.SITE_URL || "http://localhost:4321";
const base = process.env.BASE_PATH || "/";

const srcDir = fileURLToPath(new URL("./src/", import.meta.url));

/**
 * Browser chunks are named after their domain and module, `_astro/search-page.[hash].js` for
 * src/search/page.ts (shared/ modules by their own name), so the public file names say what
 * they are and stay the same when a module moves inside its domain.
 * @param {{ facadeModuleId: string | null; moduleIds: string[]; name: string }} chunk
 */
function clientChunkName(chunk) {
  const id = chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? "";
  const inSrc = id.startsWith(srcDir) ? id.slice(srcDir.length).split("?")[0] : undefined;
  const m = inSrc ? /^([a-z-]+)\/([a-z0-9-]+)\.ts$/.exec(inSrc) : null;
  const name = (m ? (m[1] === "shared" ? m[2] : `${m[1]}-${m[2]}`) : chunk.name) ?? "chunk";
  return `_astro/${name.replace(/[^\w.-]/g, "_")}.[hash].js`;
}

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
      // A notice body that holds code stops its compilation before anything of it can run (the
      // archive check reports it first, with hints). MDX inherits this processor's plugins.
      remarkPlugins: [remarkDataOnly],
      // The document pipeline (src/document/pipeline.ts): anchors, printed list numbers, links on
      // document numbers, and last the “复制链接” controls.
      rehypePlugins: pagePlugins(base, readHeldDocNumbers(fileURLToPath(new URL(".", import.meta.url)))),
    }),
  },
  integrations: [archiveCheck(), mdx(), sitemap()],
  // assetsInlineLimit 0: Astro would otherwise inline small processed <script>s into the page,
  // which the Content-Security-Policy (script-src 'self') forbids.
  vite: {
    plugins: [tailwindcss()],
    build: { assetsInlineLimit: 0 },
    environments: {
      client: { build: { rolldownOptions: { output: { chunkFileNames: clientChunkName } } } },
    },
  },
  devToolbar: { enabled: false },
});
