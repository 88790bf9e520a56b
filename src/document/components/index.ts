/**
 * The document components a notice's MDX body may use, by the name the MDX uses. Passed to
 * `<Content components={documentComponents} />` wherever a notice body is rendered (the notice
 * page, and the open-data renderings in src/text/notice-body.ts), so both render the same HTML.
 */
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
};
