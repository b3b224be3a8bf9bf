// Reads an HD4DP v2 CSV upload (docs/domain.md §2) into records, the inverse of
// `encodeHd4dpCsv`. File-level problems (encoding, header, quoting, row length) end the read
// with one CsvFileError; cell values that do not convert (a number that is not one, ...) are
// kept as raw strings so that validation reports them per record and field. A date that is
// not written dd/mm/yyyy is listed too (DecodedCsv.dateCells): kept raw, an ISO date would
// pass validation, and HD4DP refuses it in a CSV. Free-text
// cells lose the "'" the encoder puts before a formula (`guard-formula.ts`); those that start
// like a formula without it are listed, for the user to be told.
//
// Speed matters (files of thousands of records are read in the browser and at the edge):
// one pass of charCodeAt scanning, quotes handled in that same pass, and a conversion plan
// built from the header once.

import type { Dcd, DcdRecord, Field, RecordValue, RepeatEntry } from "../dcd.ts";
import { createColumnResolver } from "./create-column-resolver.ts";
import {
  type FormulaTrigger,
  formulaTriggerOf,
  isFreeTextType,
  unguardFormula,
} from "./guard-formula.ts";
import { createScanner, scanRow, skipBlankLines } from "./scan-csv-row.ts";

export type CsvFileError = {
  code:
    | "not_utf8"
    | "empty"
    | "wrong_separator"
    | "unknown_column"
    | "duplicate_column"
    | "unterminated_quote"
    | "row_length";
  /** English, specific: which line or column, and how to fix it. */
  message: string;
  line?: number;
  column?: string;
};

export interface DecodedCsv {
  header: string[];
  /** `row`: 1 for the first data row; `line`: the physical line (1-based) where it starts. */
  rows: { row: number; line: number; record: DcdRecord }[];
  /**
   * Free-text cells that start with a character a spreadsheet runs as a formula, in file
   * order: the value is kept, and the encoder would write it with a "'" before it.
   */
  formulaCells: FormulaCell[];
  /** Date and date-time cells not written as HD4DP's CSV writes them, in file order. */
  dateCells: DateCell[];
}

export interface DateCell {
  row: number;
  /** The column's technical name. */
  column: string;
  /** The field's name (inside its repeat entry, for a repeat block's column). */
  key: string;
  /** `dd/mm/yyyy`, or `dd/mm/yyyy hh:mm` for a date-time. */
  type: "date" | "datetime";
}

export interface FormulaCell {
  row: number;
  /** The column's technical name. */
  column: string;
  trigger: FormulaTrigger;
}

export type DecodeCsvResult = { ok: true; value: DecodedCsv } | { ok: false; error: CsvFileError };

const LF = 10;
const SLASH = 47;
const MINUS = 45;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
/** Positions of the digits in dd/mm/yyyy. */
const DATE_DIGITS = [0, 1, 3, 4, 6, 7, 8, 9];

// How a column's cells convert, by field type.
const AS_TEXT = 0;
const AS_DATE = 1;
const AS_INTEGER = 2;
const AS_BOOL = 3;
const AS_MULTI = 4;
const AS_DECIMAL = 5;
const AS_DATETIME = 6;
const AS_FREE_TEXT = 7;

interface ColumnPlan {
  /** The record key: the field name, or the sub-field name inside a repeat entry. */
  key: string;
  convert: number;
  /** Index of the repeatable block among the file's blocks, or -1 for a plain column. */
  block: number;
  /** 0-based entry of the block. */
  entry: number;
}

