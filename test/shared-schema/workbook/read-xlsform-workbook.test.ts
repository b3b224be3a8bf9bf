// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} is how XLSForm names a field
import { describe, expect, it } from "vitest";
import type { Field } from "../../../shared-schema/src/dcd.ts";
import {
  columnLetter,
  hasBlockingGaps,
  type ReportEntry,
} from "../../../shared-schema/src/workbook/import-report.ts";
import {
  importWorkbook,
  WorkbookFormatError,
} from "../../../shared-schema/src/workbook/import-workbook.ts";
import { GENERIC_CONSTRAINT_MESSAGE } from "../../../shared-schema/src/workbook/xlsform-extensions.ts";
import { buildWorkbook, type TestCell } from "./build-workbook.ts";

// Workbooks shaped like Healthdata's published XLSForm DCDs (no extension column of ours):
// three languages, groups, a repeat, constraints with and without messages, shared lists.

const SURVEY_HEADERS = [
  "name", // before `type`: columns are found by their header, never by position
  "Type",
  "label::English",
  "label::French",
  "label::Dutch",
  "hint::English",
  "required",
  "required_message::English",
  "relevant",
  "constraint",
  "constraint_message::English",
  "choice_filter",
  "default",
  "read_only",
  "calculation",
  "appearance",
  "repeat_count",
];
const col = (header: string) => columnLetter(SURVEY_HEADERS.indexOf(header) + 1);

type SurveyRow = Partial<Record<(typeof SURVEY_HEADERS)[number], string>>;
const row = (cells: SurveyRow): TestCell[] => SURVEY_HEADERS.map((h) => cells[h] ?? null);
const labelled = (name: string, type: string, en: string, more: SurveyRow = {}) =>
  row({
    name,
    Type: type,
    "label::English": en,
    "label::French": `${en} (fr)`,
    "label::Dutch": `${en} (nl)`,
    ...more,
  });

const OFFICIAL_SURVEY: TestCell[][] = [
  SURVEY_HEADERS,
  row({ name: "start", Type: "start" }),
  labelled("PATIENT", "begin group", "Patient"),
  labelled("TX_TTL_ID", "text", "Identification"),
  labelled("D_BIRTH", "date", "Birth date", {
    required: "yes",
    constraint: ". <= today()",
    "constraint_message::English": "The birth date is in the future.",
    "hint::English": "As on the identity card",
  }),
  labelled("MS_AGE", "integer", "Age", { required: "TRUE()", constraint: ". >= 0 and . <= 120" }),
  labelled("CD_SEX", "select_one sex", "Sex", { required: "yes", appearance: "minimal" }),
  labelled("FL_CONSENT", "acknowledge", "Consent", { appearance: "minimal" }),
  labelled("PREGNANCY", "begin group", "Pregnancy", { relevant: "${CD_SEX} = '2'" }),
  labelled("FL_PREGNANT", "select_one yes_no", "Pregnant", {
    required: "${MS_AGE} >= 12",
    relevant: "${MS_AGE} < 60",
    "required_message::English": "Say whether the patient is pregnant.",
  }),
  row({ Type: "end group" }),
  row({ Type: "end group" }),
  labelled("STAY", "begin group", "Stay", { relevant: "${FL_CONSENT} = true()" }),
  labelled("CD_PROVINCE", "select_one province", "Province", { default: "BRU" }),
  labelled("CD_CITY", "select_one city", "City", { choice_filter: "province = ${CD_PROVINCE}" }),
  labelled("MS_WEIGHT", "decimal", "Weight", { default: "70.5" }),
  labelled("MS_HEIGHT", "integer", "Height", { default: "170" }),
  labelled("CALC_BMI", "calculate", "BMI", {
    calculation: "${MS_WEIGHT} div (${MS_HEIGHT} * ${MS_HEIGHT} * 0.0001)",
  }),
  labelled("CD_PREV", "select_one yes_no", "Previous stay", { read_only: "yes" }),
  labelled("VISIT", "begin repeat", "Visit", { repeat_count: "3" }),
  labelled("D_VISIT", "date", "Visit date", { required: "yes" }),
  labelled("TX_VISIT", "text", "Visit note"),
  row({ Type: "end repeat" }),
  row({ Type: "end group" }),
  row({ name: "TX_BUSINESS_KEY", Type: "text" }),
  row({ name: "STATUS", Type: "text" }),
];

