// Reads the XLSForm (XPath-like) expressions of a Healthdata workbook's relevant, required,
// constraint, choice_filter, calculation and default cells into our Condition and Operand
// values (dcd.ts). Two passes: a recursive-descent parser builds a syntax tree
// (parse-expression-tree.ts), then the tree is converted into canonical forms
// (to-condition.ts, docs/dcd-expressions.md), checking the fields against the DCD. Anything
// we cannot translate faithfully is refused with an error that says what to write instead:
// a rule silently read wrong would check the wrong thing.

import type { Condition, Operand } from "../dcd.ts";
import { parseExpressionTree } from "./parse-expression-tree.ts";
import { type ExpressionContext, isFunctionName, toCondition, toOperand } from "./to-condition.ts";
import { ExpressionError } from "./tokenize-expression.ts";

export type { ExpressionContext };

export type ExpressionResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: string; offset: number }; // offset: 0-based character index in the text

export function parseCondition(text: string, ctx: ExpressionContext): ExpressionResult<Condition> {
  return run(() => toCondition(parseExpressionTree(text, isFunctionName), ctx));
}

export function parseOperand(text: string, ctx: ExpressionContext): ExpressionResult<Operand> {
  return run(() => toOperand(parseExpressionTree(text, isFunctionName), ctx));
}

/** Both passes throw an ExpressionError at the first error: it becomes the result. */
function run<T>(translate: () => T): ExpressionResult<T> {
  try {
    return { ok: true, value: translate() };
  } catch (error) {
    if (error instanceof ExpressionError) {
      return { ok: false, error: error.message, offset: error.offset };
    }
    throw error;
  }
}
