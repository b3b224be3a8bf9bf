// NIHII/RIZIV numbers of care providers and institutions, docs/domain.md §3: a profession digit
// (1 physician, 7 hospital), a 5-digit sequence, 2 check digits on those first 6 digits and,
// for persons, a 3-digit qualification. Character-code scanning, no regex: validation of
// large files calls this.

import { digitsOf } from "./digits-of.ts";

export type NihiiResult =
  | {
      ok: true;
      /** The 11 digits, without separators. */
      nihii: string;
      /** The first digit: "1" physician, "7" hospital, ... */
      profession: string;
      /** The first 8 digits, which identify the person whatever the qualification. */
      person: string;
      /** The last 3 digits. */
      qualification: string;
    }
  | { ok: false; reason: "format" | "checksum" | "profession" };

const DIGIT_0 = 48;
/** Accepted between digits: `1-23456-25-580`, `12345625/580`. */
const SEPARATORS = " .-/";

const FORMAT: NihiiResult = Object.freeze({ ok: false, reason: "format" });
const CHECKSUM: NihiiResult = Object.freeze({ ok: false, reason: "checksum" });
const PROFESSION: NihiiResult = Object.freeze({ ok: false, reason: "profession" });

/**
 * Parses an 11-digit NIHII number; spaces, dots, dashes and slashes are tolerated as
 * separators. With `options.profession` (e.g. "1" for a physician field), a number of
 * another profession is refused with reason "profession", after the checksum, so that a
 * mistyped number is reported as mistyped.
 */
export function parseNihii(input: string, options?: { profession?: string }): NihiiResult {
  const nihii = digitsOf(input, 11, SEPARATORS);
  if (nihii === undefined) return FORMAT;
  if (!hasValidCheck(nihii)) return CHECKSUM;
  const profession = nihii[0] as string;
  if (options?.profession !== undefined && options.profession !== profession) return PROFESSION;
  return {
    ok: true,
    nihii,
    profession,
    person: nihii.slice(0, 8),
    qualification: nihii.slice(8),
  };
}

/**
 * Check digits 7-8 against the first 6 digits: 97 - (n mod 97) for older numbers,
 * 89 - (n mod 89) for newer ones (physicians since 2019). Nothing in the number says which
 * rule applies, so either is accepted (docs/domain.md §3).
 */
function hasValidCheck(digits: string): boolean {
  let first6 = 0;
  for (let i = 0; i < 6; i++) first6 = first6 * 10 + (digits.charCodeAt(i) - DIGIT_0);
  const check = (digits.charCodeAt(6) - DIGIT_0) * 10 + (digits.charCodeAt(7) - DIGIT_0);
  return check === 97 - (first6 % 97) || check === 89 - (first6 % 89);
}
