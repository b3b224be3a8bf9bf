// Synthetic, checksum-valid identifiers for the demo EHR and the tests (never real people).
// The NISS check digits are computed here in the spec's own words (docs/domain.md §3: prefix "2"
// for births from 2000), independently of shared-schema's parser, so that tests of the
// parser do not check it against itself.

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

/** A physician NIHII: 1 + 5-digit sequence + check (97 - first 6 mod 97) + qualification. */
export function syntheticNihii(sequence: number, qualification: string): string {
  const first6 = `1${String(sequence).padStart(5, "0")}`;
  return `${first6}${String(97 - (Number(first6) % 97)).padStart(2, "0")}${qualification}`;
}
