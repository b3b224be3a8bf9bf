// The schema of an administrator's replacement eligibility table, apart from the table itself so
// that what reads the table (the extension's form) does not carry its validator.

import { z } from "zod";
import type { EligibilityTable } from "./eligibility-table.ts";
import { isNomenclatureCode } from "./identifiers/nomenclature.ts";

const isoDate = z.iso.date({ error: "must be a date written YYYY-MM-DD" });

const ELIGIBILITY_ENTRY_SCHEMA = z
  .object({
    code: z.string().refine(isNomenclatureCode, {
      error: "must be a nomenclature code: 6 digits, the last being the first five mod 7",
    }),
    article: z.string().min(1, { error: "must name the article, e.g. 14n" }),
    decision: z.enum(["required", "exempt", "not_in_scope"]),
    note: z.string().optional(),
    validFrom: isoDate,
    validTo: isoDate.optional(),
    source: z.string().min(1, { error: "must say where the entry comes from" }),
  })
  .refine((entry) => entry.validTo === undefined || entry.validTo >= entry.validFrom, {
    error: "validTo must not be before validFrom",
    path: ["validTo"],
  });

/**
 * Validates an administrator-supplied replacement table. Two entries of one code whose
 * validity periods overlap are refused: which decision applies would be ambiguous.
 */
export const ELIGIBILITY_TABLE_SCHEMA: z.ZodType<EligibilityTable> = z
  .object({
    version: z.string().min(1),
    source: z.string().min(1),
    validFrom: isoDate,
    entries: z.array(ELIGIBILITY_ENTRY_SCHEMA),
  })
  .superRefine((table, ctx) => {
    const seen = new Map<string, { index: number; validFrom: string; validTo?: string }[]>();
    table.entries.forEach((entry, index) => {
      const previous = seen.get(entry.code) ?? [];
      for (const other of previous) {
        const overlaps =
          (other.validTo === undefined || entry.validFrom <= other.validTo) &&
          (entry.validTo === undefined || other.validFrom <= entry.validTo);
        if (overlaps) {
          ctx.addIssue({
            code: "custom",
            path: ["entries", index, "code"],
            message: `code ${entry.code} is already in entry ${other.index} for an overlapping period: give the entries disjoint validFrom/validTo`,
          });
        }
      }
      previous.push({ index, validFrom: entry.validFrom, validTo: entry.validTo });
      seen.set(entry.code, previous);
    });
  });
