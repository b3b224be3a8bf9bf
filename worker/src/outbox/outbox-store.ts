// Every SQL statement of the outbox (schema: migrate-outbox.ts), so the Durable Object reads
// as what it does and each state change is one statement with its guard: a row leaves
// `queued` only if it is still queued, whatever ran meanwhile.

import type { DeliveryErrorParams } from "./next-delivery-state.ts";
import type { HospitalRow, Row } from "./outbox-row.ts";
import type { OutboxErrorCode } from "./outbox-views.ts";

export interface StoredError {
  code: OutboxErrorCode;
  params: DeliveryErrorParams;
}

export interface NewRegistration {
  id: string;
  idempotencyHash: string;
  bodyHash: string;
  dcdId: string;
  dcdVersion: string;
  draft: boolean;
  businessKeyHash: string | null;
  recordSealed: ArrayBuffer;
}

const FINISHED_STATES = "('sent', 'open', 'deleted', 'failed')";

/** What reconciliation reads of a registration: its state, never its record. */
export type KeyedRow = Pick<
  Row,
  "business_key_hash" | "state" | "registration_code" | "error_code" | "updated_at" | "seq"
>;

export interface DeliveredKeyRow extends Record<string, SqlStorageValue> {
  business_key_hash: string;
  updated_at: number;
}

export class OutboxStore {
  readonly #sql: SqlStorage;

  constructor(sql: SqlStorage) {
    this.#sql = sql;
  }

  get sql(): SqlStorage {
    return this.#sql;
  }

  row(column: "id" | "idempotency_hash", value: string): Row | null {
    return this.#one<Row>(`SELECT * FROM registrations WHERE ${column} = ?`, value);
  }

  mustRow(id: string): Row {
    const row = this.row("id", id);
    if (!row) throw new Error("registration vanished");
    return row;
  }

  queuedRow(id: string): Row | null {
    return this.#one<Row>("SELECT * FROM registrations WHERE id = ? AND state = 'queued'", id);
  }

  count(where: string): number {
    return (
      this.#one<{ n: number }>(`SELECT count(*) AS n FROM registrations WHERE ${where}`)?.n ?? 0
    );
  }

