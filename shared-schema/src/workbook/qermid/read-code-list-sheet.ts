import type { Locale } from "../../dcd.ts";
import { columnLetter, type ReportEntry } from "../import-report.ts";
import { headerLocale } from "./header-locale.ts";
import { normalizeHeader } from "./normalize-header.ts";
import { parseCodeListCell } from "./parse-code-list-cell.ts";
import type { RawList } from "./raw-code-list.ts";
import { gridCell, type SheetGrid } from "./sheet-grid.ts";

/** The lists of a code-list sheet (`TYPE`, `CODE_VALUE`, `LABEL_EN`, `LABEL_NL`...). */
export interface CodeListSheet {
  sheet: string;
  lists: Map<string, RawList>;
  entries: ReportEntry[];
}

const LIST_HEADERS =
  /^(type|codelist|code list|codelist name|code list name|list|list name|codelist type)$/;
const CODE_HEADERS = /^(code value|code|value|code values|codevalue)$/;
const ID_HEADERS = /^(code id|id|item id)$/;

interface Layout {
  headerRow: number;
  list: number;
  code: number;
  id?: number;
  labels: Partial<Record<Locale, number>>;
}

function layoutOf(grid: SheetGrid): Layout | undefined {
  const last = Math.min(grid.rows.length, 25);
  for (let row = 1; row <= last; row++) {
    const width = grid.rows[row - 1]?.length ?? 0;
    let list: number | undefined;
    let code: number | undefined;
    let id: number | undefined;
    const labels: Partial<Record<Locale, number>> = {};
    for (let column = 1; column <= width; column++) {
      const text = normalizeHeader(gridCell(grid, row, column));
      if (text === "") continue;
      if (list === undefined && LIST_HEADERS.test(text)) list = column;
      else if (code === undefined && CODE_HEADERS.test(text)) code = column;
      else if (id === undefined && ID_HEADERS.test(text)) id = column;
      else if (/\b(label|labels|libelle|display|description)\b/.test(text)) {
        const locale = headerLocale(text);
        if (locale && labels[locale] === undefined) labels[locale] = column;
      }
    }
    if (list !== undefined && code !== undefined) {
      return id === undefined
        ? { headerRow: row, list, code, labels }
        : { headerRow: row, list, code, id, labels };
    }
  }
  return undefined;
}

/** True when the sheet has the columns of a code-list sheet (a list name and a code). */
export function isCodeListSheet(grid: SheetGrid): boolean {
  return layoutOf(grid) !== undefined;
}

export function readCodeListSheet(grid: SheetGrid): CodeListSheet | undefined {
  const layout = layoutOf(grid);
  if (!layout) return undefined;
  const lists = new Map<string, RawList>();
  const entries: ReportEntry[] = [];
  for (let row = layout.headerRow + 1; row <= grid.rows.length; row++) {
    const listCell = gridCell(grid, row, layout.list);
    const code = gridCell(grid, row, layout.code);
    if (listCell === "" && code === "") continue;
    const parsed = parseCodeListCell(listCell);
    if (!parsed || code === "") {
      entries.push({
        level: "warning",
        sheet: grid.name,
        row,
        column: columnLetter(parsed ? layout.code : layout.list),
        message: parsed
          ? "a list row without a code: ignored"
          : "a code without a list name: ignored",
      });
      continue;
    }
    let list = lists.get(parsed.name);
    if (!list) {
      list = { name: parsed.name, sheet: grid.name, row, values: [], notes: parsed.notes };
      lists.set(parsed.name, list);
    }
    const labels: Partial<Record<Locale, string>> = {};
    for (const [locale, column] of Object.entries(layout.labels) as [Locale, number][]) {
      const text = gridCell(grid, row, column);
      if (text !== "") labels[locale] = text;
    }
    const id = layout.id === undefined ? "" : gridCell(grid, row, layout.id);
    list.values.push(
      id === ""
        ? { sheet: grid.name, row, code, labels }
        : { sheet: grid.name, row, code, labels, id },
    );
  }
  return { sheet: grid.name, lists, entries };
}
