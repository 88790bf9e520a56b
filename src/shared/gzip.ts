/**
 * Recognising gzip data by its signature (RFC 1952: 1f 8b). Pagefind's files and the search's
 * notice texts are stored gzipped; whether a server labelled them Content-Encoding: gzip (the
 * browser has then inflated them) or sent them as stored is told by these two bytes.
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
