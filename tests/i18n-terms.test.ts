import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// English keeps the programme's own word "opgave(n)": it is on every tag, in
// the addresses (/opgaven) and in what Dutch colleagues say; a translated
// "policy task" next to it made two words for one thing.

type Catalog = { [key: string]: string | Catalog };

function strings(node: Catalog, prefix = ""): [string, string][] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : strings(value, `${prefix}${key}.`),
  );
}

const en = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "lib", "i18n", "messages", "en.json"), "utf8")) as Catalog;

describe("the English catalog", () => {
  it("says opgave, never policy task", () => {
    const mixed = strings(en).filter(([, text]) => /policy[\s-]+tasks?/i.test(text));
    expect(mixed).toEqual([]);
  });

  it("names the opgaven pages with the programme's word", () => {
    const values = new Map(strings(en));
    expect(values.get("taxonomy.opgaven.title")).toBe("Opgaven");
  });
});
