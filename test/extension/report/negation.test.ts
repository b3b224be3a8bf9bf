import { describe, expect, it } from "vitest";
import { extractProposals } from "../../../extension/src/report/extract-proposals.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";

const pairs = (text: string) =>
  extractProposals(text, SPIN_SURG).map(({ field, value }) => `${field}=${value}`);

describe("what a report says was not done proposes nothing", () => {
  it.each([
    ["Discectomie L4-L5 sans navigation.", "CD_TECH=3"],
    ["Pas de cage, deux tiges.", "IMPLANT.CD_IMPL_TYPE=3"],
    ["Discectomie L4-L5, aucun implant.", "FL_IMPLANT=true"],
    ["Microscope : non.", "CD_TECH=1"],
    ["La navigation n'a pas été utilisée.", "CD_TECH=3"],
    ["Discectomie L5-S1, geen microscoop.", "CD_TECH=1"],
    ["Decompressie L4-L5, zonder navigatie en zonder robot.", "CD_TECH=4"],
    ["Navigatie werd niet gebruikt.", "CD_TECH=3"],
    ["Navigatie: nee.", "CD_TECH=3"],
    ["Dekompression L4/5 ohne Navigation.", "CD_TECH=3"],
    ["Keine Verwendung des Mikroskops.", "CD_TECH=1"],
    ["Neuromonitoring wurde nicht eingesetzt.", "CD_TECH=5"],
    ["Discectomy L4-5, no implant.", "FL_IMPLANT=true"],
    ["Neither navigation nor implants were used.", "CD_TECH=3"],
    ["The microscope was not used.", "CD_TECH=1"],
    ["No interbody cage was used.", "IMPLANT.CD_IMPL_TYPE=3"],
  ])("%s", (text, never) => {
    expect(pairs(text)).not.toContain(never);
  });

  it("negates within its clause only", () => {
    expect(pairs("Sans navigation, sous microscope.")).toEqual(["CD_TECH=1"]);
    expect(pairs("Sans drain et avec navigation.")).toEqual(["CD_TECH=3"]);
    expect(pairs("No fusion was performed but the microscope was used.")).toEqual(["CD_TECH=1"]);
  });

  it("keeps what only follows a negation without being negated", () => {
    // Uncemented screws are still screws; "sans anomalie" says nothing of the monitoring.
    expect(pairs("Vis pédiculaires non cimentées.")).toContain("IMPLANT.CD_IMPL_TYPE=1");
    expect(pairs("Neuromonitoring sans anomalie.")).toEqual(["CD_TECH=5"]);
  });

  it("keeps a negation that is part of a procedure's name", () => {
    expect(pairs("Instrumentation sans arthrodèse L1-L3.")).toContain("CD_PROCEDURE=5");
  });

  it("proposes nothing planned for later, nor done in an earlier operation", () => {
    expect(pairs("Dekompression L5/S1, ALIF L5/S1 in zweiter Sitzung geplant.")).not.toContain(
      "CD_PROCEDURE=3",
    );
    expect(pairs("Zustand nach Mikrodiskektomie L5/S1. Jetzt Dekompression L4/5.")).toEqual([
      "CD_LEVEL_FROM=L4",
      "CD_LEVEL_TO=L5",
      "CD_PROCEDURE=1",
    ]);
  });

  it("takes devices that are removed for no implant", () => {
    expect(pairs("Verwijdering van de staven L4-L5.")).toEqual([
      "CD_LEVEL_FROM=L4",
      "CD_LEVEL_TO=L5",
      "CD_PROCEDURE=10",
    ]);
  });
});
