// INAMI/RIZIV nomenclature codes, docs/domain.md §1: 6 digits whose last digit is the first five
// modulo 7. An act is published as a pair ambulatory-hospitalised; the hospitalised code is
// the next five-digit number followed by its own check digit (hence "+11", or "+4" when the
// ambulatory code ends in 6: 256476-256480).

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** True for 6 digits whose 6th digit is (first five digits) mod 7, e.g. 224674. */
export function isNomenclatureCode(code: string): boolean {
  if (code.length !== 6) return false;
  let firstFive = 0;
  for (let i = 0; i < 5; i++) {
    const c = code.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return false;
    firstFive = firstFive * 10 + (c - DIGIT_0);
  }
  return code.charCodeAt(5) - DIGIT_0 === firstFive % 7;
}
