import { describe, expect, it } from "vitest";
import type { DcdRecord, Severity } from "../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { spinSurg } from "../../shared-schema/src/spin-surg-schema.ts";
import { TODAY, VALID_RECORD } from "./fixtures/valid-record.ts";

// Every rule of docs/dcd-spin-surg.md, one case each (or more): removing the rule from
// the DCD data makes its case fail. `ruleCases` must name every rule of the DCD.

interface Case {
  rule: string;
  change: DcdRecord;
  field: string;
  code: string;
  severity?: Severity;
}

const without = (...names: string[]): DcdRecord =>
  Object.fromEntries(names.map((name) => [name, undefined]));

const ruleCases: Case[] = [
  { rule: "status_value", change: { STATUS: "submit" }, field: "STATUS", code: "status_value" },
  {
    rule: "niss_missing_resident",
    change: { ...without("IDC_PAT"), TX_PAT_LAST_NAM: "Peeters", TX_PAT_FIRST_NAM: "An" },
    field: "IDC_PAT",
    code: "niss_missing_resident",
    severity: "warning",
  },
  {
    rule: "dob_niss_mismatch",
    change: { D_PAT_DOB: "1993-05-19" },
    field: "D_PAT_DOB",
    code: "dob_niss_mismatch",
  },
  {
    rule: "date_in_future",
    change: {
      ...without("IDC_PAT"),
      TX_PAT_LAST_NAM: "X",
      TX_PAT_FIRST_NAM: "Y",
      D_PAT_DOB: "2026-06-16",
    },
    field: "D_PAT_DOB",
    code: "date_in_future",
  },
  {
    rule: "age_over_120",
    change: {
      ...without("IDC_PAT"),
      TX_PAT_LAST_NAM: "X",
      TX_PAT_FIRST_NAM: "Y",
      D_PAT_DOB: "1906-06-14",
    },
    field: "D_PAT_DOB",
    code: "age_over_120",
  },
  {
    rule: "sex_niss_mismatch",
    change: { CD_PAT_SEX: "248152002" },
    field: "CD_PAT_SEX",
    code: "sex_niss_mismatch",
    severity: "warning",
  },
  {
    rule: "admission_after_surgery",
    change: { D_ADM: "2026-03-03" },
    field: "D_ADM",
    code: "admission_after_surgery",
  },
  {
    rule: "date_in_future",
    change: { D_SURG: "2026-06-16", D_ADM: "2026-06-16", D_DISCH: undefined },
    field: "D_SURG",
    code: "date_in_future",
  },
  {
    rule: "surgery_before_reform",
    change: { D_SURG: "2022-08-31", D_ADM: "2022-08-30", D_DISCH: undefined, D_MDT: "2022-08-01" },
    field: "D_SURG",
    code: "surgery_before_reform",
  },
  {
    rule: "discharge_before_surgery",
    change: { D_DISCH: "2026-03-01" },
    field: "D_DISCH",
    code: "discharge_before_surgery",
  },
  {
    rule: "registration_not_required",
    change: { CD_NOMEN: ["224674"] },
    field: "CD_NOMEN",
    code: "registration_not_required",
    severity: "warning",
  },
  {
    rule: "eligibility_unknown",
    change: { CD_NOMEN: ["100004"] },
    field: "CD_NOMEN",
    code: "eligibility_unknown",
    severity: "warning",
  },
  {
    rule: "mdt_not_applicable_elective",
    change: { CD_MDT: "3", D_MDT: undefined },
    field: "CD_MDT",
    code: "mdt_not_applicable_elective",
  },
  {
    rule: "mdt_after_surgery",
    change: { D_MDT: "2026-03-03" },
    field: "D_MDT",
    code: "mdt_after_surgery",
  },
  {
    rule: "mdt_older_than_year",
    change: { D_MDT: "2025-03-01" },
    field: "D_MDT",
    code: "mdt_older_than_year",
    severity: "warning",
  },
  {
    rule: "level_order",
    change: { CD_LEVEL_FROM: "L5", CD_LEVEL_TO: "L4" },
    field: "CD_LEVEL_TO",
    code: "level_order",
  },
  {
    rule: "implant_required",
    change: { CD_PROCEDURE: ["5"], FL_IMPLANT: false, IMPLANT: undefined },
    field: "FL_IMPLANT",
    code: "implant_required",
  },
  {
    rule: "fusion_without_implant",
    change: { FL_IMPLANT: false, IMPLANT: undefined },
    field: "FL_IMPLANT",
    code: "fusion_without_implant",
    severity: "warning",
  },
];

