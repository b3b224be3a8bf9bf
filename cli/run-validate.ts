import { readFile } from "node:fs/promises";
import type { Writable } from "node:stream";
import { z } from "zod";
import { type CompiledDcd, compileDcd } from "../shared-schema/src/compile-dcd.ts";
import { decodeHd4dpCsv } from "../shared-schema/src/csv/decode-hd4dp-csv.ts";
import { formulaCellWarning } from "../shared-schema/src/csv/formula-cell-warning.ts";
import type { Issue } from "../shared-schema/src/dcd.ts";
import { parseDcd } from "../shared-schema/src/parse-dcd.ts";
import { spinSurg } from "../shared-schema/src/spin-surg-schema.ts";
import { type CliArgs, UsageError } from "./main.ts";

// The same jitless mode as the worker and the extension, so the CLI cannot disagree with them.
z.config({ jitless: true });

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
export async function runValidate(args: CliArgs, out: Writable, err: Writable): Promise<number> {
  const [path, ...extra] = args.positional;
  if (!path || extra.length > 0) throw new UsageError("validate takes exactly one CSV file.");
  let compiled = spinSurg;
  if (args.options.dcd !== undefined) {
    const loaded = await loadDcd(args.options.dcd);
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
  // Warnings, never Errors: such a value is valid data (a reference may start with '-'), and
  // the encoder writes it with the quote that keeps spreadsheets from running it.
  const formulaWarnings = new Map<number, Issue[]>();
  for (const cell of decoded.value.formulaCells) {
    const warning = formulaCellWarning(cell, args.locale);
    formulaWarnings.set(cell.row, [...(formulaWarnings.get(cell.row) ?? []), warning]);
  }
  const results: RowResult[] = decoded.value.rows.map(({ row, record }) => {
    const draft = record.STATUS === "draft";
    const { valid, issues } = compiled.validate(record, { locale: args.locale, draft });
    return {
      row,
      status: valid ? "Success" : "Error",
      issues: [...issues, ...(formulaWarnings.get(row) ?? [])].map(
        ({ field, code, severity, message }) => ({
          field,
          code,
          severity,
          message,
        }),
      ),
    };
  });
  if (args.json) out.write(`${JSON.stringify(results, null, 2)}\n`);
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
