import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNiss, parseNiss } from "../../../shared-schema/src/identifiers/niss.ts";
import {
  birthDateArbitrary,
  counterArbitrary,
  makeNiss,
  nissArbitrary,
} from "../../support/synthetic-niss.ts";

// Expected values below were computed by hand (python) from the rule in docs/domain.md §3,
// not with the code under test.

describe("parseNiss: published and hand-computed numbers", () => {
  it("accepts the published example 93051822361 (born 1993-05-18, counter 223: male)", () => {
    expect(parseNiss("93051822361")).toEqual({
      ok: true,
      niss: "93051822361",
      birthDate: "1993-05-18",
      birthYear: 1993,
      sex: "male",
      bis: false,
    });
  });

  it("accepts the CSV example 85.04.02-169.32 with separators and returns bare digits", () => {
    const result = parseNiss("85.04.02-169.32");
    expect(result).toMatchObject({ ok: true, niss: "85040216932", birthDate: "1985-04-02" });
  });

  it("accepts spaces, dots and dashes anywhere, and surrounding spaces", () => {
    for (const input of [
      " 85 04 02 169 32 ",
      "850402-16932",
      "85-04-02.169-32",
      "85.04.02.169.32",
    ]) {
      expect(parseNiss(input), input).toMatchObject({ ok: true, niss: "85040216932" });
    }
  });

  it("uses the 2000+ check for births from 2000 (05031500291: 2005-03-15, female)", () => {
    expect(parseNiss("05031500291")).toEqual({
      ok: true,
      niss: "05031500291",
      birthDate: "2005-03-15",
      birthYear: 2005,
      sex: "female",
      bis: false,
    });
  });

  it("decides the century from the check digits: 29 Feb exists in 2000, not in 1900", () => {
    expect(parseNiss("00022900145")).toMatchObject({ ok: true, birthDate: "2000-02-29" });
    expect(parseNiss("00022900116")).toEqual({ ok: false, reason: "date" });
  });

  it("reads a bis number with month + 20 as sex unknown (no sex)", () => {
    const result = parseNiss("85240216975");
    expect(result).toEqual({
      ok: true,
      niss: "85240216975",
      birthDate: "1985-04-02",
      birthYear: 1985,
      bis: true,
    });
  });

  it("reads a bis number with month + 40 as sex known (counter 170: female)", () => {
    expect(parseNiss("85440217020")).toEqual({
      ok: true,
      niss: "85440217020",
      birthDate: "1985-04-02",
      birthYear: 1985,
      sex: "female",
      bis: true,
    });
  });

  it("accepts an unknown month and day (00) without a birthDate, keeping the year", () => {
    expect(parseNiss("85000000138")).toEqual({
      ok: true,
      niss: "85000000138",
      birthYear: 1985,
      sex: "male",
      bis: false,
    });
    expect(parseNiss("85200000181")).toEqual({
      ok: true,
      niss: "85200000181",
      birthYear: 1985,
      bis: true,
    });
  });
});

describe("parseNiss: refusals", () => {
  it.each([
    ["", "empty"],
    ["9305182236", "10 digits"],
    ["930518223610", "12 digits"],
    ["93051822361 0", "12 digits with a separator"],
    ["93O51822361", "a letter O"],
    ["93/05/18-223.61", "a slash"],
    ["+93051822361", "a sign"],
    ["８５０４０２１６９３２", "full-width digits"],
  ])("refuses %j (%s) as format", (input) => {
    expect(parseNiss(input)).toEqual({ ok: false, reason: "format" });
  });

  it("refuses counters 000 and 999 as format even with matching check digits", () => {
    expect(parseNiss("85040200007")).toEqual({ ok: false, reason: "format" });
    expect(parseNiss("85040299975")).toEqual({ ok: false, reason: "format" });
  });

  it("refuses wrong check digits as checksum", () => {
    expect(parseNiss("93051822362")).toEqual({ ok: false, reason: "checksum" });
    expect(parseNiss("85040216933")).toEqual({ ok: false, reason: "checksum" });
  });

  it("does not refuse a birth year in the future (85040216961 matches the 2000+ check: 2085)", () => {
    // Refusing it would make parsing depend on the clock; plausibility belongs to DCD rules.
    expect(parseNiss("85040216961")).toMatchObject({ ok: true, birthDate: "2085-04-02" });
  });

  it.each([
    ["85130100102", "month 13"],
    ["85023100192", "31 February"],
    ["85013200155", "day 32"],
    ["85330100145", "bis month 33 (13 + 20)"],
    ["01022900265", "29 February 2001"],
    ["85003200148", "day 32 with an unknown month"],
    ["85403200137", "day 32 with an unknown month, bis + 40"],
    ["85209900121", "day 99 with an unknown month, bis + 20"],
  ])("refuses %s (%s) as date", (input) => {
    expect(parseNiss(input)).toEqual({ ok: false, reason: "date" });
  });
});

