// The Belgian national register number (NISS/INSZ/SSIN), domain.md §3. Validation of
// 10,000-record files calls this, so it scans character codes instead of using regexes and
// computes the checksum on a plain number (9 digits, or 2_000_000_000 + 9 digits, fit
// exactly in a double).

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
const DIGIT_9 = 57;
const SPACE = 32;
const DASH = 45;
const DOT = 46;

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
  const niss = digitsOf(input);
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
  const d = digitsOf(niss11);
  if (d === undefined) return niss11;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9, 11)}`;
}

/** The 11 digits of `input` once separators are dropped, or undefined. */
function digitsOf(input: string): string | undefined {
  const length = input.length;
  // Fast path: bare digits, no new string.
  if (length === 11) {
    let bare = true;
    for (let i = 0; i < 11; i++) {
      const c = input.charCodeAt(i);
      if (c < DIGIT_0 || c > DIGIT_9) {
        bare = false;
        break;
      }
    }
    if (bare) return input;
  }
  let digits = "";
  for (let i = 0; i < length; i++) {
    const c = input.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      if (digits.length === 11) return undefined;
      digits += input[i];
    } else if (c !== SPACE && c !== DOT && c !== DASH) {
      return undefined;
    }
  }
  return digits.length === 11 ? digits : undefined;
}

/** The number written by `count` digits of `digits` from `start` (digits already checked). */
function numberAt(digits: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) n = n * 10 + (digits.charCodeAt(i) - DIGIT_0);
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}
