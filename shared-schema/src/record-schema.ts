import { z } from "zod";
import type { CodeList, Condition, Dcd, Field } from "./dcd.ts";
import {
  type ConditionContext,
  evaluateCondition,
  isEmptyValue,
  ordinalsOf,
} from "./evaluate-condition.ts";
import { fieldSchema } from "./field-schema.ts";

export interface RecordSchemaOptions {
  /** A draft (HD4DP "Open") skips `required` but still rejects malformed values. */
  draft: boolean;
  /** Include warnings as issues (they never block; `validate` sorts them out). */
  warnings: boolean;
  today: () => string;
}

type Payload = z.core.$RefinementCtx<Record<string, unknown>>;

/** Empty strings, nulls and empty lists mean "not filled in", as in HD4DP's CSV. */
function dropEmptyValues(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const out: Record<string, unknown> = {};
  for (const key in input) {
    const value = (input as Record<string, unknown>)[key];
    if (!isEmptyValue(value)) out[key] = value;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRequired(required: boolean | Condition, ctx: ConditionContext): boolean {
  return required === true || (required !== false && evaluateCondition(required, ctx) === true);
}

/** Top-level fields that already have an issue: rules about them are skipped. */
function invalidFields(payload: Payload): Set<string> {
  const invalid = new Set<string>();
  for (const issue of payload.issues) {
    const key = issue.path?.[0];
    if (typeof key === "string") invalid.add(key);
  }
  return invalid;
}

function requireFields(
  fields: Field[],
  payload: Payload,
  ctx: ConditionContext,
  path: (string | number)[],
): void {
  for (const field of fields) {
    if (field.system || !isEmptyValue(ctx.values[field.name]) || ctx.invalid.has(field.name)) {
      continue;
    }
    if (isRequired(field.required, ctx)) {
      payload.addIssue({
        code: "custom",
        input: undefined,
        path: [...path, field.name],
        params: { code: "required", severity: "error" },
        continue: true,
      });
    }
  }
}

/**
 * The zod schema of a whole record: every field's own schema, then (always, even when a field
 * is malformed, so that the surgeon sees every problem at once) the requirements and rules.
 */
export function recordSchema(dcd: Dcd, options: RecordSchemaOptions): z.ZodType {
  const lists = new Map<string, CodeList>(dcd.codeLists.map((list) => [list.name, list]));
  const ordinals = ordinalsOf(dcd);
  const always = { when: () => true };

  const entrySchema = (fields: Field[]): z.ZodType => {
    const shape = Object.fromEntries(
      fields.map((field) => [field.name, fieldSchema(field, lists).optional()]),
    );
    return z.preprocess(
      dropEmptyValues,
      z.strictObject(shape).superRefine((value, payload) => {
        if (options.draft || !isRecord(value)) return;
        const ctx = { values: value, invalid: invalidFields(payload), today: "", ordinals };
        requireFields(fields, payload, ctx, []);
      }, always),
    );
  };

  const shape = Object.fromEntries(
    dcd.fields.map((field) => [field.name, fieldSchema(field, lists, entrySchema).optional()]),
  );
  const rules = dcd.rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => options.warnings || rule.severity === "error");

  const checked = z.strictObject(shape).superRefine((value, payload) => {
    // Runs even after a type error (so that every problem shows at once): not on a non-object.
    if (!isRecord(value)) return;
    const ctx: ConditionContext = {
      values: value,
      invalid: invalidFields(payload),
      today: options.today(),
      ordinals,
    };
    if (!options.draft) {
      requireFields(dcd.fields, payload, ctx, []);
      for (const field of dcd.fields) {
        const entries = value[field.name];
        if (field.type === "repeat" && Array.isArray(entries) && entries.length < field.minItems) {
          payload.addIssue({
            code: "custom",
            input: entries,
            path: [field.name],
            params: { code: "too_few_items", severity: "error", min: field.minItems },
            continue: true,
          });
        }
      }
    }
    for (const { rule, index } of rules) {
      if (rule.when && evaluateCondition(rule.when, ctx) !== true) continue;
      if (evaluateCondition(rule.assert, ctx) !== false) continue;
      payload.addIssue({
        code: "custom",
        input: value[rule.field],
        path: [rule.field],
        params: { code: rule.code, severity: rule.severity, rule: index, ...rule.params },
        continue: true,
      });
    }
  }, always);

  return z.preprocess(dropEmptyValues, checked);
}