/** Reads an HD4DP CSV file, given as text or as the bytes of the file (must be UTF-8). */
export function decodeHd4dpCsv(dcd: Dcd, input: string | Uint8Array): DecodeCsvResult {
  let text: string;
  if (typeof input === "string") {
    text = input;
  } else {
    try {
      // The decoder drops a leading UTF-8 BOM itself (ignoreBOM defaults to false).
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return fail(notUtf8Error(input));
    }
  }
  const scanner = createScanner(text);

  skipBlankLines(scanner);
  if (scanner.pos >= text.length) {
    return fail({
      code: "empty",
      message:
        "The file is empty: the first line must be a header of field names separated by ';'.",
      line: 1,
    });
  }
  const headerLine = scanner.line;
  const headerError = scanRow(scanner);
  if (headerError !== undefined) {
    return fail({ ...headerError, message: `${headerError.message} (in the header).` });
  }
  const header = scanner.cells.slice(0, scanner.count);

  const planned = planColumns(dcd, header, headerLine);
  if (!planned.ok) return planned;
  const { plans, blocks } = planned;

  const rows: DecodedCsv["rows"] = [];
  const formulaCells: FormulaCell[] = [];
  const dateCells: DateCell[] = [];
  const cells = scanner.cells;
  const width = header.length;
  for (;;) {
    skipBlankLines(scanner);
    if (scanner.pos >= text.length) break;
    const line = scanner.line;
    const error = scanRow(scanner);
    if (error !== undefined) {
      const column = header[scanner.count];
      const where = column === undefined ? "beyond the last column" : `in column ${column}`;
      return fail({ ...error, message: `${error.message} (${where}).`, column });
    }
    const count = scanner.count;
    if (count > width) {
      return fail({
        code: "row_length",
        message:
          `Line ${line} has ${count} values but the header has ${width} columns: quote values ` +
          `that contain ';' (write "a;b" between double quotes) or remove the extra ';'.`,
        line,
      });
    }
    const record: DcdRecord = {};
    let entries: (RepeatEntry | undefined)[][] | undefined;
    for (let c = 0; c < count; c++) {
      const raw = cells[c] as string;
      if (raw === "") continue;
      const plan = plans[c] as ColumnPlan;
      if (plan.convert === AS_FREE_TEXT) {
        const trigger = formulaTriggerOf(raw);
        if (trigger !== undefined) {
          formulaCells.push({ row: rows.length + 1, column: header[c] as string, trigger });
        }
      }
      const value = convertCell(raw, plan.convert);
      if (value === raw && (plan.convert === AS_DATE || plan.convert === AS_DATETIME)) {
        const type = plan.convert === AS_DATE ? "date" : "datetime";
        dateCells.push({ row: rows.length + 1, column: header[c] as string, key: plan.key, type });
      }
      if (plan.block < 0) {
        record[plan.key] = value;
      } else {
        entries ??= blocks.map(() => []);
        const block = entries[plan.block] as (RepeatEntry | undefined)[];
        let entry = block[plan.entry];
        if (entry === undefined) {
          entry = {};
          block[plan.entry] = entry;
        }
        entry[plan.key] = value as string | number | boolean | string[];
      }
    }
    if (entries !== undefined) {
      for (let b = 0; b < blocks.length; b++) {
        // An entry exists when one of its cells is filled; gaps between entries close up.
        const present: RepeatEntry[] = [];
        for (const entry of entries[b] as (RepeatEntry | undefined)[]) {
          if (entry !== undefined) present.push(entry);
        }
        if (present.length > 0) record[blocks[b] as string] = present;
      }
    }
    rows.push({ row: rows.length + 1, line, record });
  }
  return { ok: true, value: { header, rows, formulaCells, dateCells } };
}

function fail(error: CsvFileError): { ok: false; error: CsvFileError } {
  return { ok: false, error };
}

