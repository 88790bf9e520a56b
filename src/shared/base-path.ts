/**
 * The site's base path (BASE_PATH, see README) in its one canonical form. Pure, with no
 * import.meta.env, so that the build's plugins, the scripts (server, link check, nginx
 * configuration) and the tests all read BASE_PATH the same way.
 */

/** "/", "zlyda", "/zlyda" and "/zlyda/" → "/" or "/zlyda/"; unset → "/". */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? "/").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}
