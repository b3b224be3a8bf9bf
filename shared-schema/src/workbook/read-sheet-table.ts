import type ExcelJS from "exceljs";
import type { ReportEntry } from "./import-report.ts";

/** One data row of a sheet: its 1-based Excel row number and its cells as text, by column. */
export interface TableRow {
  row: number;
  /** Indexed by 1-based column number; a missing entry is an empty cell. */
  cells: (string | undefined)[];
}

/** A sheet read as a table: the first non-empty row holds the headers, the rest is data. */
export interface SheetTable {
  /** The sheet name exactly as in the workbook (trailing spaces kept). */
  sheet: string;
  headerRow: number;
  /** Header texts (trimmed) by 1-based column number; empty header cells are absent. */
  headers: (string | undefined)[];
  rows: TableRow[];
  /** Problems found while reading cells, e.g. a code too long for an Excel number. */
  entries: ReportEntry[];
}

/** The text of a cell value as a person sees it in Excel, trimmed. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) {
    // Excel stores dates as days; exceljs hands them over as UTC instants.
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if ("richText" in value)
    return value.richText
      .map((part) => part.text)
      .join("")
      .trim();
  if ("result" in value && value.result !== undefined) {
    return cellText(value.result as ExcelJS.CellValue);
  }
  if ("text" in value && typeof value.text === "string") return value.text.trim();
  return "";
}

/**
 * Reads a worksheet into a table in one pass over its non-empty rows, so that large sheets
 * stay linear. Numbers beyond 2^53 (long SNOMED codes typed as numbers) are reported: Excel
 * has already rounded them, the workbook must hold them as text.
 */
export function readSheetTable(worksheet: ExcelJS.Worksheet): SheetTable {
  const table: SheetTable = {
    sheet: worksheet.name,
    headerRow: 0,
    headers: [],
    rows: [],
    entries: [],
  };
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (string | undefined)[] = [];
    let filled = false;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = cell.value;
      if (typeof value === "number" && !Number.isSafeInteger(value) && Number.isInteger(value)) {
        table.entries.push({
          level: "warning",
          sheet: worksheet.name,
          row: rowNumber,
          column: cell.address.replace(/\d+$/, ""),
          message: `The number ${value} is too long for Excel, which rounded it: type it as text (e.g. '${value}) and check its last digits.`,
        });
      }
      const text = cellText(value);
      if (text !== "") {
        cells[column] = text;
        filled = true;
      }
    });
    if (!filled) return;
    if (table.headerRow === 0) {
      table.headerRow = rowNumber;
      table.headers = cells;
    } else table.rows.push({ row: rowNumber, cells });
  });
  return table;
}