const CHOICES: TestCell[][] = [
  ["list name", "name", "label::English", "label::French", "label::Dutch", "province", "image"],
  ["sex", "1", "Male", "Homme", "Man", null, null],
  ["sex", "2", "Female", "Femme", "Vrouw", null, null],
  ["yes_no", "1", "Yes", "Oui", "Ja", null, "yes.png"],
  ["yes_no", "0", "No", "Non", "Nee", null, null],
  ["province", "BRU", "Brussels", "Bruxelles", "Brussel", null, null],
  ["province", "ANT", "Antwerp", "Anvers", "Antwerpen", null, null],
  ["city", "1000", "Brussels", "Bruxelles", "Brussel", "BRU", null],
  ["city", "2000", "Antwerp", "Anvers", "Antwerpen", "ANT", null],
];

const SETTINGS: TestCell[][] = [
  [
    "form_id",
    "version",
    "form_title::English",
    "form_title::French",
    "form_title::Dutch",
    "default_language",
    "instance_name",
  ],
  ["TEST_REG", "2024031501", "Test registry", "Registre test", "Testregister", "English", "x"],
];

async function importOfficial(survey = OFFICIAL_SURVEY, fileName = "HD_DCD_SPEC_TEST.xlsx") {
  const bytes = await buildWorkbook({ settings: SETTINGS, survey, choices: CHOICES });
  return importWorkbook(bytes, fileName);
}

