// Synthetic SPIN_SURG records for the worker tests: the hand-checked valid record of the
// shared-schema tests with a synthetic NISS (valid checksum, computed, never a real one).

import type { DcdRecord } from "../../../shared-schema/src/dcd.ts";
import { VALID_RECORD } from "../../shared-schema/fixtures/valid-record.ts";
import { makeNiss } from "../../support/synthetic-niss.ts";

export { VALID_RECORD };

/** A valid record for a distinct synthetic patient (born 1971-02-03, counter `n`). */
export function recordFor(counter: number, change: Partial<DcdRecord> = {}): DcdRecord {
  return {
    ...VALID_RECORD,
    IDC_PAT: makeNiss("1971-02-03", counter),
    D_PAT_DOB: "1971-02-03",
    CD_PAT_SEX: counter % 2 === 1 ? "248153007" : "248152002",
    ...change,
  };
}

/** Strings of a record that are patient data: they must never appear in storage or logs. */
export function patientStrings(record: DcdRecord): string[] {
  const niss = String(record.IDC_PAT ?? "");
  const dob = String(record.D_PAT_DOB ?? "");
  const [y, m, d] = dob.split("-");
  return [
    niss,
    `${niss.slice(0, 2)}.${niss.slice(2, 4)}.${niss.slice(4, 6)}-${niss.slice(6, 9)}.${niss.slice(9)}`,
    dob,
    `${d}/${m}/${y}`,
    ...["TX_PAT_LAST_NAM", "TX_PAT_FIRST_NAM"]
      .map((k) => record[k])
      .filter((v): v is string => typeof v === "string"),
  ].filter((s) => s.length > 0);
}
