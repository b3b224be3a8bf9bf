import type { Dcd, DcdRecord, Field, RepeatEntry } from "../../../shared-schema/src/dcd.ts";

/** One entry of a repeat block as typed: sub-field name -> text. */
export type RepeatRow = Record<string, string>;
/** What the form holds: text per control, a list for checkbox groups, rows for repeats. */
export type FormValue = string | string[] | RepeatRow[];
export type FormValues = Record<string, FormValue>;

/** Fields the surgeon fills in (system fields are the registry's business). */
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

function scalarOf(field: Field, text: string): string | number | boolean | undefined {
  const value = text.trim();
  if (value === "") return undefined;
  if (field.type === "integer") return /^-?\d+$/.test(value) ? Number(value) : value;
  if (field.type === "bool") return value === "true" ? true : value === "false" ? false : value;
  return value;
}

/**
 * The record the shared schema validates and the worker receives: JSON types per field,
 * empty values left out (the schema then reports what is required).
 */
export function toRecord(dcd: Dcd, values: FormValues): DcdRecord {
  const record: DcdRecord = {};
  for (const field of userFields(dcd)) {
    const value = values[field.name];
    if (value === undefined) continue;
    if (field.type === "repeat") {
      const rows = (value as RepeatRow[]).map((row) => {
        const entry: RepeatEntry = {};
        for (const sub of field.fields) {
          const scalar = scalarOf(sub, row[sub.name] ?? "");
          if (scalar !== undefined) entry[sub.name] = scalar;
        }
        return entry;
      });
      if (rows.length > 0) record[field.name] = rows;
    } else if (field.type === "multi") {
      const list = Array.isArray(value) ? (value as string[]) : splitCodes(value as string);
      if (list.length > 0) record[field.name] = list;
    } else {
      const scalar = scalarOf(field, value as string);
      if (scalar !== undefined) record[field.name] = scalar;
    }
  }
  return record;
}

/** Back from a stored record (a reopened draft) to what the form shows. */
export function fromRecord(dcd: Dcd, record: DcdRecord): FormValues {
  const values: FormValues = {};
  for (const field of userFields(dcd)) {
    const value = record[field.name];
    if (value === undefined || value === null) continue;
    if (field.type === "repeat" && Array.isArray(value)) {
      values[field.name] = (value as RepeatEntry[]).map((entry) =>
        Object.fromEntries(Object.entries(entry).map(([name, v]) => [name, String(v)])),
      );
    } else if (field.type === "multi" && Array.isArray(value)) {
      values[field.name] = isTypedList(dcd, field)
        ? (value as string[]).join(" ")
        : (value as string[]);
    } else {
      values[field.name] = String(value);
    }
  }
  return values;
}

/** The form value of a prefilled (scanned) value. */
export function formValueOf(dcd: Dcd, name: string, value: string | string[]): FormValue {
  const field = dcd.fields.find((candidate) => candidate.name === name);
  if (field && isTypedList(dcd, field) && Array.isArray(value)) return value.join(" ");
  return value;
}
