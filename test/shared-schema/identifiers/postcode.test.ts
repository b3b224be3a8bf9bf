import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBelgianPostcode } from "../../../shared-schema/src/identifiers/postcode.ts";

describe("isBelgianPostcode", () => {
  it("accepts the bounds 1000 and 9992 and ordinary codes", () => {
    for (const code of ["1000", "9992", "3000", "4700", "8400"]) {
      expect(isBelgianPostcode(code), code).toBe(true);
    }
  });

  it("refuses codes out of range, including 9999 (not living in Belgium)", () => {
    for (const code of ["0999", "0000", "9993", "9999"]) {
      expect(isBelgianPostcode(code), code).toBe(false);
    }
  });

  it.each(["", "999", "10000", " 1000", "1000 ", "1a00", "+100", "1.00", "B-1000"])(
    "refuses %j (not exactly 4 digits)",
    (value) => {
      expect(isBelgianPostcode(value)).toBe(false);
    },
  );

  it("property: a 4-digit string is a postcode exactly when its value is in 1000..9992", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (n) => {
        const value = String(n).padStart(4, "0");
        expect(isBelgianPostcode(value)).toBe(n >= 1000 && n <= 9992);
      }),
    );
  });
});
