// The report as CSV for the billing office's spreadsheet: ';' separated with a UTF-8 BOM
// (what Excel opens right in Belgium), headers and statuses in the user's language. Text a
// spreadsheet would run as a formula gets the leading "'" of guard-formula.ts.

import { quoteCsvCell } from "../../shared-schema/src/csv/encode-hd4dp-csv.ts";
import { guardFormula } from "../../shared-schema/src/csv/guard-formula.ts";
import type { Locale } from "../../shared-schema/src/dcd.ts";
import { reportColumns } from "./report-columns.ts";
import type { ReportRow } from "./report-rows.ts";

export function writeCsvReport(
  rows: readonly ReportRow[],
  locale: Locale,
  withNames: boolean,
): string {
  const columns = reportColumns(locale, withNames);
  const line = (cells: string[]) => cells.map((cell) => quoteCsvCell(guardFormula(cell))).join(";");
  return `\ufeff${[
    line(columns.map((c) => c.label)),
    ...rows.map((row) => line(columns.map((c) => c.text(row)))),
  ].join("\r\n")}\r\n`;
}
