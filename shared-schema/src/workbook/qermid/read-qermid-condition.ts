import type { Condition, FieldType } from "../../dcd.ts";
import { fieldsOfCondition } from "../../parse-dcd.ts";
import { parseCondition } from "../../xlsform/parse-expression.ts";
import { type ConditionField, parseSimpleCondition } from "./parse-simple-condition.ts";

export type QermidConditionResult = { ok: true; value: Condition } | { ok: false; error: string };

export interface QermidConditionContext {
  /** The field of this name, case-insensitively. */
  field(name: string): ConditionField | undefined;
  /** The row's own field, for XLSForm's `.`. */
  self: string;
}

/**
 * A condition cell of a Qermid field list: the plain form first (`CD_DIAGS = DI0005`), else
 * an XLSForm expression (`${CD_DIAGS} = 'DI0005'`, `selected(${CD_X}, '1')`). Either way
 * every field it names must exist; when neither reads it, the error of the form the text
 * looks most like is returned.
 */
export function readQermidCondition(
  text: string,
  ctx: QermidConditionContext,
): QermidConditionResult {
  const simple = parseSimpleCondition(text, ctx);
  const looksXlsForm = /\$\{|\bselected\(|\bcount-selected\(|\bstring-length\(/.test(text);
  if (simple.ok) return checked(simple.value, ctx);
  const xlsform = parseCondition(text, {
    self: ctx.self,
    fieldType: (name: string): FieldType | undefined => {
      const field = ctx.field(name);
      return field && field.name === name ? field.type : undefined;
    },
  });
  if (xlsform.ok) return checked(xlsform.value, ctx);
  return {
    ok: false,
    error: looksXlsForm ? `${xlsform.error} (at character ${xlsform.offset + 1})` : simple.error,
  };
}

function checked(condition: Condition, ctx: QermidConditionContext): QermidConditionResult {
  const unknown = fieldsOfCondition(condition).filter((name) => ctx.field(name)?.name !== name);
  if (unknown.length > 0) return { ok: false, error: `no field ${unknown.join(", ")}` };
  return { ok: true, value: condition };
}
