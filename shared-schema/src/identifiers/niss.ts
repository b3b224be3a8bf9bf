// The Belgian national register number (NISS/INSZ/SSIN), docs/domain.md §3. Validation of
// 10,000-record files calls this, so it scans character codes instead of using regexes and
// computes the checksum on a plain number (9 digits, or 2_000_000_000 + 9 digits, fit
// exactly in a double).

import { daysInMonth } from "../days-in-month.ts";
import { digitsOf } from "./digits-of.ts";

/** Accepted between digits: `85.04.02-169.32`, `85 04 02 169 32`. */
const SEPARATORS = " .-";

export type NissResult =
  | {
      ok: true;
      /** The 11 digits, without separators. */
      niss: string;
      /** ISO YYYY-MM-DD, only when year, month and day are all known. */
      birthDate?: string;
      birthYear?: number;
      /** Only when the number encodes it (regular numbers and bis numbers with month + 40). */
      sex?: "male" | "female";
      bis: boolean;
    }
  | { ok: false; reason: "format" | "checksum" | "date" };

const DIGIT_0 = 48;

type NissOk = Extract<NissResult, { ok: true }>;

// Shared (frozen) failures: no allocation for the common invalid cases.
const FORMAT: NissResult = Object.freeze({ ok: false, reason: "format" });
const CHECKSUM: NissResult = Object.freeze({ ok: false, reason: "checksum" });
const DATE: NissResult = Object.freeze({ ok: false, reason: "date" });

/**
 * Parses a NISS written as bare digits (`85040216932`) or with spaces, dots and dashes as
 * separators (`85.04.02-169.32`). The century is the one whose check digits match: the rule
 * prefixes births from 2000 on with a 2, and 2_000_000_000 mod 97 = 68, so at most one
 * century matches.
 */
export function parseNiss(input: string): NissResult {
  const niss = digitsOf(input, 11, SEPARATORS);
  if (niss === undefined) return FORMAT;

  // Counters run from 001 to 998: 000 and 999 are never given out, so they mean a typo.
  const counter = numberAt(niss, 6, 3);
  if (counter === 0 || counter === 999) return FORMAT;

  const first9 = numberAt(niss, 0, 9);
  const check = numberAt(niss, 9, 2);
  let century: number;
  if (97 - (first9 % 97) === check) century = 1900;
  else if (97 - ((2_000_000_000 + first9) % 97) === check) century = 2000;
  else return CHECKSUM;

  const year = century + numberAt(niss, 0, 2);
  const encodedMonth = numberAt(niss, 2, 2);
  const day = numberAt(niss, 4, 2);

  // Bis numbers (people not in the national register) add 20 to the month when the sex was
  // unknown at attribution, 40 when it was known.
  let month = encodedMonth;
  let bis = false;
  let sexKnown = true;
  if (encodedMonth >= 40) {
    month = encodedMonth - 40;
    bis = true;
  } else if (encodedMonth >= 20) {
    month = encodedMonth - 20;
    bis = true;
    sexKnown = false;
  }
  // Month or day 00 means "unknown", which is valid; anything else must be a real date.
  if (month > 12 || day > 31) return DATE;
  if (month !== 0 && day !== 0 && day > daysInMonth(year, month)) return DATE;

  const result: NissOk = { ok: true, niss, birthYear: year, bis };
  if (month !== 0 && day !== 0) result.birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
  if (sexKnown) result.sex = counter % 2 === 1 ? "male" : "female";
  return result;
}

/**
 * Formats 11 digits as `YY.MM.DD-XXX.CC`. Separators in the input are ignored; a value that
 * is not 11 digits is returned unchanged, so a display never hides what the user typed.
 */
export function formatNiss(niss11: string): string {
  const d = digitsOf(niss11, 11, SEPARATORS);
  if (d === undefined) return niss11;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9, 11)}`;
}

/** The number written by `count` digits of `digits` from `start` (digits already checked). */
function numberAt(digits: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) n = n * 10 + (digits.charCodeAt(i) - DIGIT_0);
  return n;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}