  insert(registration: NewRegistration, now: number): void {
    this.#sql.exec(
      `INSERT INTO registrations (id, idempotency_hash, body_hash, dcd_id, dcd_version, draft,
         business_key_hash, state, record_sealed, attempts, created_at, updated_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, 0, ?, ?, ?)`,
      registration.id,
      registration.idempotencyHash,
      registration.bodyHash,
      registration.dcdId,
      registration.dcdVersion,
      registration.draft ? 1 : 0,
      registration.businessKeyHash,
      registration.recordSealed,
      now,
      now,
      now,
    );
    this.addEvent(registration.id, "queued", now);
  }

  /** A failed registration queued again, with its sealed record. */
  requeue(id: string, now: number): void {
    this.#sql.exec(
      `UPDATE registrations SET state = 'queued', error_code = NULL, error_params = NULL,
         error_detail_sealed = NULL, next_attempt_at = ?, updated_at = ? WHERE id = ?`,
      now,
      now,
      id,
    );
    this.addEvent(id, "requeued", now);
  }

  markDeleted(id: string, now: number): void {
    this.#sql.exec(
      `UPDATE registrations SET state = 'deleted', record_sealed = NULL,
         error_detail_sealed = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ?`,
      now,
      id,
    );
    this.addEvent(id, "deleted", now);
  }

  countAttempt(id: string, attempts: number, now: number): void {
    this.#sql.exec(
      "UPDATE registrations SET attempts = ?, updated_at = ? WHERE id = ?",
      attempts,
      now,
      id,
    );
  }

  retryAt(id: string, error: StoredError, at: number, now: number): void {
    this.#sql.exec(
      `UPDATE registrations SET error_code = ?, error_params = ?, next_attempt_at = ?, updated_at = ?
       WHERE id = ? AND state = 'queued'`,
      error.code,
      JSON.stringify(error.params),
      at,
      now,
      id,
    );
  }

  /** HD4DP rejected the record: it is kept, sealed, so the same request can queue it again. */
  fail(id: string, error: StoredError, detailSealed: ArrayBuffer | null, now: number): void {
    const changed = this.#sql.exec(
      `UPDATE registrations SET state = 'failed', error_code = ?, error_params = ?,
         error_detail_sealed = ?, next_attempt_at = NULL, updated_at = ?
       WHERE id = ? AND state = 'queued'`,
      error.code,
      JSON.stringify(error.params),
      detailSealed,
      now,
      id,
    ).rowsWritten;
    if (changed > 0) this.addEvent(id, "failed", now);
  }

  /**
   * Delivered: the record is deleted, the registry's key kept sealed, and (for a submission)
   * the delivered key remembered, in one synchronous step so that a newer registration of
   * this key cannot be sent as new in between. False when it was no longer queued.
   */
  delivered(
    row: Row,
    state: "open" | "sent",
    values: {
      businessKeySealed: ArrayBuffer | null;
      deliveredKeySealed: ArrayBuffer | null;
      registrationCode: string | undefined;
    },
    now: number,
  ): boolean {
    const changed = this.#sql.exec(
      `UPDATE registrations SET state = ?, business_key_sealed = ?, registration_code = ?,
         error_code = NULL, error_params = NULL, error_detail_sealed = NULL,
         record_sealed = NULL, next_attempt_at = NULL, updated_at = ?
       WHERE id = ? AND state = 'queued'`,
      state,
      values.businessKeySealed,
      values.registrationCode ?? null,
      now,
      row.id,
    ).rowsWritten;
    if (changed === 0) return false;
    if (values.deliveredKeySealed !== null && row.business_key_hash !== null) {
      this.#sql.exec(
        `INSERT INTO delivered_keys (business_key_hash, business_key_sealed, registration_id, updated_at)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (business_key_hash) DO UPDATE SET
           business_key_sealed = excluded.business_key_sealed,
           registration_id = excluded.registration_id, updated_at = excluded.updated_at`,
        row.business_key_hash,
        values.deliveredKeySealed,
        row.id,
        now,
      );
    }
    this.addEvent(row.id, state, now);
    return true;
  }

  deliveredKey(businessKeyHash: string): ArrayBuffer | null {
    return (
      this.#one<{ business_key_sealed: ArrayBuffer }>(
        "SELECT business_key_sealed FROM delivered_keys WHERE business_key_hash = ?",
        businessKeyHash,
      )?.business_key_sealed ?? null
    );
  }

  /** Forgets a delivered key (of `registrationId` only, when given). */
  forgetDeliveredKey(businessKeyHash: string, registrationId?: string): void {
    this.#sql.exec(
      `DELETE FROM delivered_keys WHERE business_key_hash = ?${registrationId === undefined ? "" : " AND registration_id = ?"}`,
      businessKeyHash,
      ...(registrationId === undefined ? [] : [registrationId]),
    );
  }

  /** What HD4DP's list says of a delivered registration: completed or withdrawn there. */
  changeState(
    row: Row,
    state: "sent" | "deleted",
    registrationCode: string | undefined,
    now: number,
  ): void {
    this.#sql.exec(
      `UPDATE registrations SET state = ?, registration_code = coalesce(?, registration_code),
         updated_at = ? WHERE id = ? AND state = ?`,
      state,
      registrationCode ?? null,
      now,
      row.id,
      row.state,
    );
    this.addEvent(row.id, state === "deleted" ? "withdrawn_in_registry" : "sent_in_registry", now);
  }

  setRegistrationCode(id: string, registrationCode: string, now: number): void {
    this.#sql.exec(
      "UPDATE registrations SET registration_code = ?, updated_at = ? WHERE id = ?",
      registrationCode,
      now,
      id,
    );
  }

  /**
   * The registrations of these business keys (keyed hashes), oldest first, deleted ones
   * aside. One statement whatever their number: the hashes travel as one JSON parameter,
   * past SQLite's limit on bound parameters.
   */
  rowsOfBusinessKeys(hashes: string[]): KeyedRow[] {
    return this.#sql
      .exec<KeyedRow>(
        `SELECT business_key_hash, state, registration_code, error_code, updated_at, seq
         FROM registrations
         WHERE business_key_hash IN (SELECT value FROM json_each(?)) AND state != 'deleted'
         ORDER BY seq`,
        JSON.stringify(hashes),
      )
      .toArray();
  }

  /** Which of these business keys were delivered, and when (kept past the rows' retention). */
  deliveredKeysAmong(hashes: string[]): DeliveredKeyRow[] {
    return this.#sql
      .exec<DeliveredKeyRow>(
        `SELECT business_key_hash, updated_at FROM delivered_keys
         WHERE business_key_hash IN (SELECT value FROM json_each(?))`,
        JSON.stringify(hashes),
      )
      .toArray();
  }

  addEvent(id: string, event: string, now: number): void {
    this.#sql.exec(
      "INSERT INTO registration_events (registration_id, at, event) VALUES (?, ?, ?)",
      id,
      now,
      event,
    );
  }

  /**
   * Due registrations, oldest first, ids only (each row is read again when its turn comes);
   * one waits while an older registration of the same business key is still queued, so the
   * older one is sent first and the newer one goes as its correction.
   */
  dueIds(now: number, limit: number): string[] {
    return this.#sql
      .exec<{ id: string }>(
        `SELECT r.id FROM registrations AS r
         WHERE r.state = 'queued' AND r.next_attempt_at <= ?
           AND NOT EXISTS (
             SELECT 1 FROM registrations AS older
             WHERE r.business_key_hash IS NOT NULL
               AND older.business_key_hash = r.business_key_hash
               AND older.state = 'queued' AND older.seq < r.seq)
         ORDER BY r.next_attempt_at, r.seq LIMIT ?`,
        now,
        limit,
      )
      .toArray()
      .map((row) => row.id);
  }

  nextAttemptAt(): number | null {
    return (
      this.#one<{ at: number | null }>(
        "SELECT MIN(next_attempt_at) AS at FROM registrations WHERE state = 'queued'",
      )?.at ?? null
    );
  }

  oldestFinishedAt(): number | null {
    return (
      this.#one<{ at: number | null }>(
        `SELECT MIN(updated_at) AS at FROM registrations WHERE state IN ${FINISHED_STATES}`,
      )?.at ?? null
    );
  }

  hospital(): HospitalRow {
    return this.#one<HospitalRow>("SELECT * FROM hospital_state WHERE id = 1") as HospitalRow;
  }

  /** The whole outbox waits; `since` stays while the cause stays the same. */
  pause(until: number, needsIt: boolean, error: StoredError, now: number): void {
    const hospital = this.hospital();
    this.#sql.exec(
      `UPDATE hospital_state SET paused_until = ?, needs_it = ?, error_code = ?,
         error_params = ?, since = ?, pause_count = pause_count + 1`,
      until,
      needsIt ? 1 : 0,
      error.code,
      JSON.stringify(error.params),
      hospital.error_code === error.code && hospital.since !== null ? hospital.since : now,
    );
  }

  clearPause(): void {
    this.#sql.exec(
      `UPDATE hospital_state SET paused_until = 0, needs_it = 0, error_code = NULL,
         error_params = NULL, since = NULL, pause_count = 0`,
    );
  }

  #one<T extends Record<string, SqlStorageValue>>(
    query: string,
    ...bindings: SqlStorageValue[]
  ): T | null {
    return this.#sql.exec<T>(query, ...bindings).toArray()[0] ?? null;
  }
}
