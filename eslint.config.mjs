import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

/**
 * Next.js's own rules (React, hooks, accessibility, Core Web Vitals) with
 * TypeScript's, plus a few of this codebase's habits. `npm test` runs it.
 */
export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", "data/**", ".test-reports/**", "test-results/**", "next-env.d.ts"]),
  {
    rules: {
      // Unused names are a bug, except the `_name` that says "deliberately ignored".
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      // Server logs go through console.info/warn/error; a stray console.log is debugging left behind.
      "no-console": ["error", { allow: ["info", "warn", "error"] }],
      eqeqeq: ["error", "smart"],
      // Images are uploads, re-encoded on upload and served by /beelden; the image optimizer is off (next.config.ts).
      "@next/next/no-img-element": "off",
      "prefer-const": "error",
    },
  },
  {
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    rules: { "import/no-duplicates": "error" },
  },
  {
    // Command-line scripts, tests and the launcher talk to a terminal.
    files: ["scripts/**", "tests/**", "e2e/**", "lib/postgres/**", "lib/seed/**", "instrumentation.ts", "*.config.ts"],
    rules: { "no-console": "off" },
  },
  {
    // Playwright's fixtures call `use()` and test helpers may be named use…: neither is a React hook.
    files: ["tests/**", "e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off", "react/no-children-prop": "off" },
  },
]);
