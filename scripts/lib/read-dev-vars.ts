import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";

/** The KEY=value pairs of a dotenv file such as `.dev.vars.example` (comments skipped). */
export function readDevVars(file: string): Record<string, string> {
  const parsed = parseEnv(readFileSync(file, "utf8"));
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
