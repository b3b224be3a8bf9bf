import * as z from "zod/mini";
import {
  type CompiledCondition,
  type ConditionCompiler,
  type ConditionContext,
  compileCondition,
  isEmptyValue,
} from "./compile-condition.ts";
import { applyCalculations, compileFormLogic } from "./compile-form-logic.ts";
import type { CodeList, Condition, Dcd, Field } from "./dcd.ts";
import { fieldSchema } from "./field-schema.ts";
import { fieldsObject } from "./fields-object.ts";
import { isRecord } from "./is-record.ts";

export interface RecordSchemaOptions {
  /** A draft (HD4DP "Open") skips `required` but still rejects malformed values. */
  draft: boolean;
  /** Include warnings as issues (they never block; `validate` sorts them out). */
  warnings: boolean;
  today: () => string;
}

type Payload = z.core.ParsePayload<Record<string, unknown>>;
type Params = Record<string, string | number>;

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

function requirementsOf(fields: Field[], compile: ConditionCompiler): Requirement[] {
  return fields
    .filter(
      (field) =>
        !field.system &&
        field.required !== false &&
        field.type !== "note" &&
        field.type !== "calculate",
    )
    .map((field) => ({
      name: field.name,
      required: field.required === true ? true : compile(field.required as Condition),
    }));
}

/** Entry fields that already have an issue, from the issues of the whole record. */
function invalidEntryFields(payload: Payload, block: string, index: number): Set<string> {
  const invalid = new Set<string>();
  for (const issue of payload.issues) {
    const path = issue.path;
    if (path?.[0] === block && path[1] === index && typeof path[2] === "string") {
      invalid.add(path[2]);
    }
  }
  return invalid;
}

interface CompiledRule {
  field: string;
  repeat?: string;
  when?: CompiledCondition;
  assert: CompiledCondition;
  params: Params;
}

/** A map's entries as an array, iterated once per record without an iterator object. */
function pairsOf<V>(map: ReadonlyMap<string, V> | undefined): [string, V][] | undefined {
  return map && map.size > 0 ? [...map] : undefined;
}

type Filter = { name: string; key: string; filter: CompiledCondition; list: CodeList };

/** A value a choice filter excludes for this record is an error, like a value not listed. */
function checkFilters(
  payload: Payload,
  prefix: (string | number)[],
  scope: Record<string, unknown>,
  ctx: ConditionContext,
  filters: Filter[],
): void {
  for (const { name, filter, list } of filters) {
    const value = scope[name];
    if (isEmptyValue(value) || ctx.invalid.has(name)) continue;
    for (const code of Array.isArray(value) ? value : [value]) {
      const item = list.items.find((i) => i.value === code);
      if (item && filter({ ...ctx, choice: item }) === false) {
        report(payload, [...prefix, name], value, {
          code: "not_in_filtered_choices",
          severity: "error",
          value: String(code),
        });
      }
    }
  }
}

/**
 * The checks that read several fields, for the record or for one entry of a repeat block:
 * relevance (a value in a field that is not asked is an error: it would be sent unasked, and
 * dropping it would lose what someone typed), choice filters, requirements, then rules.
 * Fields that are not relevant count as malformed for the rules, so none reports on them.
 */
function checkScope(
  payload: Payload,
  prefix: (string | number)[],
  scope: Record<string, unknown>,
  ctx: ConditionContext,
  relevant: readonly (readonly [string, CompiledCondition])[] | undefined,
  filters: Filter[],
  requirements: Requirement[] | undefined,
  rules: CompiledRule[],
): void {
  let hidden: ReadonlySet<string> = NONE;
  if (relevant) {
    const notAsked = new Set<string>();
    for (const [name, condition] of relevant) {
      if (condition(ctx) === true) continue;
      notAsked.add(name);
      if (!isEmptyValue(scope[name]) && !ctx.invalid.has(name)) {
        report(payload, [...prefix, name], scope[name], {
          code: "not_relevant",
          severity: "error",
        });
      }
    }
    if (notAsked.size > 0) {
      hidden = notAsked;
      ctx.invalid = ctx.invalid.size === 0 ? notAsked : new Set([...ctx.invalid, ...notAsked]);
    }
  }
  if (filters.length > 0) checkFilters(payload, prefix, scope, ctx, filters);
  if (requirements) {
    for (const { name, required } of requirements) {
      // A field that is not asked is in ctx.invalid too.
      if (!isEmptyValue(scope[name]) || ctx.invalid.has(name)) continue;
      if (required === true || required(ctx) === true) {
        report(payload, [...prefix, name], undefined, { code: "required", severity: "error" });
      }
    }
  }
  for (const rule of rules) {
    if (hidden !== NONE && hidden.has(rule.field)) continue;
    if (rule.when && rule.when(ctx) !== true) continue;
    if (rule.assert(ctx) !== false) continue;
    report(payload, [...prefix, rule.field], scope[rule.field], rule.params);
  }
}

