/**
 * A notice's text model (src/text/blocks.ts) from its MDX body, through the document pipeline
 * (src/document/pipeline.ts) and without Astro, so build-time pages, the archive check and unit
 * tests read the same blocks. Cached per notice for the whole build; `noticeBlocks` answers
 * with a promise, as the other queries of a page do.
 */
import { bodyTree } from "../document/pipeline.ts";
import type { Block } from "../schemas/api.ts";
import { blocksFromTree } from "./blocks.ts";

/** The blocks of an MDX body. */
export function bodyBlocks(body: string): Block[] {
  return blocksFromTree(bodyTree(body));
}

const cache = new Map<string, { body: string; blocks: Promise<Block[]> }>();

/** A held notice's blocks (a content collection entry, or its id and body). */
export function noticeBlocks(notice: { id: string; body?: string | undefined }): Promise<Block[]> {
  const body = notice.body ?? "";
  const hit = cache.get(notice.id);
  // The dev server hands in edited bodies under the same id.
  if (hit?.body === body) return hit.blocks;
  let blocks: Promise<Block[]>;
  try {
    blocks = Promise.resolve(bodyBlocks(body));
  } catch (error) {
    blocks = Promise.reject(
      new Error(`content/notices/${notice.id}.mdx: cannot structure the body: ${(error as Error).message}`, {
        cause: error,
      }),
    );
  }
  cache.set(notice.id, { body, blocks });
  return blocks;
}
