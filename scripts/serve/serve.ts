/**
 * npm run preview (and the end of npm start): serves the built site in dist/ the way a static
 * host would, with no dependencies.
 *
 *   PORT=4321 BASE_PATH=/ node scripts/serve/serve.ts
 *
 * The site is served under BASE_PATH (the same variable the build reads), so links built for a
 * sub-path deployment work locally. A directory serves its index.html; a directory URL without
 * its trailing slash is redirected to it; anything missing gets dist/404.html with status 404;
 * repeated slashes count as one (as in nginx). Every response carries the headers production
 * sends (scripts/serve/nginx-headers.ts reads them from deploy/nginx.conf: the
 * Content-Security-Policy, X-Frame-Options …), except that nothing is cached: the preview
 * serves whatever was built last.
 * The tests reuse startServer() on a free port (port 0).
 */
import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { normalizeBase } from "../../src/shared/base-path.ts";
import { nginxHeaders } from "./nginx-headers.ts";

const HOST = "127.0.0.1";

const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  // Open data: /{year}/{slug}/text.md, /api/themes.csv.
  ".md": "text/markdown; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  // Citation downloads (/{year}/{slug}/cite.bib, cite.ris); cite.json is JSON.
  ".bib": "application/x-bibtex; charset=utf-8",
  ".ris": "application/x-research-info-systems; charset=utf-8",
  // A notice as Word (/{year}/{slug}/text.docx), the bulk download, the feeds' stylesheet.
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".zip": "application/zip",
  ".xsl": "text/xsl; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  // Pagefind's index files (binary, fetched by pagefind.js).
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

export interface ServerOptions {
  /** The directory to serve (normally dist/). */
  root: string;
  /** 0 picks a free port. */
  port?: number;
  /** URL path prefix the site lives under, e.g. "/" or "/zhiliangyue/". */
  base?: string | undefined;
  host?: string;
}

export interface RunningServer {
  /** Full URL of the site root, ending in "/" (includes the base path). */
  url: string;
  port: number;
  close: () => Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const base = normalizeBase(options.base);
  const host = options.host ?? HOST;
  if (!existsSync(root)) throw new Error(`${root} does not exist: build the site first (npm run build)`);

  const production = nginxHeaders(base);
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(production(uriOf(req)))) res.setHeader(name, value);
    res.setHeader("cache-control", "no-cache");
    handle(root, base, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(`500 internal error: ${(error as Error).message}\n`);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 4321, host, () => {
      server.off("error", fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}${base}`,
    port,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

async function handle(root: string, base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
    res.end("405 method not allowed\n");
    return;
  }
  // Runs of slashes count as one, as nginx's merge_slashes does. Leading ones (and backslashes,
  // which URL reads as slashes) are merged before parsing, or "//x/y" would be read as host x;
  // the rest after, so that a redirect built from the path can never start with "//".
  let url: URL;
  let pathname: string;
  try {
    url = new URL((req.url ?? "/").replace(/^[/\\]+/, "/"), "http://localhost");
    url.pathname = url.pathname.replace(/\/{2,}/g, "/");
    pathname = decodeURIComponent(url.pathname).replace(/\/{2,}/g, "/");
  } catch {
    return notFound(root, req, res);
  }
  // The bare base without its slash, and "/" when the site lives under a sub-path.
  if (base !== "/" && (pathname === base.slice(0, -1) || pathname === "/"))
    return redirect(res, base + url.search);
  if (!pathname.startsWith(base)) return notFound(root, req, res);

  const relative = pathname.slice(base.length);
  const file = resolve(root, relative);
  if (file !== root && !file.startsWith(root + sep)) return notFound(root, req, res);

  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!pathname.endsWith("/")) return redirect(res, `${url.pathname}/${url.search}`);
    const index = join(file, "index.html");
    const indexInfo = await stat(index).catch(() => undefined);
    if (indexInfo?.isFile()) return sendFile(req, res, index, indexInfo.size, 200);
    return notFound(root, req, res);
  }
  if (info?.isFile()) return sendFile(req, res, file, info.size, 200);
  return notFound(root, req, res);
}

/** The request's path as nginx's $uri has it: decoded, slashes merged ("/" when unreadable). */
function uriOf(req: IncomingMessage): string {
  try {
    const { pathname } = new URL((req.url ?? "/").replace(/^[/\\]+/, "/"), "http://localhost");
    return decodeURIComponent(pathname).replace(/\/{2,}/g, "/");
  } catch {
    return "/";
  }
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { location, "content-type": "text/plain; charset=utf-8" });
  res.end(`moved to ${location}\n`);
}

async function notFound(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const page = join(root, "404.html");
  const info = await stat(page).catch(() => undefined);
  if (info?.isFile()) return sendFile(req, res, page, info.size, 404);
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  res.end(req.method === "HEAD" ? undefined : "404 not found\n");
}

function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  size: number,
  status: number,
): Promise<void> {
  res.writeHead(status, { "content-type": mimeType(file), "content-length": size });
  if (req.method === "HEAD") {
    res.end();
    return Promise.resolve();
  }
  return new Promise((done, fail) => {
    const stream = createReadStream(file);
    stream.on("error", (error) => {
      res.destroy(error);
      fail(error);
    });
    stream.on("end", () => done());
    stream.pipe(res);
  });
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, "..", "..", "dist");
  if (!existsSync(join(root, "index.html"))) {
    console.error(`No built site in ${root}: run npm run build first (npm start builds and serves).`);
    process.exit(1);
  }
  const port = Number(process.env.PORT || 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
    process.exit(1);
  }
  try {
    const server = await startServer({ root, port, base: process.env.BASE_PATH });
    console.log(`Serving dist/ at ${server.url}  (Ctrl+C to stop)`);
    const stop = () => {
      void server.close().finally(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    console.error(
      e.code === "EADDRINUSE"
        ? `Port ${port} is in use: set PORT to another port (PORT=4322 npm run preview)`
        : e.message,
    );
    process.exit(1);
  }
}
