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

type Payload = z.core.ParsePayload<Record<string, unknown>>;

function report(
  payload: Payload,
  path: (string | number)[],
  input: unknown,
  params: Record<string, string | number>,
): void {
  payload.issues.push({
    code: "custom",
    input,
    path,
    params,
    message: String(params.code),
    continue: true,
  });
}

/**
 * A record-level check that runs even after a field failed (zod skips checks after aborting
 * issues by default), so that the surgeon sees every problem at once.
 */
function alwaysCheck(fn: (payload: Payload) => void): z.core.$ZodCheck<Record<string, unknown>> {
  return z.core._check<Record<string, unknown>>(
    (payload) => {
      if (isRecord(payload.value)) fn(payload);
    },
    { when: () => true },
  );
}

/** Empty strings, nulls and empty lists mean "not filled in", as in HD4DP's CSV. */
function dropEmptyValues(input: unknown): unknown {
  if (!isRecord(input)) return input;
  let hasEmpty = false;
  for (const key in input) {
    if (isEmptyValue(input[key])) {
      hasEmpty = true;
      break;
    }
  }
  if (!hasEmpty) return input;
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

const NONE: ReadonlySet<string> = new Set();

/** Top-level fields that already have an issue: rules about them are skipped. */
function invalidFields(payload: Payload): ReadonlySet<string> {
  if (payload.issues.length === 0) return NONE;
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
      report(payload, [...path, field.name], undefined, { code: "required", severity: "error" });
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

  const entrySchema = (fields: Field[]): z.ZodType => {
    const shape = Object.fromEntries(
      fields.map((field) => [field.name, fieldSchema(field, lists).optional()]),
    );
    return z.preprocess(
      dropEmptyValues,
      z.strictObject(shape).check(
        alwaysCheck((payload) => {
          if (options.draft) return;
          const ctx = {
            values: payload.value,
            invalid: invalidFields(payload),
            today: "",
            ordinals,
          };
          requireFields(fields, payload, ctx, []);
        }),
      ),
    );
  };

  const shape = Object.fromEntries(
    dcd.fields.map((field) => [field.name, fieldSchema(field, lists, entrySchema).optional()]),
  );
  const repeats = dcd.fields.filter((field) => field.type === "repeat");
  const rules = dcd.rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => options.warnings || rule.severity === "error");

  const checked = z.strictObject(shape).check(
    alwaysCheck((payload) => {
      const value = payload.value;
      const ctx: ConditionContext = {
        values: value,
        invalid: invalidFields(payload),
        today: options.today(),
        ordinals,
      };
      if (!options.draft) {
        requireFields(dcd.fields, payload, ctx, []);
        for (const field of repeats) {
          const entries = value[field.name];
          if (Array.isArray(entries) && entries.length < field.minItems) {
            report(payload, [field.name], entries, {
              code: "too_few_items",
              severity: "error",
              min: field.minItems,
            });
          }
        }
      }
      for (const { rule, index } of rules) {
        if (rule.when && evaluateCondition(rule.when, ctx) !== true) continue;
        if (evaluateCondition(rule.assert, ctx) !== false) continue;
        report(payload, [rule.field], value[rule.field], {
          code: rule.code,
          severity: rule.severity,
          rule: index,
          ...rule.params,
        });
      }
    }),
  );

  return z.preprocess(dropEmptyValues, checked);
}
