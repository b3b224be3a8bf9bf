import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeValue } from "../../../extension/src/adapters/normalize-value.ts";
import { syntheticNihii } from "../../../scripts/demo-ehr/synthetic-niss.ts";
import { makeNiss, nissArbitrary } from "../../support/synthetic-niss.ts";

describe("normalizeValue", () => {
  it.each([
    "93.05.18-223.61",
    "93051822361",
    "930518 223 61",
    "93 05 18 223 61",
    "93.05.18.223.61",
    "NISS 93.05.18-223.61 (belge)",
  ])("reads the NISS %s", (printed) =>
    expect(normalizeValue("niss", printed)).toBe(makeNiss("1993-05-18", 223)),
  );

  it("reads any valid NISS in each way pages print it, and none with wrong check digits", () => {
    fc.assert(
      fc.property(nissArbitrary, (niss) => {
        for (const printed of [
          niss,
          `${niss.slice(0, 2)}.${niss.slice(2, 4)}.${niss.slice(4, 6)}-${niss.slice(6, 9)}.${niss.slice(9)}`,
          `${niss.slice(0, 6)} ${niss.slice(6, 9)} ${niss.slice(9)}`,
        ])
          expect(normalizeValue("niss", printed)).toBe(niss);
        const wrong = `${niss.slice(0, 9)}${String((Number(niss.slice(9)) + 1) % 100).padStart(2, "0")}`;
        expect(normalizeValue("niss", wrong)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
    expect(normalizeValue("niss", "— (patient étranger)")).toBeUndefined();
  });

  it("reads a NIHII with its check digits, wherever it is in the text", () => {
    const nihii = syntheticNihii(23456, "780");
    expect(normalizeValue("nihii", "1-23456-25-780")).toBe(nihii);
    expect(normalizeValue("nihii", "Dr H. Martin – 1.23456.25.780")).toBe(nihii);
    expect(normalizeValue("nihii", "12345625/780")).toBe(nihii);
    expect(normalizeValue("nihii", "1-23456-26-780")).toBeUndefined();
  });

  it("maps sex words of four languages to SNOMED CT", () => {
    expect(normalizeValue("sex", "Féminin")).toBe("248152002");
    expect(normalizeValue("sex", "Mannelijk")).toBe("248153007");
    expect(normalizeValue("sex", "weiblich")).toBe("248152002");
    expect(normalizeValue("sex", "Unknown")).toBe("261665006");
  });

  it("collects nomenclature codes from a list, their check digit right", () => {
    expect(normalizeValue("codes", ["281120 Cure", "281120", "105092", "999999"])).toEqual([
      "281120",
      "105092",
    ]);
  });

  it("turns a foreign country into residence 9999, and Belgium into nothing", () => {
    expect(normalizeValue("country", "Allemagne")).toBe("9999");
    expect(normalizeValue("country", "Belgique")).toBeUndefined();
    expect(normalizeValue("country", "België")).toBeUndefined();
  });

  it("applies a profile's pattern and map", () => {
    expect(normalizeValue("text", "PEETERS, Jan", { pattern: ",\\s*(.+)$" })).toBe("Jan");
    expect(normalizeValue("sex", "V", { map: { V: "248152002" } })).toBe("248152002");
    expect(normalizeValue("urgency", "Spoed", { map: { Spoed: "2" } })).toBe("2");
  });
});
