import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../../extension/src/adapters/normalize-text.ts";

describe("normalizeText", () => {
  it("folds case and accents, collapses blanks", () => {
    expect(normalizeText("  Date  de\u00a0naissance :")).toBe("date de naissance :");
    expect(normalizeText("PRÉNOM")).toBe("prenom");
    expect(normalizeText("Pre\u0301nom")).toBe("prenom");
    expect(normalizeText("Date d’admission")).toBe("date d'admission");
    expect(normalizeText("Straße Œuvre")).toBe("strasse oeuvre");
    expect(normalizeText("\u0130NSZ")).toBe("insz");
    expect(normalizeText("Pays – résidence °")).toBe("pays – residence °");
  });

  it("gives the same text for NFC and NFD, upper and lower case", () => {
    const latin = fc.string({
      unit: fc.constantFrom(..."aeiouAEIOUéèêëàäöüçñÉÀÖÜß -'"),
      maxLength: 30,
    });
    fc.assert(
      fc.property(latin, (text) => {
        const once = normalizeText(text);
        expect(normalizeText(text.normalize("NFD"))).toBe(once);
        expect(normalizeText(text.toUpperCase())).toBe(once);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
