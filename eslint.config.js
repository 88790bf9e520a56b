// @ts-check
/**
 * ESLint: typed rules for TypeScript (the project's tsconfig through the project service) and the
 * Astro plugin for components and pages. `npm run check` runs it beside astro check, Prettier
 * and knip.
 */
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import globals from "globals";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: [
      "dist/",
      "dist.previous/",
      "dist.incoming/",
      ".astro/",
      ".tmp/",
      "node_modules/",
      "tests/fixtures/",
      "public/pagefind/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // catch (e) in the public scripts: they keep to syntax old phone browsers parse.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { caughtErrors: "none", argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // Chinese text in templates and strings uses the ideographic space (U+3000).
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true, skipJSXText: true }],
    },
  },
  {
    // Tests read JSON (JSON.parse gives any) and use Vitest's asymmetric matchers (typed any).
    files: ["tests/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
    },
  },
  {
    // Markup in an Astro template has no type for the parser (it reads as any): returning it
    // from a .map() callback is not an unsafe return.
    files: ["**/*.astro"],
    languageOptions: { parserOptions: { projectService: false, project: "./tsconfig.json" } },
    rules: { "@typescript-eslint/no-unsafe-return": "off" },
  },
  {
    // Plain JavaScript outside the TypeScript project (public/ scripts, configs): untyped rules.
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // public/ scripts are served as written, in the ES5 style old phone browsers run: they give
    // variables a safe first value before a try that may not assign one.
    files: ["public/**/*.js"],
    rules: { "no-useless-assignment": "off" },
  },
);
