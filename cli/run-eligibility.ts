import type { Writable } from "node:stream";
import { decideEligibilities } from "../shared-schema/src/eligibility.ts";
import { readArgs, readDate, readLocale } from "./read-args.ts";
import { UsageError } from "./usage-error.ts";

export const ELIGIBILITY_USAGE = `Usage:
  spine-reg eligibility <code>... [--article <art>] [--date YYYY-MM-DD] [--locale fr|nl|de|en]
      [--json]
      Tell whether each nomenclature code requires registration (on --date, default today;
      --article: the article the code is billed under, when the code alone does not say).
      Prints code, decision and reason per line, or a JSON list with --json. Exit 0 (2:
      wrong arguments).
`;

/** `spine-reg eligibility <code>...`: always exit 0, the decision is the output. */
export async function runEligibility(argv: string[], out: Writable): Promise<number> {
  const { values, positionals } = readArgs(argv, {
    article: { type: "string" },
    date: { type: "string" },
    locale: { type: "string" },
    json: { type: "boolean" },
  });
  if (positionals.length === 0) throw new UsageError("give at least one nomenclature code.");
  const decisions = decideEligibilities(positionals, {
    locale: readLocale(values.locale),
    article: values.article,
    date: readDate(values.date),
  });
  if (values.json) {
    const rows = decisions.map(({ code, decision, reason }) => ({ code, decision, reason }));
    out.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    for (const { code, decision, reason } of decisions)
      out.write(`${code}\t${decision}\t${reason}\n`);
  }
  return 0;
}
