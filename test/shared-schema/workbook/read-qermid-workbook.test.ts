// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} is how XLSForm names a field
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileDcd } from "../../../shared-schema/src/compile-dcd.ts";
import type { Dcd, DcdRecord, Field, RepeatField } from "../../../shared-schema/src/dcd.ts";
import { parseDcd } from "../../../shared-schema/src/parse-dcd.ts";
import {
  hasBlockingGaps,
  type ImportReport,
} from "../../../shared-schema/src/workbook/import-report.ts";
import { importWorkbook } from "../../../shared-schema/src/workbook/import-workbook.ts";
import { parseCodeListCell } from "../../../shared-schema/src/workbook/qermid/parse-code-list-cell.ts";
import { parseExpectedResult } from "../../../shared-schema/src/workbook/qermid/parse-expected-result.ts";
import { parseSimpleCondition } from "../../../shared-schema/src/workbook/qermid/parse-simple-condition.ts";
import { qermidType } from "../../../shared-schema/src/workbook/qermid/qermid-type.ts";
import {
  isQermidWorkbook,
  listQermidDcdSheets,
  readQermidWorkbook,
} from "../../../shared-schema/src/workbook/read-qermid-workbook.ts";
import { ORTHOPRIDE_HIP_RECORD, ORTHOPRIDE_HIP_TODAY } from "../fixtures/orthopride-hip-record.ts";
import {
  type FieldSheetOptions,
  ORTHOPRIDE_HIP_CODE_LIST_ROWS,
  ORTHOPRIDE_HIP_CODE_LIST_SHEET,
  ORTHOPRIDE_HIP_FILE_NAME,
  ORTHOPRIDE_HIP_HEADERS,
  ORTHOPRIDE_HIP_ROWS,
  ORTHOPRIDE_HIP_SHEET,
  ORTHOPRIDE_HIP_TITLE_ROWS,
  type OrthoprideRow,
  orthoprideHipFieldSheet,
  orthoprideHipSheets,
  orthoprideHipWorkbook,
} from "../fixtures/orthopride-hip-workbook.ts";
import { buildWorkbook, type TestCell } from "./build-workbook.ts";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

async function importSheets(
  sheets: Record<string, TestCell[][]>,
  fileName = ORTHOPRIDE_HIP_FILE_NAME,
  options?: { sheet?: string },
): Promise<{ dcd: Dcd; report: ImportReport }> {
  return readQermidWorkbook(await load(await buildWorkbook(sheets)), fileName, options);
}

