import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { compileDcd } from "../../../shared-schema/src/compile-dcd.ts";
import type { Condition, Dcd, DcdRecord, FieldType } from "../../../shared-schema/src/dcd.ts";
import { parseDcd } from "../../../shared-schema/src/parse-dcd.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import { same, t } from "../../../shared-schema/src/translations.ts";
import { hasBlockingGaps } from "../../../shared-schema/src/workbook/import-report.ts";
import { importWorkbook } from "../../../shared-schema/src/workbook/import-workbook.ts";
import { writeXlsformWorkbook } from "../../../shared-schema/src/workbook/write-xlsform-workbook.ts";
import { parseCondition } from "../../../shared-schema/src/xlsform/parse-expression.ts";
import { printCondition } from "../../../shared-schema/src/xlsform/print-expression.ts";
import { validSpinSurgRecord } from "../../support/valid-spin-surg-record.ts";
import { TINY_DCD } from "../fixtures/tiny-dcd.ts";

// Our DCD travels the road of an official one: DCD -> XLSForm workbook -> importWorkbook.
// The trip must lose nothing (but `source`, which names the workbook), or SPIN_SURG shipped
// as a workbook would validate differently from SPIN_SURG shipped as JSON.

const withoutSource = ({ source: _, ...dcd }: Dcd) => dcd;

async function roundTrip(dcd: Dcd, fileName: string) {
  return importWorkbook(await writeXlsformWorkbook(dcd), fileName);
}

