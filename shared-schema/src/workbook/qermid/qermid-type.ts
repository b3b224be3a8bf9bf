import type { FieldType } from "../../dcd.ts";

/**
 * What a type word of a Qermid field list means. `number` is an integer until the rest of
 * the row says decimal; `patient ID` is a text (a NISS when the row says so).
 */
export type QermidType =
  | { type: Exclude<FieldType, "repeat" | "integer" | "decimal" | "calculate"> }
  | { type: "number"; decimal?: true }
  | { type: "calculate" }
  | { type: "niss" }
  | { type: "patientId" };

const WORDS: Record<string, QermidType> = {
  text: { type: "text" },
  "free text": { type: "text" },
  string: { type: "text" },
  alphanumeric: { type: "text" },
  content: { type: "note" },
  title: { type: "note" },
  label: { type: "note" },
  display: { type: "note" },
  date: { type: "date" },
  "date/time": { type: "datetime" },
  datetime: { type: "datetime" },
  "date time": { type: "datetime" },
  "date and time": { type: "datetime" },
  time: { type: "time" },
  number: { type: "number" },
  numeric: { type: "number" },
  integer: { type: "number" },
  decimal: { type: "number", decimal: true },
  "one value from list": { type: "code" },
  "single value from list": { type: "code" },
  "one value of list": { type: "code" },
  "value from list": { type: "code" },
  "multiple values from list": { type: "multi" },
  "multiple values of list": { type: "multi" },
  "multiple value from list": { type: "multi" },
  boolean: { type: "bool" },
  "yes/no": { type: "bool" },
  checkbox: { type: "bool" },
  "patient id": { type: "patientId" },
  niss: { type: "niss" },
  ssin: { type: "niss" },
  insz: { type: "niss" },
  "calculated field": { type: "calculate" },
  calculated: { type: "calculate" },
  calculation: { type: "calculate" },
};

/** The meaning of a type cell, `undefined` for a word this reader does not know. */
export function qermidType(word: string): QermidType | undefined {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*\/\s*/g, "/");
  return WORDS[key];
}
