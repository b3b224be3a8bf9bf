import type ExcelJS from "exceljs";
import type { Dcd } from "../dcd.ts";
import { same } from "../translations.ts";
import { columnLetter, type ImportReport, type ReportEntry } from "./import-report.ts";
import { buildQermidFields } from "./qermid/build-qermid-fields.ts";
import { CodeListResolver } from "./qermid/code-list-resolver.ts";
import { findHeaderRow } from "./qermid/find-header-row.ts";
import { LabelCollector } from "./qermid/label-collector.ts";
import { listQermidDcdSheets, qermidFieldGrids } from "./qermid/list-qermid-dcd-sheets.ts";
import { parseCodeListCell } from "./qermid/parse-code-list-cell.ts";
import { qermidBusinessKey } from "./qermid/qermid-business-key.ts";
import { qermidColumns } from "./qermid/qermid-columns.ts";
import { qermidDcdIdentity } from "./qermid/qermid-dcd-identity.ts";
import type { RawList } from "./qermid/raw-code-list.ts";
import { readCodeListSheet } from "./qermid/read-code-list-sheet.ts";
import { type RawFieldRow, readFieldRows } from "./qermid/read-field-rows.ts";
import { type SheetGrid, sheetGrid } from "./qermid/sheet-grid.ts";
import { WorkbookFormatError } from "./workbook-format-error.ts";

// Reads the older Healthdata DCD workbooks, the Qermid field lists (Orthopride, pacemaker,
// TAVI, ANGIO): one sheet per DCD with a header row somewhere in rows 5-25, columns known
// by their header texts only, code lists under their field's row or on code-list sheets.
// The conventions, and what is ASSUMED, are in docs/dcd-workbooks.md.

export { listQermidDcdSheets };

/** True when the workbook has at least one Qermid field sheet. */
export function isQermidWorkbook(workbook: ExcelJS.Workbook): boolean {
  return workbook.worksheets.some((worksheet) => findHeaderRow(sheetGrid(worksheet)) !== undefined);
}

export interface ReadQermidOptions {
  /** The field sheet to read (its name as in the workbook); default: the first one. */
  sheet?: string;
}

export function readQermidWorkbook(
  workbook: ExcelJS.Workbook,
  fileName: string,
  options: ReadQermidOptions = {},
): { dcd: Dcd; report: ImportReport } {
  const grids = workbook.worksheets.map(sheetGrid);
  const fieldGrids = qermidFieldGrids(grids);
  const grid = chooseSheet(fieldGrids, options.sheet);
  const header = findHeaderRow(grid);
  if (!header) {
    throw new WorkbookFormatError(`The sheet "${grid.name}" has no "Technical name" header`);
  }
  const entries: ReportEntry[] = [];
  const listSheets = new Map<string, RawList>();

  for (const other of grids) {
    if (other === grid) continue;
    if (fieldGrids.includes(other)) {
      entries.push({
        level: "unmapped",
        sheet: other.name,
        message: "another DCD of the workbook, not imported: choose it with the sheet option",
      });
      continue;
    }
    const codeLists = readCodeListSheet(other);
    if (codeLists) {
      entries.push(...codeLists.entries);
      for (const [name, list] of codeLists.lists)
        if (!listSheets.has(name)) listSheets.set(name, list);
      continue;
    }
    if (other.rows.some((row) => row.some((text) => text !== ""))) {
      entries.push({
        level: "unmapped",
        sheet: other.name,
        message:
          "neither a field list nor a code-list sheet (an introduction, a change log?): not read",
      });
    }
  }

  const columns = qermidColumns(grid, header);
  for (const { column, header: text, reason } of columns.ignored) {
    entries.push({
      level: "unmapped",
      sheet: grid.name,
      row: header.row,
      column: columnLetter(column),
      message: `column "${text}": ${reason}`,
    });
  }
  if (columns.type === undefined) {
    entries.push({
      level: "unmapped",
      sheet: grid.name,
      row: header.row,
      message: "no Type column: every field is read as a text",
      affectsValidation: true,
    });
  }
  const { rows, entries: rowEntries } = readFieldRows(grid, header, columns);
  entries.push(...rowEntries);

  const labels = new LabelCollector();
  const resolver = new CodeListResolver(
    inlineLists(grid, rows, columns.listName, entries),
    listSheets,
    labels,
  );
  const fieldEntries: ReportEntry[] = [];
  const fields = buildQermidFields(rows, {
    sheet: grid.name,
    columns,
    labels,
    resolver,
    entries: fieldEntries,
  });
  const codeLists = resolver.lists();
  const usedNames = new Set(codeLists.map((list) => list.name));
  for (const sheet of new Set([...listSheets.values()].map((list) => list.sheet))) {
    const unused = [...listSheets.values()].filter(
      (list) => list.sheet === sheet && !usedNames.has(list.name),
    );
    if (unused.length > 0) {
      entries.push({
        level: "mapped",
        sheet,
        message: `${unused.length} list(s) no field of "${grid.name}" uses, not imported: ${unused.map((list) => list.name).join(", ")}`,
      });
    }
  }

  const identity = qermidDcdIdentity(fileName, grid, header.row, fieldGrids.length > 1);
  if (!identity.version) {
    entries.push({
      level: "warning",
      sheet: grid.name,
      message: "no version in the file name nor above the header: 0.0.0 is used",
    });
  }
  if (identity.conflictingFileVersion) {
    entries.push({
      level: "warning",
      sheet: grid.name,
      message: `the sheet says version ${identity.version}, the file name ${identity.conflictingFileVersion}: the sheet's is used`,
    });
  }
  const { businessKey, mainDate } = qermidBusinessKey(fields);
  entries.push({
    level: businessKey.fields.length > 0 ? "mapped" : "warning",
    sheet: grid.name,
    message:
      businessKey.fields.length > 0
        ? `business key (ASSUMED): ${keyText(businessKey)}`
        : "no business key: the sheet has none of IDC_PAT, the patient's names, a date, CD_HPIN",
  });

  const dcd: Dcd = {
    id: identity.id,
    version: identity.version ?? "0.0.0",
    label: same(identity.title ?? identity.id),
    source:
      `Imported from ${baseName(fileName)}, sheet "${grid.name}" (Qermid field list` +
      `${identity.project ? `, project ${identity.project}` : ""}). ASSUMED: the business key ` +
      `${keyText(businessKey)}${mainDate ? ` (${mainDate} taken as the main date)` : ""}, and ` +
      "the conventions of docs/dcd-workbooks.md (Qermid field-list layout).",
    fields,
    codeLists,
    rules: [],
    businessKey,
  };
  // The caller checks the DCD with parseDcd (import-workbook.ts): what it refuses, such as
  // a condition naming a field that is not defined, is reported there.
  entries.push(...fieldEntries, ...resolver.entries, ...labels.entries(grid.name));
  return {
    dcd,
    report: {
      layout: "qermid",
      entries,
      counts: {
        fields: fields.reduce(
          (n, field) => n + 1 + (field.type === "repeat" ? field.fields.length : 0),
          0,
        ),
        codeLists: codeLists.length,
        rules: 0,
      },
    },
  };
}

