import { z } from "zod";
import {
  type CompiledCondition,
  type ConditionContext,
  compileCondition,
  isEmptyValue,
} from "./compile-condition.ts";
import type { CodeList, Condition, Dcd, Field } from "./dcd.ts";
import { fieldSchema } from "./field-schema.ts";

export interface RecordSchemaOptions {
  /** A draft (HD4DP "Open") skips `required` but still rejects malformed values. */
  draft: boolean;
  /** Include warnings as issues (they never block; `validate` sorts them out). */
  warnings: boolean;
  today: () => string;
}

type Payload = z.core.ParsePayload<Record<string, unknown>>;
type Params = Record<string, string | number>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasEmptyValue(record: Record<string, unknown>): boolean {
  for (const key in record) {
    const value = record[key];
    if (isEmptyValue(value)) return true;
    if (Array.isArray(value)) {
      for (const entry of value) if (isRecord(entry) && hasEmptyValue(entry)) return true;
    }
  }
  return false;
}

function withoutEmptyValues(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in record) {
    const value = record[key];
    if (isEmptyValue(value)) continue;
    out[key] = Array.isArray(value)
      ? value.map((entry) => (isRecord(entry) ? withoutEmptyValues(entry) : entry))
      : value;
  }
  return out;
}

/**
 * Empty strings, nulls and empty lists mean "not filled in", as in HD4DP's CSV, in the record
 * and in its repeat entries. One pass over the whole record here (copying only when needed)
 * is cheaper than a preprocessing step on every repeat entry.
 */
function dropEmptyValues(input: unknown): unknown {
  return isRecord(input) && hasEmptyValue(input) ? withoutEmptyValues(input) : input;
}

function report(payload: Payload, path: (string | number)[], input: unknown, params: Params): void {
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

/** Fields with their requirement compiled: always, never, or under a condition. */
type Requirement = { name: string; required: true | CompiledCondition };

function requirementsOf(
  fields: Field[],
  compile: (condition: Condition) => CompiledCondition,
): Requirement[] {
  return fields
    .filter((field) => !field.system && field.required !== false)
    .map((field) => ({
      name: field.name,
      required: field.required === true ? true : compile(field.required as Condition),
    }));
}

function requireFields(requirements: Requirement[], payload: Payload, ctx: ConditionContext): void {
  for (const { name, required } of requirements) {
    if (!isEmptyValue(ctx.values[name]) || ctx.invalid.has(name)) continue;
    if (required === true || required(ctx) === true) {
      report(payload, [name], undefined, { code: "required", severity: "error" });
    }
  }
}

/**
 * The zod schema of a whole record: every field's own schema, then (always, even when a field
 * is malformed) the requirements and the DCD's rules, compiled into functions once here.
 */
export function recordSchema(dcd: Dcd, options: RecordSchemaOptions): z.ZodType {
  const lists = new Map<string, CodeList>(dcd.codeLists.map((list) => [list.name, list]));
  const compile = compileCondition(dcd);

  const entrySchema = (fields: Field[]): z.ZodType => {
    const shape = Object.fromEntries(
      fields.map((field) => [field.name, fieldSchema(field, lists).optional()]),
    );
    const requirements = requirementsOf(fields, compile);
    const entry = z.strictObject(shape).check(
      alwaysCheck((payload) => {
        if (options.draft) return;
        requireFields(requirements, payload, {
          values: payload.value,
          invalid: invalidFields(payload),
          today: "",
        });
      }),
    );
    return entry;
  };

  const shape = Object.fromEntries(
    dcd.fields.map((field) => [field.name, fieldSchema(field, lists, entrySchema).optional()]),
  );
  const requirements = requirementsOf(dcd.fields, compile);
  const repeats = dcd.fields.filter((field) => field.type === "repeat");
  const rules = dcd.rules
    .map((rule, index) => ({
      field: rule.field,
      when: rule.when && compile(rule.when),
      assert: compile(rule.assert),
      params: { code: rule.code, severity: rule.severity, rule: index, ...rule.params },
    }))
    .filter((rule) => options.warnings || rule.params.severity === "error");

  const checked = z.strictObject(shape).check(
    alwaysCheck((payload) => {
      const value = payload.value;
      const ctx: ConditionContext = {
        values: value,
        invalid: invalidFields(payload),
        today: options.today(),
      };
      if (!options.draft) {
        requireFields(requirements, payload, ctx);
        for (const field of repeats) {
          const entries = value[field.name];
          if (Array.isArray(entries) && entries.length < field.minItems) {
            const params = { code: "too_few_items", severity: "error", min: field.minItems };
            report(payload, [field.name], entries, params);
          }
        }
      }
      for (const rule of rules) {
        if (rule.when && rule.when(ctx) !== true) continue;
        if (rule.assert(ctx) !== false) continue;
        report(payload, [rule.field], value[rule.field], rule.params);
      }
    }),
  );

  return z.preprocess(dropEmptyValues, checked);
}
