/**
 * The document components a notice's MDX body may use, by the name the MDX uses: one for each
 * component part of src/document/parts.ts, and Attachment (the type makes a part without its
 * component an error). Passed to `<Content components={documentComponents} />` where a notice
 * body is rendered (the notice page).
 */
import type { AstroComponentFactory } from "astro/runtime/server/index.js";
import type { ATTACHMENT_COMPONENT, PartComponent } from "../parts.ts";
import Attachment from "./Attachment.astro";
import AttachmentNote from "./AttachmentNote.astro";
import DocNumber from "./DocNumber.astro";
import GovMeta from "./GovMeta.astro";
import Imprint from "./Imprint.astro";
import Masthead from "./Masthead.astro";
import Publicity from "./Publicity.astro";
import Recipients from "./Recipients.astro";
import Signature from "./Signature.astro";
import SignedDate from "./SignedDate.astro";

export const documentComponents = {
  GovMeta,
  Masthead,
  DocNumber,
  Recipients,
  AttachmentNote,
  Signature,
  SignedDate,
  Publicity,
  Imprint,
  Attachment,
} satisfies Record<PartComponent | typeof ATTACHMENT_COMPONENT, AstroComponentFactory>;