// The rules the field definitions carry (required, conditions, formats, lists, ranges).
const fieldCases: Omit<Case, "rule">[] = [
  { change: without("CD_HPIN"), field: "CD_HPIN", code: "required" },
  // Implants are asked only when FL_IMPLANT is true: listed with "no", they are an error,
  // never silently dropped.
  { change: { FL_IMPLANT: false }, field: "IMPLANT", code: "not_relevant" },
  {
    change: { CD_NOMEN: Array.from({ length: 101 }, () => "281116") },
    field: "CD_NOMEN",
    code: "too_many_values",
  },
  { change: { CD_HPIN: "12345626580" }, field: "CD_HPIN", code: "nihii_checksum" },
  { change: { CD_HPIN: "72345625580" }, field: "CD_HPIN", code: "nihii_profession" },
  { change: { IDC_PAT: "93051822362" }, field: "IDC_PAT", code: "niss_checksum" },
  { change: { IDC_PAT: "9305182236" }, field: "IDC_PAT", code: "niss_format" },
  { change: without("IDC_PAT"), field: "TX_PAT_LAST_NAM", code: "required" },
  { change: without("IDC_PAT"), field: "TX_PAT_FIRST_NAM", code: "required" },
  { change: { TX_PAT_LAST_NAM: "x".repeat(101) }, field: "TX_PAT_LAST_NAM", code: "too_long" },
  { change: { TX_IDC_PAT_INT: "x".repeat(51) }, field: "TX_IDC_PAT_INT", code: "too_long" },
  { change: without("D_PAT_DOB"), field: "D_PAT_DOB", code: "required" },
  { change: { D_PAT_DOB: "1993-02-30" }, field: "D_PAT_DOB", code: "invalid_date" },
  { change: { D_PAT_DOB: "18/05/1993" }, field: "D_PAT_DOB", code: "invalid_date" },
  { change: without("CD_PAT_SEX"), field: "CD_PAT_SEX", code: "required" },
  { change: { CD_PAT_SEX: "M" }, field: "CD_PAT_SEX", code: "invalid_code" },
  { change: without("CD_PAT_PLC_RESDC"), field: "CD_PAT_PLC_RESDC", code: "required" },
  { change: { CD_PAT_PLC_RESDC: "9993" }, field: "CD_PAT_PLC_RESDC", code: "invalid_postcode" },
  { change: { CD_PAT_PLC_RESDC: "0999" }, field: "CD_PAT_PLC_RESDC", code: "invalid_postcode" },
  { change: without("D_ADM"), field: "D_ADM", code: "required" },
  { change: without("D_SURG"), field: "D_SURG", code: "required" },
  { change: without("CD_NOMEN"), field: "CD_NOMEN", code: "required" },
  { change: { CD_NOMEN: ["281117"] }, field: "CD_NOMEN", code: "invalid_nomenclature" },
  { change: { CD_NOMEN: ["28111"] }, field: "CD_NOMEN", code: "invalid_nomenclature" },
  { change: { CD_NOMEN: ["281116", "281116"] }, field: "CD_NOMEN", code: "duplicate_value" },
  { change: without("CD_URGENCY"), field: "CD_URGENCY", code: "required" },
  { change: { CD_URGENCY: "3" }, field: "CD_URGENCY", code: "invalid_code" },
  { change: without("CD_MDT"), field: "CD_MDT", code: "required" },
  { change: without("D_MDT"), field: "D_MDT", code: "required" },
  { change: without("CD_PATHOLOGY"), field: "CD_PATHOLOGY", code: "required" },
  { change: { CD_PATHOLOGY: "99" }, field: "TX_PATHOLOGY_OTHER", code: "required" },
  {
    change: { CD_PATHOLOGY: "99", TX_PATHOLOGY_OTHER: "x".repeat(201) },
    field: "TX_PATHOLOGY_OTHER",
    code: "too_long",
  },
  { change: without("CD_LEVEL_FROM"), field: "CD_LEVEL_FROM", code: "required" },
  { change: { CD_LEVEL_TO: "L6" }, field: "CD_LEVEL_TO", code: "invalid_code" },
  { change: without("CD_PREV_SURG"), field: "CD_PREV_SURG", code: "required" },
  { change: { CD_ASA: "6" }, field: "CD_ASA", code: "invalid_code" },
  { change: without("CD_APPROACH"), field: "CD_APPROACH", code: "required" },
  { change: without("CD_PROCEDURE"), field: "CD_PROCEDURE", code: "required" },
  { change: { CD_TECH: ["6"] }, field: "CD_TECH", code: "invalid_code" },
  { change: without("FL_IMPLANT"), field: "FL_IMPLANT", code: "required" },
  {
    change: { FL_IMPLANT: "yes" as unknown as boolean },
    field: "FL_IMPLANT",
    code: "invalid_type",
  },
  { change: without("IMPLANT"), field: "IMPLANT", code: "required" },
  {
    change: { IMPLANT: Array.from({ length: 21 }, () => ({ CD_IMPL_TYPE: "1", MS_IMPL_QTY: 1 })) },
    field: "IMPLANT",
    code: "too_many_items",
  },
  { change: { IMPLANT: [{ MS_IMPL_QTY: 2 }] }, field: "IMPLANT[1].CD_IMPL_TYPE", code: "required" },
  {
    change: { IMPLANT: [{ CD_IMPL_TYPE: "1" }] },
    field: "IMPLANT[1].MS_IMPL_QTY",
    code: "required",
  },
  {
    change: { IMPLANT: [{ CD_IMPL_TYPE: "1", MS_IMPL_QTY: 51 }] },
    field: "IMPLANT[1].MS_IMPL_QTY",
    code: "out_of_range",
  },
  {
    change: { IMPLANT: [{ CD_IMPL_TYPE: "1", MS_IMPL_QTY: 0 }] },
    field: "IMPLANT[1].MS_IMPL_QTY",
    code: "out_of_range",
  },
  {
    change: { IMPLANT: [{ CD_IMPL_TYPE: "7", MS_IMPL_QTY: 1 }] },
    field: "IMPLANT[1].CD_IMPL_TYPE",
    code: "invalid_code",
  },
  {
    change: { IMPLANT: [{ CD_IMPL_TYPE: "1", MS_IMPL_QTY: 1, TX_IMPL_REF: "x".repeat(51) }] },
    field: "IMPLANT[1].TX_IMPL_REF",
    code: "too_long",
  },
  { change: without("CD_COMPL_PEROP"), field: "CD_COMPL_PEROP", code: "required" },
  { change: { CD_COMPL_PEROP: ["0", "1"] }, field: "CD_COMPL_PEROP", code: "exclusive_value" },
  { change: { MS_BLOOD_LOSS: -1 }, field: "MS_BLOOD_LOSS", code: "out_of_range" },
  { change: { MS_BLOOD_LOSS: 20001 }, field: "MS_BLOOD_LOSS", code: "out_of_range" },
  { change: { MS_BLOOD_LOSS: 12.5 }, field: "MS_BLOOD_LOSS", code: "invalid_type" },
  { change: { MS_DURATION: 0 }, field: "MS_DURATION", code: "out_of_range" },
  { change: { MS_DURATION: 1441 }, field: "MS_DURATION", code: "out_of_range" },
  { change: { TX_AUTHOR: "not-an-address" }, field: "TX_AUTHOR", code: "invalid_email" },
  { change: { NOT_A_FIELD: "x" }, field: "NOT_A_FIELD", code: "unknown_field" },
];

