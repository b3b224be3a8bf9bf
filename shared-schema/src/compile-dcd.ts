import { z } from "zod";
import type { Dcd, DcdRecord, Issue, Locale } from "./dcd.ts";
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

export interface CompiledDcd {
  dcd: Dcd;
  /** The zod schema of a record: it fails on errors only. */
  schema(draft: boolean): z.ZodType<DcdRecord>;
  validate(record: unknown, options?: ValidateOptions): ValidationResult;
  /** JSON Schema of a record's shape (types, lists, lengths), for OpenAPI documents. */
  jsonSchema(): Record<string, unknown>;
}

export function compileDcd(dcd: Dcd): CompiledDcd {
  const schemas = new Map<string, z.ZodType<DcdRecord>>();
  const schemaFor = (draft: boolean, warnings: boolean, today?: string): z.ZodType<DcdRecord> => {
    const key = `${draft}|${warnings}|${today ?? ""}`;
    let schema = schemas.get(key);
    if (!schema) {
      const todayOf = today ? () => today : () => todayInBrussels();
      schema = recordSchema(dcd, { draft, warnings, today: todayOf }) as z.ZodType<DcdRecord>;
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
    jsonSchema: () =>
      z.toJSONSchema(schemaFor(false, false), { io: "input", unrepresentable: "any" }) as Record<
        string,
        unknown
      >,
  };
}
