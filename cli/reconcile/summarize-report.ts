// The figures every output of `spine-reg reconcile` gives: acts per status, the acts the
// insurer will refuse (a registration is required, and it is missing or failed: the exit
// code is 1 when there is one), and the unregistered acts whose code the eligibility table
// does not know (never silently "not required": the billing office checks their article).

import {
  type ReconciliationStatus,
  ReconciliationStatusSchema,
} from "../../shared-schema/src/api/api-schemas.ts";
import type { ReportRow } from "./report-rows.ts";

export interface ReportSummary {
  total: number;
  counts: Record<ReconciliationStatus, number>;
  refused: number;
  unknownUnregistered: number;
}

const unregistered = (row: ReportRow) => row.status === "missing" || row.status === "failed";

export function summarizeReport(rows: readonly ReportRow[]): ReportSummary {
  const counts = Object.fromEntries(
    ReconciliationStatusSchema.options.map((status) => [status, 0]),
  ) as Record<ReconciliationStatus, number>;
  let refused = 0;
  let unknownUnregistered = 0;
  for (const row of rows) {
    counts[row.status]++;
    if (!unregistered(row)) continue;
    if (row.decision === "required") refused++;
    else if (row.decision === "unknown") unknownUnregistered++;
  }
  return { total: rows.length, counts, refused, unknownUnregistered };
}
