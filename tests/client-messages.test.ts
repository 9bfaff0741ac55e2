import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_CLIENT_NAMESPACES, adminClientMessages, CLIENT_NAMESPACES, clientMessages, pickMessages } from "@/lib/i18n/client-messages";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib"];
const LIST = "CLIENT_NAMESPACES in lib/i18n/client-messages.ts";
const ADMIN_LIST = "ADMIN_CLIENT_NAMESPACES in lib/i18n/client-messages.ts";
const ALL_NAMESPACES: readonly string[] = [...CLIENT_NAMESPACES, ...ADMIN_CLIENT_NAMESPACES];
/** Only these files get the admin namespaces (app/(beheer)/layout.tsx). */
const isAdminFile = (file: string) => file.startsWith("app/(beheer)/");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || full === path.join(ROOT, "lib/generated")) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
const text = new Map(files.map((file) => [file, readFileSync(file, "utf8")]));
const relative = (file: string) => path.relative(ROOT, file);

/** Whether the module starts with the "use client" directive (after comments). */
function isClientEntry(source: string): boolean {
  return /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["']/.test(source);
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
  return candidates.find((candidate) => text.has(candidate)) ?? (existsSync(base) && text.has(base) ? base : null);
}

/** The modules a file pulls into the browser bundle with it (type-only imports bring no code). */
function codeImports(file: string): string[] {
  const source = text.get(file)!;
  const specifiers = [
    ...source.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'"`;]*?from\s*["']([^"']+)["']/g),
    ...source.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']/g),
    ...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers.map((specifier) => resolveImport(file, specifier)).filter((resolved): resolved is string => resolved !== null);
}

/** Every module that runs in the browser: "use client" modules and everything they import. */
function clientModules(): Set<string> {
  const found = new Set<string>();
  const queue = files.filter((file) => isClientEntry(text.get(file)!));
  while (queue.length) {
    const file = queue.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    queue.push(...codeImports(file));
  }
  return found;
}

type Use = { file: string; namespace: string };
const clientFiles = clientModules();
const uses: Use[] = [];
const problems: string[] = [];
for (const file of clientFiles) {
  const source = text.get(file)!;
  for (const match of source.matchAll(/\buseTranslations\s*\(([^)]*)\)/g)) {
    const argument = match[1]!.trim();
    const literal = /^(["'])([^"'`$]+)\1$/.exec(argument);
    if (literal) uses.push({ file: relative(file), namespace: literal[2]! });
    else if (argument === "")
      problems.push(
        `${relative(file)}: useTranslations() without a namespace: pass the namespace the component uses, e.g. useTranslations("signIn")`,
      );
    else problems.push(`${relative(file)}: useTranslations(${argument}) with a namespace built at runtime: pass a literal namespace`);
  }
  if (/\buseMessages\s*\(/.test(source))
    problems.push(`${relative(file)}: useMessages() sees only ${LIST}: read the messages on the server and pass them as props`);
}

const covers = (entry: string, namespace: string) => namespace === entry || namespace.startsWith(`${entry}.`);

function lookup(catalog: unknown, dotted: string): unknown {
  return dotted
    .split(".")
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), catalog);
}

describe("the messages client components get (lib/i18n/client-messages.ts)", () => {
  it("finds the client components", () => {
    expect(clientFiles.has(path.join(ROOT, "app/error.tsx"))).toBe(true);
    // A module without the directive runs in the browser when a client component imports it.
    expect(clientFiles.has(path.join(ROOT, "components/form/password-rules.tsx"))).toBe(true);
    expect(clientFiles.has(path.join(ROOT, "app/layout.tsx"))).toBe(false);
    expect(uses.length).toBeGreaterThan(50);
  });

  it("asks for messages by a literal namespace only", () => {
    expect(problems).toEqual([]);
  });

  it("covers every namespace a client component asks for", () => {
    const lists = (file: string): readonly string[] => (isAdminFile(file) ? ALL_NAMESPACES : CLIENT_NAMESPACES);
    const missing = uses
      .filter((use) => !lists(use.file).some((entry) => covers(entry, use.namespace)))
      .map((use) =>
        ADMIN_CLIENT_NAMESPACES.some((entry) => covers(entry, use.namespace))
          ? `${use.file}: useTranslations("${use.namespace}") is an admin namespace, sent on app/(beheer)/ pages only: add it to ${LIST} or use it there`
          : `${use.file}: useTranslations("${use.namespace}"): add "${use.namespace}" to ${isAdminFile(use.file) ? ADMIN_LIST : LIST}`,
      );
    expect([...new Set(missing)]).toEqual([]);
  });

  it("sends no namespace no client component asks for, and none wider than asked", () => {
    const unneeded = ALL_NAMESPACES.flatMap((entry) => {
      const admin = (ADMIN_CLIENT_NAMESPACES as readonly string[]).includes(entry);
      const inside = uses.filter((use) => covers(entry, use.namespace));
      if (!inside.length) return [`"${entry}" in ${admin ? ADMIN_LIST : LIST}: no client component uses it; remove it`];
      if (!admin && inside.every((use) => isAdminFile(use.file)))
        return [`"${entry}" in ${LIST}: only admin pages use it; move it to ${ADMIN_LIST}`];
      if (inside.some((use) => use.namespace === entry)) return [];
      const asked = [...new Set(inside.map((use) => use.namespace))].join('", "');
      return [`"${entry}" in ${LIST}: client components ask only for "${asked}"; list those instead`];
    });
    expect(unneeded).toEqual([]);
  });

  it("lists each namespace once, none inside another, each in both catalogs", () => {
    const nested = ALL_NAMESPACES.filter((entry) => ALL_NAMESPACES.some((other) => other !== entry && covers(other, entry)));
    expect(nested).toEqual([]);
    expect(new Set(ALL_NAMESPACES).size).toBe(ALL_NAMESPACES.length);
    for (const catalog of [nl, en]) expect(ALL_NAMESPACES.filter((entry) => lookup(catalog, entry) === undefined)).toEqual([]);
  });

  it("picks nested paths precisely, without touching the catalog", () => {
    const catalog = { a: { b: { c: "1" }, d: "2" }, e: "3", f: { g: "4" } };
    const before = JSON.stringify(catalog);
    expect(pickMessages(catalog, ["a.b", "e", "missing.path"])).toEqual({ a: { b: { c: "1" } }, e: "3" });
    expect(pickMessages(catalog, ["f", "f.g"])).toEqual({ f: { g: "4" } });
    expect(JSON.stringify(catalog)).toBe(before);
  });

  it("sends the browser less than the whole catalog, the same keys in both languages", () => {
    const picked = clientMessages(nl);
    expect(clientMessages(nl)).toBe(picked);
    // Server-only namespaces (pages, emails, notifications' texts) stay on the server.
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(nl).length * 0.6);
    // The admin pages get the portal's namespaces and their own; the portal's pages never the admin ones.
    expect(adminClientMessages(nl)).toMatchObject(picked);
    expect(lookup(picked, "audit")).toBeUndefined();
    expect(lookup(adminClientMessages(nl), "audit")).toEqual(nl.audit);
    expect(lookup(picked, "errors")).toEqual(nl.errors);
    expect(lookup(picked, "homeLatest")).toBeUndefined();
    const keys = (node: unknown, prefix = ""): string[] =>
      node && typeof node === "object" ? Object.entries(node).flatMap(([key, value]) => keys(value, `${prefix}${key}.`)) : [prefix];
    expect(keys(clientMessages(en)).sort()).toEqual(keys(picked).sort());
  });
});
