// Which column of a billing export holds which part of an act: the header names of
// billing-header-names.ts, the DCD's technical names (a file exported from HD4DP, or
// written for it), or the user's own mapping (`--columns date=Datum,...`). Columns for
// nothing (amounts, wards...) are ignored. Required: the code, the date, the provider when
// the business key holds it, and the NISS or, for patients without one, the names and the
// birth date of the fallback key.

import type { ActRole, BilledActFields } from "../../../shared-schema/src/billed-act-fields.ts";
import { type BillingFileError, billingFileError } from "./billing-file-error.ts";
import { BILLING_HEADER_NAMES, normalizeHeader } from "./billing-header-names.ts";

export type BillingColumns = Partial<Record<ActRole, number>>;

export type FindColumnsResult =
  | { ok: true; columns: BillingColumns }
  | { ok: false; error: BillingFileError };

const byName = new Map<string, ActRole>(
  (Object.entries(BILLING_HEADER_NAMES) as [ActRole, readonly string[]][]).flatMap(
    ([role, names]) => names.map((name) => [name, role] as const),
  ),
);

export function findBillingColumns(
  header: readonly string[],
  { fields, fallbackKey }: BilledActFields,
  overrides: Partial<Record<ActRole, string>> = {},
): FindColumnsResult {
  const normalized = header.map(normalizeHeader);
  const technical = new Map<string, ActRole>(
    (Object.entries(fields) as [ActRole, string][]).map(([role, name]) => [
      normalizeHeader(name),
      role,
    ]),
  );
  const columns: BillingColumns = {};
  for (const [role, name] of Object.entries(overrides) as [ActRole, string][]) {
    const index = normalized.indexOf(normalizeHeader(name));
    if (index < 0) return billingFileError("billing_column_unknown", { column: name });
    columns[role] = index;
  }
  const overridden = new Set(Object.values(columns));
  for (const [index, name] of normalized.entries()) {
    if (overridden.has(index)) continue;
    const role = technical.get(name) ?? byName.get(name);
    if (role === undefined || role in overrides) continue;
    const earlier = columns[role];
    if (earlier !== undefined) {
      return billingFileError("billing_column_twice", {
        first: header[earlier] as string,
        second: header[index] as string,
        role,
      });
    }
    columns[role] = index;
  }
  const required: ActRole[] = ["date", "code"];
  if (fields.nihii) required.push("nihii");
  const identity =
    columns.niss !== undefined ||
    (fallbackKey !== undefined &&
      (["lastName", "firstName", "birthDate"] as const).every(
        (role) => !fields[role] || columns[role] !== undefined,
      ));
  const missing = required.filter((role) => columns[role] === undefined);
  if (!identity) missing.unshift("niss");
  if (missing.length > 0)
    return billingFileError("billing_columns_missing", { missing: missing.join(", ") });
  return { ok: true, columns };
}
