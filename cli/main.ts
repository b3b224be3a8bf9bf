import type { Writable } from "node:stream";
import { LOCALES, type Locale } from "../shared-schema/src/dcd.ts";
import { isIsoDate } from "../shared-schema/src/field-schema.ts";
import { runEligibility } from "./run-eligibility.ts";
import { runReconcile } from "./run-reconcile.ts";
import { runValidate } from "./run-validate.ts";

export const USAGE = `Usage:
  spine-reg validate <file.csv> [--dcd <dcd.json>] [--locale fr|nl|de|en] [--json]
      Validate every row of an HD4DP CSV file against a DCD JSON file (default: the
      SPIN_SURG shipped with this product). Exit 0: all rows valid; 1: a row is not;
      2: the file or the DCD cannot be read.
  spine-reg eligibility <code>... [--article <art>] [--date YYYY-MM-DD] [--locale ..] [--json]
      Tell whether each nomenclature code requires registration.
  spine-reg dcd import <workbook.xlsx> [--sheet <name>] [--out <dcd.json>] [--json]
      Read a Healthdata DCD workbook (XLSForm layout, or the older Qermid field list) and
      report, per sheet, row and column, what was mapped and what was not. --out writes the
      DCD JSON (when it passes the DCD checks, even with gaps: read the report); without
      --out nothing is written. --json prints {"dcd": ..., "report": ...} instead of the
      text report. Exit 0: everything that changes validation was mapped; 1: something
      that changes validation was not (or the DCD fails its checks); 2: the file cannot be
      read as a DCD workbook. --sheet picks the DCD of a Qermid workbook that holds several
      (the report lists them; default: the first).
  spine-reg reconcile <billing.csv> --worker <url> --token <token> [--json] [--out <report.html>]
      [--csv <out.csv>] [--with-names] [--columns niss=<header>,...] [--locale fr|nl|de|en]
      Check that every billed act that needs a registration has one (spine-reg reconcile
      --help says more). Exit 0: yes; 1: some are missing or failed; 2: the check could not run.
  spine-reg dcd pull --hd4dp <base-url> --dcd <id> [--version <v>] --out <dcd.json>
      (--token-url <url> --client-id <id> --client-secret <secret> | --token <token>)
      Build the DCD JSON from the hospital's HD4DP (its definition, code lists with item
      ids, and texts); spine-reg dcd pull --help says more.
`;

export interface CliArgs {
  positional: string[];
  json: boolean;
  locale: Locale;
  options: Record<string, string>;
}

class UsageError extends Error {}

/** Options followed by a value. */
const VALUE_OPTIONS = new Set(["--locale", "--article", "--date", "--dcd", "--out", "--sheet"]);

/** A subcommand gets its own arguments, unparsed, so that each may have its own options. */
type Subcommand = (argv: string[], out: Writable, err: Writable) => Promise<number>;

// `spine-reg dcd <subcommand>`. Loaded on demand: the workbook reader (exceljs) is large and
// no other command needs it.
const DCD_COMMANDS: Record<string, Subcommand> = {
  import: async (argv, out, err) =>
    (await import("./run-dcd-import.ts")).runDcdImport(parseArgs(argv), out, err),
  pull: async (argv, out, err) => (await import("./run-dcd-pull.ts")).runDcdPull(argv, out, err),
};

async function runDcd(argv: string[], out: Writable, err: Writable): Promise<number> {
  const [sub, ...rest] = argv;
  const command = sub === undefined ? undefined : DCD_COMMANDS[sub];
  if (!command) {
    const known = Object.keys(DCD_COMMANDS).join(", ");
    throw new UsageError(
      sub ? `Unknown dcd subcommand ${sub}: use ${known}.` : `dcd needs a subcommand: ${known}.`,
    );
  }
  return command(rest, out, err);
}

function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { positional: [], json: false, locale: "en", options: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--json") args.json = true;
    else if (VALUE_OPTIONS.has(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value.`);
      if (arg === "--locale") {
        if (!LOCALES.includes(value as Locale)) {
          throw new UsageError(`--locale ${value} is not supported: use fr, nl, de or en.`);
        }
        args.locale = value as Locale;
      } else if (arg === "--date" && !isIsoDate(value)) {
        throw new UsageError(`--date ${value} is not a date: use YYYY-MM-DD, e.g. 2026-03-02.`);
      } else args.options[arg.slice(2)] = value;
    } else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}.`);
    else args.positional.push(arg);
  }
  return args;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], out: Writable, err: Writable): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === "--help" || command === "-h" || command === "help") {
      out.write(USAGE);
      return 0;
    }
    if (command === "dcd") return await runDcd(rest, out, err);
    if (command === "reconcile") return await runReconcile(rest, out, err);
    const args = parseArgs(rest);
    if (command === "validate") return await runValidate(args, out, err);
    if (command === "eligibility") return runEligibility(args, out);
    throw new UsageError(command ? `Unknown command ${command}.` : "No command given.");
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`spine-reg: ${error.message}\n\n${USAGE}`);
    return 2;
  }
}

export { UsageError };
