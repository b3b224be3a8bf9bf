import type { Locale } from "../../dcd.ts";
import { columnLetter, type ReportEntry } from "../import-report.ts";
import type { HeaderRow } from "./find-header-row.ts";
import type { QermidColumns } from "./qermid-columns.ts";
import type { RawValue } from "./raw-code-list.ts";
import { gridCell, type SheetGrid } from "./sheet-grid.ts";

/** A cell that holds an expression, with its column for the report. */
export interface ExpressionCell {
  column: number;
  text: string;
}

/** One field row of a Qermid field list, as texts, with the value rows under it. */
export interface RawFieldRow {
  row: number;
  name: string;
  type: string;
  labels: Partial<Record<Locale, string>>;
  help: Partial<Record<Locale, string>>;
  required: string;
  requiredIf: ExpressionCell[];
  relevant: ExpressionCell[];
  validation: ExpressionCell[];
  listCell: string;
  expected: string;
  block: string;
  cardinality: string;
  calculation?: ExpressionCell;
  /** The codes of the list defined under this row (and on it, in the Orthopride sheets). */
  values: RawValue[];
}

function texts(
  grid: SheetGrid,
  row: number,
  columns: Partial<Record<Locale, number>>,
): Partial<Record<Locale, string>> {
  const out: Partial<Record<Locale, string>> = {};
  for (const [locale, column] of Object.entries(columns) as [Locale, number][]) {
    const text = gridCell(grid, row, column);
    if (text !== "") out[locale] = text;
  }
  return out;
}

function cells(grid: SheetGrid, row: number, columns: number[]): ExpressionCell[] {
  return columns
    .map((column) => ({ column, text: gridCell(grid, row, column) }))
    .filter((cell) => cell.text !== "" && !/^(n\/?a|-|none|geen|aucune?)$/i.test(cell.text));
}

/**
 * The labels of a value: its label cells, else the "Expected result" cells, which hold the
 * labels of the values on the Orthopride sheets (untagged: Dutch).
 */
function valueLabels(
  grid: SheetGrid,
  row: number,
  columns: QermidColumns,
  own: boolean,
): Partial<Record<Locale, string>> {
  const labels = own ? texts(grid, row, columns.labels) : {};
  const extra = texts(grid, row, columns.valueLabels);
  const expected = columns.expected === undefined ? "" : gridCell(grid, row, columns.expected);
  if (expected !== "" && extra.nl === undefined) extra.nl = expected;
  for (const [locale, text] of Object.entries(extra) as [Locale, string][]) {
    labels[locale] ??= text;
  }
  return labels;
}

/**
 * Reads the rows under the header: a row with a technical name is a field; a row without
 * one but with a code is a value of the list of the field above; an empty row is skipped;
 * anything else is reported, never silently dropped.
 */
export function readFieldRows(
  grid: SheetGrid,
  header: HeaderRow,
  columns: QermidColumns,
): { rows: RawFieldRow[]; entries: ReportEntry[] } {
  const rows: RawFieldRow[] = [];
  const entries: ReportEntry[] = [];
  const codeColumn = columns.codeValues ?? columns.listName;
  const separateCodes = columns.codeValues !== undefined && columns.codeValues !== columns.listName;
  const cell = (row: number, column: number | undefined) =>
    column === undefined ? "" : gridCell(grid, row, column);

  for (let row = header.row + 1; row <= grid.rows.length; row++) {
    const name = cell(row, columns.name);
    const current = rows[rows.length - 1];
    if (name === "") {
      const code = cell(row, codeColumn);
      if (code !== "" && current) {
        current.values.push({
          sheet: grid.name,
          row,
          code,
          labels: valueLabels(grid, row, columns, true),
        });
        continue;
      }
      if ((grid.rows[row - 1] ?? []).every((text) => text === "")) continue;
      entries.push({
        level: "unmapped",
        sheet: grid.name,
        row,
        column: columnLetter(columns.name),
        message: current
          ? "a row without technical name nor code: ignored"
          : "a row without technical name before the first field: ignored",
      });
      continue;
    }
    const field: RawFieldRow = {
      row,
      name,
      type: cell(row, columns.type),
      labels: texts(grid, row, columns.labels),
      help: texts(grid, row, columns.help),
      required: cell(row, columns.required),
      requiredIf: cells(grid, row, columns.requiredIf),
      relevant: cells(grid, row, columns.relevant),
      validation: cells(grid, row, columns.validation),
      listCell: cell(row, columns.listName),
      expected: cell(row, columns.expected),
      block: cell(row, columns.block),
      cardinality: cell(row, columns.cardinality),
      values: [],
    };
    const anyHelp = cell(row, columns.helpAnyLanguage);
    if (anyHelp !== "") {
      for (const locale of ["fr", "nl", "de", "en"] as const) field.help[locale] ??= anyHelp;
    }
    const calculation = cell(row, columns.calculation);
    if (calculation !== "" && columns.calculation !== undefined) {
      field.calculation = { column: columns.calculation, text: calculation };
    }
    // The Orthopride sheets write the first value of a list on the field's own row.
    const firstCode = separateCodes ? cell(row, columns.codeValues) : "";
    if (firstCode !== "") {
      field.values.push({
        sheet: grid.name,
        row,
        code: firstCode,
        labels: valueLabels(grid, row, columns, false),
      });
    }
    rows.push(field);
  }
  return { rows, entries };
}
