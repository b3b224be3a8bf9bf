import type { Condition, FieldType, Operand } from "../dcd.ts";
import {
  type ExpressionContext,
  type ExpressionResult,
  parseCondition,
  parseOperand,
} from "../xlsform/parse-expression.ts";
import { columnLetter, type ReportEntry } from "./import-report.ts";

/** Where an expression sits in the workbook, and what it is for. */
export interface ExpressionSite {
  sheet: string;
  row: number;
  column: number;
  /** The header of its column, e.g. `relevant`. */
  header: string;
  /** The field, list or rule it belongs to. */
  subject?: string;
  /** The field `.` stands for. */
  self?: string;
  choiceColumns?: boolean;
  /** What the import does instead, e.g. "the field is left optional". */
  fallback: string;
}

/**
 * Translates XLSForm expressions into conditions and operands. What the parser refuses is
 * reported with its sheet, row, column and the parser's reason, never dropped silently; it
 * always changes what validation accepts.
 */
export class ExpressionTranslator {
  private readonly fieldType: (name: string) => FieldType | undefined;
  private readonly entries: ReportEntry[];

  constructor(fieldType: (name: string) => FieldType | undefined, entries: ReportEntry[]) {
    this.fieldType = fieldType;
    this.entries = entries;
  }

  condition(text: string, site: ExpressionSite): Condition | undefined {
    return this.report(parseCondition(text, this.context(site)), text, site);
  }

  operand(text: string, site: ExpressionSite): Operand | undefined {
    return this.report(parseOperand(text, this.context(site)), text, site);
  }

  private context(site: ExpressionSite): ExpressionContext {
    return {
      fieldType: this.fieldType,
      ...(site.self !== undefined ? { self: site.self } : {}),
      ...(site.choiceColumns ? { choiceColumns: true } : {}),
    };
  }

  private report<T>(result: ExpressionResult<T>, text: string, site: ExpressionSite) {
    if (result.ok) return result.value;
    this.entries.push({
      level: "unmapped",
      sheet: site.sheet,
      row: site.row,
      column: columnLetter(site.column),
      ...(site.subject !== undefined ? { subject: site.subject } : {}),
      message: `${site.header} "${text}" cannot be translated: ${result.error} (at character ${result.offset + 1}); ${site.fallback}.`,
      affectsValidation: true,
    });
    return undefined;
  }
}
