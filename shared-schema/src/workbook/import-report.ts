// What an import of a DCD workbook found: each construct mapped, and each one that was not,
// with where it is in the workbook, so that nothing is dropped silently.

export type ReportLevel = "mapped" | "warning" | "unmapped";

export interface ReportEntry {
  level: ReportLevel;
  /** Sheet name as in the workbook (trailing spaces kept). */
  sheet: string;
  /** 1-based row and column, as Excel shows them (column as a letter, e.g. "F"). */
  row?: number;
  column?: string;
  /** The technical name of the field, list or rule concerned, when there is one. */
  subject?: string;
  /** What was found and what was done with it, in English (a report for hospital IT). */
  message: string;
  /**
   * True when what could not be mapped changes what validation accepts (a constraint, a
   * required or relevant expression, an unknown type): the import then exits 1.
   */
  affectsValidation?: boolean;
}

export interface ImportReport {
  layout: "xlsform" | "qermid" | "hd4dp";
  entries: ReportEntry[];
  counts: { fields: number; codeLists: number; rules: number };
}

/** True when the report holds a construct that affects validation and was not mapped. */
export function hasBlockingGaps(report: ImportReport): boolean {
  return report.entries.some((entry) => entry.level === "unmapped" && entry.affectsValidation);
}

/** Excel's column letters for a 1-based column number (1 -> A, 27 -> AA). */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