/**
 * The zod schema of a whole record: every field's own schema, then (always, even when a field
 * is malformed) relevance, requirements and the DCD's rules, compiled into functions once here.
 */
export function recordSchema(dcd: Dcd, options: RecordSchemaOptions): z.ZodMiniType {
  const lists = new Map<string, CodeList>(dcd.codeLists.map((list) => [list.name, list]));
  const compile = compileCondition(dcd);
  const logic = compileFormLogic(dcd, compile);

  const entrySchema = (fields: Field[]): z.ZodMiniType =>
    fieldsObject(
      Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field, lists)])),
    );

  const shape = Object.fromEntries(
    dcd.fields.map((field) => [field.name, fieldSchema(field, lists, entrySchema)]),
  );
  const compiledRules: CompiledRule[] = dcd.rules
    .map((rule, index) => ({
      field: rule.field,
      repeat: rule.repeat,
      when: rule.when && compile(rule.when),
      assert: compile(rule.assert),
      params: { code: rule.code, severity: rule.severity, rule: index, ...rule.params },
    }))
    .filter((rule) => options.warnings || rule.params.severity === "error");
  const filtersOf = (fields: Field[], prefix: string) =>
    fields.flatMap((field) => {
      const filter = logic.choiceFilters.get(prefix + field.name);
      if (!filter || (field.type !== "code" && field.type !== "multi")) return [];
      return [
        {
          name: field.name,
          key: prefix + field.name,
          filter,
          list: lists.get(field.codeList) as CodeList,
        },
      ];
    });
  const top = {
    relevant: pairsOf(logic.relevant),
    requirements: options.draft ? undefined : requirementsOf(dcd.fields, compile),
    rules: compiledRules.filter((rule) => rule.repeat === undefined),
    filters: filtersOf(dcd.fields, ""),
  };
  const blocks = dcd.fields.flatMap((field) =>
    field.type === "repeat"
      ? [
          {
            field,
            requirements: options.draft ? undefined : requirementsOf(field.fields, compile),
            rules: compiledRules.filter((rule) => rule.repeat === field.name),
            filters: filtersOf(field.fields, `${field.name}.`),
            relevant: pairsOf(logic.entryRelevant.get(field.name)),
          },
        ]
      : [],
  );

  return fieldsObject(shape).check(
    alwaysCheck((payload) => {
      const value = payload.value;
      if (logic.calculations.length > 0) applyCalculations(logic, value, options.today());
      const ctx = { values: value, invalid: invalidFields(payload), today: options.today() };
      checkScope(payload, [], value, ctx, top.relevant, top.filters, top.requirements, top.rules);
      for (const block of blocks) {
        const name = block.field.name;
        const entries = value[name];
        if (!Array.isArray(entries) || ctx.invalid.has(name)) continue;
        if (!options.draft && entries.length < block.field.minItems) {
          const params = { code: "too_few_items", severity: "error", min: block.field.minItems };
          report(payload, [name], entries, params);
        }
        const { relevant, filters, requirements, rules } = block;
        if (!relevant && filters.length === 0 && !requirements?.length && rules.length === 0) {
          continue;
        }
        const readsRecord =
          relevant !== undefined ||
          filters.length > 0 ||
          rules.length > 0 ||
          requirements?.some((requirement) => requirement.required !== true);
        entries.forEach((entry: Record<string, unknown>, index) => {
          // The entry's own fields first, then the record's (a copy only when a condition reads it).
          const values = readsRecord ? { ...value, ...entry } : entry;
          const entryCtx = {
            values,
            invalid: invalidEntryFields(payload, name, index),
            today: ctx.today,
          };
          checkScope(
            payload,
            [name, index],
            entry,
            entryCtx,
            relevant,
            filters,
            requirements,
            rules,
          );
        });
      }
    }),
  );
}
