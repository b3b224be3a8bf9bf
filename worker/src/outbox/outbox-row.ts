// The outbox's rows as SQLite hands them over (schema: migrate-outbox.ts).

import type { OutboxErrorCode, RegistrationState } from "./outbox-views.ts";

export interface Row extends Record<string, SqlStorageValue> {
  seq: number;
  id: string;
  idempotency_hash: string;
  body_hash: string;
  dcd_id: string;
  dcd_version: string;
  draft: number;
  business_key_hash: string | null;
  state: RegistrationState;
  record_sealed: ArrayBuffer | null;
  business_key_sealed: ArrayBuffer | null;
  registration_code: string | null;
  attempts: number;
  error_code: OutboxErrorCode | null;
  /** JSON of data-free parameters (next-delivery-state.ts). */
  error_params: string | null;
  error_detail_sealed: ArrayBuffer | null;
  created_at: number;
  updated_at: number;
  next_attempt_at: number | null;
  status_checked_at: number | null;
}

export interface HospitalRow extends Record<string, SqlStorageValue> {
  paused_until: number;
  needs_it: number;
  error_code: OutboxErrorCode | null;
  error_params: string | null;
  since: number | null;
  pause_count: number;
}