function chooseSheet(fieldGrids: SheetGrid[], wanted: string | undefined): SheetGrid {
  if (fieldGrids.length === 0) {
    throw new WorkbookFormatError(
      'No Qermid field sheet: no sheet has a "Technical name" and a "Type" header',
    );
  }
  if (wanted === undefined) return fieldGrids[0] as SheetGrid;
  const exact = fieldGrids.find((grid) => grid.name === wanted);
  const loose = fieldGrids.filter(
    (grid) => grid.name.trim().toLowerCase() === wanted.trim().toLowerCase(),
  );
  const chosen = exact ?? (loose.length === 1 ? loose[0] : undefined);
  if (!chosen) {
    const names = fieldGrids.map((grid) => `"${grid.name}"`).join(", ");
    throw new WorkbookFormatError(`No Qermid field sheet "${wanted}": the workbook has ${names}`);
  }
  return chosen;
}

/** The lists defined under field rows: a non-LINK list cell with value rows below it. */
function inlineLists(
  grid: SheetGrid,
  rows: RawFieldRow[],
  listColumn: number | undefined,
  entries: ReportEntry[],
): Map<string, RawList> {
  const lists = new Map<string, RawList>();
  for (const row of rows) {
    const cell = parseCodeListCell(row.listCell);
    if (!cell || row.values.length === 0) continue;
    if (cell.link) {
      entries.push({
        level: "warning",
        sheet: grid.name,
        row: row.row,
        ...(listColumn === undefined ? {} : { column: columnLetter(listColumn) }),
        subject: row.name,
        message: `values under a LINK: cell: the linked list ${cell.name} is used, the values are ignored`,
      });
      continue;
    }
    const earlier = lists.get(cell.name);
    if (earlier) {
      const same =
        earlier.values.map((v) => v.code).join("|") === row.values.map((v) => v.code).join("|");
      if (!same) {
        entries.push({
          level: "warning",
          sheet: grid.name,
          row: row.row,
          subject: cell.name,
          message: `the list ${cell.name} is defined again with other values: the first definition (row ${earlier.row}) is used`,
        });
      }
      continue;
    }
    const list: RawList = {
      name: cell.name,
      sheet: grid.name,
      row: row.row,
      values: row.values,
      notes: cell.notes,
    };
    if (listColumn !== undefined) list.column = listColumn;
    lists.set(cell.name, list);
  }
  return lists;
}

function keyText(key: Dcd["businessKey"]): string {
  const main = key.fields.join(" + ") || "(none)";
  return key.fallback ? `${main}; without NISS ${key.fallback.fields.join(" + ")}` : main;
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}
