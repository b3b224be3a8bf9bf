// Reads a hospital's billing export (CSV text) into billed acts: separated by ';' or ','
// (or a tab), whichever makes more of the header known columns; cells quoted or not, in
// any order (find-billing-columns.ts). A row that has more cells than the header is bad
// (a ';' inside an unquoted cell shifts every column after it): it is reported with its
// line, the others are read. Values are not checked here: the worker checks each act.

import type {
  ActRole,
  BilledAct,
  BilledActFields,
} from "../../../shared-schema/src/billed-act-fields.ts";
import {
  createScanner,
  scanRow,
  skipBlankLines,
} from "../../../shared-schema/src/csv/scan-csv-row.ts";
import { type BillingFileError, billingFileError } from "./billing-file-error.ts";
import { type BillingColumns, findBillingColumns } from "./find-billing-columns.ts";

export interface BillingRow {
  /** 1 for the first row after the header. */
  row: number;
  /** The physical line where it starts (1-based). */
  line: number;
  act: BilledAct;
}

export interface BadBillingRow {
  row: number;
  line: number;
  cells: number;
}

export interface BillingFile {
  header: string[];
  columns: BillingColumns;
  rows: BillingRow[];
  badRows: BadBillingRow[];
}

export type ReadBillingResult =
  | { ok: true; value: BillingFile }
  | { ok: false; error: BillingFileError };

const SEPARATORS = [59, 44, 9];

export function readBillingCsv(
  text: string,
  fields: BilledActFields,
  overrides: Partial<Record<ActRole, string>> = {},
): ReadBillingResult {
  // The separator is the one that cuts the header into the most cells.
  let separator = SEPARATORS[0] as number;
  let header: string[] = [];
  for (const candidate of SEPARATORS) {
    const scanner = createScanner(text);
    skipBlankLines(scanner);
    if (scanner.pos >= text.length) return billingFileError("billing_empty", {});
    scanRow(scanner, candidate);
    if (scanner.count > header.length) {
      separator = candidate;
      header = scanner.cells.slice(0, scanner.count);
    }
  }
  const found = findBillingColumns(header, fields, overrides);
  if (!found.ok) return found;
  const roles = Object.entries(found.columns) as [ActRole, number][];

  const scanner = createScanner(text);
  skipBlankLines(scanner);
  const headerError = scanRow(scanner, separator);
  if (headerError)
    return billingFileError("billing_unterminated_quote", { line: headerError.line });
  const rows: BillingRow[] = [];
  const badRows: BadBillingRow[] = [];
  let row = 0;
  for (;;) {
    skipBlankLines(scanner);
    if (scanner.pos >= text.length) break;
    const line = scanner.line;
    const error = scanRow(scanner, separator);
    if (error) return billingFileError("billing_unterminated_quote", { line: error.line });
    const { cells, count } = scanner;
    if (isEmptyRow(cells, count)) continue;
    row++;
    if (!isEmptyRow(cells, count, header.length)) {
      badRows.push({ row, line, cells: count });
      continue;
    }
    const act: BilledAct = { date: "", code: "" };
    for (const [role, index] of roles) {
      const cell = index < count ? (cells[index] as string).trim() : "";
      if (cell !== "") act[role] = cell;
    }
    rows.push({ row, line, act });
  }
  return { ok: true, value: { header, columns: found.columns, rows, badRows } };
}

/** Whether the cells from `from` on are all empty (a trailing ';' adds an empty one). */
function isEmptyRow(cells: string[], count: number, from = 0): boolean {
  for (let i = from; i < count; i++) if ((cells[i] as string).trim() !== "") return false;
  return true;
}
