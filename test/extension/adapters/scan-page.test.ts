import { describe, expect, it } from "vitest";
import { BUILTIN_PROFILES } from "../../../extension/src/adapters/builtin-profiles.ts";
import { EhrProfilesSchema } from "../../../extension/src/adapters/ehr-profile-schema.ts";
import { scanPage } from "../../../extension/src/adapters/scan-page.ts";
import { findDemoPatient } from "../../../scripts/demo-ehr/demo-patients.ts";
import { renderDeChart } from "../../../scripts/demo-ehr/render-de-chart.ts";
import { renderEnChart } from "../../../scripts/demo-ehr/render-en-chart.ts";
import { renderFrChart } from "../../../scripts/demo-ehr/render-fr-chart.ts";
import { parsePage } from "../parse-page.ts";

const valuesOf = (scan: ReturnType<typeof scanPage>) =>
  Object.fromEntries(Object.entries(scan.values).map(([k, v]) => [k, v.value]));

describe("scanPage on the demo EHR's French chart (generic reader)", () => {
  const patient = findDemoPatient("fr-dubois");
  if (!patient) throw new Error("demo patient missing");
  const scan = scanPage(
    parsePage(renderFrChart(patient)),
    "http://127.0.0.1:8789/fr/dossier/fr-dubois",
    BUILTIN_PROFILES,
  );

  it("reads patient, stay, surgeon and billed codes in registry formats", () => {
    expect(scan.isChart).toBe(true);
    expect(scan.profileId).toBeUndefined();
    expect(valuesOf(scan)).toEqual({
      IDC_PAT: patient.niss,
      TX_PAT_LAST_NAM: "DUBOIS",
      TX_PAT_FIRST_NAM: "Claire",
      D_PAT_DOB: "1961-04-23",
      CD_PAT_SEX: "248152002",
      CD_PAT_PLC_RESDC: "1348",
      TX_IDC_PAT_INT: "P-2025-00817",
      D_ADM: "2025-03-10",
      D_DISCH: "2025-03-14",
      CD_URGENCY: "1",
      D_SURG: "2025-03-11",
      CD_HPIN: patient.surgeonNihii,
      CD_NOMEN: ["281120"],
    });
  });

  it("says where each value was read", () => {
    expect(scan.values.IDC_PAT?.source).toEqual({ kind: "label", detail: "NISS" });
    expect(scan.values.D_SURG?.source).toEqual({ kind: "label", detail: "Date de l'intervention" });
  });
});

describe("scanPage on the demo EHR's German and English charts (labels unlike the DCD's)", () => {
  it.each([
    ["de-schmitz", renderDeChart, "1", "Geb.-Datum"],
    ["en-carter", renderEnChart, "2", "D.O.B."],
  ] as const)("reads every field of %s", (id, render, urgency, dobLabel) => {
    const patient = findDemoPatient(id);
    if (!patient) throw new Error("demo patient missing");
    const scan = scanPage(
      parsePage(render(patient)),
      `http://127.0.0.1:8789/${id}`,
      BUILTIN_PROFILES,
    );
    expect(valuesOf(scan)).toEqual({
      IDC_PAT: patient.niss,
      TX_PAT_LAST_NAM: patient.lastName.toUpperCase(),
      TX_PAT_FIRST_NAM: patient.firstName,
      D_PAT_DOB: patient.birthDate,
      CD_PAT_SEX: patient.sex === "female" ? "248152002" : "248153007",
      CD_PAT_PLC_RESDC: patient.postcode,
      TX_IDC_PAT_INT: patient.hospitalNumber,
      D_ADM: patient.admission,
      D_SURG: patient.surgery,
      D_DISCH: patient.discharge,
      CD_URGENCY: urgency,
      CD_HPIN: patient.surgeonNihii,
      CD_NOMEN: patient.codes.map((c) => c.code),
    });
    expect(scan.values.D_PAT_DOB?.source.detail).toBe(dobLabel);
  });
});

