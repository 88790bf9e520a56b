/**
 * Turns the bytes of a received text file into a string, or refuses with a clear reason.
 * Chinese government files often arrive as GB18030 (GBK): those are converted, and the
 * conversion is recorded in the notice's provenance.
 */

export interface DecodedText {
  text: string;
  /** Set when the file was not UTF-8 and was converted. */
  convertedFrom?: "GB18030" | "UTF-16LE" | "UTF-16BE";
}

export class DecodeError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = "DecodeError";
    this.hint = hint;
  }
}

const HAN = /\p{Script=Han}/gu;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0)
    throw new DecodeError("the file is empty", "give the importer a file that holds the notice's text");
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), convertedFrom: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), convertedFrom: "UTF-16BE" };
  if (bytes.includes(0)) {
    throw new DecodeError(
      "the file is binary (it contains NUL bytes), not plain text",
      "export the notice as plain text (.txt) first: from Word use 另存为 › 纯文本, from a PDF copy the text",
    );
  }
  let text: string;
  let convertedFrom: DecodedText["convertedFrom"];
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
      convertedFrom = "GB18030";
    } catch {
      throw new DecodeError(
        "the file is neither UTF-8 nor GB18030 text",
        "save it as UTF-8 (or GB18030) plain text and import it again",
      );
    }
    // Latin-1 junk also decodes as GB18030; real Chinese text is mostly Han characters.
    const han = text.match(HAN)?.length ?? 0;
    if (han < 10 || han / text.replace(/\s/g, "").length < 0.3) {
      throw new DecodeError(
        "the file is not UTF-8, and read as GB18030 it is not Chinese text either",
        "check the file's encoding and save it as UTF-8 plain text",
      );
    }
  }
  text = text.replace(/^\uFEFF/, "");
  // Control characters are what a binary or damaged file shows; counting them is the point.
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.001) {
    throw new DecodeError(
      `the file holds ${controls} control characters: it looks binary or damaged`,
      "export the notice as plain text (.txt) first",
    );
  }
  if (text.trim() === "")
    throw new DecodeError(
      "the file holds only whitespace",
      "give the importer a file that holds the notice's text",
    );
  return convertedFrom ? { text, convertedFrom } : { text };
}
