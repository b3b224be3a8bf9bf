import type * as z from "zod/mini";
import {
  type CompiledCondition,
  compileCondition,
  isEmptyValue,
  type Value,
} from "./compile-condition.ts";
import { applyCalculations, compileFormLogic } from "./compile-form-logic.ts";
import type {
  CodeItem,
  CodeList,
  Condition,
  Dcd,
  DcdRecord,
  Field,
  Issue,
  Locale,
  RepeatEntry,
} from "./dcd.ts";
import { localizeIssue } from "./localize-issue.ts";
import { recordSchema } from "./record-schema.ts";
import { todayInBrussels } from "./today-in-brussels.ts";

export interface ValidateOptions {
  locale?: Locale;
  /** Validate as a draft (HD4DP "Open"): `required` is skipped, malformed values are not. */
  draft?: boolean;
  /** ISO date standing for today (tests); default: today in Brussels. */
  today?: string;
}

export interface ValidationResult {
  /** No error (warnings never block a submission). */
  valid: boolean;
  issues: Issue[];
  /** The normalized record (NISS as 11 digits, empty values dropped), when valid. */
  record?: DcdRecord;
}

/** What a form asks now, given what it holds (a field naming an empty one is not asked). */
export interface Relevance {
  /** A top-level field, or with `entry` a field of a repeat block's entry. */
  field(name: string, entry?: RepeatEntry): boolean;
  section(name: string): boolean;
}

export interface FormOptions {
  /** ISO date standing for today (tests); default: today in Brussels. */
  today?: string;
}

export interface CompiledDcd {
  dcd: Dcd;
  /** The zod schema of a record: it fails on errors only. */
  schema(draft: boolean): z.ZodMiniType<DcdRecord>;
  validate(record: unknown, options?: ValidateOptions): ValidationResult;
  /** Which fields and sections are asked for this record, as the validator decides it. */
  relevance(record: DcdRecord, options?: FormOptions): Relevance;
  /**
   * Whether the validator requires this field for these values (before it is filled, and
   * still after); in a repeat block, `values` reads the entry first. Notes and
   * calculations are never asked of a person.
   */
  isRequired(field: Field, values: Record<string, unknown>, options?: FormOptions): boolean;
  /** The items of a code or multi field that its choice filter allows for this record. */
  choicesFor(name: string, record: DcdRecord, entry?: RepeatEntry): CodeItem[];
  /** The values of the calculate fields for this record. */
  calculate(record: DcdRecord, options?: FormOptions): Record<string, Value>;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

export function compileDcd(dcd: Dcd): CompiledDcd {
  const compile = compileCondition(dcd);
  const logic = compileFormLogic(dcd, compile);
  const lists = new Map<string, CodeList>(dcd.codeLists.map((list) => [list.name, list]));
  const listOfField = new Map<string, CodeList | undefined>();
  for (const field of dcd.fields) {
    const inner = field.type === "repeat" ? field.fields : [];
    for (const f of [field, ...inner]) {
      const key = f === field ? f.name : `${field.name}.${f.name}`;
      if (f.type === "code" || f.type === "multi") listOfField.set(key, lists.get(f.codeList));
    }
  }
  const contextOf = (record: DcdRecord, options: FormOptions = {}) => {
    const values: Record<string, unknown> = { ...record };
    const today = options.today ?? todayInBrussels();
    applyCalculations(logic, values, today);
    return { values, invalid: NO_FIELDS, today };
  };
  const requirements = new Map<Condition, CompiledCondition>();
  const schemas = new Map<string, z.ZodMiniType<DcdRecord>>();
  const schemaFor = (
    draft: boolean,
    warnings: boolean,
    today?: string,
  ): z.ZodMiniType<DcdRecord> => {
    const key = `${draft}|${warnings}|${today ?? ""}`;
    let schema = schemas.get(key);
    if (!schema) {
      const todayOf = today ? () => today : () => todayInBrussels();
      schema = recordSchema(dcd, { draft, warnings, today: todayOf }) as z.ZodMiniType<DcdRecord>;
      schemas.set(key, schema);
    }
    return schema;
  };

  return {
    dcd,
    schema: (draft) => schemaFor(draft, false),
    validate(record, options = {}) {
      const draft = options.draft ?? false;
      const parsed = schemaFor(draft, true, options.today).safeParse(record);
      if (parsed.success) return { valid: true, issues: [], record: parsed.data };
      const locale = options.locale ?? "en";
      const issues = parsed.error.issues.flatMap((issue) => localizeIssue(dcd, issue, locale));
      if (issues.some((issue) => issue.severity === "error")) return { valid: false, issues };
      // Only warnings: the errors-only schema gives the normalized record.
      const clean = schemaFor(draft, false, options.today).safeParse(record);
      return { valid: true, issues, record: clean.success ? clean.data : undefined };
    },
    relevance(record, options) {
      const ctx = contextOf(record, options);
      return {
        field(name, entry) {
          if (!entry) {
            const condition = logic.relevant.get(name);
            return !condition || condition(ctx) === true;
          }
          const block = name.slice(0, name.indexOf("."));
          const condition = logic.entryRelevant.get(block)?.get(name.slice(block.length + 1));
          if (!condition) return true;
          const values = Object.assign(Object.create(ctx.values), entry);
          return condition({ ...ctx, values }) === true;
        },
        section: (name) => {
          const condition = logic.sections.get(name);
          return !condition || condition(ctx) === true;
        },
      };
    },
    isRequired(field, values, options = {}) {
      if (field.type === "note" || field.type === "calculate") return false;
      if (typeof field.required === "boolean") return field.required;
      let condition = requirements.get(field.required);
      if (!condition) {
        condition = compile(field.required);
        requirements.set(field.required, condition);
      }
      const today = options.today ?? todayInBrussels();
      return condition({ values, invalid: NO_FIELDS, today }) === true;
    },
    choicesFor(name, record, entry) {
      const items = listOfField.get(name)?.items ?? [];
      const filter = logic.choiceFilters.get(name);
      if (!filter) return items;
      const ctx = contextOf(record);
      const values = entry ? Object.assign(Object.create(ctx.values), entry) : ctx.values;
      return items.filter((choice) => filter({ ...ctx, values, choice }) !== false);
    },
    calculate(record, options) {
      const ctx = contextOf(record, options);
      return Object.fromEntries(
        logic.calculations.map(({ name }) => {
          const value = ctx.values[name] as Value;
          return [name, isEmptyValue(value) ? undefined : value];
        }),
      );
    },
  };
}
