// Digit scanning shared by the identifier parsers. They run once per field of every record
// of a 10,000-record file, so they read character codes (no regexes, no split/join).

const DIGIT_0 = 48;
const DIGIT_9 = 57;

export function isAllDigits(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return false;
  }
  return true;
}

/**
 * The `length` digits of `input` once the separator characters are dropped
 * (`85.04.02-169.32` -> `85040216932`), or undefined when anything else is there or the
 * count differs. Bare digits come back as the same string, without allocating.
 */
export function digitsOf(input: string, length: number, separators: string): string | undefined {
  if (input.length === length && isAllDigits(input)) return input;
  let digits = "";
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      if (digits.length === length) return undefined;
      digits += input[i];
    } else if (!separators.includes(input[i] as string)) {
      return undefined;
    }
  }
  return digits.length === length ? digits : undefined;
}