function planColumns(
  dcd: Dcd,
  header: string[],
  line: number,
): { ok: true; plans: ColumnPlan[]; blocks: string[] } | { ok: false; error: CsvFileError } {
  const resolve = createColumnResolver(dcd);
  if (header.length === 1) {
    const only = header[0] as string;
    for (const [separator, shown] of [
      [",", "','"],
      ["\t", "a tab"],
    ] as const) {
      if (!only.includes(separator)) continue;
      const known = only.split(separator).filter((name) => resolve(name).ok).length;
      if (known > 1) {
        return fail({
          code: "wrong_separator",
          message:
            `The file uses ${shown} as separator; HD4DP expects ';'. Export it again as CSV ` +
            "with ';' as separator (in Excel: a list separator of ';').",
          line,
        });
      }
    }
  }
  const plans: ColumnPlan[] = [];
  const blocks: string[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      return fail({
        code: "duplicate_column",
        message: `Column "${name}" appears twice in the header: keep one of them.`,
        line,
        column: name,
      });
    }
    seen.add(name);
    const lookup = resolve(name);
    if (!lookup.ok) {
      return fail({ code: "unknown_column", message: lookup.message, line, column: name });
    }
    const { field, repeat } = lookup.column;
    const convert = isFreeTextType(field.type)
      ? AS_FREE_TEXT
      : (CONVERSIONS[field.type] ?? AS_TEXT);
    if (repeat === undefined) {
      plans.push({ key: field.name, convert, block: -1, entry: 0 });
    } else {
      let block = blocks.indexOf(repeat.name);
      if (block < 0) block = blocks.push(repeat.name) - 1;
      plans.push({ key: field.name, convert, block, entry: lookup.column.index - 1 });
    }
  }
  return { ok: true, plans, blocks };
}

const CONVERSIONS: Partial<Record<Field["type"], number>> = {
  date: AS_DATE,
  datetime: AS_DATETIME,
  integer: AS_INTEGER,
  decimal: AS_DECIMAL,
  bool: AS_BOOL,
  multi: AS_MULTI,
};

function convertCell(raw: string, convert: number): RecordValue {
  switch (convert) {
    case AS_DATE:
      return isoDateOf(raw);
    case AS_DATETIME: {
      // `dd/mm/yyyy hh:mm` (ASSUMED for HD4DP's Date:Time columns) -> `yyyy-mm-ddThh:mm`.
      const space = raw.indexOf(" ");
      if (space !== 10) return raw;
      const date = isoDateOf(raw.slice(0, 10));
      return date === raw.slice(0, 10) ? raw : `${date}T${raw.slice(11)}`;
    }
    case AS_DECIMAL: {
      // A decimal comma, as Belgian spreadsheets write it, is read like a point.
      const text = raw.replace(",", ".");
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : raw;
    }
    case AS_INTEGER:
      return integerOf(raw);
    case AS_BOOL: {
      const lower = raw.length === 4 || raw.length === 5 ? raw.toLowerCase() : "";
      return lower === "true" ? true : lower === "false" ? false : raw;
    }
    case AS_MULTI:
      return raw.split("|");
    case AS_FREE_TEXT:
      return unguardFormula(raw);
    default:
      return raw;
  }
}

/** `dd/mm/yyyy` -> `yyyy-mm-dd`; anything else is returned unchanged. */
function isoDateOf(raw: string): string {
  if (raw.length !== 10 || raw.charCodeAt(2) !== SLASH || raw.charCodeAt(5) !== SLASH) return raw;
  for (const i of DATE_DIGITS) {
    const code = raw.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return raw;
  }
  return `${raw.slice(6)}-${raw.slice(3, 5)}-${raw.slice(0, 2)}`;
}

/** `-?\d+` within the safe integer range -> number; anything else is returned unchanged. */
function integerOf(raw: string): number | string {
  let i = raw.charCodeAt(0) === MINUS ? 1 : 0;
  if (i === raw.length) return raw;
  for (; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return raw;
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) return raw;
  return value === 0 ? 0 : value; // no -0 from "-0"
}

/** Finds the line of the first byte that is not UTF-8, for a message the user can act on. */
function notUtf8Error(bytes: Uint8Array): CsvFileError {
  // The shortest prefix that fails to decode ends at the first invalid byte; a prefix that
  // only cuts a character short is fine in streaming mode, so the search is monotonic.
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle + 1;
    } catch {
      high = middle;
    }
  }
  let line = 1;
  for (let i = 0; i < low - 1 && i < bytes.length; i++) if (bytes[i] === LF) line++;
  return {
    code: "not_utf8",
    message:
      `The file is not UTF-8 (first invalid byte on line ${line}): save it as "CSV UTF-8" ` +
      "(in Excel: Save As > CSV UTF-8) and upload it again.",
    line,
  };
}