/** A DCD with what neither SPIN_SURG nor TINY use: every other field type and attribute. */
const EVERY_FEATURE: Dcd = parseDcd({
  id: "EVERY_FEATURE",
  version: "2.1.3",
  label: t("Tout", "Alles", "Alles", "Everything"),
  source: "test fixture",
  sections: [
    { name: "MAIN", label: t("Principal", "Hoofd", "Haupt", "Main") },
    {
      name: "EXTRA",
      label: same("Extra"),
      relevant: { field: "FL_MORE", equals: true },
    },
    { name: "EMPTY", label: same("Nothing yet") },
  ],
  fields: [
    {
      name: "TX_TTL_MAIN",
      type: "note",
      label: t("Titre", "Titel", "Titel", "Title"),
      required: false,
      section: "MAIN",
    },
    {
      name: "CD_PROVINCE",
      type: "code",
      codeList: "PROVINCE",
      label: same("Province"),
      required: true,
      requiredMessage: t("Province ?", "Provincie?", "Provinz?", "Province?"),
      default: "BRU",
      section: "MAIN",
    },
    {
      name: "CD_CITY",
      type: "code",
      codeList: "CITY",
      label: same("City"),
      required: { filled: "CD_PROVINCE" },
      choiceFilter: { compare: [{ choice: "province" }, "==", { field: "CD_PROVINCE" }] },
      section: "MAIN",
    },
    {
      name: "MS_WEIGHT",
      type: "decimal",
      label: same("Weight (kg)"),
      help: t("En kg", "In kg", "In kg", "In kg"),
      required: false,
      min: 0.5,
      max: 350.25,
      section: "MAIN",
    },
    {
      name: "MS_HEIGHT",
      type: "integer",
      label: same("Height (cm)"),
      required: false,
      default: 170,
      readonly: false,
      section: "MAIN",
    },
    {
      name: "CALC_BMI",
      type: "calculate",
      label: same("BMI"),
      required: false,
      calculation: {
        arith: [
          { field: "MS_WEIGHT" },
          "div",
          { arith: [{ field: "MS_HEIGHT" }, "*", { value: 0.0001 }] },
        ],
      },
      section: "MAIN",
    },
    {
      name: "T_START",
      type: "time",
      label: same("Start"),
      required: false,
      readonly: true,
      section: "MAIN",
    },
    { name: "DT_END", type: "datetime", label: same("End"), required: false, section: "MAIN" },
    {
      name: "FL_MORE",
      type: "bool",
      label: same("More"),
      required: true,
      default: false,
      section: "MAIN",
    },
    {
      name: "CD_SYMPTOMS",
      type: "multi",
      codeList: "SYMPTOM",
      label: same("Symptoms"),
      required: false,
      minItems: 1,
      maxItems: 2,
      relevant: { field: "FL_MORE", equals: true },
      section: "EXTRA",
    },
    {
      name: "VISIT",
      type: "repeat",
      label: same("Visits"),
      required: false,
      minItems: 0,
      maxItems: 5,
      section: "EXTRA",
      fields: [
        { name: "D_VISIT", type: "date", label: same("Visit date"), required: true },
        {
          name: "TX_VISIT",
          type: "text",
          label: same("Note"),
          required: { not: { empty: "D_VISIT" } },
          maxLength: 20,
          relevant: { compare: [{ field: "D_VISIT" }, ">=", { value: "2020-01-01" }] },
        },
      ],
    },
    {
      name: "TX_AUTHOR",
      type: "text",
      label: same("Author"),
      required: false,
      format: "email",
      system: false,
    },
  ],
  codeLists: [
    {
      name: "PROVINCE",
      items: [
        { value: "BRU", label: same("Brussels"), id: "501" },
        { value: "ANT", label: t("Anvers", "Antwerpen", "Antwerpen", "Antwerp"), id: "502" },
      ],
    },
    {
      name: "CITY",
      items: [
        { value: "1000", label: same("Bruxelles"), filters: { province: "BRU" } },
        { value: "2000", label: same("Antwerpen"), filters: { province: "ANT", zone: "N" } },
      ],
    },
    {
      name: "SYMPTOM",
      items: [
        { value: "0", label: same("None"), exclusive: true },
        { value: "1", label: same("Pain"), exclusive: false },
        { value: "2", label: same("Numbness") },
      ],
    },
    { name: "UNUSED", items: [] },
  ],
  rules: [
    {
      code: "weight_plausible",
      field: "MS_WEIGHT",
      severity: "error",
      assert: { compare: [{ field: "MS_WEIGHT" }, "<=", { value: 300 }] },
      message: t("Poids ?", "Gewicht?", "Gewicht?", "Weight?"),
    },
    {
      code: "constraint",
      field: "D_VISIT",
      repeat: "VISIT",
      severity: "error",
      assert: { compare: [{ field: "D_VISIT" }, "<=", { today: true }] },
      message: same("{field} in the future"),
    },
    {
      code: "bmi_range",
      field: "MS_WEIGHT",
      severity: "warning",
      when: { filled: "MS_HEIGHT" },
      assert: { compare: [{ field: "CALC_BMI" }, "<", { value: 60 }] },
      message: same("{field}: BMI over {max}"),
      params: { max: 60, unit: "kg/m²" },
    },
    {
      code: "visit_after_end",
      field: "D_VISIT",
      repeat: "VISIT",
      severity: "warning",
      assert: { regex: [{ field: "TX_VISIT" }, "^[A-Z]"] },
      message: same("Capital"),
    },
  ],
  businessKey: { fields: ["CD_PROVINCE", "CD_CITY"] },
});

/** Where the conditions of a DCD do not survive printing and parsing (docs/dcd-expressions.md). */
function nonCanonicalConditions(dcd: Dcd): string[] {
  const types = new Map<string, FieldType>();
  for (const f of dcd.fields) {
    types.set(f.name, f.type);
    if (f.type === "repeat") for (const inner of f.fields) types.set(inner.name, inner.type);
  }
  const sites: [string, Condition | undefined][] = [
    ...dcd.fields
      .flatMap((f) => [f, ...(f.type === "repeat" ? f.fields : [])])
      .flatMap((f): [string, Condition | undefined][] => [
        [`${f.name}.required`, typeof f.required === "object" ? f.required : undefined],
        [`${f.name}.relevant`, f.relevant],
        [`${f.name}.choiceFilter`, "choiceFilter" in f ? f.choiceFilter : undefined],
      ]),
    ...(dcd.sections ?? []).map((s): [string, Condition | undefined] => [s.name, s.relevant]),
    ...dcd.rules.flatMap((r, i): [string, Condition | undefined][] => [
      [`rules[${i}] ${r.code}.when`, r.when],
      [`rules[${i}] ${r.code}.assert`, r.assert],
    ]),
    ["businessKey.fallback.when", dcd.businessKey.fallback?.when],
  ];
  return sites.flatMap(([where, condition]) => {
    if (!condition) return [];
    const ctx = {
      fieldType: (n: string) => types.get(n),
      choiceColumns: where.endsWith("choiceFilter"),
    };
    const back = parseCondition(printCondition(condition), ctx);
    return back.ok && isDeepStrictEqual(back.value, condition)
      ? []
      : [`${where}: ${JSON.stringify(condition)} reads back as ${JSON.stringify(back)}`];
  });
}

