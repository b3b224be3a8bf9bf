// Writes records as an HD4DP v2 CSV upload (docs/domain.md §2): header of technical names, `;`
// separator, dates dd/mm/yyyy, booleans true/false, code values, multi values joined by `|`,
// repeatable blocks flattened as NAME_1, NAME_2, ... (ASSUMED naming), CRLF row ends, free
// texts that a spreadsheet would run as a formula prefixed with "'" (`guard-formula.ts`).
// `decodeHd4dpCsv` reads back exactly what this writes.

import type { Dcd, DcdRecord, Field } from "../dcd.ts";
import { type CsvColumn, createColumnResolver } from "./create-column-resolver.ts";
import { guardFormula, isFreeTextType } from "./guard-formula.ts";
import { OPTIONAL_HD4DP_FIELD_NAMES, type ScalarField } from "./optional-hd4dp-fields.ts";

export interface EncodeCsvOptions {
  /**
   * The columns, in order. Default: every non-repeat field of the DCD that is filled in some
   * record or required (`required: true`, not a system field), in DCD order; each repeatable
   * block expanded to the largest entry count used; STATUS and author columns only when used.
   */
  columns?: string[];
}

// Quoted when a reader could split or alter the value: separator, quote, line breaks, and
// leading or trailing white space (spreadsheet tools trim unquoted values).
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Encodes records as one HD4DP CSV file (a string; encode it as UTF-8). Throws an Error for
 * what the format cannot carry: a key that is not a field of the DCD, a repeatable block with
 * more entries than its `maxItems`, a multiple-choice value containing `|`, an unknown or
 * duplicate column in `options.columns`.
 */
export function encodeHd4dpCsv(
  dcd: Dcd,
  records: DcdRecord[],
  options: EncodeCsvOptions = {},
): string {
  const fields = new Map(dcd.fields.map((field) => [field.name, field]));
  records.forEach((record, i) => {
    checkRecordKeys(dcd, fields, record, i + 1);
  });
  const names = options.columns ?? defaultColumns(dcd, records);
  const resolve = createColumnResolver(dcd);
  const seen = new Set<string>();
  const columns = names.map((name) => {
    if (seen.has(name)) throw new Error(`Column "${name}" is listed twice in options.columns.`);
    seen.add(name);
    const lookup = resolve(name);
    if (!lookup.ok) throw new Error(lookup.message);
    return lookup.column;
  });

  const lines = [columns.map((column) => quoteCsvCell(column.name)).join(";")];
  records.forEach((record, i) => {
    const cells = columns.map((column) => quoteCsvCell(cellOf(record, column, i + 1)));
    const line = cells.join(";");
    // A lone empty cell would make a blank line, which readers skip: write it quoted.
    lines.push(line === "" && columns.length === 1 ? '""' : line);
  });
  return `${lines.join("\r\n")}\r\n`;
}

function defaultColumns(dcd: Dcd, records: DcdRecord[]): string[] {
  const names: string[] = [];
  for (const field of dcd.fields) {
    // A note is a text of the form, never a value.
    if (field.type === "note") continue;
    if (field.type === "repeat") {
      let count = 0;
      for (const record of records) {
        const entries = record[field.name];
        if (Array.isArray(entries)) count = Math.max(count, entries.length);
      }
      for (let n = 1; n <= count; n++) {
        for (const sub of field.fields) names.push(`${sub.name}_${n}`);
      }
    } else if (
      (field.required === true && field.system !== true) ||
      records.some((record) => isFilled(record[field.name]))
    ) {
      names.push(field.name);
    }
  }
  const defined = new Set(dcd.fields.map((field) => field.name));
  for (const name of OPTIONAL_HD4DP_FIELD_NAMES) {
    if (!defined.has(name) && records.some((record) => isFilled(record[name]))) names.push(name);
  }
  return names;
}

function checkRecordKeys(
  dcd: Dcd,
  fields: Map<string, Field>,
  record: DcdRecord,
  number: number,
): void {
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    const field = fields.get(key);
    if (field === undefined) {
      if ((OPTIONAL_HD4DP_FIELD_NAMES as readonly string[]).includes(key)) continue;
      throw new Error(`Record ${number}: "${key}" is not a field of ${dcd.id}.`);
    }
    if (field.type !== "repeat") continue;
    if (!Array.isArray(value)) {
      throw new Error(`Record ${number}: ${key} is a repeatable block and must be an array.`);
    }
    if (value.length > field.maxItems) {
      throw new Error(
        `Record ${number}: ${key} has ${value.length} entries; HD4DP accepts at most ` +
          `${field.maxItems}.`,
      );
    }
    for (const entry of value) {
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        throw new Error(`Record ${number}: every entry of ${key} must be an object.`);
      }
      for (const subKey of Object.keys(entry)) {
        if (!field.fields.some((sub) => sub.name === subKey)) {
          throw new Error(`Record ${number}: "${subKey}" is not a field of the block ${key}.`);
        }
      }
    }
  }
}

function cellOf(record: DcdRecord, column: CsvColumn, number: number): string {
  if (column.repeat === undefined) return textOf(column.field, record[column.name], number);
  const entries = record[column.repeat.name];
  if (!Array.isArray(entries)) return "";
  const entry = entries[column.index - 1];
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return "";
  return textOf(column.field, entry[column.field.name], number);
}

function textOf(field: ScalarField, value: unknown, number: number): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") {
    if (isFreeTextType(field.type)) return guardFormula(value);
    if (field.type !== "date" && field.type !== "datetime") return value;
    // A value that is not an ISO date is written as it is, for validation to report.
    const match = ISO_DATE.exec(value.slice(0, 10));
    if (match === null) return value;
    const date = `${match[3]}/${match[2]}/${match[1]}`;
    if (field.type === "date") return value.length === 10 ? date : value;
    return value.charAt(10) === "T" ? `${date} ${value.slice(11)}` : value;
  }
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    const withBar = value.find((item) => item.includes("|"));
    if (withBar !== undefined) {
      throw new Error(
        `Record ${number}: ${field.name} value "${withBar}" contains "|", which separates ` +
          "the values of a multiple-choice column.",
      );
    }
    return value.join("|");
  }
  throw new Error(`Record ${number}: ${field.name} holds a value a CSV cell cannot carry.`);
}

/** A `;`-separated CSV cell, quoted when a reader could split or alter it. */
export function quoteCsvCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function isFilled(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  return !Array.isArray(value) || value.length > 0;
}
