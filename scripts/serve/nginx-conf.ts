/**
 * Renders deploy/nginx.conf (a template) into a finished nginx.conf: the listen address, server
 * name, document root, the site's base path, and where nginx keeps its pid, logs and temporary
 * files. Production values by default; the tests pass their own (scripts/serve/nginx.ts).
 *
 *   node scripts/serve/nginx-conf.ts [--root DIR] [--base /zlyda/] [--listen 80] [--server-name NAME]
 *                              [--no-brotli]        > /etc/nginx/nginx.conf
 *
 * `--root` is the directory that holds the site at the base path: with --base /zlyda/ the built
 * dist/ goes to {root}/zlyda/; with the default base "/", dist/'s contents go to {root} itself.
 * `--base` defaults to BASE_PATH, like the build.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { normalizeBase } from "../../src/shared/base-path.ts";

export const TEMPLATE = resolve(import.meta.dirname, "..", "..", "deploy", "nginx.conf");
/** Debian's ngx_brotli static module (libnginx-mod-http-brotli-static). */
export const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

export interface NginxConfOptions {
  /** `listen` value: a port, or address:port. */
  listen: string;
  serverName: string;
  /** Directory holding the site at the base path. */
  root: string;
  /** Base path the site was built for: "/" or "/zlyda/". */
  base: string;
  pid: string;
  errorLog: string;
  accessLog: string;
  /** Directory for nginx's temporary files (request bodies …). */
  tempDir: string;
  /** Worker user (when nginx starts as root), or undefined to keep nginx's default. */
  user?: string | undefined;
  /** Path of the brotli_static module, or false to leave brotli out. */
  brotliModule?: string | false | undefined;
}

export const PRODUCTION: NginxConfOptions = {
  listen: "80",
  serverName: "_",
  root: "/srv/zhiliangyue",
  base: "/",
  pid: "/run/nginx.pid",
  errorLog: "/var/log/nginx/error.log",
  accessLog: "/var/log/nginx/access.log",
  tempDir: "/var/lib/nginx",
  user: "www-data",
  brotliModule: BROTLI_MODULE,
};

/** The base path as nginx's location blocks need it: "/" or "/zlyda/", a plain URL path. */
export function nginxBase(base: string | undefined): string {
  const normalized = normalizeBase(base);
  if (!/^[A-Za-z0-9._~\-/]*$/.test(normalized))
    throw new Error(`BASE_PATH must be a plain URL path (letters, digits, - . _ ~ /), got ${base}`);
  return normalized;
}

export function renderNginxConf(
  options: NginxConfOptions,
  template = readFileSync(TEMPLATE, "utf8"),
): string {
  const base = nginxBase(options.base);
  const baseRe = base.replace(/[.\\+*?[^\]$(){}=!<>|:-]/g, "\\$&");
  const redirects =
    base === "/"
      ? ""
      : [
          `    # The site lives under ${base}: the host's root and the bare ${base.slice(0, -1)} lead to it;`,
          `    # anything else outside it is the site's 404 page.`,
          `    location = / {`,
          `      return 301 ${base};`,
          `    }`,
          `    location = ${base.slice(0, -1)} {`,
          `      return 301 ${base};`,
          `    }`,
          `    location / {`,
          `      return 404;`,
          `    }`,
          ``,
        ].join("\n");
  const values: Record<string, string> = {
    LOAD_BROTLI: options.brotliModule
      ? `load_module ${options.brotliModule};`
      : "# (brotli_static not loaded)",
    USER: options.user ? `user ${options.user};` : "# (workers run as nginx's default user)",
    PID: options.pid,
    ERROR_LOG: options.errorLog,
    ACCESS_LOG: options.accessLog,
    TEMP: options.tempDir,
    LISTEN: options.listen,
    SERVER_NAME: options.serverName,
    ROOT: options.root,
    BASE: base,
    BASE_RE: baseRe,
    BASE_REDIRECTS: redirects,
  };
  let out = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`deploy/nginx.conf: unknown placeholder ${whole}`);
    return value;
  });
  if (!options.brotliModule) out = out.replace(/^\s*brotli_static on;\n/m, "");
  return out;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const options: NginxConfOptions = {
    ...PRODUCTION,
    root: value("--root") ?? PRODUCTION.root,
    base: value("--base") ?? process.env.BASE_PATH ?? "/",
    listen: value("--listen") ?? PRODUCTION.listen,
    serverName: value("--server-name") ?? PRODUCTION.serverName,
    ...(args.includes("--no-brotli") ? { brotliModule: false } : {}),
  };
  process.stdout.write(renderNginxConf(options));
}
