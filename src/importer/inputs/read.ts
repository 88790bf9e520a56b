/**
 * What the importer reads: the bytes of a received file, whatever it is — plain text in UTF-8,
 * GB18030 or UTF-16 with a byte-order mark (../decode.ts), a Word document (.docx) or a PDF
 * with a text layer. Word and PDF files are read by maintained libraries (./docx.ts, ./pdf.ts);
 * their text becomes the notice's verbatim source, and the original file is traced by its name,
 * format and SHA-256 in the notice's provenance.
 */
import { createHash } from "node:crypto";
import { decodeText, DecodeError, type DecodedText } from "../../archive/decode.ts";
import { docxText } from "./docx.ts";
import { pdfText } from "./pdf.ts";

export interface SourceText extends DecodedText {
  /** Set when the text was extracted from a Word or PDF file. */
  original?: {
    format: "docx" | "pdf";
    /** SHA-256 of the file as received. */
    sha256: string;
    /** The library (and version) that extracted the text. */
    extractedWith: string;
  };
}

/** A Word document is a zip holding word/document.xml; a PDF starts with %PDF-. */
function formatOf(bytes: Uint8Array): "docx" | "pdf" | "zip" | "text" {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 5));
  if (head === "%PDF-") return "pdf";
  if (head.startsWith("PK\u0003\u0004")) {
    return new TextDecoder("latin1").decode(bytes).includes("word/document.xml") ? "docx" : "zip";
  }
  return "text";
}

/** The text of a received file, or a DecodeError saying why it cannot be read. */
export async function readSource(bytes: Uint8Array): Promise<SourceText> {
  const format = formatOf(bytes);
  if (format === "text") return decodeText(bytes);
  if (format === "zip") {
    throw new DecodeError(
      "the file is binary: a zip archive, but not a Word document (.docx)",
      "unpack it and import the notice's own file (.docx, .pdf or .txt)",
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { text, extractedWith } = format === "docx" ? await docxText(bytes) : await pdfText(bytes);
  if (!text.replace(/\s/g, "")) {
    throw new DecodeError(
      format === "pdf"
        ? "the PDF has no text layer (it is a scan: its pages are pictures)"
        : "the Word document holds no text",
      format === "pdf"
        ? "run text recognition (OCR) on it, check the text against the scan, and import the text (.txt)"
        : "check that it is the notice's document; if its text is in pictures, type it in",
    );
  }
  return { text, original: { format, sha256, extractedWith } };
}
