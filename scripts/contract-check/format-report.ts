// The report for a terminal: one line per call, ✓ or ✗, then its differences and notes
// indented. A real HD4DP may differ in dozens of places at once (a whole Form.io definition):
// each list stops after a screenful, `--json` has them all.
import { asAssumed, type CheckResult } from "./check-call.ts";

const MAX_LINES = 20;

export function formatReport(results: CheckResult[]): string {
  const lines = results.flatMap((result) => {
    const { call, problem, differences, notes } = result;
    const count = `${differences.length} ${differences.length === 1 ? "difference" : "differences"}`;
    return [
      asAssumed(result) ? `✓ ${call}: as assumed` : `✗ ${call}: ${problem ?? count}`,
      ...capped(differences.map((line) => `  ${line}`)),
      ...capped(notes.map((note) => `  note: ${note}`)),
    ];
  });
  const differing = results.filter((result) => !asAssumed(result)).length;
  lines.push(
    differing === 0
      ? `All ${results.length} calls as assumed.`
      : `${differing} of ${results.length} calls differ from the contract we assume (worker/src/registry/hd4dp-contract.ts, shared-schema/src/s2s/hd4dp-definition-contract.ts).`,
  );
  return `${lines.join("\n")}\n`;
}

function capped(lines: string[]): string[] {
  if (lines.length <= MAX_LINES) return lines;
  const more = `  … and ${lines.length - MAX_LINES} more (--json lists them all)`;
  return [...lines.slice(0, MAX_LINES), more];
}
