/**
 * Raw HTTP for the nginx tests: status, headers and body bytes exactly as the server sends them
 * (no redirects followed, no decompression), so Content-Encoding, Cache-Control and Location can
 * be checked.
 */
import { request } from "node:http";
import { inject } from "vitest";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  header: (name: string) => string;
}

/** `path` relative to the site's root ("2022/quanguo/"), or absolute on the server ("/x"). */
export function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = new URL(path, inject("baseUrl"));
  return new Promise((done, fail) => {
    const req = request(
      url,
      { method: "GET", headers: { "accept-encoding": "identity", ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            header: (name) => {
              const v = res.headers[name.toLowerCase()];
              return Array.isArray(v) ? v.join(", ") : (v ?? "");
            },
          }),
        );
        res.on("error", fail);
      },
    );
    req.on("error", fail);
    req.end();
  });
}

/** Percent-encodes each segment of a site path ("wenhao/国市监质发〔2022〕76号/"). */
export function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}
