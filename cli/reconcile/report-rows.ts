// One line per row of the billing file, for every output of `spine-reg reconcile`: the
// worker's answer for its act, or, for a row the file reader could not split, `invalid` with
// the line. The patient's identity is carried only with --with-names.

import type {
  ReconciledAct,
  ReconciliationStatus,
} from "../../shared-schema/src/api/api-schemas.ts";
import type { Locale } from "../../shared-schema/src/dcd.ts";
import type { EligibilityDecision } from "../../shared-schema/src/eligibility.ts";
import { formatNiss } from "../../shared-schema/src/identifiers/niss.ts";
import { badRowMessage } from "../../worker/src/reconciliation/billing-file-error.ts";
import type {
  BadBillingRow,
  BillingRow,
} from "../../worker/src/reconciliation/read-billing-csv.ts";

export interface ReportRow {
  row: number;
  line: number;
  code?: string;
  date?: string;
  decision?: EligibilityDecision;
  status: ReconciliationStatus;
  registrationCode?: string;
  registeredAt?: string;
  /** failed: the outbox error code; invalid: `role:problem`. */
  reason?: string;
  /** In the user's language. */
  reasonText?: string;
  /** With --with-names only. */
  patient?: string;
  niss?: string;
}

export interface ReportRowsInput {
  rows: BillingRow[];
  /** The worker's answer for each of `rows`, in the same order. */
  answers: ReconciledAct[];
  badRows: BadBillingRow[];
  columns: number;
  withNames: boolean;
  locale: Locale;
}

export function toReportRows(input: ReportRowsInput): ReportRow[] {
  const report: ReportRow[] = input.rows.map(({ row, line, act }, i) => {
    const answer = input.answers[i] as ReconciledAct;
    const reasonText = answer.reasonText ?? answer.problems?.map((p) => p.message).join(" ");
    const patient = [act.lastName, act.firstName].filter(Boolean).join(" ");
    return {
      row,
      line,
      ...defined("code", answer.code ?? act.code),
      ...defined("date", answer.date ?? act.date),
      ...defined("decision", answer.decision),
      status: answer.status,
      ...defined("registrationCode", answer.registrationCode),
      ...defined("registeredAt", answer.registeredAt),
      ...defined("reason", answer.reason),
      ...defined("reasonText", reasonText),
      ...(input.withNames
        ? { ...defined("patient", patient), ...defined("niss", nissOf(act.niss)) }
        : {}),
    };
  });
  for (const bad of input.badRows) {
    report.push({
      row: bad.row,
      line: bad.line,
      status: "invalid",
      reason: "row:row_length",
      reasonText: badRowMessage(bad, input.columns, input.locale),
    });
  }
  return report.sort((a, b) => a.row - b.row);
}

function nissOf(niss: string | undefined): string | undefined {
  return niss === undefined ? undefined : formatNiss(niss);
}

function defined<K extends string, V>(key: K, value: V | undefined | ""): Partial<Record<K, V>> {
  return value === undefined || value === "" ? {} : ({ [key]: value } as Record<K, V>);
}
