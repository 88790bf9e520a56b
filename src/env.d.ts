/**
 * For tools that read the TypeScript project without Astro's language plugin (typed ESLint): an
 * import of a .astro file is an Astro component. astro check resolves the real component types.
 */
declare module "*.astro" {
  const Component: import("astro/runtime/server/index.js").AstroComponentFactory;
  export default Component;
}
