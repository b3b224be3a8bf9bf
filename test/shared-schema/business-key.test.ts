import { describe, expect, it } from "vitest";
import { businessKeyOf } from "../../shared-schema/src/business-key.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { VALID_RECORD } from "./fixtures/valid-record.ts";

// The business key (ASSUMED in docs/dcd-spin-surg.md): NISS + surgery date + surgeon, or names and
// birth date instead of the NISS for a patient without one.
describe("businessKeyOf", () => {
  it("is NISS + surgery date + surgeon, whatever else the record holds", () => {
    const key = businessKeyOf(SPIN_SURG, VALID_RECORD);
    expect(key).toBe("IDC_PAT=93051822361|D_SURG=2026-03-02|CD_HPIN=12345625580");
    expect(businessKeyOf(SPIN_SURG, { ...VALID_RECORD, CD_URGENCY: "2", MS_DURATION: 90 })).toBe(
      key,
    );
    expect(businessKeyOf(SPIN_SURG, { ...VALID_RECORD, D_SURG: "2026-03-03" })).not.toBe(key);
  });

  it("uses names and birth date for a patient without NISS, ignoring case and spaces", () => {
    const foreign = {
      ...VALID_RECORD,
      IDC_PAT: undefined,
      TX_PAT_LAST_NAM: " Müller",
      TX_PAT_FIRST_NAM: "jörg ",
    };
    expect(businessKeyOf(SPIN_SURG, foreign)).toBe(
      "TX_PAT_LAST_NAM=MÜLLER|TX_PAT_FIRST_NAM=JÖRG|D_PAT_DOB=1993-05-18|D_SURG=2026-03-02|CD_HPIN=12345625580",
    );
    expect(businessKeyOf(SPIN_SURG, { ...foreign, TX_PAT_LAST_NAM: "MÜLLER" })).toBe(
      businessKeyOf(SPIN_SURG, foreign),
    );
  });
});
