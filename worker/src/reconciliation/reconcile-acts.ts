// POST /v1/reconciliation's work, apart from HTTP: each billed act checked, its code decided
// on its date, and, when it needs (or may need) a registration, its business key hashed as
// the outbox hashes it and looked up once among the hospital's outbox and HD4DP. Acts of the
// same operation (several codes, one patient, date and surgeon) share one business key: it
// is looked up once. Nothing of an act is kept or logged; the reply echoes only its code and
// date, and problems name the value that is wrong, never what it holds.

import type {
  ReconciledAct,
  ReconciliationReply,
  ReconciliationStatus,
} from "../../../shared-schema/src/api/api-schemas.ts";
import { ReconciliationStatusSchema } from "../../../shared-schema/src/api/api-schemas.ts";
import type { BilledAct, BilledActFields } from "../../../shared-schema/src/billed-act-fields.ts";
import type { Dcd, Locale } from "../../../shared-schema/src/dcd.ts";
import { decideWithoutReason } from "../../../shared-schema/src/eligibility.ts";
import type { KeyedHash } from "../crypto/create-keyed-hash.ts";
import { formatMessage } from "../i18n/messages.ts";
import { badRowMessage } from "./billing-file-error.ts";
import { businessKeyHash } from "./business-key-hash.ts";
import { checkBilledAct } from "./check-billed-act.ts";
import type { RegistrationMatches } from "./match-registrations.ts";
import type { BadBillingRow } from "./read-billing-csv.ts";

export interface NumberedAct {
  row: number;
  line?: number;
  act: BilledAct;
}

export interface ReconcileInput {
  dcd: Dcd;
  fields: BilledActFields;
  acts: NumberedAct[];
  /** CSV rows that could not be read, with the header's width. */
  badRows?: { rows: BadBillingRow[]; columns: number };
  locale: Locale;
  hash: KeyedHash;
  /** The hospital's outbox (Outbox.matchRegistrations). */
  match(dcdId: string, hashes: string[]): Promise<RegistrationMatches>;
}

export async function reconcileActs(input: ReconcileInput): Promise<ReconciliationReply> {
  const { dcd, locale } = input;
  const context = { dcd, fields: input.fields, locale };
  const results: ReconciledAct[] = [];
  /** Results waiting for the status of their business key. */
  const pending: { result: ReconciledAct; key: Promise<string> }[] = [];
  for (const { row, line, act } of input.acts) {
    const checked = checkBilledAct(act, context);
    const result: ReconciledAct = {
      row,
      ...(line === undefined ? {} : { line }),
      ...(checked.code === undefined ? {} : { code: checked.code }),
      ...(checked.date === undefined ? {} : { date: checked.date }),
      status: "invalid",
    };
    results.push(result);
    if (checked.code === undefined || checked.date === undefined) {
      Object.assign(result, invalid(checked.problems));
      continue;
    }
    const { decision } = decideWithoutReason(checked.code, { date: checked.date });
    result.decision = decision;
    if (decision === "exempt" || decision === "not_in_scope") {
      result.status = "not_required";
    } else if ("problems" in checked.identity) {
      Object.assign(result, invalid(checked.identity.problems));
    } else {
      pending.push({ result, key: businessKeyHash(input.hash, dcd, checked.identity.record) });
    }
  }
  for (const bad of input.badRows?.rows ?? []) {
    const message = badRowMessage(bad, input.badRows?.columns ?? 0, locale);
    results.push({
      row: bad.row,
      line: bad.line,
      ...invalid([{ role: "row", code: "row_length", message }]),
    });
  }

  const keys = await Promise.all(pending.map((p) => p.key));
  const unique = [...new Set(keys)];
  let registry: ReconciliationReply["registry"] = "read";
  if (unique.length > 0) {
    const found = await input.match(dcd.id, unique);
    registry = found.registry;
    const byKey = new Map(unique.map((key, i) => [key, found.matches[i]]));
    pending.forEach(({ result }, i) => {
      const match = byKey.get(keys[i] as string);
      if (!match) return;
      const { reason, ...rest } = match;
      Object.assign(result, rest);
      if (reason !== undefined) {
        result.reason = reason;
        result.reasonText = formatMessage(`delivery_${reason}`, locale).title;
      }
    });
  }

  results.sort((a, b) => a.row - b.row);
  const counts = Object.fromEntries(
    ReconciliationStatusSchema.options.map((status) => [status, 0]),
  ) as Record<ReconciliationStatus, number>;
  for (const result of results) counts[result.status]++;
  return { dcd: { id: dcd.id, version: dcd.version }, registry, counts, acts: results };
}

function invalid(problems: { role: string; code: string; message: string }[]) {
  const first = problems[0];
  return {
    status: "invalid" as const,
    ...(first ? { reason: `${first.role}:${first.code}` } : {}),
    problems: problems.map(({ role, code, message }) => ({ field: role, code, message })),
  };
}
