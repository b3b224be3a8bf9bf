// The summary `spine-reg reconcile` prints on the terminal, in the user's language.

import { ReconciliationStatusSchema } from "../../shared-schema/src/api/api-schemas.ts";
import type { Locale } from "../../shared-schema/src/dcd.ts";
import { formatMessage } from "../../shared-schema/src/i18n/format-message.ts";
import { REPORT_WORDS } from "./report-words.ts";
import type { ReportSummary } from "./summarize-report.ts";

export function formatSummary(
  summary: ReportSummary,
  registry: "read" | "unavailable",
  locale: Locale,
): string {
  const words = REPORT_WORDS[locale];
  const number = (n: number) => n.toLocaleString(`${locale}-BE`);
  const lines = [formatMessage(words.summary, locale, { n: summary.total })];
  for (const status of ReconciliationStatusSchema.options) {
    const n = summary.counts[status];
    if (n > 0) lines.push(`  ${words.status[status]}: ${number(n)}`);
  }
  lines.push(
    summary.refused > 0
      ? formatMessage(words.attention, locale, { n: summary.refused })
      : words.allGood,
  );
  if (summary.unknownUnregistered > 0) {
    lines.push(formatMessage(words.unknownCodes, locale, { n: summary.unknownUnregistered }));
  }
  if (registry === "unavailable") lines.push(words.registryUnavailable);
  return `${lines.join("\n")}\n`;
}