function validate(change: DcdRecord) {
  return spinSurg.validate({ ...VALID_RECORD, ...change }, { today: TODAY });
}

describe("SPIN_SURG rules", () => {
  it("accepts the valid record without any issue", () => {
    expect(validate({})).toEqual({ valid: true, issues: [], record: expect.any(Object) });
  });

  it("has a case for every rule of the DCD", () => {
    const tested = new Set(ruleCases.map((c) => `${c.rule}@${c.field}`));
    const missing = SPIN_SURG.rules.filter((r) => !tested.has(`${r.code}@${r.field}`));
    expect(
      missing.map((r) => r.code),
      "add a case to ruleCases for each rule listed",
    ).toEqual([]);
  });

  it.each([...ruleCases, ...fieldCases])(
    "$field: $code",
    ({ change, field, code, severity = "error" }) => {
      const result = validate(change);
      expect(result.issues).toContainEqual(expect.objectContaining({ field, code, severity }));
      expect(result.valid).toBe(
        severity === "warning" ? !result.issues.some((i) => i.severity === "error") : false,
      );
    },
  );

  it("allows 'not applicable' consultation for an urgent surgery", () => {
    expect(validate({ CD_MDT: "3", D_MDT: undefined, CD_URGENCY: "2" }).issues).toEqual([]);
  });

  it("accepts a foreign patient without NISS when names, birth date and sex are given", () => {
    const foreign = {
      ...without("IDC_PAT"),
      TX_PAT_LAST_NAM: "Müller",
      TX_PAT_FIRST_NAM: "Jörg",
      CD_PAT_PLC_RESDC: "9999",
    };
    expect(validate(foreign)).toMatchObject({ valid: true, issues: [] });
  });

  it("accepts the D_MDT exactly one year before surgery, warns one day earlier", () => {
    expect(validate({ D_MDT: "2025-03-02" }).issues).toEqual([]);
    expect(validate({ D_MDT: "2025-03-01" }).issues.map((i) => i.code)).toEqual([
      "mdt_older_than_year",
    ]);
  });

  it("normalizes a formatted NISS to 11 digits", () => {
    expect(validate({ IDC_PAT: "93.05.18-223.61" }).record?.IDC_PAT).toBe("93051822361");
  });

  it("a draft skips required fields but still rejects malformed values", () => {
    expect(spinSurg.validate({ CD_URGENCY: "1" }, { draft: true, today: TODAY })).toMatchObject({
      valid: true,
    });
    const malformed = spinSurg.validate({ D_SURG: "2026-13-01" }, { draft: true, today: TODAY });
    expect(malformed.valid).toBe(false);
    expect(malformed.issues.map((i) => i.code)).toEqual(["invalid_date"]);
  });

  it("reports every problem at once, even when some fields are malformed", () => {
    const codes = validate({
      D_SURG: "not a date",
      CD_URGENCY: undefined,
      CD_LEVEL_TO: "C1",
    }).issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(["invalid_date", "required", "level_order"]));
    // D_SURG is malformed: the rules comparing with it are skipped, not reported twice.
    expect(codes).not.toContain("admission_after_surgery");
  });

  it("rejects a record that is not an object", () => {
    for (const input of [null, [], "x", 42]) {
      expect(spinSurg.validate(input).issues).toEqual([
        expect.objectContaining({ code: "invalid_type" }),
      ]);
    }
  });
});
