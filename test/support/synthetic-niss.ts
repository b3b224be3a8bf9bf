// Synthetic, checksum-valid NISS numbers for tests (never real patients' numbers on purpose,
// though a generated one may coincide with a real one: keep them in test data only).
// The check digits are computed here independently of shared-schema/src/identifiers/niss.ts,
// in the spec's own words (prefix "2" for births from 2000), so that tests of the parser are
// not checking the parser against itself.

import fc from "fast-check";

export type BisKind = "sex-unknown" | "sex-known";

/**
 * The NISS of someone born on `birthDate` (ISO YYYY-MM-DD, 1900..2099; month or day may be
 * "00" for an unknown date) with the day counter `counter` (1..998: odd male, even female).
 * With `bis`, the month is moved by 20 (sex unknown) or 40 (sex known), as in bis numbers.
 */
export function makeNiss(birthDate: string, counter: number, bis?: BisKind): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (match === null) throw new RangeError(`birthDate must be YYYY-MM-DD, got "${birthDate}"`);
  const [, yyyy = "", mm = "", dd = ""] = match;
  const year = Number(yyyy);
  if (year < 1900 || year > 2099) throw new RangeError(`year out of 1900..2099: ${year}`);
  if (!Number.isInteger(counter) || counter < 1 || counter > 998) {
    throw new RangeError(`counter must be an integer in 1..998, got ${counter}`);
  }
  const shift = bis === "sex-known" ? 40 : bis === "sex-unknown" ? 20 : 0;
  const month = String(Number(mm) + shift).padStart(2, "0");
  const first9 = `${yyyy.slice(2)}${month}${dd}${String(counter).padStart(3, "0")}`;
  const checked = year >= 2000 ? `2${first9}` : first9;
  const check = 97 - (Number(checked) % 97);
  return `${first9}${String(check).padStart(2, "0")}`;
}

/** Real calendar dates 1900-01-01..2099-12-31 as ISO strings. */
export const birthDateArbitrary: fc.Arbitrary<string> = fc
  .date({
    min: new Date("1900-01-01T00:00:00Z"),
    max: new Date("2099-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

/** Valid day counters (000 and 999 are not used). */
export const counterArbitrary: fc.Arbitrary<number> = fc.integer({ min: 1, max: 998 });

/** Synthetic valid regular NISS numbers, 11 bare digits. */
export const nissArbitrary: fc.Arbitrary<string> = fc
  .tuple(birthDateArbitrary, counterArbitrary)
  .map(([birthDate, counter]) => makeNiss(birthDate, counter));
