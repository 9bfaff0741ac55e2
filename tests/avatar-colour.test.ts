import { describe, expect, it } from "vitest";
import { AVATAR_PALETTE, colourForName, contrastRatio, initialsOf } from "@/lib/people/avatar-colour";

describe("the initials avatar", () => {
  it("has only background colours with at least 4.5:1 contrast against white initials", () => {
    expect(AVATAR_PALETTE.length).toBeGreaterThanOrEqual(8);
    for (const colour of AVATAR_PALETTE) expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("computes WCAG contrast ratios (black on white is 21:1, a colour with itself 1:1)", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#1d4ed8", "#1d4ed8")).toBe(1);
  });

  it("gives the same name the same colour every time, whatever its spacing or case", () => {
    const colour = colourForName("Fatima El Idrissi");
    expect(AVATAR_PALETTE).toContain(colour);
    expect(colourForName("Fatima El Idrissi")).toBe(colour);
    expect(colourForName("  fatima   el idrissi ")).toBe(colour);
  });

  it("spreads different names over several colours", () => {
    const names = [
      "Anna de Vries",
      "Bram Jansen",
      "Cor Bakker",
      "Dewi Pranoto",
      "Eva Visser",
      "Fatima El Idrissi",
      "Gerrit Smit",
      "Hana Yilmaz",
    ];
    expect(new Set(names.map(colourForName)).size).toBeGreaterThanOrEqual(4);
  });

  it("takes the initials of the first and last word that start with a letter", () => {
    expect(initialsOf("Fatima El Idrissi (demo)")).toBe("FI");
    expect(initialsOf("anna")).toBe("A");
    expect(initialsOf("Éva van 't Hof")).toBe("ÉH");
    expect(initialsOf("  ")).toBe("?");
    expect(initialsOf("(test) 123")).toBe("?");
  });
});