describe("DCD -> XLSForm workbook -> DCD", () => {
  it("has SPIN_SURG's conditions in the canonical form that expressions carry", () => {
    expect(
      nonCanonicalConditions(SPIN_SURG),
      "write these conditions in their canonical form in shared-schema/dcds/SPIN_SURG-0.1.0.json",
    ).toEqual([]);
  });

  it("gives SPIN_SURG back exactly, but its source, which names the workbook", async () => {
    const fileName = "HD_DCD_SPEC_SPIN_SURG_v0.1.0.xlsx";
    const { dcd, report } = await roundTrip(SPIN_SURG, fileName);
    expect(hasBlockingGaps(report)).toBe(false);
    expect(
      withoutSource(dcd),
      "a difference is something the workbook layout cannot carry: see the canonical-form test",
    ).toStrictEqual(withoutSource(SPIN_SURG));
    expect(dcd.source).toContain(fileName);
    expect(dcd.source).toContain(SPIN_SURG.source);
    expect(report.counts).toEqual({ fields: 39, codeLists: 14, rules: SPIN_SURG.rules.length });
  });

  it.each([
    ["TINY_DCD", TINY_DCD],
    ["a DCD with every other feature", EVERY_FEATURE],
  ])("gives %s back exactly", async (_, original) => {
    const { dcd, report } = await roundTrip(original, "tiny.xlsx");
    expect(report.entries.filter((e) => e.level !== "mapped")).toEqual([]);
    expect(withoutSource(dcd)).toStrictEqual(withoutSource(original));
  });

  it("validates records as SPIN_SURG does", async () => {
    const { dcd } = await roundTrip(SPIN_SURG, "spin.xlsx");
    const before = compileDcd(SPIN_SURG);
    const after = compileDcd(dcd);
    const today = "2026-03-10";
    const valid = Array.from({ length: 40 }, (_, i) => validSpinSurgRecord(i));
    const record = validSpinSurgRecord(1);
    const niss = String(record.IDC_PAT);
    const broken: DcdRecord[] = [
      { ...record, D_ADM: "2026-03-09", CD_URGENCY: undefined },
      // The synthetic NISS with its last check digit changed.
      { ...record, IDC_PAT: `${niss.slice(0, 10)}${(Number(niss[10]) + 1) % 10}` },
      { ...record, CD_PAT_SEX: record.CD_PAT_SEX === "248153007" ? "248152002" : "248153007" },
      { ...record, D_SURG: "2022-08-31", D_ADM: "2022-08-30" },
      { ...record, CD_MDT: "3", CD_URGENCY: "1" },
      { ...record, CD_LEVEL_FROM: "L5", CD_LEVEL_TO: "L1" },
      { ...record, CD_PROCEDURE: ["5"], FL_IMPLANT: false, IMPLANT: undefined },
      { ...record, FL_IMPLANT: true, IMPLANT: [{ CD_IMPL_TYPE: "1", MS_IMPL_QTY: 99 }] },
      { ...record, CD_COMPL_PEROP: ["0", "1"] },
      { ...record, IDC_PAT: undefined, CD_PAT_PLC_RESDC: "1000" },
      { ...record, STATUS: "sent" },
      { ...record, CD_NOMEN: ["999999"] },
    ];
    for (const r of [...valid, ...broken]) {
      for (const draft of [false, true]) {
        expect(after.validate(r, { today, draft })).toStrictEqual(
          before.validate(r, { today, draft }),
        );
      }
    }
    // The broken variants are broken: the comparison above compares issues, not silence.
    expect(broken.filter((r) => before.validate(r, { today }).issues.length > 0)).toHaveLength(
      broken.length,
    );
  });
});
