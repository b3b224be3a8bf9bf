import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNihii } from "../../../shared-schema/src/identifiers/nihii.ts";

// Check digits below were computed by hand (python) from docs/domain.md §3:
// 123456 -> 97-rule 25, 89-rule 76; 710004 -> 97-rule 36, 89-rule 38;
// 711234 -> 97-rule 67, 89-rule 54; 312345 -> 97-rule 92, 89-rule 45.

/** An independent oracle: the check digits the spec allows for a 6-digit prefix. */
function allowedChecks(first6: string): string[] {
  const n = BigInt(first6);
  return [97n - (n % 97n), 89n - (n % 89n)].map((c) => c.toString().padStart(2, "0"));
}

const prefixArbitrary = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, "0"));
const twoDigitsArbitrary = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, "0"));
const qualificationArbitrary = fc
  .integer({ min: 0, max: 999 })
  .map((n) => String(n).padStart(3, "0"));

describe("parseNihii", () => {
  it("accepts a physician number with the older (mod 97) check digits", () => {
    expect(parseNihii("12345625580")).toEqual({
      ok: true,
      nihii: "12345625580",
      profession: "1",
      person: "12345625",
      qualification: "580",
    });
  });

  it("accepts a physician number with the newer (mod 89) check digits", () => {
    expect(parseNihii("12345676580")).toMatchObject({ ok: true, person: "12345676" });
  });

  it("tolerates spaces, dots, dashes and slashes", () => {
    for (const input of ["1-23456-25-580", "1.23456.25.580", "1/23456/25/580", " 12345 625 580 "]) {
      expect(parseNihii(input), input).toMatchObject({ ok: true, nihii: "12345625580" });
    }
  });

  it.each([
    ["", "empty"],
    ["1234562558", "10 digits"],
    ["123456255800", "12 digits"],
    ["12345625", "8 digits (a hospital-style number)"],
    ["1234562558O", "a letter"],
    ["1_23456_25_580", "an underscore"],
  ])("refuses %j (%s) as format", (input) => {
    expect(parseNihii(input)).toEqual({ ok: false, reason: "format" });
  });

  it("refuses check digits that match neither rule", () => {
    expect(parseNihii("12345626580")).toEqual({ ok: false, reason: "checksum" });
    expect(parseNihii("12345677580")).toEqual({ ok: false, reason: "checksum" });
  });

  it("refuses another profession when one is required, after the checksum", () => {
    expect(parseNihii("31234592000", { profession: "1" })).toEqual({
      ok: false,
      reason: "profession",
    });
    expect(parseNihii("31234592000", { profession: "3" })).toMatchObject({ ok: true });
    expect(parseNihii("12345625580", { profession: "1" })).toMatchObject({ ok: true });
    // A mistyped number of the wrong profession is reported as mistyped.
    expect(parseNihii("31234593000", { profession: "1" })).toEqual({
      ok: false,
      reason: "checksum",
    });
  });

  it("property: accepts exactly the numbers whose check digits match one rule", () => {
    // Half the candidates carry an allowed check, half a random one (mostly invalid).
    const candidate = prefixArbitrary.chain((prefix) =>
      fc.tuple(
        fc.constant(prefix),
        fc.oneof(fc.constantFrom(...allowedChecks(prefix)), twoDigitsArbitrary),
        qualificationArbitrary,
      ),
    );
    fc.assert(
      fc.property(candidate, ([prefix, check, qualification]) => {
        const valid = allowedChecks(prefix).includes(check);
        const result = parseNihii(`${prefix}${check}${qualification}`);
        expect(result.ok).toBe(valid);
        if (!valid) expect(result).toEqual({ ok: false, reason: "checksum" });
      }),
    );
  });

  it("property: a valid number yields its parts, whatever the separators", () => {
    const separated = fc.record({
      prefix: prefixArbitrary,
      rule: fc.constantFrom(0, 1),
      qualification: qualificationArbitrary,
      separator: fc.constantFrom("", " ", ".", "-", "/"),
    });
    fc.assert(
      fc.property(separated, ({ prefix, rule, qualification, separator }) => {
        const check = allowedChecks(prefix)[rule] ?? "";
        const nihii = `${prefix}${check}${qualification}`;
        const written = `${prefix.slice(0, 1)}${separator}${prefix.slice(1)}${separator}${check}${separator}${qualification}`;
        expect(parseNihii(written)).toEqual({
          ok: true,
          nihii,
          profession: prefix.slice(0, 1),
          person: `${prefix}${check}`,
          qualification,
        });
      }),
    );
  });

  it("property: the qualification never changes validity or the person", () => {
    fc.assert(
      fc.property(
        prefixArbitrary,
        qualificationArbitrary,
        qualificationArbitrary,
        (prefix, q1, q2) => {
          const check = allowedChecks(prefix)[0] ?? "";
          const a = parseNihii(`${prefix}${check}${q1}`);
          const b = parseNihii(`${prefix}${check}${q2}`);
          expect(a.ok && b.ok && a.person === b.person).toBe(true);
        },
      ),
    );
  });
});
