import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeLabel } from "../../../extension/src/adapters/normalize-text.ts";

// The definition for ASCII text, spelled out: blanks collapsed, lower case, no trailing
// colon/asterisk, nothing longer than a label (normalize-text.ts has a fast path for it).
function reference(text: string, maxLength: number): string | undefined {
  const collapsed = text
    .replace(/[\0-\x20]+/g, " ")
    .trim()
    .toLowerCase();
  if (collapsed.length > maxLength + 2) return undefined;
  const result = collapsed.replace(/[:* ]+$/, "");
  return result.length > maxLength ? undefined : result;
}

describe("normalizeLabel", () => {
  it("folds case, accents and spaces, and drops a trailing colon", () => {
    expect(normalizeLabel("  Date  de\u00a0naissance :")).toBe("date de naissance");
    expect(normalizeLabel("PRÉNOM*")).toBe("prenom");
    expect(normalizeLabel("Pre\u0301nom")).toBe("prenom");
    expect(normalizeLabel("Date d’admission")).toBe("date d'admission");
    expect(normalizeLabel("Nationalregisternummer", 10)).toBeUndefined();
    expect(normalizeLabel("N° NISS")).toBe("n° niss");
    expect(normalizeLabel("\u0130NSZ")).toBe("insz");
    expect(normalizeLabel("Pays – résidence")).toBe("pays – residence");
  });

  it("gives the same result on its fast path as the definition, for any ASCII text", () => {
    const ascii = fc.string({
      unit: fc.constantFrom(..."aZ:* \t\n\u0001.-'9"),
      maxLength: 40,
    });
    fc.assert(
      fc.property(ascii, fc.constantFrom(5, 27, Number.POSITIVE_INFINITY), (text, max) => {
        expect(normalizeLabel(text, max)).toBe(reference(text, max));
      }),
      { numRuns: 2000 },
    );
  });
});
