import { classifyHeader } from "./classify-header.ts";
import { gridCell, type SheetGrid } from "./sheet-grid.ts";

/** Healthdata puts the header in rows 5 to 25; a few more rows are read for tolerance. */
const LAST_HEADER_ROW = 40;

export interface HeaderRow {
  row: number;
  /** The column of "Technical name". */
  nameColumn: number;
}

/**
 * The header row of a Qermid field list: the first row with a "Technical name" cell and a
 * "Type" cell. Asking for both keeps an intro sheet that explains "Technical name" in a
 * sentence from passing for a field list.
 */
export function findHeaderRow(grid: SheetGrid): HeaderRow | undefined {
  const last = Math.min(grid.rows.length, LAST_HEADER_ROW);
  for (let row = 1; row <= last; row++) {
    const cells = grid.rows[row - 1] ?? [];
    let nameColumn: number | undefined;
    let hasType = false;
    for (let column = 1; column <= cells.length; column++) {
      const text = gridCell(grid, row, column);
      if (text === "" || text.length > 60) continue;
      const { role } = classifyHeader(text);
      if (role === "name" && nameColumn === undefined) nameColumn = column;
      if (role === "type") hasType = true;
    }
    if (nameColumn !== undefined && hasType) return { row, nameColumn };
  }
  return undefined;
}
