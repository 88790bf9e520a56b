/**
 * A notice's body rendered outside a page, for the open-data renderings (JSON, .txt, .md): the
 * MDX goes through Astro's real pipeline — `render()` from astro:content, the project's
 * rehype plugins, the same document components as the notice page — via Astro's container
 * API, so the structure and anchors published as data are exactly those of the page. The HTML
 * is then structured by src/text/structured-text.ts. Build time only; cached per notice.
 */
import mdxRenderer from "@astrojs/mdx/server.js";
import { render } from "astro:content";
import { experimental_AstroContainer } from "astro/container";
import { documentComponents } from "../document/components/index.ts";
import type { Block } from "../schemas/api.ts";
import type { NoticeEntry } from "../queries/notices.ts";
import { structureNoticeHtml } from "./structured-text.ts";

let container: Promise<experimental_AstroContainer> | undefined;

function getContainer(): Promise<experimental_AstroContainer> {
  container ??= experimental_AstroContainer.create().then((c) => {
    // MDX content renders through Astro's JSX renderer.
    c.addServerRenderer({ name: "astro:jsx", renderer: mdxRenderer });
    return c;
  });
  return container;
}

const htmlCache = new Map<string, Promise<string>>();
const blocksCache = new Map<string, Promise<Block[]>>();

/** The HTML of the notice's body, as the notice page renders it inside its article. */
function noticeBodyHtml(notice: NoticeEntry): Promise<string> {
  let html = htmlCache.get(notice.id);
  if (!html) {
    html = (async () => {
      const { Content } = await render(notice);
      return (await getContainer()).renderToString(Content, {
        props: { components: documentComponents },
      });
    })();
    htmlCache.set(notice.id, html);
  }
  return html;
}

/** The notice's body as structured blocks with their permanent anchors. */
export function noticeBlocks(notice: NoticeEntry): Promise<Block[]> {
  let blocks = blocksCache.get(notice.id);
  if (!blocks) {
    blocks = noticeBodyHtml(notice).then((html) => {
      try {
        return structureNoticeHtml(html);
      } catch (error) {
        throw new Error(
          `content/notices/${notice.id}.mdx: cannot structure the rendered body: ${(error as Error).message}`,
          { cause: error },
        );
      }
    });
    blocksCache.set(notice.id, blocks);
  }
  return blocks;
}
