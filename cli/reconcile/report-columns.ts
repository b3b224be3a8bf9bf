// The columns of the HTML and CSV reports, in order, with each cell's text in the user's
// language; the patient's name and NISS only with --with-names.

import type { Locale } from "../../shared-schema/src/dcd.ts";
import type { ReportRow } from "./report-rows.ts";
import { REPORT_WORDS, type ReportWords } from "./report-words.ts";

export type ColumnKey = keyof ReportWords["columns"];

export interface ReportColumn {
  key: ColumnKey;
  label: string;
  /** The cell as shown. */
  text(row: ReportRow): string;
  /** What the column sorts by (numbers and ISO dates sort as they should). */
  sortValue(row: ReportRow): string | number;
}

/** 2026-03-02 -> 02/03/2026, as Belgian billing offices read dates. */
export function belgianDate(iso: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  return match ? `${match[3]}/${match[2]}/${match[1]}` : (iso ?? "");
}

export function reportColumns(locale: Locale, withNames: boolean): ReportColumn[] {
  const words = REPORT_WORDS[locale];
  const column = (
    key: ColumnKey,
    text: (row: ReportRow) => string,
    sortValue: (row: ReportRow) => string | number = text,
  ): ReportColumn => ({ key, label: words.columns[key], text, sortValue });
  return [
    column(
      "row",
      (r) => String(r.row),
      (r) => r.row,
    ),
    column(
      "line",
      (r) => String(r.line),
      (r) => r.line,
    ),
    column(
      "date",
      (r) => belgianDate(r.date),
      (r) => r.date ?? "",
    ),
    column("code", (r) => r.code ?? ""),
    ...(withNames
      ? [column("patient", (r) => r.patient ?? ""), column("niss", (r) => r.niss ?? "")]
      : []),
    column("decision", (r) => (r.decision ? words.decision[r.decision] : "")),
    column("status", (r) => words.status[r.status]),
    column("registrationCode", (r) => r.registrationCode ?? ""),
    column(
      "registeredAt",
      (r) => belgianDate(r.registeredAt),
      (r) => r.registeredAt ?? "",
    ),
    column("reason", (r) => r.reasonText ?? r.reason ?? ""),
  ];
}
