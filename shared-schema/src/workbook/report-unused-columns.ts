import { columnLetter, type ReportEntry } from "./import-report.ts";
import { LANGUAGE_NAMES, type TableColumns } from "./language-columns.ts";

/**
 * Reports, once per column, the columns of a sheet that the import does not read and that
 * hold something: nothing in a workbook is dropped without a word.
 */
export function reportUnusedColumns(
  columns: TableColumns,
  isRead: (base: string) => boolean,
  entries: ReportEntry[],
  explain: (base: string) => string | undefined = () => undefined,
): void {
  const { table } = columns;
  for (const column of columns.columns) {
    const languageIgnored = column.locale === null;
    if (!languageIgnored && isRead(column.base)) continue;
    let used = 0;
    let first = 0;
    for (const row of table.rows) {
      if (row.cells[column.column]) {
        if (used === 0) first = row.row;
        used++;
      }
    }
    if (used === 0) continue;
    const why = languageIgnored
      ? `its language is not one of ${Object.values(LANGUAGE_NAMES).join(", ")}`
      : (explain(column.base) ?? "this product does not use it");
    entries.push({
      level: "warning",
      sheet: table.sheet,
      row: table.headerRow,
      column: columnLetter(column.column),
      message: `Column ${column.header} is ignored (${used} row(s) use it, first row ${first}): ${why}.`,
    });
  }
}
