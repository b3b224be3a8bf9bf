import type { Dcd } from "../dcd.ts";
import { hasBlockingGaps, type ImportReport, type ReportEntry } from "./import-report.ts";

const LAYOUT_NAMES: Record<ImportReport["layout"], string> = {
  xlsform: "XLSForm workbook",
  qermid: "Qermid field list",
  hd4dp: "HD4DP definition",
};

/** Where an entry is: `sheet survey, row 12, column F`. */
export function formatLocation(entry: ReportEntry): string {
  const sheet = /^[\w-]+$/.test(entry.sheet) ? entry.sheet : JSON.stringify(entry.sheet);
  const parts = [`sheet ${sheet}`];
  if (entry.row !== undefined) parts.push(`row ${entry.row}`);
  if (entry.column !== undefined) parts.push(`column ${entry.column}`);
  return parts.join(", ");
}

const SHEET_ORDER = ["settings", "survey", "choices", "rules"];

/** Workbook order: settings, survey, choices, rules, other sheets; then row and column. */
function byPlace(a: ReportEntry, b: ReportEntry): number {
  const rank = (e: ReportEntry) => {
    const i = SHEET_ORDER.indexOf(e.sheet.trim().toLowerCase());
    return i < 0 ? SHEET_ORDER.length : i;
  };
  const column = (e: ReportEntry) => e.column?.padStart(3, " ") ?? "";
  return (
    rank(a) - rank(b) ||
    a.sheet.localeCompare(b.sheet) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    column(a).localeCompare(column(b))
  );
}

function line(entry: ReportEntry): string {
  const subject = entry.subject ? ` [${entry.subject}]` : "";
  return `  ${formatLocation(entry)}${subject}: ${entry.message}`;
}

/**
 * The import report as text for hospital IT: what was imported, then the entries grouped
 * by gravity (unmapped constructs that change validation first), then the verdict.
 */
export function formatImportReport(
  report: ImportReport,
  about: { fileName: string; dcd?: Pick<Dcd, "id" | "version"> },
): string {
  const { counts } = report;
  const what = about.dcd ? `${about.dcd.id} ${about.dcd.version}` : "a DCD";
  const out = [
    `${about.fileName} (${LAYOUT_NAMES[report.layout]}) -> ${what}: fields ${counts.fields}, code lists ${counts.codeLists}, rules ${counts.rules}.`,
  ];
  const groups: [string, (e: ReportEntry) => boolean][] = [
    [
      "Not mapped, changes what validation accepts",
      (e) => e.level === "unmapped" && e.affectsValidation === true,
    ],
    ["Not mapped, validation unchanged", (e) => e.level === "unmapped" && !e.affectsValidation],
    ["Warnings", (e) => e.level === "warning"],
    ["Mapped with a note", (e) => e.level === "mapped"],
  ];
  for (const [title, test] of groups) {
    const entries = report.entries.filter(test).sort(byPlace);
    if (entries.length === 0) continue;
    out.push("", `${title} (${entries.length}):`, ...entries.map(line));
  }
  const blocking = report.entries.filter((e) => e.level === "unmapped" && e.affectsValidation);
  out.push(
    "",
    hasBlockingGaps(report)
      ? `Result: ${blocking.length} construct(s) that change validation could not be mapped: this DCD would accept or refuse records differently from the registry. Fix the workbook (or the importer) and import again.`
      : "Result: every construct that changes validation was mapped.",
  );
  return `${out.join("\n")}\n`;
}
