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
import { type CliArgs, UsageError } from "./main.ts";

/**
 * `spine-reg dcd import <workbook.xlsx> [--sheet <name>] [--out dcd.json] [--json]`: reads an official DCD
 * workbook, prints what was and was not mapped, and writes the DCD JSON with --out.
 */
export async function runDcdImport(args: CliArgs, out: Writable, err: Writable): Promise<number> {
  const [path, ...extra] = args.positional;
  if (!path || extra.length > 0) {
    throw new UsageError("dcd import takes exactly one workbook (.xlsx).");
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
    imported = await importWorkbook(bytes, fileName, { sheet: args.options.sheet });
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
  const target = args.options.out;
  if (target === undefined) written = "Nothing written: add --out <dcd.json> to write the DCD.";
  else if (!usable) written = `${target} not written: the DCD fails its checks (see above).`;
  else {
    await writeFile(target, `${JSON.stringify(dcd, null, 2)}\n`);
    written = `Wrote ${target}.`;
  }
  if (args.json) {
    out.write(`${JSON.stringify({ dcd, report }, null, 2)}\n`);
    err.write(`${written}\n`);
  } else {
    out.write(`${formatImportReport(report, { fileName, dcd })}${written}\n`);
  }
  return hasBlockingGaps(report) ? 1 : 0;
}
