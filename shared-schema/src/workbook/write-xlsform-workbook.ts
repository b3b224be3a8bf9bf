import ExcelJS from "exceljs";
import type { Condition, Dcd, Field, Locale, Operand, Rule, Translations } from "../dcd.ts";
import { printCondition, printOperand } from "../xlsform/print-expression.ts";
import { LANGUAGE_NAMES, LOCALIZED_BASES } from "./language-columns.ts";
import { RULES_COLUMNS, SURVEY_COLUMNS } from "./xlsform-extensions.ts";

// Writes a DCD of ours as a workbook in Healthdata's XLSForm layout, plus the extension
// columns and `rules` sheet of xlsform-extensions.ts, so that SPIN_SURG travels the same
// road as an official DCD (workbook -> importWorkbook -> DCD JSON) and people can read it
// in Excel. readXlsformWorkbook(writeXlsformWorkbook(dcd)) gives `dcd` back, but `source`.

/** Healthdata's column order for languages. */
const LANGUAGES: readonly Locale[] = ["en", "fr", "nl", "de"];
const localized = (base: string) => LANGUAGES.map((l) => `${base}::${LANGUAGE_NAMES[l]}`);

const SETTINGS_HEADERS = [
  "form_id",
  "version",
  ...localized("form_title"),
  "default_language",
  "source",
  "business_key",
  "business_key_fallback",
  "business_key_fallback_when",
];
/** The headers of columns `bases`, a language column once per language. */
const headers = (bases: readonly string[]) =>
  bases.flatMap((base) => (LOCALIZED_BASES.has(base) ? localized(base) : [base]));
const SURVEY_HEADERS = headers(SURVEY_COLUMNS);
const RULES_HEADERS = headers(RULES_COLUMNS);

type Row = Record<string, string>;

function translations(row: Row, base: string, text: Translations | undefined): void {
  if (!text) return;
  for (const locale of LANGUAGES) row[`${base}::${LANGUAGE_NAMES[locale]}`] = text[locale];
}

const yesNo = (value: boolean | undefined) =>
  value === undefined ? undefined : value ? "yes" : "no";

/** Prints an expression, naming where it is when the printer cannot write it. */
function printed(where: string, print: () => string): string {
  try {
    return print();
  } catch (error) {
    throw new Error(
      `${where} cannot be written as an XLSForm expression: ${(error as Error).message}`,
    );
  }
}
const condition = (where: string, c: Condition) => printed(where, () => printCondition(c));
const operand = (where: string, o: Operand) => printed(where, () => printOperand(o));

function set(row: Row, header: string, value: string | number | undefined): void {
  if (value !== undefined && value !== "") row[header] = String(value);
}

function fieldRow(field: Field, constraint: Rule | undefined): Row {
  const row: Row = {};
  const where = (what: string) => `${field.name}.${what}`;
  const type =
    field.type === "code"
      ? `select_one ${field.codeList}`
      : field.type === "multi"
        ? `select_multiple ${field.codeList}`
        : field.type === "bool"
          ? "acknowledge"
          : field.type === "repeat"
            ? "begin repeat"
            : field.type;
  set(row, "type", type);
  set(row, "name", field.name);
  translations(row, "label", field.label);
  translations(row, "hint", field.help);
  set(
    row,
    "required",
    field.required === true
      ? "yes"
      : field.required === false
        ? undefined
        : condition(where("required"), field.required),
  );
  translations(row, "required_message", field.requiredMessage);
  if (field.relevant) set(row, "relevant", condition(where("relevant"), field.relevant));
  if (constraint) {
    set(row, "constraint", condition(`rule ${constraint.code}`, constraint.assert));
    if (constraint.code !== "constraint") set(row, "constraint_code", constraint.code);
    translations(row, "constraint_message", constraint.message);
  }
  if ((field.type === "code" || field.type === "multi") && field.choiceFilter) {
    set(row, "choice_filter", condition(where("choiceFilter"), field.choiceFilter));
  }
  if (field.type === "calculate") {
    set(row, "calculation", operand(where("calculation"), field.calculation));
  }
  if (field.default !== undefined) {
    set(row, "default", typeof field.default === "boolean" ? String(field.default) : field.default);
  }
  set(row, "read_only", yesNo(field.readonly));
  if (field.type === "text") {
    set(row, "max_length", field.maxLength);
    set(row, "format", field.format);
  }
  if (field.type === "integer" || field.type === "decimal") {
    set(row, "min", field.min);
    set(row, "max", field.max);
  }
  if (field.type === "multi" || field.type === "repeat") {
    set(row, "min_items", field.minItems);
    set(row, "max_items", field.maxItems);
  }
  set(row, "system", yesNo(field.system));
  return row;
}

/**
 * The rules written as `constraint` cells: the longest run at the start of `dcd.rules` of
 * plain error rules (no `when`, no params), one per field, in survey row order. The reader
 * lists constraint rules first in row order, then the `rules` sheet, so this keeps the
 * order of `dcd.rules` exactly; every other rule goes to the `rules` sheet.
 */
