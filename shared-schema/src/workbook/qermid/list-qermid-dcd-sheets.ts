import type ExcelJS from "exceljs";
import { findHeaderRow } from "./find-header-row.ts";
import { type SheetGrid, sheetGrid } from "./sheet-grid.ts";

/** The field sheets of a Qermid workbook (one per DCD), in workbook order. */
export function qermidFieldGrids(grids: SheetGrid[]): SheetGrid[] {
  return grids.filter((grid) => findHeaderRow(grid) !== undefined);
}

/**
 * The names of the sheets of a Qermid workbook that each define a DCD (a field list with a
 * "Technical name" header), exactly as the workbook spells them (`Implantation `).
 */
export function listQermidDcdSheets(workbook: ExcelJS.Workbook): string[] {
  return qermidFieldGrids(workbook.worksheets.map(sheetGrid)).map((grid) => grid.name);
}
