import type ExcelJS from "exceljs";
import type { Dcd, FieldType } from "../dcd.ts";
import { same } from "../translations.ts";
import { columnLetter, type ImportReport, type ReportEntry } from "./import-report.ts";
import { LanguageFill, readHeader, TableColumns } from "./language-columns.ts";
import { readChoicesSheet } from "./read-choices-sheet.ts";
import { readRulesSheet } from "./read-rules-sheet.ts";
import {
  readDefaultLanguage,
  readSettingsSheet,
  type XlsformSettings,
} from "./read-settings-sheet.ts";
import { cellText, readSheetTable, type SheetTable } from "./read-sheet-table.ts";
import { SurveyReader } from "./read-survey-sheet.ts";
import { ExpressionTranslator } from "./translate-expression.ts";
import { WorkbookFormatError } from "./workbook-format-error.ts";
import { XLSFORM_EXTENSIONS } from "./xlsform-extensions.ts";

/** What an XLSForm workbook must hold, for the message of a workbook that does not. */
export const XLSFORM_EXPECTED =
  'an XLSForm DCD (Healthdata\'s "HD_DCD_SPEC" workbooks): a "survey" sheet with "type" and "name" columns, a "choices" sheet with "list_name", "name" and "label" columns, a "settings" sheet with "form_id" and "version"';

const SHEET_ROLES = ["survey", "choices", "settings", "rules"] as const;
type SheetRole = (typeof SHEET_ROLES)[number];

/** The header texts of a sheet's first non-empty row (looking at the first 20 rows). */
function headerBases(worksheet: ExcelJS.Worksheet): Set<string> {
  for (let r = 1; r <= Math.min(worksheet.rowCount, 20); r++) {
    const bases = new Set<string>();
    worksheet.getRow(r).eachCell((cell, column) => {
      const text = cellText(cell.value);
      if (text) bases.add(readHeader(column, text).base);
    });
    if (bases.size > 0) return bases;
  }
  return new Set();
}

function isSurvey(worksheet: ExcelJS.Worksheet): boolean {
  const bases = headerBases(worksheet);
  return bases.has("type") && bases.has("name");
}

/** The sheets of an XLSForm workbook by role, recognised by name and by header texts. */
function sheetsOf(workbook: ExcelJS.Workbook): {
  roles: Partial<Record<SheetRole, ExcelJS.Worksheet>>;
  others: ExcelJS.Worksheet[];
  surveys: ExcelJS.Worksheet[];
} {
  const roles: Partial<Record<SheetRole, ExcelJS.Worksheet>> = {};
  const others: ExcelJS.Worksheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const role = SHEET_ROLES.find((r) => worksheet.name.trim().toLowerCase() === r);
    if (role && !roles[role]) roles[role] = worksheet;
    else others.push(worksheet);
  }
  // A project with several DCDs has one survey sheet per DCD (e.g. "survey_primo").
  const surveys =
    roles.survey && isSurvey(roles.survey)
      ? [roles.survey]
      : others.filter((w) => w.name.trim().toLowerCase().startsWith("survey") && isSurvey(w));
  return { roles, others, surveys };
}

/** True when the workbook has a survey sheet whose headers include `type` and `name`. */
export function isXlsformWorkbook(workbook: ExcelJS.Workbook): boolean {
  return sheetsOf(workbook).surveys.length > 0;
}

/**
 * Reads one of Healthdata's XLSForm DCD workbooks (sheets `settings`, `survey`, `choices`,
 * plus our `rules` sheet and extension columns) into a DCD, with a report of everything
 * mapped with a note, warned about or not mapped. The DCD is not checked here: the caller
 * (`importWorkbook`) runs `parseDcd` on it.
 */
