import type { Condition, Dcd } from "./dcd.ts";

/** The fields a DCD decides eligibility on: the billed codes, and the date of the act. */
export interface EligibilityFields {
  codes: string;
  on?: string;
}

/**
 * Read from the DCD's own conditions (`anyEligibility`), so a registry whose registration
 * depends on billed codes gets the eligibility banner, and one that does not, none.
 */
export function findEligibilityFields(dcd: Dcd): EligibilityFields | undefined {
  const conditions: Condition[] = dcd.rules.flatMap((rule) =>
    rule.when ? [rule.when, rule.assert] : [rule.assert],
  );
  for (const field of dcd.fields) {
    if (field.relevant) conditions.push(field.relevant);
    if (typeof field.required === "object") conditions.push(field.required);
  }
  for (const condition of conditions) {
    const found = inCondition(condition);
    if (found) return found;
  }
  return undefined;
}

function inCondition(condition: Condition): EligibilityFields | undefined {
  if ("anyEligibility" in condition) {
    return { codes: condition.field, ...(condition.on ? { on: condition.on } : {}) };
  }
  const parts =
    "all" in condition
      ? condition.all
      : "any" in condition
        ? condition.any
        : "not" in condition
          ? [condition.not]
          : [];
  for (const part of parts) {
    const found = inCondition(part);
    if (found) return found;
  }
  return undefined;
}
