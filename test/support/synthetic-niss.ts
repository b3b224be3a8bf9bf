// Synthetic, checksum-valid NISS numbers for tests (never real patients' numbers on purpose,
// though a generated one may coincide with a real one: keep them in test data only).
// The NISS itself comes from scripts/demo-ehr/synthetic-niss.ts (shared with the demo EHR),
// computed independently of shared-schema's parser.

import fc from "fast-check";
import { makeNiss } from "../../scripts/demo-ehr/synthetic-niss.ts";

export { type BisKind, makeNiss } from "../../scripts/demo-ehr/synthetic-niss.ts";

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
