import "../shared-schema/src/jitless-zod.ts";
import { readFile } from "node:fs/promises";
import type { Writable } from "node:stream";
import { type CompiledDcd, compileDcd } from "../shared-schema/src/compile-dcd.ts";
import { csvDateError } from "../shared-schema/src/csv/csv-date-error.ts";
import { decodeHd4dpCsv } from "../shared-schema/src/csv/decode-hd4dp-csv.ts";
import { formulaCellWarning } from "../shared-schema/src/csv/formula-cell-warning.ts";
import type { Issue } from "../shared-schema/src/dcd.ts";
import { parseDcd } from "../shared-schema/src/parse-dcd.ts";
import { spinSurg } from "../shared-schema/src/spin-surg-schema.ts";
import { readArgs, readLocale } from "./read-args.ts";
import { UsageError } from "./usage-error.ts";

export const VALIDATE_USAGE = `Usage:
  spine-reg validate <file.csv> [--dcd <dcd.json>] [--locale fr|nl|de|en] [--json]
      Validate every row of an HD4DP CSV file against a DCD JSON file (default: the
      SPIN_SURG shipped with this product), with HD4DP's CSV rules (';' separated, dates
      dd/mm/yyyy). Prints Success or Error per row with each problem, or JSON with --json.
      Exit 0: all rows valid; 1: a row is not; 2: the file or the DCD cannot be read.
`;

export interface RowResult {
  row: number;
  status: "Success" | "Error";
  issues: { field: string; code: string; severity: "error" | "warning"; message: string }[];
}

function cannotRead(error: unknown): string {
  return (error as NodeJS.ErrnoException).code === "ENOENT"
    ? "it does not exist"
    : (error as Error).message;
}

/** The DCD of `--dcd <dcd.json>` compiled, or the message saying why it cannot be used. */
async function loadDcd(path: string): Promise<CompiledDcd | string> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    return `cannot read ${path}: ${cannotRead(error)}.`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `${path} is not JSON: ${(error as Error).message}.`;
  }
  try {
    return compileDcd(parseDcd(json, path));
  } catch (error) {
    return (error as Error).message;
  }
}

/** `spine-reg validate <file.csv>`: per row Success or Error, like HD4DP's RESULTS file. */
export async function runValidate(argv: string[], out: Writable, err: Writable): Promise<number> {
  const { values, positionals } = readArgs(argv, {
    dcd: { type: "string" },
    locale: { type: "string" },
    json: { type: "boolean" },
  });
  const locale = readLocale(values.locale);
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0) throw new UsageError("give exactly one CSV file.");
  let compiled = spinSurg;
  if (values.dcd !== undefined) {
    const loaded = await loadDcd(values.dcd);
    if (typeof loaded === "string") {
      err.write(`spine-reg: ${loaded}\n`);
      return 2;
    }
    compiled = loaded;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    err.write(`spine-reg: cannot read ${path}: ${cannotRead(error)}.\n`);
    return 2;
  }
  const decoded = decodeHd4dpCsv(compiled.dcd, bytes);
  if (!decoded.ok) {
    err.write(`spine-reg: ${path}: ${decoded.error.message}\n`);
    return 2;
  }
  // What the decoder says of single cells, by row.
  const cellIssues = new Map<number, Issue[]>();
  const addCellIssue = (row: number, issue: Issue) =>
    cellIssues.set(row, [...(cellIssues.get(row) ?? []), issue]);
  // Warnings, never Errors: such a value is valid data (a reference may start with '-'), and
  // the encoder writes it with the quote that keeps spreadsheets from running it.
  for (const cell of decoded.value.formulaCells) {
    addCellIssue(cell.row, formulaCellWarning(cell, locale));
  }
  // A date not written dd/mm/yyyy is an error even when validation would take it (an ISO
  // date): HD4DP refuses it. Its own message replaces validation's about the same field.
  const badDates = new Map<number, Set<string>>();
  for (const cell of decoded.value.dateCells) {
    addCellIssue(cell.row, csvDateError(cell, locale));
    badDates.set(cell.row, (badDates.get(cell.row) ?? new Set()).add(cell.key));
  }
  const isBadDate = (row: number, issue: Issue) =>
    (issue.code === "invalid_date" || issue.code === "invalid_datetime") &&
    badDates.get(row)?.has(issue.field.slice(issue.field.lastIndexOf(".") + 1)) === true;
  const results: RowResult[] = decoded.value.rows.map(({ row, record }) => {
    const draft = record.STATUS === "draft";
    const validated = compiled.validate(record, { locale, draft }).issues;
    const issues = [
      ...validated.filter((issue) => !isBadDate(row, issue)),
      ...(cellIssues.get(row) ?? []),
    ];
    return {
      row,
      status: issues.some((issue) => issue.severity === "error") ? "Error" : "Success",
      issues: issues.map(({ field, code, severity, message }) => ({
        field,
        code,
        severity,
        message,
      })),
    };
  });
  if (values.json) out.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const result of results) {
      out.write(`Row ${result.row}: ${result.status}\n`);
      for (const issue of result.issues) {
        out.write(
          `  ${issue.severity === "error" ? "Error" : "Warning"} ${issue.field}: ${issue.message}\n`,
        );
      }
    }
    const failed = results.filter((r) => r.status === "Error").length;
    out.write(`${results.length} rows: ${results.length - failed} Success, ${failed} Error\n`);
  }
  return results.every((r) => r.status === "Success") ? 0 : 1;
}
