// The summary `spine-reg reconcile` prints on the terminal, in the user's language.

import { ReconciliationStatusSchema } from "../../shared-schema/src/api/api-schemas.ts";
import type { Locale } from "../../shared-schema/src/dcd.ts";
import { render } from "../../shared-schema/src/translations.ts";
import { REPORT_WORDS } from "./report-words.ts";
import type { ReportSummary } from "./summarize-report.ts";

export function formatSummary(
  summary: ReportSummary,
  registry: "read" | "unavailable",
  locale: Locale,
): string {
  const words = REPORT_WORDS[locale];
  const number = (n: number) => n.toLocaleString(`${locale}-BE`);
  const lines = [render(words.summary, { n: number(summary.total) })];
  for (const status of ReconciliationStatusSchema.options) {
    const n = summary.counts[status];
    if (n > 0) lines.push(`  ${words.status[status]}: ${number(n)}`);
  }
  lines.push(
    summary.refused > 0 ? render(words.attention, { n: number(summary.refused) }) : words.allGood,
  );
  if (summary.unknownUnregistered > 0) {
    lines.push(render(words.unknownCodes, { n: number(summary.unknownUnregistered) }));
  }
  if (registry === "unavailable") lines.push(words.registryUnavailable);
  return `${lines.join("\n")}\n`;
}
