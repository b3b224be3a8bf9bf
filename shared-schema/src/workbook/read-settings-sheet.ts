import type { Locale, Translations } from "../dcd.ts";
import { columnLetter, type ReportEntry } from "./import-report.ts";
import { type LanguageFill, parseLanguage, TableColumns } from "./language-columns.ts";
import type { SheetTable, TableRow } from "./read-sheet-table.ts";

/** A settings cell kept as text with its place, for what is read once the fields are known. */
export interface PlacedText {
  text: string;
  row: number;
  column: number;
}

export interface XlsformSettings {
  id: string;
  version: string;
  label?: Translations;
  source?: string;
  businessKey?: PlacedText;
  businessKeyFallback?: PlacedText;
  businessKeyFallbackWhen?: PlacedText;
}

const KNOWN = new Set([
  "form_id",
  "version",
  "form_title",
  "default_language",
  "source",
  "business_key",
  "business_key_fallback",
  "business_key_fallback_when",
]);
// Standard XLSForm settings that say nothing about what a record may hold.
const HARMLESS = new Set([
  "instance_name",
  "style",
  "public_key",
  "submission_url",
  "allow_choice_duplicates",
  "namespaces",
  "auto_send",
  "auto_delete",
  "clean_text_values",
]);

const SEMVER = /^\d+\.\d+\.\d+$/;

/** The first data row of the settings sheet (XLSForm has one). */
function settingsRow(table: SheetTable | undefined): TableRow | undefined {
  return table?.rows[0];
}

/** The `default_language` of the settings sheet (English when absent or unknown). */
export function readDefaultLanguage(table: SheetTable | undefined, entries: ReportEntry[]): Locale {
  const row = settingsRow(table);
  if (!table || !row) return "en";
  const columns = new TableColumns(table);
  const text = columns.text(row, "default_language");
  if (!text) return "en";
  const locale = parseLanguage(text);
  if (locale) return locale;
  entries.push({
    level: "warning",
    sheet: table.sheet,
    row: row.row,
    column: columnLetter(columns.column("default_language") as number),
    message: `default_language "${text}" is not French, Dutch, German or English: English is used for columns without a language.`,
  });
  return "en";
}

/**
 * Reads `form_id`, `version`, `form_title` and our business key columns. A version that is
 * not `x.y.z` is made one (semantic versions order the DCDs of a registry), with a warning.
 */
export function readSettingsSheet(
  table: SheetTable | undefined,
  fill: LanguageFill,
  fileName: string,
  entries: ReportEntry[],
): XlsformSettings {
  const row = settingsRow(table);
  const sheet = table?.sheet ?? "settings";
  if (!table || !row) {
    entries.push({
      level: "warning",
      sheet,
      message: `No ${table ? "row in the" : ""} settings sheet: the DCD's id and version come from the file name.`,
    });
  }
  const columns = table ? new TableColumns(table) : undefined;
  const cell = (base: string): PlacedText | undefined => {
    if (!columns || !row) return undefined;
    const column = columns.column(base);
    const text = column === undefined ? "" : (row.cells[column] ?? "");
    return text ? { text, row: row.row, column: column as number } : undefined;
  };
  const where = (placed: PlacedText | undefined) =>
    placed ? { row: placed.row, column: columnLetter(placed.column) } : {};

  if (table && row && table.rows.length > 1) {
    entries.push({
      level: "warning",
      sheet,
      row: table.rows[1]?.row,
      message: "The settings sheet has more than one row: only the first is read.",
    });
  }
  for (const column of columns?.columns ?? []) {
    if (KNOWN.has(column.base) || !row || !row.cells[column.column]) continue;
    entries.push({
      level: "warning",
      sheet,
      row: row.row,
      column: columnLetter(column.column),
      message: `Setting ${column.header} is ignored${HARMLESS.has(column.base) ? " (it concerns how forms are shown or sent)" : ""}.`,
    });
  }

  const stem = fileName.replace(/^.*[\\/]/, "").replace(/\.xlsx?$/i, "");
  const idCell = cell("form_id");
  let id = idCell?.text ?? "";
  if (!id) {
    id =
      stem
        .replace(/^HD_DCD_SPEC_/i, "")
        .replace(/_v?\d+(\.\d+)*$/i, "")
        .replace(/[^A-Za-z0-9_.-]/g, "_")
        .replace(/^[^A-Za-z_]/, "_$&") || "DCD";
    entries.push({
      level: "warning",
      sheet,
      message: `No form_id: the DCD is named ${id} after the file name.`,
    });
  }

  const versionCell = cell("version");
  const version = readVersion(versionCell, stem, (message) =>
    entries.push({ level: "warning", sheet, ...where(versionCell), subject: id, message }),
  );

  const label = columns && row ? fill.read(columns, row, "form_title") : undefined;
  const source = cell("source")?.text;
  const result: XlsformSettings = { id, version };
  if (label) result.label = label;
  if (source) result.source = source;
  const key = cell("business_key");
  const fallback = cell("business_key_fallback");
  const fallbackWhen = cell("business_key_fallback_when");
  if (key) result.businessKey = key;
  if (fallback) result.businessKeyFallback = fallback;
  if (fallbackWhen) result.businessKeyFallbackWhen = fallbackWhen;
  return result;
}

function readVersion(
  cell: PlacedText | undefined,
  fileStem: string,
  warn: (message: string) => void,
): string {
  const fromFile = /_v(\d+\.\d+\.\d+)(?:_|$)/i.exec(fileStem)?.[1];
  const text = cell?.text ?? "";
  if (SEMVER.test(text)) {
    if (fromFile && fromFile !== text) {
      warn(`version ${text} differs from the file name's v${fromFile}: ${text} is used.`);
    }
    return text;
  }
  const prefixed = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/i.exec(text);
  if (prefixed) {
    const version = `${prefixed[1]}.${prefixed[2]}.${prefixed[3] ?? "0"}`;
    warn(`version "${text}" read as ${version}.`);
    return version;
  }
  if (fromFile) {
    warn(
      `version "${text}" is not a semantic version (x.y.z): the file name's ${fromFile} is used.`,
    );
    return fromFile;
  }
  if (/^\d+$/.test(text)) {
    // A date-like counter (2024031501) keeps its order as the patch number of 0.0.x.
    const version = `0.0.${Number(text)}`;
    warn(
      `version "${text}" is not a semantic version (x.y.z): read as ${version}, which keeps the order of such versions. Set version to x.y.z in the settings sheet.`,
    );
    return version;
  }
  warn(
    `version ${text ? `"${text}" is not a semantic version (x.y.z)` : "is missing"}: 0.0.0 is used. Set version to x.y.z in the settings sheet.`,
  );
  return "0.0.0";
}