function constraintRules(dcd: Dcd): Map<string, Rule> {
  const order = new Map<string, number>();
  for (const field of dcd.fields) {
    order.set(`/${field.name}`, order.size);
    if (field.type === "repeat") {
      for (const inner of field.fields) order.set(`${field.name}/${inner.name}`, order.size);
    }
  }
  const chosen = new Map<string, Rule>();
  let last = -1;
  for (const rule of dcd.rules) {
    const key = `${rule.repeat ?? ""}/${rule.field}`;
    const at = order.get(key);
    const plain = rule.severity === "error" && !rule.when && !rule.params;
    if (!plain || at === undefined || at <= last) break;
    chosen.set(key, rule);
    last = at;
  }
  return chosen;
}

function surveyRows(dcd: Dcd, constraints: Map<string, Rule>): Row[] {
  const rows: Row[] = [];
  const sections = new Map((dcd.sections ?? []).map((s) => [s.name, s]));
  const written = new Set<string>();
  let open: string | undefined;
  const beginGroup = (name: string) => {
    const section = sections.get(name);
    const row: Row = { type: "begin group", name };
    translations(row, "label", section?.label);
    if (section?.relevant) set(row, "relevant", condition(`section ${name}`, section.relevant));
    rows.push(row);
    written.add(name);
  };
  for (const field of dcd.fields) {
    if (field.section !== open) {
      if (open !== undefined) rows.push({ type: "end group", name: open });
      if (field.section !== undefined) beginGroup(field.section);
      open = field.section;
    }
    rows.push(fieldRow(field, constraints.get(`/${field.name}`)));
    if (field.type === "repeat") {
      for (const inner of field.fields) {
        rows.push(fieldRow(inner, constraints.get(`${field.name}/${inner.name}`)));
      }
      rows.push({ type: "end repeat", name: field.name });
    }
  }
  if (open !== undefined) rows.push({ type: "end group", name: open });
  for (const section of dcd.sections ?? []) {
    if (written.has(section.name)) continue;
    beginGroup(section.name);
    rows.push({ type: "end group", name: section.name });
  }
  return rows;
}

function choicesSheet(dcd: Dcd): { headers: string[]; rows: Row[] } {
  const filterHeaders: string[] = [];
  for (const list of dcd.codeLists) {
    for (const item of list.items) {
      for (const key of Object.keys(item.filters ?? {})) {
        if (!filterHeaders.includes(key)) filterHeaders.push(key);
      }
    }
  }
  const rows: Row[] = [];
  for (const list of dcd.codeLists) {
    // A row without a choice declares the list: an open list may have no enumerated value.
    if (list.format || list.items.length === 0) {
      const row: Row = { list_name: list.name };
      set(row, "list_format", list.format);
      rows.push(row);
    }
    for (const item of list.items) {
      const row: Row = { list_name: list.name, name: item.value };
      translations(row, "label", item.label);
      set(row, "exclusive", yesNo(item.exclusive));
      set(row, "hd4dp_id", item.id);
      for (const [key, value] of Object.entries(item.filters ?? {})) set(row, key, value);
      rows.push(row);
    }
  }
  return {
    headers: [
      "list_name",
      "name",
      ...localized("label"),
      "exclusive",
      "hd4dp_id",
      "list_format",
      ...filterHeaders,
    ],
    rows,
  };
}

function ruleRow(rule: Rule): Row {
  const row: Row = { code: rule.code, field: rule.field, severity: rule.severity };
  set(row, "repeat", rule.repeat);
  if (rule.when) set(row, "when", condition(`rule ${rule.code}.when`, rule.when));
  set(row, "assert", condition(`rule ${rule.code}`, rule.assert));
  translations(row, "message", rule.message);
  if (rule.params) set(row, "params", JSON.stringify(rule.params));
  return row;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: Row[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  // Every cell is text: a code such as 32570681000036106 would lose digits as a number.
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(headers.map((header) => row[header] ?? null));
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(10, (headers[i] ?? "").length + 2));
  });
}

/** The DCD as an XLSForm workbook (xlsx bytes). Throws when an expression cannot be written. */
export async function writeXlsformWorkbook(dcd: Dcd): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const settings: Row = { form_id: dcd.id, version: dcd.version, default_language: "English" };
  translations(settings, "form_title", dcd.label);
  set(settings, "source", dcd.source);
  set(settings, "business_key", dcd.businessKey.fields.join(", "));
  if (dcd.businessKey.fallback) {
    set(settings, "business_key_fallback", dcd.businessKey.fallback.fields.join(", "));
    set(
      settings,
      "business_key_fallback_when",
      condition("businessKey.fallback.when", dcd.businessKey.fallback.when),
    );
  }
  addSheet(workbook, "settings", SETTINGS_HEADERS, [settings]);

  const constraints = constraintRules(dcd);
  addSheet(workbook, "survey", SURVEY_HEADERS, surveyRows(dcd, constraints));
  const choices = choicesSheet(dcd);
  addSheet(workbook, "choices", choices.headers, choices.rows);
  const chosen = new Set(constraints.values());
  const rules = dcd.rules.filter((rule) => !chosen.has(rule));
  if (rules.length > 0) addSheet(workbook, "rules", RULES_HEADERS, rules.map(ruleRow));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
