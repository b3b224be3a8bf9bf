import type { Locale } from "../../dcd.ts";
import { type ColumnRole, classifyHeader } from "./classify-header.ts";
import type { HeaderRow } from "./find-header-row.ts";
import { gridCell, type SheetGrid } from "./sheet-grid.ts";

/** The columns of one field sheet by role (1-based column numbers). */
export interface QermidColumns {
  name: number;
  type?: number;
  required?: number;
  requiredIf: number[];
  relevant: number[];
  /** The list name cell of a field row (`NIC_TPE_44 (44)`, `LINK: SEX`). */
  listName?: number;
  /** The codes on value rows; the list name column when the sheet has no separate one. */
  codeValues?: number;
  labels: Partial<Record<Locale, number>>;
  help: Partial<Record<Locale, number>>;
  /** A help column naming no language: its text is used in every language. */
  helpAnyLanguage?: number;
  expected?: number;
  valueLabels: Partial<Record<Locale, number>>;
  block?: number;
  cardinality?: number;
  calculation?: number;
  validation: number[];
  /** Columns read for nothing, with why: reported so that nothing is dropped silently. */
  ignored: { column: number; header: string; reason: string }[];
  headers: Map<number, string>;
}

type SingleRole =
  | "type"
  | "required"
  | "listName"
  | "codeValues"
  | "expected"
  | "block"
  | "cardinality"
  | "calculation";
const SINGLE: ReadonlySet<string> = new Set<SingleRole>([
  "type",
  "required",
  "listName",
  "codeValues",
  "expected",
  "block",
  "cardinality",
  "calculation",
]);

export function qermidColumns(grid: SheetGrid, header: HeaderRow): QermidColumns {
  const columns: QermidColumns = {
    name: header.nameColumn,
    requiredIf: [],
    relevant: [],
    labels: {},
    help: {},
    valueLabels: {},
    validation: [],
    ignored: [],
    headers: new Map(),
  };
  const width = grid.rows[header.row - 1]?.length ?? 0;
  for (let column = 1; column <= width; column++) {
    const text = gridCell(grid, header.row, column);
    if (text === "") continue;
    columns.headers.set(column, text);
    if (column === header.nameColumn) continue;
    assign(columns, column, text, classifyHeader(text));
  }
  // A sheet with one list column ("Codelist values" in some registries) writes the list
  // name on the field row and the codes on the value rows of that same column.
  if (columns.listName === undefined && columns.codeValues !== undefined) {
    columns.listName = columns.codeValues;
  }
  return columns;
}

function assign(columns: QermidColumns, column: number, header: string, role: ColumnRole): void {
  const reason = assigned(columns, column, role);
  if (reason !== undefined) columns.ignored.push({ column, header, reason });
}

/** Records the column under its role; returns why it is ignored, if it is. */
function assigned(columns: QermidColumns, column: number, role: ColumnRole): string | undefined {
  switch (role.role) {
    case "name":
      return "a second technical name column: the first one is read";
    case "requiredIf":
      columns.requiredIf.push(column);
      return undefined;
    case "relevant":
      columns.relevant.push(column);
      return undefined;
    case "validation":
      columns.validation.push(column);
      return undefined;
    case "label":
    case "valueLabel": {
      const target = role.role === "label" ? columns.labels : columns.valueLabels;
      if (target[role.locale] !== undefined) {
        return `a second ${role.locale} label column: the first one is read`;
      }
      target[role.locale] = column;
      return undefined;
    }
    case "help":
      if (role.locale === undefined) {
        if (columns.helpAnyLanguage !== undefined) return "a second help column";
        columns.helpAnyLanguage = column;
      } else {
        if (columns.help[role.locale] !== undefined) return "a second help column";
        columns.help[role.locale] = column;
      }
      return undefined;
    case "documentation":
      return `${role.what} (documentation): not needed to validate`;
    case "unknown":
      return "header not recognised";
    default: {
      const key = role.role as SingleRole;
      if (!SINGLE.has(key)) return "header not recognised";
      if (columns[key] !== undefined) return `a second ${key} column: the first one is read`;
      columns[key] = column;
      return undefined;
    }
  }
}
