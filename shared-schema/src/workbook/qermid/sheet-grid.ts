import type ExcelJS from "exceljs";

/**
 * A worksheet as trimmed texts, `rows[r - 1][c - 1]` for Excel's 1-based row r and column c,
 * so that the Qermid reader works on plain strings and its parts are testable without xlsx.
 */
export interface SheetGrid {
  /** The sheet name as in the workbook (trailing spaces kept: `Implantation `). */
  name: string;
  rows: string[][];
}

/** The text of one row and column (1-based), "" outside the sheet. */
export function gridCell(grid: SheetGrid, row: number, column: number): string {
  return grid.rows[row - 1]?.[column - 1] ?? "";
}

export function sheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const rows: string[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // A merged range carries its value in its top-left cell only: reading the others
      // would repeat a title or a header in every column it spans.
      if (cell.isMerged && cell.master !== cell) return;
      cells[column - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (text) => text ?? "");
  });
  return { name: worksheet.name, rows: Array.from(rows, (cells) => cells ?? []) };
}

/** The text a cell shows: rich text joined, a formula's cached result, a date as ISO. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return isoOf(value);
  if ("richText" in value)
    return value.richText
      .map((part) => part.text)
      .join("")
      .trim();
  if ("hyperlink" in value) return String(value.text ?? "").trim();
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || (typeof result === "object" && !(result instanceof Date))) {
      return "";
    }
    return cellText(result);
  }
  return "";
}

/** Excel dates carry no zone: exceljs reads them as UTC, so the UTC fields are the cell's. */
function isoOf(date: Date): string {
  const day = date.toISOString();
  return day.endsWith("T00:00:00.000Z") ? day.slice(0, 10) : day.slice(0, 16);
}
