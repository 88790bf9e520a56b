/**
 * The response headers production sends, read from deploy/nginx.conf itself — its add_header
 * lines and the `map $uri` blocks they use — so that `npm start` (scripts/serve/serve.ts) sends
 * exactly what nginx sends: the Content-Security-Policy, X-Frame-Options (none for the
 * embeddable cards), nosniff, Referrer-Policy, Permissions-Policy, Cache-Control and the CORS
 * header of the open data. One definition: change a header in deploy/nginx.conf and both follow.
 */
import { PRODUCTION, renderNginxConf } from "./nginx-conf.ts";

interface HeaderRule {
  name: string;
  /** The value, with `$variable`s to look up in the maps. */
  value: string;
}

/** map $uri $name { ~regex "value"; … default "value"; }: the first regex that matches wins. */
type UriMap = { pattern: RegExp | undefined; value: string }[];

const unquote = (s: string) => (s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);

/** The headers of a path, from the nginx configuration rendered for `base`. */
export function nginxHeaders(base: string): (uri: string) => Record<string, string> {
  const conf = renderNginxConf({ ...PRODUCTION, base });
  const maps = new Map<string, UriMap>();
  for (const m of conf.matchAll(/map \$uri \$(\w+) \{\n([\s\S]*?)\n\s*\}/g)) {
    const entries: UriMap = [];
    for (const line of m[2]!.split("\n")) {
      const entry = /^\s*(\S+)\s+("[^"]*"|\S+);\s*$/.exec(line);
      if (!entry) continue;
      const [, key, value] = entry;
      entries.push({
        pattern: key === "default" ? undefined : new RegExp(key!.replace(/^~/, "")),
        value: unquote(value!),
      });
    }
    maps.set(m[1]!, entries);
  }
  const rules: HeaderRule[] = [...conf.matchAll(/^\s*add_header\s+(\S+)\s+("[^"]*"|\S+)\s+always;/gm)].map(
    (m) => ({ name: m[1]!.toLowerCase(), value: unquote(m[2]!) }),
  );
  if (!rules.some((r) => r.name === "content-security-policy"))
    throw new Error("deploy/nginx.conf: no add_header Content-Security-Policy found");
  const lookup = (name: string, uri: string) => {
    const map = maps.get(name);
    if (!map) throw new Error(`deploy/nginx.conf: add_header uses $${name}, which no map defines`);
    return map.find((e) => e.pattern === undefined || e.pattern.test(uri))?.value ?? "";
  };
  return (uri) => {
    const headers: Record<string, string> = {};
    for (const rule of rules) {
      const value = rule.value.replace(/\$(\w+)/g, (_, name: string) => lookup(name, uri));
      // nginx sends no header whose value is empty.
      if (value) headers[rule.name] = value;
    }
    return headers;
  };
}
