// What the outbox hands to the routes: a registration and the hospital's delivery health,
// with errors as codes and data-free parameters. The routes put them into words in the
// caller's language (delivery-error-text.ts).

import type { DeliveryErrorCode, DeliveryErrorParams } from "./next-delivery-state.ts";

export type RegistrationState = "queued" | "open" | "sent" | "failed" | "deleted";

/** The delivery errors, and the outbox's own: a DCD or a key not configured, a lost record. */
export type OutboxErrorCode =
  | DeliveryErrorCode
  | "dcd_unavailable"
  | "dcd_not_relayable"
  | "key_missing"
  | "record_missing";

export interface OutboxError {
  code: OutboxErrorCode;
  params: DeliveryErrorParams;
  /** HD4DP's own words about a rejected record (kept sealed; shown to the caller only). */
  detail?: string;
}

export interface RegistrationRecordView {
  id: string;
  state: RegistrationState;
  status: "draft" | "submit";
  businessKey?: string;
  registrationCode?: string;
  attempts: number;
  error?: OutboxError;
  history: { at: string; event: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface OutboxHealth {
  queued: number;
  failed: number;
  /** The whole outbox waits: for IT (`needsIt`) or for a rate limit to pass. */
  pause: {
    code: OutboxErrorCode;
    params: DeliveryErrorParams;
    needsIt: boolean;
    since: number;
    until: number;
  } | null;
  waiting: { dcdUnavailable: number; keyMissing: number };
  /** Values still sealed with an older key: remove that key only once this is 0. */
  sealedWithOldKeys: number;
}
