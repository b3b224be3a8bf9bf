import { z } from "zod";
import type { EhrProfile } from "./ehr-profile.ts";

// Validates profiles where they enter (options page, tests); the content script trusts
// what was validated here, so it carries no zod.

const FieldRuleSchema = z
  .strictObject({
    selector: z.string().min(1).optional(),
    label: z.array(z.string().min(1)).min(1).optional(),
    attribute: z.string().min(1).optional(),
    all: z.boolean().optional(),
    pattern: z
      .string()
      .refine(
        (source) => {
          try {
            new RegExp(source);
            return true;
          } catch {
            return false;
          }
        },
        { error: "must be a valid regular expression" },
      )
      .optional(),
    dateLayout: z.enum(["dmy", "ymd", "mdy"]).optional(),
    map: z.record(z.string(), z.string()).optional(),
  })
  .refine((rule) => rule.selector !== undefined || rule.label !== undefined, {
    error: "a field needs a selector or a label",
  });

export const EhrProfileSchema = z.strictObject({
  id: z.string().regex(/^[\w.-]{1,64}$/, "letters, digits, dot, dash or underscore"),
  name: z.string().min(1).max(100),
  matches: z.array(z.string().min(1)).min(1),
  fields: z.record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "a DCD technical name"), FieldRuleSchema),
}) satisfies z.ZodType<EhrProfile>;

export const EhrProfilesSchema = z.array(EhrProfileSchema);
