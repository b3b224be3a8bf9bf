// `spine-reg reconcile <billing.csv>`: the billing office's check before invoicing. Reads the
// hospital's billing export (reconcile/decode-billing-bytes.ts, the worker's billing reader),
// asks the worker, in batches, whether each billed act needs a registration and has one,
// and reports: a summary on the terminal, and on request JSON, an HTML report and a CSV.
// Exit 0: no act that needs a registration is missing or failed; 1: some are (the insurer
// will refuse them); 2: the command could not check (arguments, file, worker).

import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Writable } from "node:stream";
import { MAX_RECONCILED_ACTS, type ReconciledAct } from "../shared-schema/src/api/api-schemas.ts";
import { type ActRole, billedActFieldsOf } from "../shared-schema/src/billed-act-fields.ts";
import { formatMessage } from "../worker/src/i18n/messages.ts";
import { readBillingCsv } from "../worker/src/reconciliation/read-billing-csv.ts";
import { readArgs, readBaseUrl, readLocale } from "./read-args.ts";
import { decodeBillingBytes } from "./reconcile/decode-billing-bytes.ts";
import { formatSummary } from "./reconcile/format-summary.ts";
import { parseColumnsOption } from "./reconcile/parse-columns-option.ts";
import { createProgressBar } from "./reconcile/progress-bar.ts";
import { toReportRows } from "./reconcile/report-rows.ts";
import { summarizeReport } from "./reconcile/summarize-report.ts";
import {
  fetchWorkerDcd,
  reconcileBatch,
  WorkerCallError,
  type WorkerTarget,
} from "./reconcile/worker-calls.ts";
import { writeCsvReport } from "./reconcile/write-csv-report.ts";
import { writeHtmlReport } from "./reconcile/write-html-report.ts";
import { UsageError } from "./usage-error.ts";

export const RECONCILE_USAGE = `Usage:
  spine-reg reconcile <billing.csv> --worker <url> --token <token> [--json]
      [--out <report.html>] [--csv <out.csv>] [--with-names]
      [--columns niss=<header>,date=<header>,code=<header>,nihii=<header>,...]
      [--locale fr|nl|de|en]
      Check a billing export (';' or ',' separated, UTF-8 or Windows-1252) against the
      registrations the worker and HD4DP hold: per act, whether its code needs a
      registration on its date and whether it has one. Prints a summary; --json prints one
      object per row instead; --out writes an HTML report for the billing office (no patient
      name in it unless --with-names), --csv a CSV. --columns names the columns the header
      names are not recognised for (roles: niss, date, code, nihii, lastName, firstName,
      birthDate). Exit 0: every act that needs a registration has one (or is on its way);
      1: some are missing or failed; 2: the check could not run. docs/reconciliation.md.
`;

interface Options {
  file: string;
  target: WorkerTarget;
  json: boolean;
  out?: string;
  csv?: string;
  withNames: boolean;
  columns: Partial<Record<ActRole, string>>;
}

function readOptions(argv: string[]): Options {
  const { values, positionals } = readArgs(argv, {
    worker: { type: "string" },
    token: { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
    csv: { type: "string" },
    "with-names": { type: "boolean" },
    columns: { type: "string" },
    locale: { type: "string" },
  });
  if (positionals.length !== 1) throw new UsageError("give exactly one billing file.");
  const { worker, token } = values;
  if (!worker || !token) throw new UsageError("--worker and --token are required.");
  const columns = values.columns === undefined ? {} : parseColumnsOption(values.columns);
  if (typeof columns === "string") throw new UsageError(columns);
  return {
    file: positionals[0] as string,
    target: { url: readBaseUrl("worker", worker), token, locale: readLocale(values.locale) },
    json: values.json === true,
    ...(values.out === undefined ? {} : { out: values.out }),
    ...(values.csv === undefined ? {} : { csv: values.csv }),
    withNames: values["with-names"] === true,
    columns,
  };
}

/** `argv`: the arguments after `spine-reg reconcile`. */
export async function runReconcile(argv: string[], out: Writable, err: Writable): Promise<number> {
  const options = readOptions(argv);
  try {
    return await reconcile(options, out, err);
  } catch (error) {
    if (!(error instanceof WorkerCallError || error instanceof CheckError)) throw error;
    err.write(`spine-reg reconcile: ${error.message}\n`);
    return 2;
  }
}

class CheckError extends Error {}

async function reconcile(options: Options, out: Writable, err: Writable): Promise<number> {
  const { target } = options;
  const { locale } = target;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(options.file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CheckError(
      `cannot read ${options.file}: ${code === "ENOENT" ? "it does not exist" : (error as Error).message}.`,
    );
  }
  const { text } = decodeBillingBytes(bytes);
  const dcd = await fetchWorkerDcd(target);
  const fields = billedActFieldsOf(dcd);
  if (!fields.ok) {
    const params = { dcd: dcd.id, field: fields.field ?? "–" };
    throw new CheckError(formatMessage("dcd_not_reconcilable", locale, params).detail);
  }
  const read = readBillingCsv(text, fields.value, options.columns);
  if (!read.ok) {
    throw new CheckError(
      `${options.file}: ${formatMessage(read.error.code, locale, read.error.params).detail}`,
    );
  }
  const { rows, badRows, header } = read.value;

  const answers: ReconciledAct[] = [];
  let registry: "read" | "unavailable" = "read";
  const progress = createProgressBar(err, rows.length, "acts");
  try {
    for (let start = 0; start < rows.length; start += MAX_RECONCILED_ACTS) {
      const batch = rows.slice(start, start + MAX_RECONCILED_ACTS).map((row) => row.act);
      const reply = await reconcileBatch(target, dcd, batch);
      answers.push(...reply.acts);
      if (reply.registry === "unavailable") registry = "unavailable";
      progress.update(answers.length);
    }
  } finally {
    progress.end();
  }

  const report = toReportRows({
    rows,
    answers,
    badRows,
    columns: header.length,
    withNames: options.withNames,
    locale,
  });
  const summary = summarizeReport(report);
  if (options.json) {
    const objects = report.map(
      ({ row, code, date, decision, status, registrationCode, reason }) => ({
        row,
        code,
        date,
        decision,
        status,
        ...(registrationCode === undefined ? {} : { registrationCode }),
        ...(reason === undefined ? {} : { reason }),
      }),
    );
    out.write(`${JSON.stringify(objects, null, 2)}\n`);
  }
  (options.json ? err : out).write(formatSummary(summary, registry, locale));
  if (options.out) {
    const html = writeHtmlReport({
      rows: report,
      summary,
      registry,
      locale,
      withNames: options.withNames,
      file: basename(options.file),
      dcd: `${dcd.id} ${dcd.version}`,
      at: new Date().toISOString(),
    });
    await write(options.out, html);
  }
  if (options.csv) await write(options.csv, writeCsvReport(report, locale, options.withNames));
  return summary.refused > 0 ? 1 : 0;
}

async function write(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new CheckError(`cannot write ${path}: ${(error as Error).message}.`);
  }
}
