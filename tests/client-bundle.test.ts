import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH } from "@/lib/accounts/schema";
import { COMMENT_BODY_MAX, COMMENTS_PER_PAGE } from "@/lib/comments/limits";
import * as commentSchema from "@/lib/comments/schema";
import { PASSWORD_MIN_LENGTH as CLIENT_PASSWORD_MIN_LENGTH } from "@/lib/password-policy";

// zod v4 probes `new Function("")` when it parses in the browser, which the
// page CSP (no 'unsafe-eval') reports on every page: no client module may load it.

const root = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib"];
const FORBIDDEN = (specifier: string) => specifier === "zod" || specifier.startsWith("zod/");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" || name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The module's leading directive ("use client", "use server"), if any. */
function directive(source: string): string | null {
  const file = ts.createSourceFile("x.tsx", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const first = file.statements[0];
  return first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) ? first.expression.text : null;
}

/**
 * The modules a file loads at run time: compiled as the bundler does
 * (isolated modules), so imports used only as types are gone.
 */
function runtimeImports(file: string): string[] {
  const output = ts.transpileModule(readFileSync(file, "utf8"), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX, isolatedModules: true },
  }).outputText;
  return ts.preProcessFile(output, true, true).importedFiles.map((imported) => imported.fileName);
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every chain of runtime imports from `start` that reaches a forbidden package. */
function forbiddenChains(start: string): string[] {
  const chains: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      const next = [...chain, specifier];
      if (FORBIDDEN(specifier)) chains.push(next.join(" → "));
      const local = resolveLocal(file, specifier);
      if (!local || !/\.(ts|tsx)$/.test(local)) continue;
      // The client gets only a reference to a server action, never the module's code.
      if (directive(readFileSync(local, "utf8")) === "use server") continue;
      visit(local, next);
    }
  };
  visit(start, [path.relative(root, start)]);
  return chains;
}

const clientModules = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir))).filter(
  (file) => directive(readFileSync(file, "utf8")) === "use client",
);

describe("client bundles", () => {
  it("finds the client components", () => {
    const names = clientModules.map((file) => path.relative(root, file));
    expect(names).toContain("components/comments/comment-form.tsx");
    expect(names).toContain("app/(portal)/updates/updates-table.tsx");
    expect(names.length).toBeGreaterThan(20);
  });

  it("sees zod behind a chain of imports, but not behind a type-only import or a server action", () => {
    expect(forbiddenChains(path.join(root, "lib/updates/table-params.ts"))).toEqual(["lib/updates/table-params.ts → zod"]);
    expect(forbiddenChains(path.join(root, "lib/comments/service.ts")).some((chain) => chain.includes("./schema → zod"))).toBe(true);
    expect(forbiddenChains(path.join(root, "lib/updates/table-query.ts"))).toEqual([]);
    expect(forbiddenChains(path.join(root, "components/follows/follow-toggle.tsx"))).toEqual([]);
  });

  it("no client module loads zod at run time (type-only imports are fine)", () => {
    const chains = clientModules.flatMap(forbiddenChains);
    expect(chains).toEqual([]);
  });

  it("the zod-free copies of limits agree with the schemas", () => {
    expect(CLIENT_PASSWORD_MIN_LENGTH).toBe(PASSWORD_MIN_LENGTH);
    expect(commentSchema.COMMENT_BODY_MAX).toBe(COMMENT_BODY_MAX);
    expect(commentSchema.COMMENTS_PER_PAGE).toBe(COMMENTS_PER_PAGE);
    expect(
      commentSchema.postCommentSchema.safeParse({ updateId: "u", body: "x".repeat(COMMENT_BODY_MAX + 1), clientKey: "abcdefgh" }).success,
    ).toBe(false);
  });
});
