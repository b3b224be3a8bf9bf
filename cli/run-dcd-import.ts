import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Writable } from "node:stream";
import { parseDcd } from "../shared-schema/src/parse-dcd.ts";
import { formatImportReport } from "../shared-schema/src/workbook/format-import-report.ts";
import { hasBlockingGaps } from "../shared-schema/src/workbook/import-report.ts";
import {
  importWorkbook,
  WorkbookFormatError,
} from "../shared-schema/src/workbook/import-workbook.ts";
import { readArgs } from "./read-args.ts";
import { UsageError } from "./usage-error.ts";

export const DCD_IMPORT_USAGE = `Usage:
  spine-reg dcd import <workbook.xlsx> [--sheet <name>] [--out <dcd.json>] [--json]
      Read a Healthdata DCD workbook (XLSForm layout, or the older Qermid field list) and
      report, per sheet, row and column, what was mapped and what was not. --out writes the
      DCD JSON (when it passes the DCD checks, even with gaps: read the report); without
      --out nothing is written. --json prints {"dcd": ..., "report": ...} instead of the
      text report. --sheet picks the DCD of a Qermid workbook that holds several (the
      report lists them; default: the first). Exit 0: everything that changes validation
      was mapped; 1: something that changes validation was not (or the DCD fails its
      checks); 2: the file cannot be read as a DCD workbook.
`;

/**
 * `spine-reg dcd import <workbook.xlsx> [--sheet <name>] [--out dcd.json] [--json]`: reads an official DCD
 * workbook, prints what was and was not mapped, and writes the DCD JSON with --out.
 */
export async function runDcdImport(argv: string[], out: Writable, err: Writable): Promise<number> {
  const { values, positionals } = readArgs(argv, {
    sheet: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" },
  });
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0) {
    throw new UsageError("give exactly one workbook (.xlsx).");
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "it does not exist"
        : (error as Error).message;
    err.write(`spine-reg: cannot read ${path}: ${reason}.\n`);
    return 2;
  }
  const fileName = basename(path);
  let imported: Awaited<ReturnType<typeof importWorkbook>>;
  try {
    imported = await importWorkbook(bytes, fileName, { sheet: values.sheet });
  } catch (error) {
    if (!(error instanceof WorkbookFormatError)) throw error;
    err.write(`spine-reg: ${error.message.replace(/\s*\n\s*/g, " ")}\n`);
    return 2;
  }
  const { dcd, report } = imported;
  // importWorkbook reports what parseDcd refuses; such a DCD must not be written.
  let usable = true;
  try {
    parseDcd(dcd, fileName);
  } catch {
    usable = false;
  }

  let written: string;
  const target = values.out;
  if (target === undefined) written = "Nothing written: add --out <dcd.json> to write the DCD.";
  else if (!usable) written = `${target} not written: the DCD fails its checks (see above).`;
  else {
    await writeFile(target, `${JSON.stringify(dcd, null, 2)}\n`);
    written = `Wrote ${target}.`;
  }
  if (values.json) {
    out.write(`${JSON.stringify({ dcd, report }, null, 2)}\n`);
    err.write(`${written}\n`);
  } else {
    out.write(`${formatImportReport(report, { fileName, dcd })}${written}\n`);
  }
  return hasBlockingGaps(report) ? 1 : 0;
}
