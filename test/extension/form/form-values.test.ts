import { describe, expect, it } from "vitest";
import { fromRecord, toRecord } from "../../../extension/src/form/form-values.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import { spinSurg } from "../../../shared-schema/src/spin-surg-schema.ts";

describe("form values <-> record", () => {
  it("gives JSON types the schema expects, and comes back unchanged", () => {
    const values = {
      IDC_PAT: "61042312410",
      CD_NOMEN: "281120, 105092",
      CD_APPROACH: ["2"],
      FL_IMPLANT: "true",
      IMPLANT: [{ CD_IMPL_TYPE: "1", MS_IMPL_QTY: "4" }],
      MS_BLOOD_LOSS: "250",
      TX_COAUTHOR: "  ",
    };
    const record = toRecord(SPIN_SURG, values);
    expect(record).toEqual({
      IDC_PAT: "61042312410",
      CD_NOMEN: ["281120", "105092"],
      CD_APPROACH: ["2"],
      FL_IMPLANT: true,
      IMPLANT: [{ CD_IMPL_TYPE: "1", MS_IMPL_QTY: 4 }],
      MS_BLOOD_LOSS: 250,
    });
    expect(toRecord(SPIN_SURG, fromRecord(SPIN_SURG, record))).toEqual(record);
  });

  it("keeps a mistyped number as text so the schema reports it", () => {
    const record = toRecord(SPIN_SURG, { MS_DURATION: "12o" });
    const issues = spinSurg.validate(record, { locale: "en", draft: true }).issues;
    expect(issues.some((issue) => issue.field === "MS_DURATION")).toBe(true);
  });
});
