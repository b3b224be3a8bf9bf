// A billed act (one line of a hospital's billing: patient, date, nomenclature code,
// provider) and the DCD fields it fills, so that the worker can compute the business key
// of an act exactly as it does for a registration, and the extension can ask about the acts
// of the record on the page. Read from the DCD itself, never from field names:
// - the date and the codes: the fields the DCD decides eligibility on (`anyEligibility`);
// - the NISS and the provider: the business-key fields of format `niss` and `nihii-*`;
// - a patient without a NISS: the fallback key's own fields, its date field being the birth
//   date and its text fields, in the order of the key, the last name then the first name
//   (the order Healthdata names them in, docs/domain.md §3).
// A DCD whose business key holds a field no act carries cannot be reconciled.

import type { Dcd, DcdRecord, Field } from "./dcd.ts";
import { findEligibilityFields } from "./find-eligibility-fields.ts";

export const ACT_ROLES = [
  "niss",
  "date",
  "code",
  "nihii",
  "lastName",
  "firstName",
  "birthDate",
] as const;
export type ActRole = (typeof ACT_ROLES)[number];

/** A billed act as the billing shows it: texts, checked and normalized by the worker. */
export type BilledAct = Partial<Record<ActRole, string>> & { date: string; code: string };

export interface BilledActFields {
  /** Role -> the DCD field it fills. */
  fields: Partial<Record<ActRole, string>> & { date: string; code: string };
  /** The business key when the act has a NISS. */
  key: string[];
  /** The business key without a NISS; absent when the DCD has none an act can fill. */
  fallbackKey?: string[];
}

export type BilledActFieldsResult =
  | { ok: true; value: BilledActFields }
  /** `field`: the business-key field no act carries (absent: the DCD has no eligibility). */
  | { ok: false; field?: string };

const NAME_ROLES = ["lastName", "firstName"] as const;

const cache = new WeakMap<Dcd, BilledActFieldsResult>();

export function billedActFieldsOf(dcd: Dcd): BilledActFieldsResult {
  let found = cache.get(dcd);
  if (!found) {
    found = findFields(dcd);
    cache.set(dcd, found);
  }
  return found;
}

function findFields(dcd: Dcd): BilledActFieldsResult {
  const eligibility = findEligibilityFields(dcd);
  if (!eligibility?.on) return { ok: false };
  const fields: BilledActFields["fields"] = { date: eligibility.on, code: eligibility.codes };
  const byName = new Map(dcd.fields.map((field) => [field.name, field]));
  const sharedRole = (field: Field | undefined): ActRole | undefined => {
    if (!field) return undefined;
    if (field.name === eligibility.on) return "date";
    if (field.name === eligibility.codes) return "code";
    const format = field.type === "text" ? field.format : undefined;
    if (format === "niss") return "niss";
    if (format?.startsWith("nihii")) return "nihii";
    return undefined;
  };
  const { fields: key, fallback } = dcd.businessKey;
  for (const name of key) {
    const role = sharedRole(byName.get(name));
    if (!role) return { ok: false, field: name };
    fields[role] = name;
  }
  if (!fields.niss || !fallback) return { ok: true, value: { fields, key } };
  const own: Partial<Record<ActRole, string>> = {};
  let names = 0;
  for (const name of fallback.fields) {
    const field = byName.get(name);
    const role =
      sharedRole(field) ??
      (field?.type === "date"
        ? "birthDate"
        : field?.type === "text" && field.format === undefined
          ? NAME_ROLES[names++]
          : undefined);
    const taken = role && (own[role] ?? fields[role]);
    // A fallback no act can fill: acts without a NISS cannot be matched.
    if (!role || (taken && taken !== name)) return { ok: true, value: { fields, key } };
    own[role] = name;
  }
  return { ok: true, value: { fields: { ...own, ...fields }, key, fallbackKey: fallback.fields } };
}

/**
 * The acts a record bills, one per code, for asking whether each is registered. Only the
 * values of the act's roles are taken from the record.
 */
export function billedActsOf(fields: BilledActFields, record: DcdRecord): BilledAct[] {
  const codes = record[fields.fields.code];
  const list = Array.isArray(codes) ? codes : typeof codes === "string" ? [codes] : [];
  return list
    .filter((code): code is string => typeof code === "string")
    .map((code) => billedActOf(fields, record, code));
}

/** The act of one code of a record (`code` "" for its identity alone). */
export function billedActOf(
  { fields }: BilledActFields,
  record: Record<string, unknown>,
  code: string,
): BilledAct {
  const act: BilledAct = { date: "", code };
  for (const role of ACT_ROLES) {
    const name = fields[role];
    const value = name === undefined || role === "code" ? undefined : record[name];
    if (typeof value === "string" || typeof value === "number") act[role] = String(value);
  }
  return act;
}
