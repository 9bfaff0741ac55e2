/**
 * One formatting for the whole tree (`npm run format`); `npm test` checks it.
 * Imports are sorted in groups: Node's own, packages, then the project's.
 * @type {import("prettier").Config}
 */
const config = {
  printWidth: 140,
  plugins: ["@ianvs/prettier-plugin-sort-imports"],
  importOrder: ["<BUILTIN_MODULES>", "<THIRD_PARTY_MODULES>", "^@/(.*)$", "^[./]"],
  importOrderTypeScriptVersion: "5.9.0",
};

export default config;