function fieldOf(dcd: Dcd, name: string): Field {
  const all = dcd.fields.flatMap((f) => (f.type === "repeat" ? [f, ...f.fields] : [f]));
  const field = all.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name}`);
  return field;
}

function withRows(
  change: (rows: OrthoprideRow[]) => OrthoprideRow[],
): Record<string, TestCell[][]> {
  const rows = change(ORTHOPRIDE_HIP_ROWS.map((row) => ({ ...row })));
  return {
    [ORTHOPRIDE_HIP_SHEET]: [
      ...ORTHOPRIDE_HIP_TITLE_ROWS,
      [...ORTHOPRIDE_HIP_HEADERS],
      ...rows.map((row) => ORTHOPRIDE_HIP_HEADERS.map((header) => row[header] ?? null)),
    ],
    [ORTHOPRIDE_HIP_CODE_LIST_SHEET]: ORTHOPRIDE_HIP_CODE_LIST_ROWS,
  };
}

/** The 1-based sheet row of a field of the fixture (6 title rows, the header on row 7). */
function rowOf(name: string): number {
  return ORTHOPRIDE_HIP_ROWS.findIndex((row) => row["Technical name"] === name) + 8;
}

const fixture = readQermidWorkbook(
  await load(await orthoprideHipWorkbook()),
  ORTHOPRIDE_HIP_FILE_NAME,
);
const { dcd, report } = fixture;
const compiled = compileDcd(dcd);
const validate = (record: DcdRecord) => compiled.validate(record, { today: ORTHOPRIDE_HIP_TODAY });

describe("readQermidWorkbook on the Orthopride Hip fixture", () => {
  it("imports a DCD that parseDcd accepts, without blocking gaps", () => {
    expect(() => parseDcd(JSON.parse(JSON.stringify(dcd)))).not.toThrow();
    expect(hasBlockingGaps(report)).toBe(false);
    expect(report.layout).toBe("qermid");
    expect(dcd.id).toBe("ORTHOPRIDE_HIP_PRIMO");
    expect(dcd.version).toBe("1.2.0");
    expect(dcd.label.nl).toBe("Orthopride Hip - Primo-implantatie");
    expect(report.counts).toEqual({ fields: 53, codeLists: dcd.codeLists.length, rules: 0 });
  });

  it("is what the workbook importer returns for the file", async () => {
    const imported = await importWorkbook(await orthoprideHipWorkbook(), ORTHOPRIDE_HIP_FILE_NAME);
    expect(imported.report.layout).toBe("qermid");
    expect(imported.dcd).toEqual(dcd);
    expect(hasBlockingGaps(imported.report)).toBe(false);
  });

  it("maps the Qermid types, formats and bounds", () => {
    expect(fieldOf(dcd, "IDC_PAT")).toMatchObject({
      type: "text",
      format: "niss",
      required: false,
    });
    expect(fieldOf(dcd, "TX_IDC_PAT_GENER")).not.toHaveProperty("format");
    expect(fieldOf(dcd, "TX_IDC_PAT_INT")).toMatchObject({ type: "text", maxLength: 50 });
    expect(fieldOf(dcd, "CD_HPIN")).toMatchObject({ type: "text", format: "nihii-physician" });
    expect(fieldOf(dcd, "D_PAT_DOB")).toMatchObject({ type: "date", required: true });
    expect(fieldOf(dcd, "MS_PAT_WGHT")).toMatchObject({ type: "decimal", min: 20, max: 300 });
    expect(fieldOf(dcd, "MS_PAT_HGHT")).toMatchObject({ type: "integer", min: 50, max: 250 });
    expect(fieldOf(dcd, "CD_COMORB")).toMatchObject({ type: "multi", codeList: "DISORDER_76" });
    expect(fieldOf(dcd, "CD_USE_ROBOT")).toMatchObject({ type: "bool", required: true });
    expect(fieldOf(dcd, "TX_TTL_PAT")).toMatchObject({ type: "note" });
    expect(fieldOf(dcd, "CD_LTRLTY")).toMatchObject({ type: "code", codeList: "LATERALITY_63" });
    expect(fieldOf(dcd, "TX_PAT_LAST_NAM").required).toEqual({ empty: "IDC_PAT" });
  });

  it("marks the registry's own fields as system fields", () => {
    const system = dcd.fields.filter((f) => f.system).map((f) => f.name);
    expect(system).toEqual([
      "dcd_status",
      "TX_CTNT_LANG_2",
      "TX_PROG",
      "TX_PROJ",
      "TX_EVENT",
      "TX_DCD",
      "TX_BUSINESS_KEY",
      "TX_REGN_CD",
      "CD_STATUS_REC",
      "CD_DATA_SRC",
      "TX_LANG",
      "TX_REG_NAM",
    ]);
    expect(fieldOf(dcd, "TX_AUTHOR").system).toBeUndefined();
  });

  it("reads the code lists under their fields, on the code-list sheet, and HD4DP's postcodes", () => {
    const list = (name: string) => dcd.codeLists.find((l) => l.name === name);
    expect(list("LATERALITY_63")?.items).toEqual([
      { value: "7771000", label: { nl: "links", fr: "gauche", de: "gauche", en: "left" } },
      { value: "24028007", label: { nl: "rechts", fr: "droite", de: "droite", en: "right" } },
    ]);
    expect(list("ASA_CLASSIFICATION")?.items.map((i) => i.value)).toEqual([
      "413495001",
      "413496000",
      "413497009",
      "413498004",
      "413499007",
      "413500003",
    ]);
    expect(list("DISORDER_75")?.items).toHaveLength(5);
    expect(list("NIC_TPE_44")?.items.map((i) => i.value)).toEqual(["NI0001"]);
    // From the code-list sheet through `LINK: SEX`; no French there, Dutch stands in.
    expect(list("SEX")?.items[0]).toEqual({
      value: "248152002",
      label: { en: "Female", nl: "Vrouw", fr: "Vrouw", de: "Vrouw" },
    });
    expect(list("PLACE_OF_RESIDENCE")).toMatchObject({
      format: "be-postcode",
      items: [{ value: "9999" }],
    });
    // A list of the code-list sheet that no field uses is not imported, but reported.
    expect(list("YN")).toBeUndefined();
    expect(report.entries).toContainEqual(
      expect.objectContaining({
        sheet: ORTHOPRIDE_HIP_CODE_LIST_SHEET,
        message: expect.stringContaining("YN"),
      }),
    );
  });

  it("reads the conditions: codes, labels, lists and booleans", () => {
    expect(fieldOf(dcd, "D_PAT_DOD")).toMatchObject({
      type: "date",
      required: true,
      relevant: { field: "CD_PAT_DECEA", equals: "419099009" },
    });
    expect(fieldOf(dcd, "TX_DIAGS_OTH").relevant).toEqual({ field: "CD_DIAGS", equals: "DI0005" });
    // "Only if CD_COMORB = Other": a label of the list, on a multi field.
    expect(fieldOf(dcd, "TX_COMORB_OTH").relevant).toEqual({
      field: "CD_COMORB",
      includesAny: ["CO0004"],
    });
    expect(fieldOf(dcd, "TX_MODEL_ROBOT").relevant).toEqual({
      field: "CD_USE_ROBOT",
      equals: true,
    });
    expect(fieldOf(dcd, "CD_IMPLANT").relevant).toEqual({
      field: "CD_QERMID_TPE_IMPLANT",
      oneOf: ["QT0001", "QT0002"],
    });
  });

  it("groups the implant rows into a repeat block", () => {
    const block = dcd.fields.find((f) => f.name === "IMPLANT") as RepeatField;
    expect(block).toMatchObject({ type: "repeat", required: true, minItems: 1, maxItems: 20 });
    expect(block.label).toMatchObject({ nl: "Implantaat", fr: "Implant" });
    expect(block.fields.map((f) => f.name)).toEqual([
      "CD_QERMID_TPE_IMPLANT",
      "CD_IMPLANT_SADMI_NOTIFIC",
      "CD_IMPLANT",
      "TX_IMPLANT_PROD",
      "MS_IMPLANT_QTY",
    ]);
    expect(fieldOf(dcd, "MS_IMPLANT_QTY")).toMatchObject({ type: "integer", min: 1, max: 50 });
    expect(dcd.fields.map((f) => f.name)).toContain("TX_PAT_RMRK");
    expect(dcd.fields.map((f) => f.name)).not.toContain("TX_TTL_IMPLANT");
  });

  it("keys a registration on NISS, implantation date and surgeon (ASSUMED)", () => {
    expect(dcd.businessKey).toEqual({
      fields: ["IDC_PAT", "D_IMPLANT", "CD_HPIN"],
      fallback: {
        when: { empty: "IDC_PAT" },
        fields: ["TX_PAT_LAST_NAM", "TX_PAT_FIRST_NAM", "D_PAT_DOB", "D_IMPLANT", "CD_HPIN"],
      },
    });
  });

  it("reports each missing language once, and the documentation columns", () => {
    const warnings = (language: string) =>
      report.entries.filter((e) => e.level === "warning" && e.message.startsWith(language));
    expect(warnings("German (de)")).toHaveLength(1);
    expect(warnings("English (en)")).toHaveLength(1);
    expect(warnings("French (fr)")).toEqual([
      expect.objectContaining({ sheet: ORTHOPRIDE_HIP_CODE_LIST_SHEET, row: 2 }),
    ]);
    expect(warnings("Dutch (nl)")).toHaveLength(0);
    expect(fieldOf(dcd, "TX_TTL_DIAGS").label).toEqual({
      nl: "Diagnose",
      fr: "Diagnostic",
      de: "Diagnostic",
      en: "Diagnose",
    });
    expect(report.entries).toContainEqual(
      expect.objectContaining({
        level: "unmapped",
        row: 7,
        column: "L",
        message: expect.stringContaining("CBB"),
      }),
    );
    expect(report.entries).toContainEqual(
      expect.objectContaining({ level: "unmapped", sheet: "Change log" }),
    );
  });
});

describe("the imported DCD validates records", () => {
  it("accepts the synthetic record", () => {
    const result = validate(ORTHOPRIDE_HIP_RECORD);
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
  });

  const issuesOf = (record: DcdRecord) =>
    validate(record).issues.map((issue) => `${issue.field}:${issue.code}`);

  it("rejects a missing required field", () => {
    const { D_IMPLANT: _, ...record } = ORTHOPRIDE_HIP_RECORD;
    expect(issuesOf(record)).toEqual(["D_IMPLANT:required"]);
  });

  it("requires the other diagnosis only when the diagnosis is 'other'", () => {
    expect(issuesOf({ ...ORTHOPRIDE_HIP_RECORD, CD_DIAGS: "DI0005" })).toEqual([
      "TX_DIAGS_OTH:required",
    ]);
    expect(
      validate({ ...ORTHOPRIDE_HIP_RECORD, CD_DIAGS: "DI0005", TX_DIAGS_OTH: "Dysplasie" }).valid,
    ).toBe(true);
    expect(issuesOf({ ...ORTHOPRIDE_HIP_RECORD, TX_DIAGS_OTH: "Dysplasie" })).toEqual([
      "TX_DIAGS_OTH:not_relevant",
    ]);
  });

  it("requires the date of death of a deceased patient, names without NISS", () => {
    expect(issuesOf({ ...ORTHOPRIDE_HIP_RECORD, CD_PAT_DECEA: "419099009" })).toEqual([
      "D_PAT_DOD:required",
    ]);
    const { IDC_PAT: _, ...withoutNiss } = ORTHOPRIDE_HIP_RECORD;
    expect(issuesOf(withoutNiss)).toEqual([
      "TX_PAT_LAST_NAM:required",
      "TX_PAT_FIRST_NAM:required",
    ]);
  });

  it("rejects a code that is not in the list, a bad postcode, NISS or NIHII", () => {
    expect(issuesOf({ ...ORTHOPRIDE_HIP_RECORD, CD_LTRLTY: "12345" })).toEqual([
      "CD_LTRLTY:invalid_code",
    ]);
    expect(issuesOf({ ...ORTHOPRIDE_HIP_RECORD, CD_PAT_PLC_RESDC: "0999" })).toEqual([
      "CD_PAT_PLC_RESDC:invalid_postcode",
    ]);
    expect(validate({ ...ORTHOPRIDE_HIP_RECORD, CD_PAT_PLC_RESDC: "9999" }).valid).toBe(true);
    expect(issuesOf({ ...ORTHOPRIDE_HIP_RECORD, IDC_PAT: "50031212307" })).toEqual([
      "IDC_PAT:niss_checksum",
    ]);
    expect(issuesOf({ ...ORTHOPRIDE_HIP_RECORD, CD_HPIN: "15432106581".slice(0, 10) })).toEqual([
      "CD_HPIN:nihii_format",
    ]);
  });

  it("checks the implant entries by their type", () => {
    const implants = ORTHOPRIDE_HIP_RECORD.IMPLANT as Record<string, unknown>[];
    const { CD_IMPLANT_SADMI_NOTIFIC: _, ...notified } = implants[0] as Record<string, string>;
    expect(issuesOf({ ...ORTHOPRIDE_HIP_RECORD, IMPLANT: [notified as never] })).toEqual([
      "IMPLANT[1].CD_IMPLANT_SADMI_NOTIFIC:required",
    ]);
    expect(issuesOf({ ...ORTHOPRIDE_HIP_RECORD, IMPLANT: [] })).toEqual(["IMPLANT:required"]);
    expect(
      issuesOf({
        ...ORTHOPRIDE_HIP_RECORD,
        IMPLANT: [{ ...(implants[1] as Record<string, string>), CD_IMPLANT: "IM0999" }],
      }),
    ).toEqual(["IMPLANT[1].CD_IMPLANT:invalid_code"]);
  });
});

describe("the Qermid layout is read by header texts", () => {
  const titleRows = (headerRow: number): TestCell[][] => {
    const [title, id, version] = ORTHOPRIDE_HIP_TITLE_ROWS;
    const filler = Array.from({ length: headerRow - 4 }, (_, i): TestCell[] =>
      i % 2 === 0 ? [] : ["Legend"],
    );
    return [title ?? [], id ?? [], version ?? [], ...filler];
  };

  it("finds the header in any row from 5 to 25, the columns in any order: the same DCD", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray([...ORTHOPRIDE_HIP_HEADERS], {
          minLength: ORTHOPRIDE_HIP_HEADERS.length,
          maxLength: ORTHOPRIDE_HIP_HEADERS.length,
        }),
        fc.integer({ min: 5, max: 25 }),
        async (headers, headerRow) => {
          const options: FieldSheetOptions = { headers, titleRows: titleRows(headerRow) };
          const sheets = orthoprideHipSheets(options);
          expect(sheets[ORTHOPRIDE_HIP_SHEET]?.[headerRow - 1]).toEqual(headers);
          const moved = await importSheets(sheets);
          expect(moved.dcd).toEqual(dcd);
          expect(hasBlockingGaps(moved.report)).toBe(false);
        },
      ),
      { numRuns: 20 },
    );
  });

  it("reports an unreadable condition with its sheet, row and column", async () => {
    const { dcd: broken, report: brokenReport } = await importSheets(
      withRows((rows) =>
        rows.map((row) =>
          row["Technical name"] === "TX_DIAGS_OTH"
            ? { ...row, Conditional: "when the surgeon thinks it useful" }
            : row,
        ),
      ),
    );
    expect(hasBlockingGaps(brokenReport)).toBe(true);
    expect(brokenReport.entries).toContainEqual(
      expect.objectContaining({
        level: "unmapped",
        sheet: ORTHOPRIDE_HIP_SHEET,
        row: rowOf("TX_DIAGS_OTH"),
        column: "G",
        subject: "TX_DIAGS_OTH",
        affectsValidation: true,
      }),
    );
    expect(fieldOf(broken, "TX_DIAGS_OTH").relevant).toBeUndefined();
    expect(() => parseDcd(broken)).not.toThrow();
  });

  it("reads XLSForm expressions and required-if columns", async () => {
    const headers = [...ORTHOPRIDE_HIP_HEADERS, "Required if"] as const;
    const sheet = orthoprideHipFieldSheet().map((cells, i) => {
      const row = i - ORTHOPRIDE_HIP_TITLE_ROWS.length - 1;
      const name = ORTHOPRIDE_HIP_ROWS[row]?.["Technical name"];
      if (i === ORTHOPRIDE_HIP_TITLE_ROWS.length) return [...headers];
      if (name === "TX_DIAGS_OTH") {
        const copy = [...cells];
        copy[ORTHOPRIDE_HIP_HEADERS.indexOf("Conditional")] = "${CD_DIAGS} = 'DI0005'";
        return copy;
      }
      if (name === "TX_COAUTHOR") return [...cells, "TX_AUTHOR is empty"];
      return cells;
    });
    const { dcd: read, report: readReport } = await importSheets({
      ...orthoprideHipSheets(),
      [ORTHOPRIDE_HIP_SHEET]: sheet,
    });
    expect(hasBlockingGaps(readReport)).toBe(false);
    expect(fieldOf(read, "TX_DIAGS_OTH").relevant).toEqual({ field: "CD_DIAGS", equals: "DI0005" });
    expect(fieldOf(read, "TX_COAUTHOR").required).toEqual({ empty: "TX_AUTHOR" });
  });

  it("takes the id from the file name when no cell gives it", async () => {
    const { dcd: read } = await importSheets(
      orthoprideHipSheets({ titleRows: [["Orthopride Hip"], [], [], [], [], []] }),
    );
    expect(read.id).toBe("ORTHOPRIDE_HIP_PRIMO_IMPLANTATIE");
    expect(read.version).toBe("1.2.0");
  });
});

describe("workbooks with several DCDs", () => {
  const revision: TestCell[][] = [
    ["Orthopride Hip - Revisie"],
    [],
    [],
    [],
    ["Technical name", "Type", "Required", "Label_FR", "Labels NL", "Codelist"],
    ["D_REV", "date", "Y", "Date de révision", "Revisiedatum"],
    [
      "CD_NR_REV",
      "one value from list",
      "Y",
      "Numéro de révision",
      "Hoeveelste revisie",
      "NUMBER_REVISIONS",
    ],
    [null, null, null, "première", "eerste", "1"],
    [null, null, null, "deuxième ou plus", "tweede of meer", "2"],
  ];
  const sheets = { ...orthoprideHipSheets(), "Fields_Revisie ": revision };

  it("lists the field sheets and reads the first by default", async () => {
    const workbook = await load(await buildWorkbook(sheets));
    expect(isQermidWorkbook(workbook)).toBe(true);
    expect(listQermidDcdSheets(workbook)).toEqual([ORTHOPRIDE_HIP_SHEET, "Fields_Revisie "]);
    const { dcd: read, report: readReport } = readQermidWorkbook(
      workbook,
      ORTHOPRIDE_HIP_FILE_NAME,
    );
    expect(read.id).toBe("ORTHOPRIDE_HIP_PRIMO");
    expect(readReport.entries).toContainEqual(
      expect.objectContaining({ sheet: "Fields_Revisie ", level: "unmapped" }),
    );
  });

  it("reads the sheet the option names, its id from the file name and the sheet", async () => {
    const { dcd: read, report: readReport } = await importSheets(
      sheets,
      "HD_DCD_SPEC_HDBP0386_ORTHOPRIDE_HIP_v1.2.0.xlsx",
      { sheet: "Fields_Revisie " },
    );
    expect(read.id).toBe("ORTHOPRIDE_HIP_REVISIE");
    expect(read.fields.map((f) => f.name)).toEqual(["D_REV", "CD_NR_REV"]);
    expect(read.codeLists).toEqual([
      {
        name: "NUMBER_REVISIONS",
        items: [
          { value: "1", label: { fr: "première", nl: "eerste", de: "première", en: "eerste" } },
          {
            value: "2",
            label: {
              fr: "deuxième ou plus",
              nl: "tweede of meer",
              de: "deuxième ou plus",
              en: "tweede of meer",
            },
          },
        ],
      },
    ]);
    // No patient fields: the key is the main date alone.
    expect(read.businessKey).toEqual({ fields: ["D_REV"] });
    expect(readReport.entries.filter((e) => e.message.startsWith("English (en)"))).toHaveLength(1);
    await expect(
      importSheets(sheets, ORTHOPRIDE_HIP_FILE_NAME, { sheet: "Revisie" }),
    ).rejects.toThrow(/Fields_Revisie/);
  });

  it("is not a Qermid workbook without a Technical name header", async () => {
    const xlsform = await load(
      await buildWorkbook({
        survey: [
          ["type", "name", "label::English (en)"],
          ["date", "D_SURG", "Date"],
        ],
        choices: [["list_name", "name", "label::English (en)"]],
      }),
    );
    expect(isQermidWorkbook(xlsform)).toBe(false);
    expect(listQermidDcdSheets(xlsform)).toEqual([]);
    expect(() => readQermidWorkbook(xlsform, "form.xlsx")).toThrow(/Technical name/);
  });
});

describe("other Qermid conventions", () => {
  const header = [
    "Technical name",
    "Field type",
    "Mandatory",
    "Label_NL",
    "Label_FR",
    "Code list name",
    "Codelist values",
    "Expected result",
    "Expected result (FR)",
    "Formula",
  ];
  const sheet = (rows: TestCell[][]): Record<string, TestCell[][]> => ({
    Implantation: [["TAVI - Implantation"], [], [], [], header, ...rows],
  });

  it("opens a repeat block at a title ending in (repeatable), up to the next title", async () => {
    const { dcd: read } = await importSheets(
      sheet([
        ["D_PROC", "date", "Y", "Datum", "Date"],
        ["TX_TTL_VALVE", "content", "Y", "Klep (herhaalbaar 1..3)", "Valve (répétable 1..3)"],
        ["CD_VALVE", "text", "Y", "Klep", "Valve"],
        ["MS_VALVE_SIZE", "number", "N", "Maat", "Taille", null, null, "mm, 1 decimal"],
        ["TX_TTL_END", "content", "N", "Einde", "Fin"],
        ["TX_RMRK", "text", "N", "Opmerking", "Remarque"],
      ]),
      "valves.xlsx",
    );
    expect(read.fields.map((f) => f.name)).toEqual(["D_PROC", "VALVE", "TX_TTL_END", "TX_RMRK"]);
    expect(read.fields[1]).toMatchObject({
      type: "repeat",
      minItems: 1,
      maxItems: 3,
      label: { nl: "Klep", fr: "Valve" },
      fields: [{ name: "CD_VALVE" }, { name: "MS_VALVE_SIZE", type: "decimal" }],
    });
  });

  it("reads a first value on the field's own row, its labels in Expected result", async () => {
    const { dcd: read } = await importSheets(
      sheet([
        [
          "CD_LTRLTY",
          "one value from list",
          "Y",
          "Zijde",
          "Côté",
          "LATERALITY_63 (63)",
          "7771000",
          "links",
          "gauche",
        ],
        [null, null, null, null, null, null, "24028007", "rechts", "droite"],
      ]),
      "x.xlsx",
    );
    expect(read.codeLists[0]?.items).toEqual([
      { value: "7771000", label: { nl: "links", fr: "gauche", de: "gauche", en: "links" } },
      { value: "24028007", label: { nl: "rechts", fr: "droite", de: "droite", en: "rechts" } },
    ]);
  });

  it("reads a calculated field's formula, else imports it as a read-only text", async () => {
    const { dcd: read, report: readReport } = await importSheets(
      sheet([
        ["MS_WGHT", "number", "Y", "Gewicht", "Poids"],
        ["MS_HGHT", "number", "Y", "Lengte", "Taille"],
        [
          "MS_BMI",
          "calculated field",
          "N",
          "BMI",
          "IMC",
          null,
          null,
          null,
          null,
          "${MS_WGHT} div (${MS_HGHT} * ${MS_HGHT})",
        ],
        ["MS_OTHER", "calculated field", "N", "Andere", "Autre"],
      ]),
      "x.xlsx",
    );
    expect(fieldOf(read, "MS_BMI")).toMatchObject({
      type: "calculate",
      calculation: { arith: expect.any(Array) },
    });
    expect(fieldOf(read, "MS_OTHER")).toMatchObject({
      type: "text",
      readonly: true,
      required: false,
    });
    expect(readReport.entries).toContainEqual(
      expect.objectContaining({ subject: "MS_OTHER", level: "unmapped" }),
    );
    expect(hasBlockingGaps(readReport)).toBe(false);
  });

  it("reports an unknown type and a list defined nowhere as blocking", async () => {
    const { report: readReport, dcd: read } = await importSheets(
      sheet([
        ["CD_X", "slider", "Y", "X", "X"],
        ["CD_Y", "one value from list", "Y", "Y", "Y", "LINK: NOWHERE"],
      ]),
      "x.xlsx",
    );
    const blocking = readReport.entries.filter((e) => e.affectsValidation);
    expect(blocking.map((e) => [e.subject, e.row, e.column])).toEqual([
      ["CD_X", 6, "B"],
      ["CD_Y", 7, "F"],
    ]);
    expect(read.fields.map((f) => f.type)).toEqual(["text", "text"]);
  });

  it("reads the plain conditions of the field lists", () => {
    const yn = {
      name: "YN",
      items: [
        { value: "1", label: { fr: "oui", nl: "ja", de: "ja", en: "yes" } },
        { value: "0", label: { fr: "non", nl: "nee", de: "nein", en: "no" } },
      ],
    };
    const fields = {
      CD_X: { name: "CD_X", type: "code" as const, list: yn },
      MS_AGE: { name: "MS_AGE", type: "integer" as const },
      D_EVENT: { name: "D_EVENT", type: "date" as const },
      TX_NOTE: { name: "TX_NOTE", type: "text" as const },
    };
    const ctx = { field: (name: string) => fields[name.toUpperCase() as keyof typeof fields] };
    expect(
      parseSimpleCondition("Only if cd_x = ja and (MS_AGE >= 18 or TX_NOTE is not empty)", ctx),
    ).toEqual({
      ok: true,
      value: {
        all: [
          { field: "CD_X", equals: "1" },
          { any: [{ compare: [{ field: "MS_AGE" }, ">=", { value: 18 }] }, { filled: "TX_NOTE" }] },
        ],
      },
    });
    expect(parseSimpleCondition("D_EVENT < 01/02/2020", ctx)).toEqual({
      ok: true,
      value: { compare: [{ field: "D_EVENT" }, "<", { value: "2020-02-01" }] },
    });
    expect(parseSimpleCondition("CD_X not in (0)", ctx)).toEqual({
      ok: true,
      value: { not: { field: "CD_X", oneOf: ["0"] } },
    });
    expect(parseSimpleCondition("CD_X = maybe", ctx)).toMatchObject({ ok: false });
    expect(parseSimpleCondition("CD_Q = 1", ctx)).toMatchObject({
      ok: false,
      error: expect.stringContaining("CD_Q"),
    });
    expect(parseSimpleCondition("CD_X > 0", ctx)).toMatchObject({ ok: false });
  });

  it("parses code list cells, type words and expected results", () => {
    expect(parseCodeListCell("NIC_TPE_44 (44)")).toEqual({
      name: "NIC_TPE_44",
      link: false,
      listNumber: "44",
      notes: [],
    });
    expect(parseCodeListCell("BILLING_CODE_172 (code + label)")).toEqual({
      name: "BILLING_CODE_172",
      link: false,
      notes: ["code + label"],
    });
    expect(parseCodeListCell("BILLING_CODE_180 (180) code + label")).toMatchObject({
      name: "BILLING_CODE_180",
      listNumber: "180",
    });
    expect(parseCodeListCell("LINK: SEX")).toEqual({ name: "SEX", link: true, notes: [] });
    expect(parseCodeListCell("CEMENT_NAME _81\nsee sheet")).toMatchObject({
      name: "CEMENT_NAME_81",
    });
    expect(parseCodeListCell("")).toBeUndefined();
    expect(qermidType("Date/Time")).toEqual({ type: "datetime" });
    expect(qermidType("multiple values from list")).toEqual({ type: "multi" });
    expect(qermidType("NISS")).toEqual({ type: "niss" });
    expect(qermidType("content")).toEqual({ type: "note" });
    expect(qermidType("slider")).toBeUndefined();
    expect(parseExpectedResult("between 1 and 50")).toMatchObject({
      min: 1,
      max: 50,
      decimal: false,
    });
    expect(parseExpectedResult("dd/mm/yyyy")).toMatchObject({ decimal: false });
    expect(parseExpectedResult("11 digits")).not.toHaveProperty("min");
    expect(parseExpectedResult("max. 20 tekens")).toMatchObject({ maxLength: 20 });
  });
});
