/**
 * The local static server (scripts/serve/serve.ts, npm run preview): what it answers for the paths a
 * static host must get right. Requests are sent with raw paths (http.request), so nothing
 * normalises them on the way.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startServer, type RunningServer } from "../../../scripts/serve/serve.ts";
import { renderNginxConf, PRODUCTION } from "../../../scripts/serve/nginx-conf.ts";

interface Answer {
  status: number;
  location?: string | undefined;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function get(server: RunningServer, path: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (d: string) => (body += d));
      res.on("end", () =>
        done({ status: res.statusCode ?? 0, location: res.headers.location, body, headers: res.headers }),
      );
    });
    req.on("error", fail);
    req.end();
  });
}

let dir: string;
const servers: RunningServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "zly-serve-"));
  writeFileSync(join(dir, "index.html"), "home");
  writeFileSync(join(dir, "404.html"), "missing");
  mkdirSync(join(dir, "2022", "hainan"), { recursive: true });
  writeFileSync(join(dir, "2022", "hainan", "index.html"), "hainan");
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function serve(base?: string): Promise<RunningServer> {
  const server = await startServer({ root: dir, port: 0, base });
  servers.push(server);
  return server;
}

describe("serve.ts at the root", () => {
  test.each([
    ["/", 200, "home"],
    ["/2022/hainan/", 200, "hainan"],
    ["/nothing/", 404, "missing"],
    ["/%E0%A4%A", 404, "missing"],
    ["/../../etc/passwd", 404, "missing"],
    ["/2022/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 404, "missing"],
  ])("%s → %i", async (path, status, body) => {
    const answer = await get(await serve(), path);
    expect(answer.status).toBe(status);
    expect(answer.body).toBe(body);
  });

  test("repeated slashes count as one, as in nginx (not a host, not an error)", async () => {
    const server = await serve();
    expect(await get(server, "//")).toMatchObject({ status: 200, body: "home" });
    expect(await get(server, "//2022//hainan/")).toMatchObject({ status: 200, body: "hainan" });
    expect(await get(server, "//example.com/")).toMatchObject({ status: 404, body: "missing" });
    expect(await get(server, "/\\example.com/")).toMatchObject({ status: 404, body: "missing" });
    expect(await get(server, "/\\")).toMatchObject({ status: 200, body: "home" });
  });

  test("a redirect never leaves the site, however the path was written", async () => {
    const server = await serve();
    for (const path of ["/.//2022/hainan", "/x/..//2022/hainan", "/%2E//2022/hainan", "/2022//hainan"])
      expect(await get(server, path), path).toMatchObject({ status: 301, location: "/2022/hainan/" });
  });

  test("a directory without its trailing slash is redirected to it, query kept", async () => {
    const answer = await get(await serve(), "/2022/hainan?hl=%E8%B4%A8%E9%87%8F");
    expect(answer.status).toBe(301);
    expect(answer.location).toBe("/2022/hainan/?hl=%E8%B4%A8%E9%87%8F");
  });
});

describe("serve.ts under a sub-path", () => {
  test("the site is under the base; the bare base and / are redirected to it", async () => {
    const server = await serve("/zlyda/");
    expect(await get(server, "/zlyda/2022/hainan/")).toMatchObject({ status: 200, body: "hainan" });
    expect(await get(server, "/zlyda")).toMatchObject({ status: 301, location: "/zlyda/" });
    expect(await get(server, "/")).toMatchObject({ status: 301, location: "/zlyda/" });
    expect(await get(server, "/2022/hainan/")).toMatchObject({ status: 404 });
  });
});

describe("the production headers (npm start)", () => {
  /** The add_header value deploy/nginx.conf gives, read here with a plain pattern. */
  const conf = renderNginxConf({ ...PRODUCTION, base: "/" });
  const csp = /add_header Content-Security-Policy "([^"]*)\$zly_frame_ancestors" always;/.exec(conf)![1]!;

  test("every response carries the strict CSP and the security headers of deploy/nginx.conf", async () => {
    const server = await serve();
    for (const path of ["/", "/2022/hainan/", "/missing/"]) {
      const { headers } = await get(server, path);
      expect(headers["content-security-policy"], path).toBe(`${csp}'none'`);
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toMatch(/camera=\(\)/);
      expect(headers["cache-control"], path).toBe("no-cache");
      expect(headers["access-control-allow-origin"], path).toBeUndefined();
    }
  });

  test("the embeddable card may be framed and the open data read cross-origin, under the base path", async () => {
    const server = await serve("/zlyda/");
    const card = (await get(server, "/zlyda/embed/latest/")).headers;
    expect(card["content-security-policy"]).toContain("frame-ancestors *");
    expect(card["x-frame-options"]).toBeUndefined();
    expect((await get(server, "/zlyda/api/notices.json")).headers["access-control-allow-origin"]).toBe("*");
    expect((await get(server, "/zlyda/")).headers["content-security-policy"]).toContain(
      "frame-ancestors 'none'",
    );
  });
});
