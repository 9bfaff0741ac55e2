// js-yaml comes with ESLint (@eslint/eslintrc) and ships no types; this is the part the tests use.
declare module "js-yaml" {
  export function load(text: string, options?: { filename?: string; json?: boolean }): unknown;
}
