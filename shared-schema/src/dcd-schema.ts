import "./jitless-zod.ts";
import { z } from "zod";
import type {
  CodeList,
  Condition,
  Dcd,
  Field,
  Operand,
  Rule,
  Section,
  Translations,
} from "./dcd.ts";

// The zod schema of the `Dcd` format itself: every DCD JSON (shipped, imported from a
// workbook, pulled from HD4DP) is checked against it before it is compiled, and
// `dcd.schema.json` is generated from it for tools outside TypeScript. Typed against the
// interfaces of dcd.ts, so the two cannot drift apart.

const name = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "a technical name (letters, digits, _)");

export const TranslationsSchema: z.ZodType<Translations> = z.strictObject({
  fr: z.string(),
  nl: z.string(),
  de: z.string(),
  en: z.string(),
});

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const OperandSchema: z.ZodType<Operand> = z
  .lazy(() =>
    z.union([
      z.strictObject({
        field: name,
        addYears: z.int().optional(),
        ordinal: z.literal(true).optional(),
        derive: z.enum(["niss.birthDate", "niss.sexCode"]).optional(),
      }),
      z.strictObject({ value: scalar }),
      z.strictObject({ today: z.literal(true), addYears: z.int().optional() }),
      z.strictObject({
        arith: z.tuple([OperandSchema, z.enum(["+", "-", "*", "div", "mod"]), OperandSchema]),
      }),
      z.strictObject({ negate: OperandSchema }),
      z.strictObject({
        call: z.enum([
          "string-length",
          "count-selected",
          "coalesce",
          "date",
          "decimal-date-time",
          "number",
          "int",
          "round",
          "concat",
        ]),
        args: z.array(OperandSchema),
      }),
      z.strictObject({ if: z.tuple([ConditionSchema, OperandSchema, OperandSchema]) }),
      z.strictObject({ choice: name }),
    ]),
  )
  .meta({ id: "Operand" });

export const ConditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      z.strictObject({ filled: name }),
      z.strictObject({ empty: name }),
      z.strictObject({ field: name, equals: scalar }),
      z.strictObject({ field: name, oneOf: z.array(z.union([z.string(), z.number()])) }),
      z.strictObject({ field: name, includesAny: z.array(z.string()) }),
      z.strictObject({
        compare: z.tuple([
          OperandSchema,
          z.enum(["<", "<=", "==", "!=", ">=", ">"]),
          OperandSchema,
        ]),
      }),
      z.strictObject({
        field: name,
        anyEligibility: z.enum(["required", "exempt", "not_in_scope", "unknown"]),
        on: name.optional(),
      }),
      z.strictObject({ regex: z.tuple([OperandSchema, z.string()]) }),
      z.strictObject({ truthy: OperandSchema }),
      z.strictObject({ all: z.array(ConditionSchema) }),
      z.strictObject({ any: z.array(ConditionSchema) }),
      z.strictObject({ not: ConditionSchema }),
    ]),
  )
  .meta({ id: "Condition" });

const base = {
  name,
  label: TranslationsSchema,
  help: TranslationsSchema.optional(),
  required: z.union([z.boolean(), ConditionSchema]),
  system: z.boolean().optional(),
  relevant: ConditionSchema.optional(),
  readonly: z.boolean().optional(),
  default: scalar.optional(),
  section: name.optional(),
  requiredMessage: TranslationsSchema.optional(),
};
const bounds = { min: z.number().optional(), max: z.number().optional() };

const leafFields = [
  z.strictObject({
    ...base,
    type: z.literal("text"),
    maxLength: z.int().positive().optional(),
    format: z.enum(["niss", "nihii-physician", "email"]).optional(),
  }),
  z.strictObject({ ...base, type: z.literal("date") }),
  z.strictObject({ ...base, type: z.literal("time") }),
  z.strictObject({ ...base, type: z.literal("datetime") }),
  z.strictObject({ ...base, type: z.literal("integer"), ...bounds }),
  z.strictObject({ ...base, type: z.literal("decimal"), ...bounds }),
  z.strictObject({
    ...base,
    type: z.literal("code"),
    codeList: name,
    choiceFilter: ConditionSchema.optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal("multi"),
    codeList: name,
    minItems: z.int().nonnegative().optional(),
    maxItems: z.int().positive().optional(),
    choiceFilter: ConditionSchema.optional(),
  }),
  z.strictObject({ ...base, type: z.literal("bool") }),
  z.strictObject({ ...base, type: z.literal("note") }),
  z.strictObject({ ...base, type: z.literal("calculate"), calculation: OperandSchema }),
] as const;

const LeafFieldSchema = z.discriminatedUnion("type", [...leafFields]);

export const FieldSchema: z.ZodType<Field> = z.discriminatedUnion("type", [
  ...leafFields,
  z.strictObject({
    ...base,
    type: z.literal("repeat"),
    minItems: z.int().nonnegative(),
    maxItems: z.int().positive(),
    fields: z.array(LeafFieldSchema),
  }),
]);

export const CodeListSchema: z.ZodType<CodeList> = z.strictObject({
  name,
  items: z.array(
    z.strictObject({
      value: z.string().min(1),
      label: TranslationsSchema,
      exclusive: z.boolean().optional(),
      id: z.string().min(1).optional(),
      filters: z.record(z.string(), z.string()).optional(),
    }),
  ),
  format: z.enum(["be-postcode", "nomenclature"]).optional(),
});

export const RuleSchema: z.ZodType<Rule> = z.strictObject({
  code: z.string().min(1),
  field: name,
  repeat: name.optional(),
  severity: z.enum(["error", "warning"]),
  when: ConditionSchema.optional(),
  assert: ConditionSchema,
  message: TranslationsSchema,
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const SectionSchema: z.ZodType<Section> = z.strictObject({
  name,
  label: TranslationsSchema,
  relevant: ConditionSchema.optional(),
});

export const DcdSchema: z.ZodType<Dcd> = z.strictObject({
  $schema: z.string().optional(),
  id: name,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "a semantic version such as 1.2.0"),
  label: TranslationsSchema,
  source: z.string(),
  sections: z.array(SectionSchema).optional(),
  fields: z.array(FieldSchema).min(1),
  codeLists: z.array(CodeListSchema),
  rules: z.array(RuleSchema),
  businessKey: z.strictObject({
    fields: z.array(name),
    fallback: z.strictObject({ when: ConditionSchema, fields: z.array(name) }).optional(),
  }),
});
