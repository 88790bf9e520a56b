/**
 * Serves a built site with real nginx (Debian's package) and deploy/nginx.conf, for the tests:
 * rendered for a free loopback port, the site's base path, and a private runtime directory under
 * .tmp/ (pid, logs, temporary files), as a non-daemon child process of this one.
 *
 *   node scripts/serve/nginx.ts [dir] [--base /zlyda/]      serve a build until Ctrl+C
 *
 * Needs /usr/sbin/nginx and the brotli_static module (apt-get install nginx
 * libnginx-mod-http-brotli-static; .ci/run installs them when missing).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, Socket } from "node:net";
import { dirname, join, resolve } from "node:path";
import { BROTLI_MODULE, nginxBase, renderNginxConf } from "./nginx-conf.ts";

export const NGINX = "/usr/sbin/nginx";
const root = resolve(import.meta.dirname, "..", "..");

export interface RunningNginx {
  /** URL of the site's root, ending in "/" (includes the base path). */
  url: string;
  port: number;
  /** The rendered configuration nginx runs with. */
  config: string;
  /** The runtime directory (config, logs, temp files). */
  runtime: string;
  /** nginx's error log so far (read it before stop(), which removes the runtime directory). */
  errorLog: () => string;
  stop: () => Promise<void>;
}

export interface NginxOptions {
  /** The built site. */
  dist: string;
  /** Base path the site was built for. */
  base?: string | undefined;
  /** 0 (default): a free port. */
  port?: number;
  /** Runtime directory; default .tmp/nginx-{port}. */
  runtime?: string;
}

/** Why nginx cannot run here, or undefined when it can. */
export function nginxMissing(): string | undefined {
  if (!existsSync(NGINX))
    return `${NGINX} is missing: sudo apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-static`;
  if (!existsSync(BROTLI_MODULE))
    return `the brotli_static module (${BROTLI_MODULE}) is missing: sudo apt-get install -y libnginx-mod-http-brotli-static`;
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, errorLog: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}) on start:\n${errorLog()}`);
    const ok = await new Promise<boolean>((done) => {
      const socket = new Socket();
      socket.once("connect", () => {
        socket.destroy();
        done(true);
      });
      socket.once("error", () => done(false));
      socket.connect(port, "127.0.0.1");
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on port ${port} within 15 s:\n${errorLog()}`);
}

export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const missing = nginxMissing();
  if (missing) throw new Error(missing);
  const dist = resolve(options.dist);
  if (!existsSync(join(dist, "index.html"))) throw new Error(`no built site in ${dist}`);
  const base = nginxBase(options.base);
  const port = options.port || (await freePort());
  const runtime = resolve(options.runtime ?? join(root, ".tmp", `nginx-${port}`));
  await rm(runtime, { recursive: true, force: true });
  await mkdir(join(runtime, "temp"), { recursive: true });
  await mkdir(join(runtime, "logs"), { recursive: true });

  // The document root holds the site at the base path: www/zlyda → dist (a symlink), or the
  // site itself for base "/".
  let docRoot = dist;
  if (base !== "/") {
    docRoot = join(runtime, "www");
    const at = join(docRoot, base.slice(1, -1));
    await mkdir(dirname(at), { recursive: true });
    await symlink(dist, at, "dir");
  }
  const errorLogFile = join(runtime, "logs", "error.log");
  const config = renderNginxConf({
    listen: `127.0.0.1:${port}`,
    serverName: "localhost",
    root: docRoot,
    base,
    pid: join(runtime, "nginx.pid"),
    errorLog: errorLogFile,
    accessLog: join(runtime, "logs", "access.log"),
    tempDir: join(runtime, "temp"),
    brotliModule: BROTLI_MODULE,
  });
  const configFile = join(runtime, "nginx.conf");
  await writeFile(configFile, config);
  const errorLog = () => (existsSync(errorLogFile) ? readFileSync(errorLogFile, "utf8") : "");

  // -e: the error log before the configuration is read (not /var/log/nginx); -p: prefix.
  const baseArgs = ["-p", runtime, "-e", errorLogFile, "-c", configFile];
  const test = spawnSync(NGINX, [...baseArgs, "-t", "-q"], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx -t rejects the configuration:\n${test.stderr}${errorLog()}`);

  const child = spawn(NGINX, [...baseArgs, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  await waitForPort(port, child, errorLog);

  const exited = new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once("exit", () => done());
  });
  return {
    url: `http://127.0.0.1:${port}${base}`,
    port,
    config,
    runtime,
    errorLog,
    stop: async () => {
      // SIGQUIT: graceful shutdown (workers finish their requests), then wait for the exit.
      child.kill("SIGQUIT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
      // The runtime directory (config, logs, temp files) goes with the server.
      await rm(runtime, { recursive: true, force: true });
    },
  };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const i = args.indexOf("--base");
  const base = i >= 0 ? args.splice(i, 2)[1] : process.env.BASE_PATH;
  const dist = args[0] ?? join(root, "dist");
  const server = await startNginx({ dist, base, port: Number(process.env.PORT || 0) });
  console.log(`nginx serves ${dist} at ${server.url}  (Ctrl+C to stop; runtime in ${server.runtime})`);
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
