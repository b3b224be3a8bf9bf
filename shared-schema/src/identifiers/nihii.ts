// NIHII/RIZIV numbers of care providers and institutions, domain.md §3: a profession digit
// (1 physician, 7 hospital), a 5-digit sequence, 2 check digits on those first 6 digits and,
// for persons, a 3-digit qualification. Character-code scanning, no regex: validation of
// large files calls this.

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
const DIGIT_9 = 57;
const SPACE = 32;
const DASH = 45;
const DOT = 46;
const SLASH = 47;

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
  const nihii = digitsOf(input, 11);
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

/** An 8-digit hospital NIHII number (profession digit 7), e.g. `71000436`. */
export function isHospitalNihii(input: string): boolean {
  const nihii = digitsOf(input, 8);
  return nihii !== undefined && nihii.charCodeAt(0) === DIGIT_0 + 7 && hasValidCheck(nihii);
}

/**
 * Check digits 7-8 against the first 6 digits: 97 - (n mod 97) for older numbers,
 * 89 - (n mod 89) for newer ones (physicians since 2019). Nothing in the number says which
 * rule applies, so either is accepted (domain.md §3).
 */
function hasValidCheck(digits: string): boolean {
  let first6 = 0;
  for (let i = 0; i < 6; i++) first6 = first6 * 10 + (digits.charCodeAt(i) - DIGIT_0);
  const check = (digits.charCodeAt(6) - DIGIT_0) * 10 + (digits.charCodeAt(7) - DIGIT_0);
  return check === 97 - (first6 % 97) || check === 89 - (first6 % 89);
}

/** The `length` digits of `input` once separators are dropped, or undefined. */
function digitsOf(input: string, length: number): string | undefined {
  // Fast path: bare digits, no new string.
  if (input.length === length && isAllDigits(input)) return input;
  let digits = "";
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      if (digits.length === length) return undefined;
      digits += input[i];
    } else if (c !== SPACE && c !== DOT && c !== DASH && c !== SLASH) {
      return undefined;
    }
  }
  return digits.length === length ? digits : undefined;
}

function isAllDigits(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return false;
  }
  return true;
}