describe("formatNiss", () => {
  it("formats 11 digits as YY.MM.DD-XXX.CC", () => {
    expect(formatNiss("85040216932")).toBe("85.04.02-169.32");
  });

  it("reformats a number written with other separators", () => {
    expect(formatNiss("850402 169 32")).toBe("85.04.02-169.32");
  });

  it("returns a value that is not 11 digits unchanged", () => {
    expect(formatNiss("8504021693")).toBe("8504021693");
    expect(formatNiss("abc")).toBe("abc");
  });
});

describe("parseNiss: properties", () => {
  it("every NISS made by makeNiss validates and yields back its birth date and sex", () => {
    fc.assert(
      fc.property(birthDateArbitrary, counterArbitrary, (birthDate, counter) => {
        const result = parseNiss(makeNiss(birthDate, counter));
        expect(result).toEqual({
          ok: true,
          niss: makeNiss(birthDate, counter),
          birthDate,
          birthYear: Number(birthDate.slice(0, 4)),
          sex: counter % 2 === 1 ? "male" : "female",
          bis: false,
        });
      }),
    );
  });

  it("bis numbers keep the birth date; only month + 40 keeps the sex", () => {
    fc.assert(
      fc.property(birthDateArbitrary, counterArbitrary, (birthDate, counter) => {
        const unknownSex = parseNiss(makeNiss(birthDate, counter, "sex-unknown"));
        expect(unknownSex).toEqual({
          ok: true,
          niss: makeNiss(birthDate, counter, "sex-unknown"),
          birthDate,
          birthYear: Number(birthDate.slice(0, 4)),
          bis: true,
        });
        const knownSex = parseNiss(makeNiss(birthDate, counter, "sex-known"));
        expect(knownSex).toMatchObject({
          ok: true,
          birthDate,
          sex: counter % 2 === 1 ? "male" : "female",
          bis: true,
        });
      }),
    );
  });

  it("unknown month or day (00) is valid for regular and both kinds of bis numbers", () => {
    const partlyUnknown = fc.record({
      year: fc.integer({ min: 1900, max: 2099 }),
      month: fc.integer({ min: 0, max: 12 }),
      day: fc.integer({ min: 0, max: 28 }),
      counter: counterArbitrary,
      bis: fc.constantFrom(undefined, "sex-unknown" as const, "sex-known" as const),
    });
    fc.assert(
      fc.property(partlyUnknown, ({ year, month, day, counter, bis }) => {
        fc.pre(month === 0 || day === 0);
        const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const result = parseNiss(makeNiss(date, counter, bis));
        expect(result).toMatchObject({ ok: true, birthYear: year, bis: bis !== undefined });
        if (!result.ok) return;
        expect(result.birthDate).toBeUndefined();
        expect(result.sex === undefined).toBe(bis === "sex-unknown");
      }),
    );
  });

  it("changing any single digit is refused, or read as the other century", () => {
    // mod 97 catches every single-digit change; the only way a changed number can still be
    // valid is by matching the check of the other century (2_000_000_000 mod 97 = 68).
    const mutation = fc.record({
      niss: nissArbitrary,
      position: fc.integer({ min: 0, max: 10 }),
      delta: fc.integer({ min: 1, max: 9 }),
    });
    fc.assert(
      fc.property(mutation, ({ niss, position, delta }) => {
        const original = parseNiss(niss);
        const digit = (Number(niss[position]) + delta) % 10;
        const changed = `${niss.slice(0, position)}${digit}${niss.slice(position + 1)}`;
        const result = parseNiss(changed);
        if (!original.ok) throw new Error(`generator produced an invalid NISS ${niss}`);
        if (result.ok) {
          expect(result.niss).not.toBe(niss);
          const originalCentury = Math.floor((original.birthYear ?? 0) / 100);
          expect(Math.floor((result.birthYear ?? 0) / 100)).not.toBe(originalCentury);
        }
      }),
    );
  });

  it("formatting then parsing round-trips", () => {
    fc.assert(
      fc.property(nissArbitrary, (niss) => {
        const formatted = formatNiss(niss);
        expect(formatted).toMatch(/^\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}$/);
        expect(parseNiss(formatted)).toEqual(parseNiss(niss));
        expect(parseNiss(formatted)).toMatchObject({ ok: true, niss });
      }),
    );
  });

  it("refuses any string holding a character other than digits and separators", () => {
    const withForeignChar = fc
      .tuple(
        nissArbitrary,
        fc.integer({ min: 0, max: 11 }),
        fc.string({ minLength: 1, maxLength: 1 }),
      )
      .filter(([, , char]) => !/[0-9 .-]/.test(char))
      .map(([niss, at, char]) => `${niss.slice(0, at)}${char}${niss.slice(at)}`);
    fc.assert(
      fc.property(withForeignChar, (input) => {
        expect(parseNiss(input)).toEqual({ ok: false, reason: "format" });
      }),
    );
  });
});
