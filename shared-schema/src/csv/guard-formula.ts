// CSV injection (OWASP): Excel and LibreOffice run a cell that starts with '=', '+', '-', '@',
// a tab or a CR as a formula, and our CSV files are opened there (billing office, IT), not
// only uploaded to HD4DP. Such a cell is written with a leading "'" (OWASP's advice): the
// spreadsheet then reads it as text and runs nothing.
//
// Which cells: the string values of free-text fields only (`text`: names, references,
// e-mails, identifiers; `note`; `calculate`, which may concatenate texts). Numbers, dates,
// times, booleans and codes are never guarded: `-3` in an integer column is a negative
// number that HD4DP must read as such, and a record is validated before it is exported, so
// those cells hold only what their type or code list allows.
//
// The guard must be undone exactly on reading, including for a text that itself starts with
// "'": a run of "'" followed by a trigger character gets one more "'" on writing, and loses
// one on reading. Every other text is written and read unchanged.

import type { FieldType } from "../dcd.ts";

export type FormulaTrigger = "=" | "+" | "-" | "@" | "\t" | "\r";

const APOSTROPHE = 39;
const TRIGGERS: Record<number, FormulaTrigger> = {
  61: "=",
  43: "+",
  45: "-",
  64: "@",
  9: "\t",
  13: "\r",
};
const FREE_TEXT_TYPES: ReadonlySet<FieldType> = new Set(["text", "note", "calculate"]);

/** Whether the string values of a field of this type are guarded. */
export function isFreeTextType(type: FieldType): boolean {
  return FREE_TEXT_TYPES.has(type);
}

/** The character a spreadsheet would run `text` as a formula for, if it starts with one. */
export function formulaTriggerOf(text: string): FormulaTrigger | undefined {
  return TRIGGERS[text.charCodeAt(0)];
}

/** `text` as a free-text cell: with one more leading "'" when a spreadsheet could run it. */
export function guardFormula(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

/** The inverse of `guardFormula`, for a free-text cell as read from the file. */
export function unguardFormula(cell: string): string {
  return cell.charCodeAt(0) === APOSTROPHE && needsGuard(cell) ? cell.slice(1) : cell;
}

/** `'*` then a trigger character. */
function needsGuard(text: string): boolean {
  let i = 0;
  while (text.charCodeAt(i) === APOSTROPHE) i++;
  return TRIGGERS[text.charCodeAt(i)] !== undefined;
}
