import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNomenclatureCode } from "../../../shared-schema/src/identifiers/nomenclature.ts";
import { hospitalisedCodeOf, nomenclatureCheckDigit } from "../../support/nomenclature-codes.ts";

// The published pairs of docs/domain.md §1 (ambulatory-hospitalised), "+11" and "+4" kinds.
const PUBLISHED_PAIRS: [string, string][] = [
  ["224674", "224685"],
  ["225853", "225864"],
  ["225875", "225886"],
  ["256476", "256480"],
  ["542216", "542220"],
];

const fiveDigits = fc.integer({ min: 0, max: 99_999 }).map((n) => String(n).padStart(5, "0"));

describe("isNomenclatureCode", () => {
  it("accepts every code of the published pairs", () => {
    for (const code of PUBLISHED_PAIRS.flat()) expect(isNomenclatureCode(code), code).toBe(true);
  });

  it("refuses a wrong check digit", () => {
    expect(isNomenclatureCode("224675")).toBe(false);
    expect(isNomenclatureCode("224670")).toBe(false);
    // 7, 8 and 9 are never check digits (a remainder mod 7 is 0..6).
    expect(isNomenclatureCode("224677")).toBe(false);
  });

  it.each(["", "22467", "2246744", "22467a", " 224674", "224674 ", "-22467", "22 674"])(
    "refuses %j (not exactly 6 digits)",
    (code) => {
      expect(isNomenclatureCode(code)).toBe(false);
    },
  );

  it("property: exactly one last digit completes any five digits, and it is their value mod 7", () => {
    fc.assert(
      fc.property(fiveDigits, (five) => {
        const accepted = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) =>
          isNomenclatureCode(`${five}${d}`),
        );
        expect(accepted).toEqual([Number(five) % 7]);
      }),
    );
  });
});

describe("nomenclatureCheckDigit", () => {
  it("computes 22467 -> 4 and 25647 -> 6", () => {
    expect(nomenclatureCheckDigit("22467")).toBe(4);
    expect(nomenclatureCheckDigit("25647")).toBe(6);
    expect(nomenclatureCheckDigit("00000")).toBe(0);
  });

  it("throws on anything but 5 digits", () => {
    expect(() => nomenclatureCheckDigit("2246")).toThrow(RangeError);
    expect(() => nomenclatureCheckDigit("224674")).toThrow(RangeError);
    expect(() => nomenclatureCheckDigit("2246a")).toThrow(RangeError);
  });
});

describe("hospitalisedCodeOf", () => {
  it.each(PUBLISHED_PAIRS)("pairs %s with %s", (ambulatory, hospitalised) => {
    expect(hospitalisedCodeOf(ambulatory)).toBe(hospitalised);
  });

  it("is +4 when the ambulatory code ends in 6, +11 otherwise", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_998 }), (n) => {
        const ambulatory = `${String(n).padStart(5, "0")}${n % 7}`;
        const delta = Number(hospitalisedCodeOf(ambulatory)) - Number(ambulatory);
        expect(delta).toBe(ambulatory.endsWith("6") ? 4 : 11);
      }),
    );
  });

  it("property: always yields a valid code whose first five digits are one more", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_998 }), (n) => {
        const five = String(n).padStart(5, "0");
        const hospitalised = hospitalisedCodeOf(`${five}${nomenclatureCheckDigit(five)}`);
        expect(isNomenclatureCode(hospitalised)).toBe(true);
        expect(Number(hospitalised.slice(0, 5))).toBe(n + 1);
      }),
    );
  });

  it("keeps leading zeros", () => {
    expect(hospitalisedCodeOf("000000")).toBe("000011");
  });

  it("throws on an invalid code or one without successor", () => {
    expect(() => hospitalisedCodeOf("224675")).toThrow(RangeError);
    expect(() => hospitalisedCodeOf("abc")).toThrow(RangeError);
    expect(isNomenclatureCode("999994")).toBe(true);
    expect(() => hospitalisedCodeOf("999994")).toThrow(RangeError);
  });
});
