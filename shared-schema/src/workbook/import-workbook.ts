import ExcelJS from "exceljs";
import type { Dcd } from "../dcd.ts";
import { DcdFormatError, parseDcd } from "../parse-dcd.ts";
import type { ImportReport, ReportEntry } from "./import-report.ts";
import { isQermidWorkbook, readQermidWorkbook } from "./read-qermid-workbook.ts";
import {
  isXlsformWorkbook,
  readXlsformWorkbook,
  XLSFORM_EXPECTED,
} from "./read-xlsform-workbook.ts";
import { WorkbookFormatError } from "./workbook-format-error.ts";

export { WorkbookFormatError };

const QERMID_EXPECTED =
  "nor a Qermid field list (a sheet whose header row names the fields, their types and code lists, with code-list sheets)";

/**
 * Reads a DCD workbook of either layout Healthdata publishes (XLSForm, or the older Qermid
 * field lists), recognised by its sheet names and header texts, never by column positions,
 * and checks the result with `parseDcd`. What `parseDcd` refuses is added to the report as
 * unmapped and affecting validation: then `hasBlockingGaps(report)` holds and the DCD must
 * not be used.
 */
export async function importWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  fileName: string,
  options: { sheet?: string } = {},
): Promise<{ dcd: Dcd; report: ImportReport }> {
  const workbook = new ExcelJS.Workbook();
  try {
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    // exceljs reads any binary buffer; its typing asks for a Node Buffer.
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new WorkbookFormatError(
      `${fileName} is not an Excel workbook (.xlsx) that can be read: ${(error as Error).message}`,
    );
  }
  let imported: { dcd: Dcd; report: ImportReport };
  if (isXlsformWorkbook(workbook)) imported = readXlsformWorkbook(workbook, fileName);
  else if (isQermidWorkbook(workbook)) imported = readQermidWorkbook(workbook, fileName, options);
  else {
    const sheets = workbook.worksheets.map((w) => `"${w.name}"`).join(", ") || "none";
    throw new WorkbookFormatError(
      `${fileName} is neither ${XLSFORM_EXPECTED}, ${QERMID_EXPECTED}; its sheets: ${sheets}.`,
    );
  }
  return checked(imported, fileName);
}

function checked(
  imported: { dcd: Dcd; report: ImportReport },
  fileName: string,
): { dcd: Dcd; report: ImportReport } {
  try {
    return { dcd: parseDcd(imported.dcd, fileName), report: imported.report };
  } catch (error) {
    if (!(error instanceof DcdFormatError)) throw error;
    const entries: ReportEntry[] = error.problems.map((problem) => ({
      level: "unmapped",
      sheet: "(whole workbook)",
      ...subjectOf(problem),
      message: `The imported DCD is not usable: ${problem}.`,
      affectsValidation: true,
    }));
    return {
      dcd: imported.dcd,
      report: { ...imported.report, entries: [...imported.report.entries, ...entries] },
    };
  }
}

/** The field or rule a `parseDcd` problem is about: `fields.X...`, `IMPLANT.X`, `rules[3] (code)`. */
function subjectOf(problem: string): { subject?: string } {
  const rule = /^rules\[\d+\] \(([^)]+)\)/.exec(problem);
  if (rule) return { subject: rule[1] as string };
  const field =
    /^fields\.([A-Za-z0-9_.-]+?)(?:\.(?:required|relevant|choiceFilter|calculation)|:)/.exec(
      problem,
    );
  if (field) return { subject: field[1] as string };
  const inner = /^[A-Za-z_][A-Za-z0-9_-]*\.([A-Za-z0-9_-]+):/.exec(problem);
  if (inner) return { subject: inner[1] as string };
  return {};
}
