// What is known of one business key, put into the one status the billing office acts on.
// HD4DP's own list speaks first: it holds registrations made there directly (manual entry,
// CSV upload) and knows of withdrawals, while the outbox forgets sent registrations after
// the retention period (their delivered key stays). Then what the outbox still does with it.

import type { DeliveredKeyRow, KeyedRow } from "../outbox/outbox-store.ts";
import type { OutboxErrorCode } from "../outbox/outbox-views.ts";
import type { SubmittedRecord } from "../registry/hd4dp-contract.ts";

export type RegistrationStatus = "registered" | "queued" | "draft" | "failed" | "missing";

export interface RegistrationMatch {
  status: RegistrationStatus;
  registrationCode?: string;
  /** When it was registered (ISO 8601): HD4DP's submission, or the outbox's delivery. */
  registeredAt?: string;
  /** Why it failed: an outbox error code (`registry_rejected` for HD4DP's own refusal). */
  reason?: OutboxErrorCode;
}

export interface KnownOfKey {
  /** Oldest first. */
  outbox: KeyedRow[];
  delivered?: DeliveredKeyRow;
  /** HD4DP's records of this key; null when its list could not be read. */
  registry: SubmittedRecord[] | null;
}

/** A time (ms) as ISO 8601, or nothing when HD4DP gave no date. */
const registeredAt = (ms: number) =>
  Number.isNaN(ms) ? {} : { registeredAt: new Date(ms).toISOString() };

export function decideRegistrationStatus({
  outbox,
  delivered,
  registry,
}: KnownOfKey): RegistrationMatch {
  const sentInRegistry = registry
    ?.filter((record) => record.status === "sent")
    .sort((a, b) => (b.submittedAt ?? "").localeCompare(a.submittedAt ?? ""))[0];
  if (sentInRegistry) {
    return {
      status: "registered",
      ...(sentInRegistry.registrationCode === undefined
        ? {}
        : { registrationCode: sentInRegistry.registrationCode }),
      ...registeredAt(Date.parse(sentInRegistry.submittedAt ?? "")),
    };
  }
  // Withdrawn in HD4DP: what the outbox delivered no longer counts.
  const withdrawn = registry?.some((record) => record.status === "deleted") === true;
  const newest = (state: KeyedRow["state"]) => outbox.filter((row) => row.state === state).at(-1);
  const sent = newest("sent");
  if (!withdrawn && sent) {
    return {
      status: "registered",
      ...(sent.registration_code === null ? {} : { registrationCode: sent.registration_code }),
      ...registeredAt(sent.updated_at),
    };
  }
  if (!withdrawn && delivered)
    return { status: "registered", ...registeredAt(delivered.updated_at) };
  if (newest("queued")) return { status: "queued" };
  const open = registry?.find((record) => record.status === "open");
  if (open)
    return open.errors ? { status: "failed", reason: "registry_rejected" } : { status: "draft" };
  const failed = newest("failed");
  if (failed) return { status: "failed", reason: failed.error_code ?? "registry_rejected" };
  return { status: "missing" };
}
