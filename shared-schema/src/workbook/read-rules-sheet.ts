import type { FieldType, Rule, Severity } from "../dcd.ts";
import { columnLetter, type ReportEntry } from "./import-report.ts";
import { type LanguageFill, TableColumns } from "./language-columns.ts";
import type { SheetTable } from "./read-sheet-table.ts";
import { reportUnusedColumns } from "./report-unused-columns.ts";
import type { ExpressionTranslator } from "./translate-expression.ts";
import { GENERIC_CONSTRAINT_MESSAGE, RULES_COLUMNS } from "./xlsform-extensions.ts";

const READ = new Set(RULES_COLUMNS);

export interface RulesRead {
  rules: Rule[];
  rows: number[];
}

/**
 * Reads our `rules` sheet: one rule per row (code, field, repeat, severity, when, assert,
 * message::<language>, params as a JSON object), for what a `constraint` cell cannot say:
 * warnings, several rules on one field, a `when`, message parameters.
 */
export function readRulesSheet(
  table: SheetTable | undefined,
  types: ReadonlyMap<string, FieldType>,
  fill: LanguageFill,
  expressions: ExpressionTranslator,
  entries: ReportEntry[],
): RulesRead {
  const read: RulesRead = { rules: [], rows: [] };
  if (!table) return read;
  const columns = new TableColumns(table);
  const { sheet } = table;
  reportUnusedColumns(columns, (base) => READ.has(base), entries);
  for (const row of table.rows) {
    const code = columns.text(row, "code");
    const field = columns.text(row, "field");
    const at = (base: string) => {
      const column = columns.column(base);
      return {
        sheet,
        row: row.row,
        ...(column !== undefined ? { column: columnLetter(column) } : {}),
        subject: code || field,
      };
    };
    const refuse = (base: string, message: string) => {
      entries.push({ level: "unmapped", ...at(base), message, affectsValidation: true });
    };
    if (!code || !field) {
      refuse(code ? "field" : "code", `A rule needs a code and a field: this row is skipped.`);
      continue;
    }
    if (!types.has(field)) {
      refuse(
        "field",
        `Rule ${code} reports on ${field}, which is not a field of the survey: it is skipped.`,
      );
      continue;
    }
    const repeat = columns.text(row, "repeat");
    if (repeat && types.get(repeat) !== "repeat") {
      refuse(
        "repeat",
        `Rule ${code}: ${repeat} is not a repeat of the survey: the rule is skipped.`,
      );
      continue;
    }
    const severityText = columns.text(row, "severity").toLowerCase() || "error";
    if (severityText !== "error" && severityText !== "warning") {
      refuse(
        "severity",
        `Rule ${code}: severity "${severityText}" is neither error nor warning: the rule is skipped.`,
      );
      continue;
    }
    const site = (base: string) => ({
      sheet,
      row: row.row,
      column: columns.column(base) as number,
      header: base,
      subject: code,
      self: field,
      fallback: "the rule is skipped",
    });
    const assertText = columns.text(row, "assert");
    if (!assertText) {
      refuse("assert", `Rule ${code} has no assert: it is skipped.`);
      continue;
    }
    const assert = expressions.condition(assertText, site("assert"));
    const whenText = columns.text(row, "when");
    const when = whenText ? expressions.condition(whenText, site("when")) : undefined;
    if (!assert || (whenText && !when)) continue;
    const rule: Rule = {
      code,
      field,
      ...(repeat ? { repeat } : {}),
      severity: severityText as Severity,
      ...(when ? { when } : {}),
      assert,
      message: fill.read(columns, row, "message") ?? GENERIC_CONSTRAINT_MESSAGE,
    };
    const paramsText = columns.text(row, "params");
    if (paramsText) {
      const params = readParams(paramsText);
      if (params) rule.params = params;
      else {
        entries.push({
          level: "unmapped",
          ...at("params"),
          message: `params is not a JSON object of texts and numbers (e.g. {"max": 3}): the message shows its placeholders as they are.`,
        });
      }
    }
    read.rules.push(rule);
    read.rows.push(row.row);
  }
  return read;
}

function readParams(text: string): Record<string, string | number> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const entries = Object.entries(value);
    if (!entries.every(([, v]) => typeof v === "string" || typeof v === "number")) return undefined;
    return Object.fromEntries(entries) as Record<string, string | number>;
  } catch {
    return undefined;
  }
}
