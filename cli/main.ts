import type { Writable } from "node:stream";
import { UsageError } from "./usage-error.ts";

export const USAGE = `Usage: spine-reg <command> [options]
  validate <file.csv>          validate an HD4DP CSV file against a DCD
  eligibility <code>...        whether nomenclature codes require registration
  reconcile <billing.csv>      check the billed acts that need a registration have one
  dcd import <workbook.xlsx>   build a DCD JSON from a Healthdata DCD workbook
  dcd pull --hd4dp <url> ...   build a DCD JSON from the hospital's HD4DP
spine-reg <command> --help tells a command's options and exit codes.
`;

interface Command {
  usage: string;
  run(argv: string[], out: Writable, err: Writable): Promise<number>;
}

// Loaded on demand: the workbook reader (exceljs) is large and only `dcd import` needs it.
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => {
    const { VALIDATE_USAGE, runValidate } = await import("./run-validate.ts");
    return { usage: VALIDATE_USAGE, run: runValidate };
  },
  eligibility: async () => {
    const { ELIGIBILITY_USAGE, runEligibility } = await import("./run-eligibility.ts");
    return { usage: ELIGIBILITY_USAGE, run: runEligibility };
  },
  reconcile: async () => {
    const { RECONCILE_USAGE, runReconcile } = await import("./run-reconcile.ts");
    return { usage: RECONCILE_USAGE, run: runReconcile };
  },
  "dcd import": async () => {
    const { DCD_IMPORT_USAGE, runDcdImport } = await import("./run-dcd-import.ts");
    return { usage: DCD_IMPORT_USAGE, run: runDcdImport };
  },
  "dcd pull": async () => {
    const { DCD_PULL_USAGE, runDcdPull } = await import("./run-dcd-pull.ts");
    return { usage: DCD_PULL_USAGE, run: runDcdPull };
  },
};

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h" || arg === "help";

/** The command an argument list names (`dcd` takes a subcommand), and its own arguments. */
function commandOf(argv: string[]): { name: string; rest: string[] } {
  const [first, second, ...others] = argv;
  if (first === undefined) throw new UsageError("no command given.");
  if (first !== "dcd") return { name: first, rest: argv.slice(1) };
  if (second === undefined || second.startsWith("-")) {
    throw new UsageError("dcd needs a subcommand: import or pull.");
  }
  return { name: `dcd ${second}`, rest: others };
}

/** Runs the CLI; returns the exit code (2: wrong arguments, with the command's usage). */
export async function main(argv: string[], out: Writable, err: Writable): Promise<number> {
  if (isHelp(argv[0])) {
    out.write(USAGE);
    return 0;
  }
  let usage = USAGE;
  let name = "";
  try {
    const named = commandOf(argv);
    name = named.name;
    const load = COMMANDS[name];
    if (!load) throw new UsageError(`unknown command ${name}.`);
    const command = await load();
    usage = command.usage;
    if (named.rest.includes("--help") || named.rest.includes("-h")) {
      out.write(usage);
      return 0;
    }
    return await command.run(named.rest, out, err);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const prefix = usage === USAGE ? "spine-reg" : `spine-reg ${name}`;
    err.write(`${prefix}: ${error.message}\n\n${usage}`);
    return 2;
  }
}
