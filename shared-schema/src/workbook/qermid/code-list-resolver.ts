import type { CodeItem, CodeList } from "../../dcd.ts";
import { columnLetter, type ReportEntry } from "../import-report.ts";
import type { LabelCollector } from "./label-collector.ts";
import type { CodeListCell } from "./parse-code-list-cell.ts";
import type { RawList } from "./raw-code-list.ts";

/** Where a field names a list: its sheet, row and column letter. */
export interface Where {
  sheet: string;
  row: number;
  column: string;
}

/** How a field's code list cell resolved. */
export type ResolvedList =
  | { kind: "list"; list: CodeList }
  /** An HD4DP list of physicians, never in the workbook: the field holds a NIHII. */
  | { kind: "physician" }
  | { kind: "missing" };

// ASSUMED: HD4DP's own lists that the workbooks name without defining them. Residence and
// postcode lists accept any Belgian postcode (`be-postcode`), plus the values the workbook
// lists (9999 "not living in Belgium"); physician lists hold an 11-digit physician NIHII.
const POSTCODE_LIST = /^(PLACE_OF_RESIDENCE|POSTCODE|POSTAL_CODE|POSTCODES|RESIDENCE)(_\d+)?$/;
const PHYSICIAN_LIST = /^(HPIN|HCP|PHYSICIAN|SURGEON)(_\d+)?$/;
const POSTCODE_NOTE = /\b(postcode|postcodes|postal code|code postal|be-postcode)\b/i;

/**
 * Finds the list a field names: defined under a field row of the sheet, else on a code-list
 * sheet. Each list is built once (labels completed, duplicate codes dropped) and kept in
 * the order the fields first use it.
 */
export class CodeListResolver {
  private readonly built = new Map<string, CodeList>();
  private readonly order: string[] = [];
  readonly entries: ReportEntry[] = [];

  private readonly inline: ReadonlyMap<string, RawList>;
  private readonly sheets: ReadonlyMap<string, RawList>;
  private readonly labels: LabelCollector;

  constructor(
    inline: ReadonlyMap<string, RawList>,
    sheets: ReadonlyMap<string, RawList>,
    labels: LabelCollector,
  ) {
    this.inline = inline;
    this.sheets = sheets;
    this.labels = labels;
  }

  /** `hint`: the field's "Expected result", which may say that the values are postcodes. */
  resolve(cell: CodeListCell, hint: string, where: Where): ResolvedList {
    const raw = this.inline.get(cell.name) ?? this.sheets.get(cell.name);
    const postcode =
      POSTCODE_LIST.test(cell.name) ||
      cell.notes.some((note) => POSTCODE_NOTE.test(note)) ||
      POSTCODE_NOTE.test(hint);
    if (!raw) {
      if (postcode) {
        return {
          kind: "list",
          list: this.use({ name: cell.name, items: [], format: "be-postcode" }, where),
        };
      }
      if (PHYSICIAN_LIST.test(cell.name)) return { kind: "physician" };
      return { kind: "missing" };
    }
    const existing = this.built.get(raw.name);
    if (existing) return { kind: "list", list: existing };
    const list: CodeList = { name: raw.name, items: this.itemsOf(raw) };
    if (postcode) list.format = "be-postcode";
    this.entries.push({
      level: "mapped",
      sheet: raw.sheet,
      row: raw.row,
      ...(raw.column === undefined ? {} : { column: columnLetter(raw.column) }),
      subject: raw.name,
      message: `code list of ${list.items.length} value(s)${list.format ? ", and any Belgian postcode" : ""}`,
    });
    return { kind: "list", list: this.use(list, where) };
  }

  /** The lists used, in order of first use. */
  lists(): CodeList[] {
    return this.order.map((name) => this.built.get(name) as CodeList);
  }

  private use(list: CodeList, where: Where): CodeList {
    const existing = this.built.get(list.name);
    if (existing) return existing;
    if (list.items.length === 0 && list.format) {
      this.entries.push({
        level: "warning",
        sheet: where.sheet,
        row: where.row,
        column: where.column,
        subject: list.name,
        message: "an HD4DP list not defined in the workbook: any Belgian postcode is accepted",
      });
    }
    this.built.set(list.name, list);
    this.order.push(list.name);
    return list;
  }

  private itemsOf(raw: RawList): CodeItem[] {
    const items: CodeItem[] = [];
    const seen = new Set<string>();
    for (const value of raw.values) {
      if (seen.has(value.code)) {
        this.entries.push({
          level: "warning",
          sheet: value.sheet,
          row: value.row,
          subject: raw.name,
          message: `the code ${value.code} is listed twice: the first one is kept`,
        });
        continue;
      }
      seen.add(value.code);
      const item: CodeItem = {
        value: value.code,
        label: this.labels.translations(value.labels, value.code, value),
      };
      if (value.id !== undefined) item.id = value.id;
      items.push(item);
    }
    return items;
  }
}