describe("scanPage on the foreign patient", () => {
  const patient = findDemoPatient("fr-schneider");
  if (!patient) throw new Error("demo patient missing");
  const scan = scanPage(
    parsePage(renderFrChart(patient)),
    "http://127.0.0.1:8789/fr/dossier/fr-schneider",
    [],
  );

  it("leaves the NISS empty and sets residence 9999 (not living in Belgium)", () => {
    expect(scan.values.IDC_PAT).toBeUndefined();
    expect(scan.values.CD_PAT_PLC_RESDC?.value).toBe("9999");
    expect(scan.values.TX_PAT_LAST_NAM?.value).toBe("SCHNEIDER");
    expect(scan.values._COUNTRY).toBeUndefined();
  });
});

// The Dutch demo chart as its script renders it (the profile's target).
const NL_CHART = `<html><body><div id="app">
<div class="hix-bar"><span data-hix="naam">PEETERS, Jan</span><span data-hix="geboortedatum">02-11-1975</span>
<span data-hix="geslacht">M</span><span data-hix="insz">75110205780</span><span data-hix="patientnr">H0047112</span>
<span data-hix="postcode">2000</span></div>
<div class="grid"><div class="cell"><div class="caption">Opnamedatum</div><div>03-02-2025</div></div>
<div class="cell"><div class="caption">Operatiedatum</div><div data-hix="operatiedatum">04-02-2025</div></div>
<div class="cell"><div class="caption">Opnametype</div><div data-hix="opnametype">Gepland</div></div>
<div class="cell"><div class="caption">RIZIV-nummer chirurg</div><div>13456769780</div></div></div>
<table id="verrichtingen"><tr><th>Code</th><th>Omschrijving</th></tr><tr><td class="code">281120</td><td>a</td></tr><tr><td class="code">105092</td><td>b</td></tr></table>
</div></body></html>`;

describe("scanPage with the declarative profile demo-ehr-nl", () => {
  it("reads by selectors, patterns, maps and labels", () => {
    const scan = scanPage(
      parsePage(NL_CHART),
      "http://127.0.0.1:8789/nl/patient/nl-peeters",
      BUILTIN_PROFILES,
    );
    expect(scan.profileId).toBe("demo-ehr-nl");
    expect(valuesOf(scan)).toMatchObject({
      IDC_PAT: "75110205780",
      TX_PAT_LAST_NAM: "PEETERS",
      TX_PAT_FIRST_NAM: "Jan",
      D_PAT_DOB: "1975-11-02",
      CD_PAT_SEX: "248153007",
      CD_PAT_PLC_RESDC: "2000",
      CD_HPIN: "13456769780",
      D_ADM: "2025-02-03",
      D_SURG: "2025-02-04",
      CD_URGENCY: "1",
      CD_NOMEN: ["281120", "105092"],
    });
    expect(scan.values.IDC_PAT?.source).toEqual({ kind: "profile", detail: "Demo EHR (nl)" });
  });

  it("does not apply to other URLs", () => {
    const scan = scanPage(parsePage(NL_CHART), "https://other.example/chart", BUILTIN_PROFILES);
    expect(scan.profileId).toBeUndefined();
  });

  it("survives a profile with an invalid selector", () => {
    const broken = [
      { id: "x", name: "X", matches: ["*"], fields: { IDC_PAT: { selector: "[[" } } },
    ];
    expect(() => scanPage(parsePage(NL_CHART), "http://x/", broken)).not.toThrow();
  });

  it("ships profiles that pass the profile schema", () => {
    expect(EhrProfilesSchema.safeParse(BUILTIN_PROFILES).success).toBe(true);
  });
});

describe("scanPage on a page that is not a chart", () => {
  it("offers no overlay", () => {
    const scan = scanPage(
      parsePage("<html><body><h1>Agenda</h1><p>Rien</p></body></html>"),
      "http://x/",
      [],
    );
    expect(scan.isChart).toBe(false);
  });
});
