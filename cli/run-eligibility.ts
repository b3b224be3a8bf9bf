import type { Writable } from "node:stream";
import { decideEligibilities } from "../shared-schema/src/eligibility.ts";
import { type CliArgs, UsageError } from "./main.ts";

/** `spine-reg eligibility <code>...`: always exit 0, the decision is the output. */
export function runEligibility(args: CliArgs, out: Writable): number {
  if (args.positional.length === 0) throw new UsageError("Give at least one nomenclature code.");
  const decisions = decideEligibilities(args.positional, {
    locale: args.locale,
    article: args.options.article,
    date: args.options.date,
  });
  if (args.json) {
    const rows = decisions.map(({ code, decision, reason }) => ({ code, decision, reason }));
    out.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    for (const { code, decision, reason } of decisions)
      out.write(`${code}\t${decision}\t${reason}\n`);
  }
  return 0;
}