function fieldOf(fields: Field[], name: string): Field {
  const all = fields.flatMap((f) => [f, ...(f.type === "repeat" ? f.fields : [])]);
  const field = all.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name}`);
  return field;
}

const messages = (entries: ReportEntry[], text: string) =>
  entries.filter((e) => e.message.includes(text));

describe("importWorkbook, XLSForm layout", () => {
  it("maps an official workbook without blocking gaps, and the DCD passes parseDcd", async () => {
    const { dcd, report } = await importOfficial();
    expect(report.layout).toBe("xlsform");
    expect(hasBlockingGaps(report)).toBe(false);
    expect(dcd.id).toBe("TEST_REG");
    expect(dcd.source).toContain("HD_DCD_SPEC_TEST.xlsx");
    expect(dcd.label).toEqual({
      en: "Test registry",
      fr: "Registre test",
      nl: "Testregister",
      de: "Test registry",
    });
    expect(dcd.sections?.map((s) => s.name)).toEqual(["PATIENT", "STAY"]);
    expect(dcd.sections?.[1]?.relevant).toEqual({ field: "FL_CONSENT", equals: true });
    expect(dcd.fields.map((f) => f.name)).toEqual([
      "TX_TTL_ID",
      "D_BIRTH",
      "MS_AGE",
      "CD_SEX",
      "FL_CONSENT",
      "FL_PREGNANT",
      "CD_PROVINCE",
      "CD_CITY",
      "MS_WEIGHT",
      "MS_HEIGHT",
      "CALC_BMI",
      "CD_PREV",
      "VISIT",
      "TX_BUSINESS_KEY",
      "STATUS",
    ]);
    expect(report.counts).toEqual({ fields: 17, codeLists: 4, rules: 2 });
  });

  it("translates types, requirements, nested groups, defaults and lists", async () => {
    const { dcd } = await importOfficial();
    const f = (name: string) => fieldOf(dcd.fields, name);
    expect(f("TX_TTL_ID")).toMatchObject({ type: "note", section: "PATIENT" });
    expect(f("D_BIRTH")).toMatchObject({
      type: "date",
      required: true,
      help: { en: "As on the identity card", fr: "As on the identity card" },
      label: { en: "Birth date", fr: "Birth date (fr)", nl: "Birth date (nl)", de: "Birth date" },
    });
    expect(f("MS_AGE")).toMatchObject({ type: "integer", required: true });
    expect(f("CD_SEX")).toMatchObject({ type: "code", codeList: "sex", required: true });
    expect(f("FL_CONSENT")).toMatchObject({ type: "bool", required: false });
    // The nested group is flattened: its relevant joins the field's own.
    expect(f("FL_PREGNANT")).toMatchObject({
      section: "PATIENT",
      codeList: "yes_no",
      required: { compare: [{ field: "MS_AGE" }, ">=", { value: 12 }] },
      relevant: {
        all: [
          { field: "CD_SEX", equals: "2" },
          { compare: [{ field: "MS_AGE" }, "<", { value: 60 }] },
        ],
      },
      requiredMessage: { en: "Say whether the patient is pregnant." },
    });
    expect(f("CD_PROVINCE")).toMatchObject({ default: "BRU", section: "STAY" });
    expect(f("CD_CITY")).toMatchObject({
      choiceFilter: { compare: [{ choice: "province" }, "==", { field: "CD_PROVINCE" }] },
    });
    expect(f("MS_WEIGHT")).toMatchObject({ type: "decimal", default: 70.5 });
    expect(f("MS_HEIGHT")).toMatchObject({ type: "integer", default: 170 });
    expect(f("CALC_BMI")).toMatchObject({
      type: "calculate",
      calculation: { arith: [{ field: "MS_WEIGHT" }, "div", expect.anything()] },
    });
    expect(f("CD_PREV")).toMatchObject({ readonly: true, codeList: "yes_no" });
    expect(f("VISIT")).toMatchObject({ type: "repeat", minItems: 3, maxItems: 3, section: "STAY" });
    expect(f("D_VISIT")).toMatchObject({ type: "date", required: true });
    expect(f("D_VISIT")).not.toHaveProperty("section");
    expect(f("TX_BUSINESS_KEY")).toMatchObject({ system: true, label: { fr: "TX_BUSINESS_KEY" } });
    expect(f("STATUS")).toMatchObject({ system: true });

    // A list shared by two fields stays one list; other columns become item filters.
    expect(dcd.codeLists.map((l) => l.name)).toEqual(["sex", "yes_no", "province", "city"]);
    expect(dcd.codeLists[3]?.items[1]).toEqual({
      value: "2000",
      label: { en: "Antwerp", fr: "Anvers", nl: "Antwerpen", de: "Antwerp" },
      filters: { province: "ANT" },
    });
  });

  it("turns constraints into error rules, with a generic message when there is none", async () => {
    const { dcd } = await importOfficial();
    expect(dcd.rules).toEqual([
      {
        code: "constraint",
        field: "D_BIRTH",
        severity: "error",
        assert: { compare: [{ field: "D_BIRTH" }, "<=", { today: true }] },
        message: {
          en: "The birth date is in the future.",
          fr: "The birth date is in the future.",
          nl: "The birth date is in the future.",
          de: "The birth date is in the future.",
        },
      },
      {
        code: "constraint",
        field: "MS_AGE",
        severity: "error",
        assert: {
          all: [
            { compare: [{ field: "MS_AGE" }, ">=", { value: 0 }] },
            { compare: [{ field: "MS_AGE" }, "<=", { value: 120 }] },
          ],
        },
        message: GENERIC_CONSTRAINT_MESSAGE,
      },
    ]);
  });

  it("reports once per missing language, per ignored column and per skipped row", async () => {
    const { report } = await importOfficial();
    const german = messages(report.entries, "German (de)");
    expect(german).toHaveLength(1);
    expect(german[0]?.message).toMatch(/no German column.*filled in from English/);
    expect(messages(report.entries, "French (fr)")).toHaveLength(1); // empty constraint_message cells
    expect(messages(report.entries, "Column appearance is ignored")).toEqual([
      expect.objectContaining({ sheet: "survey", row: 1, column: col("appearance") }),
    ]);
    expect(messages(report.entries, "Column image is ignored")).toHaveLength(1);
    expect(messages(report.entries, "Setting instance_name is ignored")).toHaveLength(1);
    expect(messages(report.entries, "start is recorded by the form software")).toEqual([
      expect.objectContaining({ sheet: "survey", row: 2, level: "warning" }),
    ]);
    expect(messages(report.entries, '"2024031501" is not a semantic version')).toEqual([
      expect.objectContaining({ sheet: "settings", row: 2, column: "B" }),
    ]);
  });

  it("reports what cannot be translated with sheet, row, column and the parser's reason", async () => {
    const survey = [
      ...OFFICIAL_SURVEY,
      labelled("X_GEO", "geopoint", "Location"),
      labelled("TX_LOOKUP", "text", "Lookup", { constraint: "pulldata('x','y')" }),
      labelled("TX_SLIP", "text", "Slip", { relevant: "${MS_AGE} == 3" }),
      labelled("CD_GONE", "select_one missing_list", "Gone"),
    ];
    const { dcd, report } = await importOfficial(survey);
    expect(hasBlockingGaps(report)).toBe(true);
    const blocking = report.entries
      .filter((e) => e.level === "unmapped" && e.affectsValidation)
      .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const last = OFFICIAL_SURVEY.length;
    expect(blocking).toEqual([
      expect.objectContaining({ row: last + 1, column: col("Type"), subject: "X_GEO" }),
      expect.objectContaining({
        sheet: "survey",
        row: last + 2,
        column: col("constraint"),
        subject: "TX_LOOKUP",
        message: expect.stringMatching(/pulldata.*not supported/),
      }),
      expect.objectContaining({ row: last + 3, column: col("relevant"), subject: "TX_SLIP" }),
      expect.objectContaining({ row: last + 4, column: col("Type"), subject: "CD_GONE" }),
    ]);
    // Kept loadable: the unknown type as text, the list as an empty one, no rule for pulldata.
    expect(fieldOf(dcd.fields, "X_GEO").type).toBe("text");
    expect(dcd.rules.map((r) => r.field)).toEqual(["D_BIRTH", "MS_AGE"]);
    expect(fieldOf(dcd.fields, "TX_SLIP")).not.toHaveProperty("relevant");
  });

  it("reports a DCD that fails parseDcd as blocking", async () => {
    const survey = [...OFFICIAL_SURVEY, labelled("BAD NAME", "text", "Bad")];
    const { report } = await importOfficial(survey);
    expect(hasBlockingGaps(report)).toBe(true);
    expect(messages(report.entries, "The imported DCD is not usable")[0]).toMatchObject({
      level: "unmapped",
      affectsValidation: true,
    });
  });

  it("reads a label without language as the default language", async () => {
    const bytes = await buildWorkbook({
      settings: [
        ["form_id", "version", "default_language"],
        ["MINI", "1.2", "Français"],
      ],
      survey: [
        ["type", "name", "label", "label::Nederlands"],
        ["text", "TX_A", "Nom", "Naam"],
      ],
      choices: [["list_name", "name", "label"]],
    });
    const { dcd, report } = await importWorkbook(bytes, "mini.xlsx");
    expect(dcd.version).toBe("1.2.0");
    expect(dcd.fields[0]?.label).toEqual({ fr: "Nom", nl: "Naam", de: "Nom", en: "Nom" });
    expect(messages(report.entries, "text(s) missing").map((e) => e.message.slice(0, 12))).toEqual([
      "German (de):",
      "English (en)",
    ]);
  });

  it.each([
    ["v1.2.3", "any.xlsx", "1.2.3"],
    ["", "HD_DCD_SPEC_HDBP0999_X_v1.4.0.xlsx", "1.4.0"],
    ["draft", "x.xlsx", "0.0.0"],
    ["3.0.1", "x.xlsx", "3.0.1"],
  ])("reads version %j of %s as %s", async (version, fileName, expected) => {
    const bytes = await buildWorkbook({
      settings: [
        ["form_id", "version"],
        ["V", version || null],
      ],
      survey: [
        ["type", "name"],
        ["text", "TX_A"],
      ],
    });
    expect((await importWorkbook(bytes, fileName)).dcd.version).toBe(expected);
  });

  it("refuses a workbook of neither layout, saying what was expected", async () => {
    const bytes = await buildWorkbook({ Sheet1: [["Patient", "Date"]] });
    const error = await importWorkbook(bytes, "notes.xlsx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFormatError);
    expect((error as Error).message).toMatch(/notes\.xlsx is neither/);
    expect((error as Error).message).toMatch(/"survey" sheet with "type" and "name"/);
    expect((error as Error).message).toMatch(/its sheets: "Sheet1"/);
  });

  it("refuses bytes that are not a workbook", async () => {
    await expect(importWorkbook(new TextEncoder().encode("a;b\n"), "x.xlsx")).rejects.toThrow(
      WorkbookFormatError,
    );
  });
});
