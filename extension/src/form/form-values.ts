import type { Dcd, DcdRecord, Field, RepeatEntry } from "../../../shared-schema/src/dcd.ts";

/** One entry of a repeat block as typed: field name -> text, or the ticked values. */
export type RepeatRow = Record<string, string | string[]>;
/** What the form holds: text per control, a list for checkbox groups, rows for repeats. */
export type FormValue = string | string[] | RepeatRow[];
export type FormValues = Record<string, FormValue>;

/** Fields the surgeon sees (system fields are the registry's business). */
export function userFields(dcd: Dcd): Field[] {
  return dcd.fields.filter((field) => !field.system);
}

/** Whether a multi field is typed as a list of codes rather than ticked from a list. */
export function isTypedList(dcd: Dcd, field: Field): boolean {
  if (field.type !== "multi") return false;
  const list = dcd.codeLists.find((candidate) => candidate.name === field.codeList);
  return !list || list.items.length === 0;
}

/** Splits "281116, 281120 224674" into codes. */
export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;|]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

const INTEGER = /^-?\d+$/;
/** A decimal as typed in Belgium (comma) or in the registry's format (point). */
const DECIMAL = /^-?\d+(?:[.,]\d+)?$/;

function scalarOf(field: Field, text: string): string | number | boolean | undefined {
  const value = text.trim();
  if (value === "") return undefined;
  if (field.type === "integer") return INTEGER.test(value) ? Number(value) : value;
  if (field.type === "decimal")
    return DECIMAL.test(value) ? Number(value.replace(",", ".")) : value;
  if (field.type === "bool") return value === "true" ? true : value === "false" ? false : value;
  return value;
}

/** Fields that hold no value of the record: a note is text, a calculation the registry's. */
function holdsValue(field: Field): boolean {
  return field.type !== "note" && field.type !== "calculate";
}

/** A control's value in JSON types, or undefined when empty (the schema then says if required). */
function recordValueOf(field: Field, value: FormValue | undefined) {
  if (value === undefined || !holdsValue(field)) return undefined;
  if (field.type === "multi") {
    const list = Array.isArray(value) ? (value as string[]) : splitCodes(value);
    return list.length > 0 ? list : undefined;
  }
  return typeof value === "string" ? scalarOf(field, value) : undefined;
}

/**
 * The record the shared schema validates and the worker receives: JSON types per field,
 * empty values left out, every entry of a repeat block kept (issues name entries by place).
 */
export function toRecord(dcd: Dcd, values: FormValues): DcdRecord {
  const record: DcdRecord = {};
  for (const field of userFields(dcd)) {
    const value = values[field.name];
    if (field.type === "repeat") {
      const rows = Array.isArray(value) ? (value as RepeatRow[]) : [];
      if (rows.length === 0) continue;
      record[field.name] = rows.map((row) => {
        const entry: RepeatEntry = {};
        for (const sub of field.fields) {
          const scalar = recordValueOf(sub, row[sub.name]);
          if (scalar !== undefined) entry[sub.name] = scalar;
        }
        return entry;
      });
    } else {
      const scalar = recordValueOf(field, value);
      if (scalar !== undefined) record[field.name] = scalar;
    }
  }
  return record;
}

/** What a control shows for a value of the record (or a default). */
function formValueOf(dcd: Dcd, field: Field, value: string | number | boolean | string[]) {
  if (field.type !== "multi") return String(value);
  const list = Array.isArray(value) ? value : splitCodes(String(value));
  return isTypedList(dcd, field) ? list.join(" ") : list;
}

/** Back from a stored record (a reopened draft) to what the form shows. */
export function fromRecord(dcd: Dcd, record: DcdRecord): FormValues {
  const values: FormValues = {};
  for (const field of userFields(dcd)) {
    const value = record[field.name];
    if (value === undefined || value === null || !holdsValue(field)) continue;
    if (field.type === "repeat") {
      if (!Array.isArray(value)) continue;
      values[field.name] = (value as RepeatEntry[]).map((entry) => {
        const row: RepeatRow = {};
        for (const sub of field.fields) {
          const v = entry[sub.name];
          if (v !== undefined) row[sub.name] = formValueOf(dcd, sub, v);
        }
        return row;
      });
    } else {
      values[field.name] = formValueOf(dcd, field, value as string | number | boolean | string[]);
    }
  }
  return values;
}

/** What a new form (or a new entry of a repeat block) starts with: the DCD's defaults. */
export function defaultValues(
  dcd: Dcd,
  fields: readonly Field[],
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const field of fields) {
    if (field.default === undefined || field.system || field.type === "repeat") continue;
    if (!holdsValue(field)) continue;
    values[field.name] = formValueOf(dcd, field, field.default);
  }
  return values;
}

/** The form value of a prefilled (scanned) value. */
export function scannedFormValue(dcd: Dcd, name: string, value: string | string[]): FormValue {
  const field = dcd.fields.find((candidate) => candidate.name === name);
  return field && field.type !== "repeat" ? formValueOf(dcd, field, value) : value;
}
