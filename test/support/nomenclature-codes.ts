// Nomenclature codes for tests: check digits and ambulatory/hospitalised pairs, to build
// codes and to check the eligibility table's pairs (the product only checks codes).

import { isNomenclatureCode } from "../../shared-schema/src/identifiers/nomenclature.ts";

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** The check digit (0..6) of a code's first five digits: "22467" -> 4. */
export function nomenclatureCheckDigit(firstFive: string): number {
  if (firstFive.length !== 5) throw new RangeError(`Expected 5 digits, got "${firstFive}"`);
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const c = firstFive.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) throw new RangeError(`Expected 5 digits, got "${firstFive}"`);
    n = n * 10 + (c - DIGIT_0);
  }
  return n % 7;
}

/**
 * The hospitalised code paired with an ambulatory code: 224674 -> 224685, 256476 -> 256480.
 * Throws a RangeError for a value that is not a valid code (or 99999x, which has no
 * successor), because a wrong pair in an eligibility table is worse than a loud failure.
 */
export function hospitalisedCodeOf(ambulatory: string): string {
  if (!isNomenclatureCode(ambulatory)) {
    throw new RangeError(`"${ambulatory}" is not a valid nomenclature code`);
  }
  const next = Number(ambulatory.slice(0, 5)) + 1;
  if (next > 99_999) throw new RangeError(`"${ambulatory}" has no hospitalised code`);
  const firstFive = String(next).padStart(5, "0");
  return `${firstFive}${next % 7}`;
}