export function readXlsformWorkbook(
  workbook: ExcelJS.Workbook,
  fileName: string,
): { dcd: Dcd; report: ImportReport } {
  const entries: ReportEntry[] = [];
  const { roles, others, surveys } = sheetsOf(workbook);
  const surveySheet = surveys[0];
  if (!surveySheet) throw new WorkbookFormatError(`${fileName} is not ${XLSFORM_EXPECTED}.`);
  if (surveys.length > 1) {
    throw new WorkbookFormatError(
      `${fileName} holds several DCDs (sheets ${surveys.map((s) => `"${s.name}"`).join(", ")}): import is one DCD per workbook; keep one survey sheet and name it "survey".`,
    );
  }
  for (const other of others) {
    if (other === surveySheet || other.actualRowCount === 0) continue;
    entries.push({
      level: "warning",
      sheet: other.name,
      message: `Sheet ${other.name} is not part of the XLSForm layout read here: ignored.`,
    });
  }
  const read = (worksheet: ExcelJS.Worksheet | undefined): SheetTable | undefined => {
    if (!worksheet) return undefined;
    const table = readSheetTable(worksheet);
    entries.push(...table.entries);
    return table;
  };
  const survey = read(surveySheet) as SheetTable;
  const choices = read(roles.choices);
  const settingsTable = read(roles.settings);
  const rules = read(roles.rules);
  if (!choices) {
    entries.push({
      level: "warning",
      sheet: "choices",
      message: "No choices sheet: the DCD has no code list.",
    });
  }

  const fill = new LanguageFill(readDefaultLanguage(settingsTable, entries));
  const settings = readSettingsSheet(settingsTable, fill, fileName, entries);
  const { codeLists } = readChoicesSheet(choices, fill, entries);
  const surveyReader = new SurveyReader(survey, fill, codeLists, entries);
  surveyReader.scan();
  const { types } = surveyReader.result;
  const expressions = new ExpressionTranslator((name) => types.get(name), entries);
  const surveyRead = surveyReader.translate(expressions);
  const rulesRead = readRulesSheet(rules, types, fill, expressions, entries);
  const businessKey = readBusinessKey(
    settings,
    types,
    expressions,
    settingsTable?.sheet ?? "settings",
    entries,
  );
  reportExtensions(settingsTable, "settings", entries);
  reportExtensions(survey, "survey", entries);
  reportExtensions(choices, "choices", entries);
  if (rules && rulesRead.rules.length > 0) {
    entries.push({
      level: "mapped",
      sheet: rules.sheet,
      message: `Sheet ${rules.sheet} is an extension of this product: ${rulesRead.rules.length} rule(s) beyond the constraint column.`,
    });
  }
  entries.push(...fill.entries());

  const base = fileName.replace(/^.*[\\/]/, "");
  const dcd: Dcd = {
    id: settings.id,
    version: settings.version,
    label: settings.label ?? same(settings.id),
    source: `Imported from ${base} (XLSForm workbook)${settings.source ? `: ${settings.source}` : "."}`,
    ...(surveyRead.sections.length > 0 ? { sections: surveyRead.sections } : {}),
    fields: surveyRead.fields,
    codeLists,
    rules: [...surveyRead.rules, ...rulesRead.rules],
    businessKey,
  };
  const fields = dcd.fields.reduce(
    (n, f) => n + 1 + (f.type === "repeat" ? f.fields.length : 0),
    0,
  );
  return {
    dcd,
    report: {
      layout: "xlsform",
      entries,
      counts: { fields, codeLists: codeLists.length, rules: dcd.rules.length },
    },
  };
}

function readBusinessKey(
  settings: XlsformSettings,
  types: ReadonlyMap<string, FieldType>,
  expressions: ExpressionTranslator,
  sheet: string,
  entries: ReportEntry[],
): Dcd["businessKey"] {
  const names = (placed: XlsformSettings["businessKey"]): string[] => {
    if (!placed) return [];
    return placed.text
      .split(/[\s,;]+/)
      .filter((name) => name !== "")
      .filter((name) => {
        if (types.has(name)) return true;
        entries.push({
          level: "unmapped",
          sheet,
          row: placed.row,
          column: columnLetter(placed.column),
          subject: name,
          message: `The business key names ${name}, which is not a field of the survey: left out of the key.`,
        });
        return false;
      });
  };
  const key: Dcd["businessKey"] = { fields: names(settings.businessKey) };
  if (!settings.businessKey) {
    entries.push({
      level: "warning",
      sheet,
      message:
        "No business_key setting (an extension of this product): a registration cannot be matched with an earlier one of the same case. Add business_key to the settings sheet.",
    });
  }
  const fallback = settings.businessKeyFallback;
  const when = settings.businessKeyFallbackWhen;
  if (fallback && when) {
    const condition = expressions.condition(when.text, {
      sheet,
      row: when.row,
      column: when.column,
      header: "business_key_fallback_when",
      subject: "business key",
      fallback: "the fallback business key is never used",
    });
    if (condition) key.fallback = { when: condition, fields: names(fallback) };
  } else if (fallback || when) {
    const placed = (fallback ?? when) as NonNullable<typeof fallback>;
    entries.push({
      level: "warning",
      sheet,
      row: placed.row,
      column: columnLetter(placed.column),
      message:
        "business_key_fallback and business_key_fallback_when go together: the one given is ignored.",
    });
  }
  return key;
}

/** One note per extension column a sheet uses, so the report says what is ours. */
function reportExtensions(
  table: SheetTable | undefined,
  role: SheetRole,
  entries: ReportEntry[],
): void {
  if (!table) return;
  const columns = new TableColumns(table);
  for (const extension of XLSFORM_EXTENSIONS) {
    if (extension.sheet !== role) continue;
    const column = columns.column(extension.header);
    if (column === undefined || !table.rows.some((row) => row.cells[column])) continue;
    entries.push({
      level: "mapped",
      sheet: table.sheet,
      row: table.headerRow,
      column: columnLetter(column),
      message: `Column ${extension.header} is an extension of this product (${extension.meaning}).`,
    });
  }
}
