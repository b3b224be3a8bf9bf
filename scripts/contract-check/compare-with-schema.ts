// A real reply against the schema our contract assumes for it, field by field: the
// differences (which fail the check) and the keys we do not model (notes only).
import type { z } from "zod";
import { describeIssue, type Secret } from "./describe-issue.ts";
import { unknownKeys } from "./unknown-keys.ts";

export interface Comparison<T> {
  differences: string[];
  notes: string[];
  /** The reply as our code would read it, when it matches. */
  data?: T;
}

export function compareWithSchema<S extends z.ZodType>(
  schema: S,
  reply: unknown,
  secret: Secret,
): Comparison<z.infer<S>> {
  const notes = unknownKeys(schema, reply).map((path) => `${path} is not in our contract`);
  const parsed = schema.safeParse(reply);
  if (parsed.success) return { differences: [], notes, data: parsed.data };
  return {
    differences: parsed.error.issues.map((issue) => describeIssue(issue, reply, secret)),
    notes,
  };
}
