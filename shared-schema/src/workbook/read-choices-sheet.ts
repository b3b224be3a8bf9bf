import type { CodeItem, CodeList, ValueFormat } from "../dcd.ts";
import { same } from "../translations.ts";
import { columnLetter, type ReportEntry } from "./import-report.ts";
import { type LanguageFill, TableColumns } from "./language-columns.ts";
import type { SheetTable } from "./read-sheet-table.ts";
import { reportUnusedColumns } from "./report-unused-columns.ts";
import { readYesNo } from "./xlsform-extensions.ts";

const LIST_FORMATS: readonly ValueFormat[] = ["be-postcode", "nomenclature"];
/** Columns of a choice that are read as such. */
const READ = new Set(["list_name", "name", "label", "exclusive", "hd4dp_id", "list_format"]);
/** Columns of a choice that are neither read nor filters: media and hints are not shown. */
const IGNORED = new Set(["hint", "guidance_hint", "image", "audio", "video", "media"]);

export interface ChoicesRead {
  codeLists: CodeList[];
  /** The row of each list's first line, for the report. */
  rows: Map<string, number>;
}

/**
 * Reads the `choices` sheet: one code list per `list_name`, items in sheet order, labels per
 * language; any other column (e.g. `province`) becomes an item filter for `choice_filter`.
 * Our extensions: `exclusive`, `hd4dp_id` and `list_format` (see xlsform-extensions.ts).
 */
export function readChoicesSheet(
  table: SheetTable | undefined,
  fill: LanguageFill,
  entries: ReportEntry[],
): ChoicesRead {
  const read: ChoicesRead = { codeLists: [], rows: new Map() };
  if (!table) return read;
  const columns = new TableColumns(table);
  const { sheet } = table;
  const listColumn = columns.column("list_name");
  const nameColumn = columns.column("name");
  if (listColumn === undefined || nameColumn === undefined) {
    entries.push({
      level: "unmapped",
      sheet,
      row: table.headerRow,
      message: `The choices sheet has no ${listColumn === undefined ? "list_name" : "name"} column: no code list is read, and every select field is left without its list.`,
      affectsValidation: true,
    });
    return read;
  }
  const isFilter = (base: string) => !READ.has(base) && !IGNORED.has(base) && !base.includes("::");
  const filterColumns = columns.columns.filter(
    (c) => isFilter(c.base) && c.locale === undefined && !c.unqualified,
  );
  reportUnusedColumns(columns, (base) => READ.has(base) || isFilter(base), entries);

  const lists = new Map<string, CodeList>();
  const values = new Map<string, Set<string>>();
  const unlabelled = new Map<string, { count: number; row: number }>();
  for (const row of table.rows) {
    const listName = row.cells[listColumn] ?? "";
    const value = row.cells[nameColumn] ?? "";
    const at = (column: number | undefined) => ({
      sheet,
      row: row.row,
      ...(column !== undefined ? { column: columnLetter(column) } : {}),
      subject: listName,
    });
    if (!listName) {
      entries.push({
        level: "warning",
        ...at(listColumn),
        subject: value || undefined,
        message: "A choice without list_name is ignored.",
      });
      continue;
    }
    let list = lists.get(listName);
    if (!list) {
      list = { name: listName, items: [] };
      lists.set(listName, list);
      values.set(listName, new Set());
      read.rows.set(listName, row.row);
    }
    const formatText = columns.text(row, "list_format");
    if (formatText) {
      if (LIST_FORMATS.includes(formatText as ValueFormat)) list.format = formatText as ValueFormat;
      else {
        entries.push({
          level: "unmapped",
          ...at(columns.column("list_format")),
          message: `list_format "${formatText}" is not one of ${LIST_FORMATS.join(", ")}: the list accepts only its choices.`,
          affectsValidation: true,
        });
      }
    }
    const label = fill.read(columns, row, "label");
    if (!value) {
      // A row with a list name and no choice declares the list (e.g. an open list with a
      // list_format and no enumerated values).
      if (label) {
        entries.push({
          level: "warning",
          ...at(nameColumn),
          message: "A choice with a label but no name is ignored.",
        });
      }
      continue;
    }
    const seen = values.get(listName) as Set<string>;
    if (seen.has(value)) {
      entries.push({
        level: "warning",
        ...at(nameColumn),
        message: `Choice ${value} appears twice in list ${listName}: the first is kept.`,
      });
      continue;
    }
    seen.add(value);
    const item: CodeItem = { value, label: label ?? same(value) };
    if (!label) {
      const gap = unlabelled.get(listName) ?? { count: 0, row: row.row };
      gap.count++;
      unlabelled.set(listName, gap);
    }
    const exclusiveText = columns.text(row, "exclusive");
    if (exclusiveText) {
      const exclusive = readYesNo(exclusiveText);
      if (exclusive === undefined) {
        entries.push({
          level: "unmapped",
          ...at(columns.column("exclusive")),
          message: `exclusive "${exclusiveText}" is neither yes nor no: the choice is not exclusive.`,
          affectsValidation: true,
        });
      } else item.exclusive = exclusive;
    }
    const id = columns.text(row, "hd4dp_id");
    if (id) item.id = id;
    const filters: Record<string, string> = {};
    let hasFilter = false;
    for (const c of filterColumns) {
      const text = row.cells[c.column];
      if (text) {
        filters[c.header] = text;
        hasFilter = true;
      }
    }
    if (hasFilter) item.filters = filters;
    list.items.push(item);
  }
  for (const [listName, gap] of unlabelled) {
    entries.push({
      level: "warning",
      sheet,
      row: gap.row,
      subject: listName,
      message: `${gap.count} choice(s) of list ${listName} have no label: their name is shown instead.`,
    });
  }
  read.codeLists = [...lists.values()];
  return read;
}
