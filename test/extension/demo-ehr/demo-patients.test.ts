import { describe, expect, it } from "vitest";
import { DEMO_PATIENTS } from "../../../scripts/demo-ehr/demo-patients.ts";
import { parseNihii } from "../../../shared-schema/src/identifiers/nihii.ts";
import { parseNiss } from "../../../shared-schema/src/identifiers/niss.ts";

describe("demo EHR patients", () => {
  it("have valid NISS checksums matching their birth date and sex", () => {
    for (const patient of DEMO_PATIENTS.filter((p) => p.niss)) {
      const parsed = parseNiss(patient.niss ?? "");
      expect(parsed, patient.id).toMatchObject({
        ok: true,
        birthDate: patient.birthDate,
        sex: patient.sex,
      });
    }
  });

  it("include one foreign patient without NISS, and French and Dutch charts", () => {
    expect(DEMO_PATIENTS.filter((p) => !p.niss)).toHaveLength(1);
    expect(new Set(DEMO_PATIENTS.map((p) => p.layout))).toEqual(new Set(["fr", "nl"]));
  });

  it("have surgeons with valid physician NIHII numbers", () => {
    for (const patient of DEMO_PATIENTS) {
      expect(parseNihii(patient.surgeonNihii, { profession: "1" }).ok, patient.id).toBe(true);
    }
  });
});
