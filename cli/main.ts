import type { Writable } from "node:stream";
import { LOCALES, type Locale } from "../shared-schema/src/dcd.ts";
import { isIsoDate } from "../shared-schema/src/field-schema.ts";
import { runEligibility } from "./run-eligibility.ts";
import { runValidate } from "./run-validate.ts";

export const USAGE = `Usage:
  spine-reg validate <file.csv> [--locale fr|nl|de|en] [--json]
      Validate every row of an HD4DP CSV file (SPIN_SURG). Exit 0: all rows valid;
      1: a row is not; 2: the file cannot be read.
  spine-reg eligibility <code>... [--article <art>] [--date YYYY-MM-DD] [--locale ..] [--json]
      Tell whether each nomenclature code requires registration.
`;

export interface CliArgs {
  positional: string[];
  json: boolean;
  locale: Locale;
  options: Record<string, string>;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { positional: [], json: false, locale: "en", options: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--json") args.json = true;
    else if (arg === "--locale" || arg === "--article" || arg === "--date") {
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
