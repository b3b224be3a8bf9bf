// The durable outbox of one hospital (one instance per hospital: idFromName(hospitalId)).
// A registration is written here, its record sealed, before the API answers 202; an alarm
// then delivers it to HD4DP. All state is in SQLite (outbox/migrate-outbox.ts), so a
// restart or eviction loses nothing: the constructor re-arms the alarm when work is due.
//
// What happens after each attempt is decided by outbox/next-delivery-state.ts; this class
// only does the SQL, the crypto and the fetch. States: queued -> open (draft accepted) |
// sent (submitted) | failed (HD4DP rejected the record); queued|failed -> deleted (DELETE);
// failed -> queued (the same request sent again); open|sent -> deleted or open -> sent when
// HD4DP's list of submitted records says so. A fault of the hospital rather than of the
// record (credentials, 403, a redirect...) pauses the whole outbox in a "needs IT" state
// (`health()`), and nothing fails.
//
// Exactly once per business key: delivered business keys are remembered as keyed hashes
// (they contain the NISS), so a resubmission is sent as a correction (PUT), and two
// registrations of one business key are never in flight together.
//
// Nothing of a patient is kept in clear: the record, the registry's business key and
// HD4DP's error text (it may quote the record) are sealed (crypto/record-cipher.ts); the
// error is otherwise a code with data-free parameters. The record is kept until it is sent,
// deleted, or the retention period has passed since it failed; finished rows go after the
// retention period too.
//
// A registration is relayed with the DCD version it was validated with, looked up among the
// configured DCDs when its turn comes. While that version is not configured it waits,
// queued, for hospital IT to put it back: changing the DCDs never loses or fails one.

import { DurableObject } from "cloudflare:workers";
import type { Dcd, DcdRecord } from "../../../shared-schema/src/dcd.ts";
import type { S2sCodeIds } from "../../../shared-schema/src/s2s/s2s-code-ids.ts";
import { ConfigError, loadConfig, type WorkerConfig } from "../config/load-config.ts";
import { canonicalJson } from "../crypto/canonical-json.ts";
import { createKeyedHash, type KeyedHash } from "../crypto/create-keyed-hash.ts";
import {
  createRecordCipher,
  KeyMissingError,
  type RecordCipher,
  sealedPrefix,
} from "../crypto/record-cipher.ts";
import { type DcdCatalogue, loadDcdCatalogue } from "../dcd/load-dcd-catalogue.ts";
import { logError, logEvent } from "../log/log-event.ts";
import { migrateOutbox } from "../outbox/migrate-outbox.ts";
import {
  type Decision,
  type DeliveryError,
  type DeliveryErrorParams,
  nextDeliveryState,
} from "../outbox/next-delivery-state.ts";
import type {
  OutboxErrorCode,
  OutboxHealth,
  RegistrationRecordView,
  RegistrationState,
} from "../outbox/outbox-views.ts";
import { Hd4dpClient } from "../registry/hd4dp-client.ts";
import type { SubmittedRecord } from "../registry/hd4dp-contract.ts";
import { submitPayload } from "../registry/hd4dp-contract.ts";

export interface EnqueueInput {
  idempotencyKey: string;
  /** The request body as received (record, status, DCD), for the same-key-same-body check. */
  body: unknown;
  dcdId: string;
  /** The version of the DCD the record was validated with: it is relayed with that one. */
  dcdVersion: string;
  /** The normalized record (from the DCD validation). */
  record: DcdRecord;
  draft: boolean;
  /** The canonical business key string; null for a draft. Only its keyed hash is stored. */
  businessKey: string | null;
}

export type EnqueueResult =
  | { outcome: "created" | "replayed" | "requeued"; view: RegistrationRecordView }
  | { outcome: "conflict" }
  | { outcome: "queue_full"; queued: number };

export type RemoveResult =
  | { outcome: "deleted"; view: RegistrationRecordView }
  | { outcome: "not_found" }
  | { outcome: "delivered"; view: RegistrationRecordView }
  | { outcome: "in_progress" };

interface Row extends Record<string, SqlStorageValue> {
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

interface HospitalRow extends Record<string, SqlStorageValue> {
  paused_until: number;
  needs_it: number;
  error_code: OutboxErrorCode | null;
  error_params: string | null;
  since: number | null;
  pause_count: number;
}

interface Tools {
  config: WorkerConfig;
  dcds: DcdCatalogue;
  cipher: RecordCipher;
  hash: KeyedHash;
  client: Hd4dpClient;
}

/** Registrations delivered per alarm run, and how many at once. */
const BATCH_SIZE = 50;
const CONCURRENCY = 4;
/** When the configuration is broken, or lacks a registration's DCD or key, look again then. */
const CONFIG_RETRY_MS = 60_000;
/** HD4DP's list of submitted records is read at most this often per DCD. */
const STATUS_CHECK_INTERVAL_MS = 60_000;
/** Values re-sealed with the current key per alarm run, after a key rotation. */
const RESEAL_BATCH = 200;

/** Every sealed column, and the additional data that binds a value to its row and role. */
const SEALED_COLUMNS = [
  {
    table: "registrations",
    column: "record_sealed",
    key: "id",
    aad: (id: string) => `record:${id}`,
  },
  {
    table: "registrations",
    column: "business_key_sealed",
    key: "id",
    aad: (id: string) => `business-key:${id}`,
  },
  {
    table: "registrations",
    column: "error_detail_sealed",
    key: "id",
    aad: (id: string) => `error-detail:${id}`,
  },
  {
    table: "delivered_keys",
    column: "business_key_sealed",
    key: "business_key_hash",
    aad: (hash: string) => `delivered-key:${hash}`,
  },
] as const;

const [RECORD, REGISTRATION_KEY, ERROR_DETAIL, DELIVERED_KEY] = SEALED_COLUMNS;

export class Outbox extends DurableObject<Env> {
  readonly #sql: SqlStorage;
  /** Ids being sent right now: not picked twice, not deletable mid-flight. */
  readonly #inFlight = new Set<string>();
  #tools: Promise<Tools> | null = null;
  /** HD4DP's submitted records per DCD, by business key, with when they were read. */
  readonly #submitted = new Map<string, { at: number; records: Map<string, SubmittedRecord> }>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => {
      migrateOutbox(this.#sql);
      // A restart (deploy, eviction, crash) must not strand queued registrations, nor
      // values sealed with a key that was just rotated out.
      await this.#armAlarm();
      try {
        const current = loadConfig(env).encryptionKeys[0];
        if (current && this.#countSealedWithOldKeys(sealedPrefix(current.id)) > 0) {
          await this.#armAt(Date.now());
        }
      } catch {
        // A broken configuration: the first request says what to fix.
      }
    });
  }

  async enqueue(input: EnqueueInput): Promise<EnqueueResult> {
    const { cipher, hash, config } = await this.#getTools();
    const idempotencyHash = await hash(`idempotency:${input.idempotencyKey}`);
    const bodyHash = await hash(`body:${canonicalJson(input.body)}`);
    const existing = this.#row("idempotency_hash", idempotencyHash);
    if (existing) {
      if (existing.body_hash !== bodyHash) return { outcome: "conflict" };
      if (existing.state === "failed" && existing.record_sealed !== null) {
        // The same registration sent again after HD4DP rejected it (its rules or code lists
        // may have been fixed since): queue it again, with its sealed record.
        this.#sql.exec(
          `UPDATE registrations SET state = 'queued', error_code = NULL, error_params = NULL,
             error_detail_sealed = NULL, next_attempt_at = ?, updated_at = ? WHERE id = ?`,
          Date.now(),
          Date.now(),
          existing.id,
        );
        this.#addEvent(existing.id, "requeued");
        await this.#armAlarm();
        return { outcome: "requeued", view: await this.#view(this.#mustRow(existing.id), cipher) };
      }
      return { outcome: "replayed", view: await this.#view(existing, cipher) };
    }
    const queued = this.#count("state = 'queued'");
    if (queued >= config.queueMax) return { outcome: "queue_full", queued };
    const id = crypto.randomUUID();
    // Per DCD, not per version: a record resent under a newer version corrects the first.
    const businessKeyHash =
      input.businessKey === null
        ? null
        : await hash(`business-key:${input.dcdId}:${input.businessKey}`);
    const sealed = await cipher.seal(RECORD.aad(id), input.record);
    // Re-check after the awaits above: another request with this key may have landed.
    if (this.#row("idempotency_hash", idempotencyHash)) return this.enqueue(input);
    const now = Date.now();
    this.#sql.exec(
      `INSERT INTO registrations (id, idempotency_hash, body_hash, dcd_id, dcd_version, draft,
         business_key_hash, state, record_sealed, attempts, created_at, updated_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, 0, ?, ?, ?)`,
      id,
      idempotencyHash,
      bodyHash,
      input.dcdId,
      input.dcdVersion,
      input.draft ? 1 : 0,
      businessKeyHash,
      sealed,
      now,
      now,
      now,
    );
    this.#addEvent(id, "queued");
    await this.#armAlarm();
    logEvent("registration.queued", { registrationId: id, state: "queued" });
    return { outcome: "created", view: await this.#view(this.#mustRow(id), cipher) };
  }

  async read(id: string): Promise<RegistrationRecordView | null> {
    await this.#armAlarm();
    const tools = await this.#getTools();
    const row = this.#row("id", id);
    return row ? this.#view(await this.#refreshFromRegistry(row, tools), tools.cipher) : null;
  }

  async remove(id: string): Promise<RemoveResult> {
    await this.#armAlarm();
    const { cipher } = await this.#getTools();
    const row = this.#row("id", id);
    if (!row) return { outcome: "not_found" };
    if (row.state === "open" || row.state === "sent") {
      return { outcome: "delivered", view: await this.#view(row, cipher) };
    }
    if (this.#inFlight.has(id)) return { outcome: "in_progress" };
    if (row.state !== "deleted") {
      this.#sql.exec(
        `UPDATE registrations SET state = 'deleted', record_sealed = NULL,
           error_detail_sealed = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ?`,
        Date.now(),
        id,
      );
      this.#addEvent(id, "deleted");
      logEvent("registration.deleted", { registrationId: id, state: "deleted" });
    }
    return { outcome: "deleted", view: await this.#view(this.#mustRow(id), cipher) };
  }

  /** What hospital IT needs to know: counts, a "needs IT" pause, values waiting for a key. */
  async health(): Promise<OutboxHealth> {
    const { cipher } = await this.#getTools();
    const hospital = this.#hospital();
    const now = Date.now();
    const paused = hospital.paused_until > now || hospital.pause_count > 0;
    return {
      queued: this.#count("state = 'queued'"),
      failed: this.#count("state = 'failed'"),
      pause:
        paused && hospital.error_code !== null
          ? {
              code: hospital.error_code,
              params: parseParams(hospital.error_params),
              needsIt: hospital.needs_it === 1,
              since: hospital.since ?? now,
              until: hospital.paused_until,
            }
          : null,
      waiting: {
        dcdUnavailable: this.#count(
          "state = 'queued' AND error_code IN ('dcd_unavailable', 'dcd_not_relayable')",
        ),
        keyMissing: this.#count("state = 'queued' AND error_code = 'key_missing'"),
      },
      sealedWithOldKeys: this.#countSealedWithOldKeys(cipher.currentPrefix),
    };
  }

  override async alarm(): Promise<void> {
    try {
      const tools = await this.#getTools();
      await this.#deliverDue(tools);
      await this.#resealOldValues(tools.cipher);
      this.#purgeFinished(Date.now(), tools.config.retentionMs);
    } catch (error) {
      const errorName = error instanceof Error ? error.name : "unknown";
      logError("outbox.alarm_failed", { errorName });
      if (errorName === "ConfigError") {
        await this.#armAt(Date.now() + CONFIG_RETRY_MS);
        return;
      }
    }
    await this.#armAlarm();
  }

  /**
   * Deletes what the retention period no longer covers: finished registrations with their
   * history, and the sealed record of a failed one. Runs from the alarm; `now` is a
   * parameter so tests can play a month.
   */
  purgeFinished(now: number, retentionMs: number): number {
    const before = now - retentionMs;
    const old = "state IN ('sent', 'open', 'deleted', 'failed') AND updated_at < ?";
    this.#sql.exec(
      `DELETE FROM registration_events WHERE registration_id IN (SELECT id FROM registrations WHERE ${old})`,
      before,
    );
    return this.#sql.exec(`DELETE FROM registrations WHERE ${old}`, before).rowsWritten;
  }

  #purgeFinished(now: number, retentionMs: number): void {
    const purged = this.purgeFinished(now, retentionMs);
    if (purged > 0) logEvent("outbox.purged", { count: purged });
  }

  async #deliverDue(tools: Tools): Promise<void> {
    if (this.#hospital().paused_until > Date.now()) return;
    // Due registrations, oldest first; one waits while an older registration of the same
    // business key is still queued, so the older one is sent first and the newer one goes
    // as its correction. Ids only: each row is read again when its turn comes.
    const due = this.#sql
      .exec<{ id: string }>(
        `SELECT r.id FROM registrations AS r
         WHERE r.state = 'queued' AND r.next_attempt_at <= ?
           AND NOT EXISTS (
             SELECT 1 FROM registrations AS older
             WHERE r.business_key_hash IS NOT NULL
               AND older.business_key_hash = r.business_key_hash
               AND older.state = 'queued' AND older.seq < r.seq)
         ORDER BY r.next_attempt_at, r.seq LIMIT ?`,
        Date.now(),
        BATCH_SIZE + this.#inFlight.size,
      )
      .toArray()
      .map((row) => row.id)
      .filter((id) => !this.#inFlight.has(id))
      .slice(0, BATCH_SIZE);
    let next = 0;
    // After a pause, one registration probes alone; the others follow once it went through.
    if (this.#hospital().pause_count > 0 && due.length > 0) {
      await this.#deliverOne(due[next++] as string, tools);
      if (this.#hospital().pause_count > 0) return;
    }
    const lane = async () => {
      while (next < due.length) {
        const id = due[next++] as string;
        if (this.#hospital().paused_until > Date.now()) return;
        await this.#deliverOne(id, tools);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  }

  async #deliverOne(id: string, tools: Tools): Promise<void> {
    const { cipher } = tools;
    this.#inFlight.add(id);
    try {
      // Read the row again now that it is in flight, in the same synchronous step: while it
      // waited in the batch, remove() could still delete it (it refuses only ids in flight),
      // and a deleted registration must never be sent from a stale copy.
      const row = this.#one<Row>(
        "SELECT * FROM registrations WHERE id = ? AND state = 'queued'",
        id,
      );
      if (!row) return;
      const fields = { registrationId: row.id, dcdId: row.dcd_id, dcdVersion: row.dcd_version };
      // Nothing is sent, so no attempt is counted, while the DCD or the key is not there.
      const relay = relayWith(tools.dcds, row);
      if (relay === null || relay instanceof ConfigError) {
        const dcd = { dcd: row.dcd_id, version: row.dcd_version };
        this.#wait(
          row.id,
          relay === null
            ? { code: "dcd_unavailable", params: dcd }
            : {
                code: "dcd_not_relayable",
                params: { ...dcd, problem: relay.problem, fix: relay.fix },
              },
        );
        logError("registration.dcd_unavailable", { ...fields, state: "queued" });
        return;
      }
      if (row.record_sealed === null) {
        this.#fail(row.id, { code: "record_missing", params: {} }, null);
        return;
      }
      let record: DcdRecord;
      let correctionOf: string | undefined;
      try {
        record = (await cipher.open(RECORD.aad(row.id), row.record_sealed)) as DcdRecord;
        const delivered = this.#deliveredKey(row);
        if (delivered) {
          correctionOf = await openString(
            cipher,
            DELIVERED_KEY.aad(delivered.hash),
            delivered.sealed,
          );
        }
      } catch (error) {
        if (!(error instanceof KeyMissingError)) throw error;
        this.#wait(row.id, { code: "key_missing", params: { keyId: error.keyId } });
        logError("registration.key_missing", { ...fields, state: "queued" });
        return;
      }
      const draft = row.draft === 1;
      const attempts = row.attempts + 1;
      // Counted before sending, so a crash mid-request still shows as an attempt.
      this.#sql.exec(
        "UPDATE registrations SET attempts = ?, updated_at = ? WHERE id = ?",
        attempts,
        Date.now(),
        row.id,
      );
      const delivery = {
        dcdId: row.dcd_id,
        dcdVersion: row.dcd_version,
        registrationId: row.id,
        payload: submitPayload(relay.dcd, relay.ids, record, draft),
      };
      let decision = this.#decide(
        await tools.client.deliver(
          correctionOf === undefined ? delivery : { ...delivery, correctionOf },
        ),
        attempts,
        draft,
        tools,
      );
      if (decision.kind === "resubmit") {
        // HD4DP no longer holds the key it gave (withdrawn there, or reinstalled): the
        // record goes as new, once, and the history says so.
        this.#forgetDeliveredKey(row);
        this.#addEvent(row.id, "correction_not_found_resubmitted");
        decision = this.#decide(await tools.client.deliver(delivery), attempts, draft, tools);
      }
      await this.#apply(row, decision, cipher);
      logEvent(`registration.${decision.kind}`, { ...fields, attempts });
    } finally {
      this.#inFlight.delete(id);
    }
  }

  #decide(
    outcome: Awaited<ReturnType<Hd4dpClient["deliver"]>>,
    attempts: number,
    draft: boolean,
    { config }: Tools,
  ): Decision {
    return nextDeliveryState(outcome, {
      now: Date.now(),
      attempts,
      draft,
      pauseCount: this.#hospital().pause_count,
      policy: {
        retryBaseMs: config.retryBaseMs,
        retryMaxMs: config.retryMaxMs,
        retryAfterMaxMs: config.retryAfterMaxMs,
      },
      random: Math.random,
    });
  }

  async #apply(row: Row, decision: Decision, cipher: RecordCipher): Promise<void> {
    switch (decision.kind) {
      case "delivered": {
        // Sealed first: leaving `queued` and remembering the key must happen in one
        // synchronous step, or a newer registration of this key could be sent as new.
        const { businessKey } = decision;
        const sealedKey =
          businessKey === null
            ? null
            : await cipher.seal(REGISTRATION_KEY.aad(row.id), businessKey);
        const remember = decision.state === "sent" && row.business_key_hash !== null;
        const sealedDelivered =
          remember && businessKey !== null
            ? await cipher.seal(DELIVERED_KEY.aad(row.business_key_hash as string), businessKey)
            : null;
        const changed = this.#sql.exec(
          `UPDATE registrations SET state = ?, business_key_sealed = ?, registration_code = ?,
             error_code = NULL, error_params = NULL, error_detail_sealed = NULL,
             record_sealed = NULL, next_attempt_at = NULL, updated_at = ?
           WHERE id = ? AND state = 'queued'`,
          decision.state,
          sealedKey,
          decision.registrationCode ?? null,
          Date.now(),
          row.id,
        ).rowsWritten;
        if (changed === 0) return;
        if (sealedDelivered !== null) {
          this.#sql.exec(
            `INSERT INTO delivered_keys (business_key_hash, business_key_sealed, registration_id, updated_at)
             VALUES (?, ?, ?, ?)
             ON CONFLICT (business_key_hash) DO UPDATE SET
               business_key_sealed = excluded.business_key_sealed,
               registration_id = excluded.registration_id, updated_at = excluded.updated_at`,
            row.business_key_hash,
            sealedDelivered,
            row.id,
            Date.now(),
          );
        }
        this.#addEvent(row.id, decision.state);
        // A success speaks for the whole registry: whatever paused the outbox is over.
        this.#sql.exec(
          `UPDATE hospital_state SET paused_until = 0, needs_it = 0, error_code = NULL,
             error_params = NULL, since = NULL, pause_count = 0`,
        );
        return;
      }
      case "retry":
        this.#retryAt(row.id, decision.error, decision.at);
        return;
      case "pause": {
        const hospital = this.#hospital();
        const { code, params } = decision.error;
        this.#sql.exec(
          `UPDATE hospital_state SET paused_until = ?, needs_it = ?, error_code = ?,
             error_params = ?, since = ?, pause_count = pause_count + 1`,
          decision.until,
          decision.needsIt ? 1 : 0,
          code,
          JSON.stringify(params),
          hospital.error_code === code && hospital.since !== null ? hospital.since : Date.now(),
        );
        this.#retryAt(row.id, decision.error, decision.until);
        if (decision.needsIt) logError("outbox.needs_it", { registrationId: row.id, code });
        return;
      }
      case "failed": {
        const detail = await cipher.seal(ERROR_DETAIL.aad(row.id), decision.detail);
        this.#fail(row.id, decision.error, detail);
        return;
      }
      case "resubmit":
        // Only once per attempt (#deliverOne): a second 404 to a POST is an api_not_found.
        throw new Error("a resubmission was answered as a correction");
    }
  }

  /** Stays queued, no attempt counted: waits for IT (a DCD, a key) and looks again later. */
  #wait(id: string, error: { code: OutboxErrorCode; params: DeliveryErrorParams }): void {
    this.#retryAt(id, error, Date.now() + CONFIG_RETRY_MS);
  }

  #retryAt(
    id: string,
    error: { code: OutboxErrorCode; params: DeliveryErrorParams },
    at: number,
  ): void {
    this.#sql.exec(
      `UPDATE registrations SET error_code = ?, error_params = ?, next_attempt_at = ?, updated_at = ?
       WHERE id = ? AND state = 'queued'`,
      error.code,
      JSON.stringify(error.params),
      at,
      Date.now(),
      id,
    );
  }

  /** HD4DP rejected the record: it is kept, sealed, so the same request can queue it again. */
  #fail(
    id: string,
    error: DeliveryError | { code: OutboxErrorCode; params: DeliveryErrorParams },
    detail: ArrayBuffer | null,
  ): void {
    const changed = this.#sql.exec(
      `UPDATE registrations SET state = 'failed', error_code = ?, error_params = ?,
         error_detail_sealed = ?, next_attempt_at = NULL, updated_at = ?
       WHERE id = ? AND state = 'queued'`,
      error.code,
      JSON.stringify(error.params),
      detail,
      Date.now(),
      id,
    ).rowsWritten;
    if (changed > 0) this.#addEvent(id, "failed");
  }

  #deliveredKey(row: Row): { hash: string; sealed: ArrayBuffer } | null {
    if (row.business_key_hash === null || row.draft === 1) return null;
    const found = this.#one<{ business_key_sealed: ArrayBuffer }>(
      "SELECT business_key_sealed FROM delivered_keys WHERE business_key_hash = ?",
      row.business_key_hash,
    );
    return found ? { hash: row.business_key_hash, sealed: found.business_key_sealed } : null;
  }

  #forgetDeliveredKey(row: Row): void {
    if (row.business_key_hash === null) return;
    this.#sql.exec("DELETE FROM delivered_keys WHERE business_key_hash = ?", row.business_key_hash);
  }

  /**
   * A delivered registration changes in HD4DP (completed there, withdrawn there): GET shows
   * what HD4DP's list of submitted records says, read at most once a minute per DCD; a
   * failed read changes nothing. A withdrawal also forgets the delivered key, so the same
   * operation registered again is sent as new. Only registrations holding the registry's
   * business key can be matched: HD4DP gives drafts none.
   */
  async #refreshFromRegistry(row: Row, tools: Tools): Promise<Row> {
    if ((row.state !== "open" && row.state !== "sent") || row.business_key_sealed === null) {
      return row;
    }
    let businessKey: string;
    try {
      businessKey = await openString(
        tools.cipher,
        REGISTRATION_KEY.aad(row.id),
        row.business_key_sealed,
      );
    } catch {
      return row;
    }
    const records = await this.#submittedRecords(row.dcd_id, tools);
    const found = records?.get(businessKey);
    if (!found) return row;
    const { status, registrationCode } = found;
    if (status === "deleted" || (status === "sent" && row.state === "open")) {
      this.#sql.exec(
        `UPDATE registrations SET state = ?, registration_code = coalesce(?, registration_code),
           updated_at = ? WHERE id = ? AND state = ?`,
        status,
        registrationCode ?? null,
        Date.now(),
        row.id,
        row.state,
      );
      if (status === "deleted") {
        this.#sql.exec(
          "DELETE FROM delivered_keys WHERE business_key_hash = ? AND registration_id = ?",
          row.business_key_hash,
          row.id,
        );
      }
      this.#addEvent(row.id, status === "deleted" ? "withdrawn_in_registry" : "sent_in_registry");
      logEvent("registration.status_changed", { registrationId: row.id, state: status });
    } else if (registrationCode !== undefined && registrationCode !== row.registration_code) {
      this.#sql.exec(
        "UPDATE registrations SET registration_code = ?, updated_at = ? WHERE id = ?",
        registrationCode,
        Date.now(),
        row.id,
      );
    }
    return this.#mustRow(row.id);
  }

  async #submittedRecords(
    dcdId: string,
    tools: Tools,
  ): Promise<Map<string, SubmittedRecord> | null> {
    const cached = this.#submitted.get(dcdId);
    if (cached && Date.now() - cached.at < STATUS_CHECK_INTERVAL_MS) return cached.records;
    // Marked before asking, so concurrent GETs do not ask twice.
    const entry = { at: Date.now(), records: cached?.records ?? new Map() };
    this.#submitted.set(dcdId, entry);
    const list = await tools.client.submittedList(dcdId);
    if (list === null) {
      logEvent("registration.status_unavailable", { dcdId });
      return cached?.records ?? null;
    }
    entry.records = new Map(
      list.filter((r) => r.businessKey !== "").map((r) => [r.businessKey, r]),
    );
    return entry.records;
  }

  async #view(row: Row, cipher: RecordCipher): Promise<RegistrationRecordView> {
    const open = async (column: (typeof SEALED_COLUMNS)[number], value: ArrayBuffer | null) => {
      if (value === null) return undefined;
      try {
        return await openString(cipher, column.aad(row.id), value);
      } catch {
        // A key not configured any more: the rest of the view still holds.
        return undefined;
      }
    };
    const businessKey = await open(REGISTRATION_KEY, row.business_key_sealed);
    const detail = await open(ERROR_DETAIL, row.error_detail_sealed);
    const history = this.#sql
      .exec<{ at: number; event: string }>(
        "SELECT at, event FROM registration_events WHERE registration_id = ? ORDER BY at, rowid",
        row.id,
      )
      .toArray();
    return {
      id: row.id,
      state: row.state,
      status: row.draft === 1 ? "draft" : "submit",
      ...(businessKey ? { businessKey } : {}),
      ...(row.registration_code ? { registrationCode: row.registration_code } : {}),
      attempts: row.attempts,
      ...(row.error_code
        ? {
            error: {
              code: row.error_code,
              params: parseParams(row.error_params),
              ...(detail === undefined ? {} : { detail }),
            },
          }
        : {}),
      history: history.map((e) => ({ at: new Date(e.at).toISOString(), event: e.event })),
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  /** After a key rotation: re-seals, a batch per alarm, what an older key sealed. */
  async #resealOldValues(cipher: RecordCipher): Promise<void> {
    let resealed = 0;
    for (const column of SEALED_COLUMNS) {
      const rows = this.#sql
        .exec<{ ref: string; value: ArrayBuffer }>(
          `SELECT ${column.key} AS ref, ${column.column} AS value FROM ${column.table}
           WHERE ${column.column} IS NOT NULL AND substr(${column.column}, 1, ?) != ? LIMIT ?`,
          cipher.currentPrefix.length,
          cipher.currentPrefix.buffer,
          RESEAL_BATCH,
        )
        .toArray();
      for (const { ref, value } of rows) {
        let plain: unknown;
        try {
          plain = await cipher.open(column.aad(ref), value);
        } catch {
          continue; // its key is not configured: health() counts it for IT
        }
        const sealed = await cipher.seal(column.aad(ref), plain);
        this.#sql.exec(
          `UPDATE ${column.table} SET ${column.column} = ? WHERE ${column.key} = ? AND ${column.column} = ?`,
          sealed,
          ref,
          value,
        );
        resealed++;
      }
    }
    if (resealed > 0) {
      logEvent("outbox.resealed", { count: resealed });
      if (this.#countSealedWithOldKeys(cipher.currentPrefix) > 0) {
        await this.#armAt(Date.now() + 1000);
      }
    }
  }

  #countSealedWithOldKeys(currentPrefix: Uint8Array<ArrayBuffer>): number {
    let count = 0;
    for (const column of SEALED_COLUMNS) {
      count +=
        this.#one<{ n: number }>(
          `SELECT count(*) AS n FROM ${column.table}
           WHERE ${column.column} IS NOT NULL AND substr(${column.column}, 1, ?) != ?`,
          currentPrefix.length,
          currentPrefix.buffer,
        )?.n ?? 0;
    }
    return count;
  }

  /** Sets the alarm to the next due delivery or purge, unless it is already set earlier. */
  async #armAlarm(): Promise<void> {
    const next = this.#one<{ at: number | null }>(
      "SELECT MIN(next_attempt_at) AS at FROM registrations WHERE state = 'queued'",
    );
    const candidates: number[] = [];
    if (next?.at !== null && next?.at !== undefined) {
      candidates.push(Math.max(next.at, this.#hospital().paused_until));
    }
    const finished = this.#one<{ at: number | null }>(
      "SELECT MIN(updated_at) AS at FROM registrations WHERE state IN ('sent', 'open', 'deleted', 'failed')",
    );
    if (finished?.at !== null && finished?.at !== undefined) {
      try {
        candidates.push(finished.at + loadConfig(this.env).retentionMs + 1);
      } catch {
        // A broken configuration: the alarm is armed again once it is fixed.
      }
    }
    if (candidates.length > 0) await this.#armAt(Math.min(...candidates));
  }

  async #armAt(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  #addEvent(id: string, event: string): void {
    this.#sql.exec(
      "INSERT INTO registration_events (registration_id, at, event) VALUES (?, ?, ?)",
      id,
      Date.now(),
      event,
    );
  }

  #hospital(): HospitalRow {
    return this.#one<HospitalRow>("SELECT * FROM hospital_state WHERE id = 1") as HospitalRow;
  }

  #count(where: string): number {
    return (
      this.#one<{ n: number }>(`SELECT count(*) AS n FROM registrations WHERE ${where}`)?.n ?? 0
    );
  }

  #row(column: "id" | "idempotency_hash", value: string): Row | null {
    return this.#one<Row>(`SELECT * FROM registrations WHERE ${column} = ?`, value);
  }

  #mustRow(id: string): Row {
    const row = this.#row("id", id);
    if (!row) throw new Error("registration vanished");
    return row;
  }

  #one<T extends Record<string, SqlStorageValue>>(
    query: string,
    ...bindings: SqlStorageValue[]
  ): T | null {
    return this.#sql.exec<T>(query, ...bindings).toArray()[0] ?? null;
  }

  #getTools(): Promise<Tools> {
    this.#tools ??= (async () => {
      const config = loadConfig(this.env);
      return {
        config,
        dcds: await loadDcdCatalogue(this.env),
        cipher: await createRecordCipher(config.encryptionKeys),
        hash: await createKeyedHash(config.hmacKey),
        client: new Hd4dpClient({
          registryUrl: config.registryUrl,
          tokenUrl: config.registryTokenUrl,
          clientId: config.registryClientId,
          clientSecret: config.registryClientSecret,
          organizationId: config.registryOrganizationId,
          timeoutMs: config.registryTimeoutMs,
          ...(config.registryAccess
            ? {
                extraHeaders: {
                  "CF-Access-Client-Id": config.registryAccess.clientId,
                  "CF-Access-Client-Secret": config.registryAccess.clientSecret,
                },
              }
            : {}),
        }),
      };
    })();
    // A failed setup (bad configuration) is retried at the next call, not cached.
    this.#tools.catch(() => {
      this.#tools = null;
    });
    return this.#tools;
  }
}

/**
 * The DCD version a registration was validated with and its S2S ids; null when that version
 * is not configured, the ConfigError when it cannot be relayed (no item ids).
 */
function relayWith(
  dcds: DcdCatalogue,
  row: Row,
): { dcd: Dcd; ids: S2sCodeIds } | ConfigError | null {
  const configured = dcds.find(row.dcd_id, row.dcd_version);
  if (!configured) return null;
  try {
    return { dcd: configured.dcd, ids: configured.s2sCodeIds() };
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

async function openString(cipher: RecordCipher, aad: string, sealed: ArrayBuffer): Promise<string> {
  const value = await cipher.open(aad, sealed);
  if (typeof value !== "string") throw new TypeError("sealed value is not a string");
  return value;
}

function parseParams(text: string | null): DeliveryErrorParams {
  if (text === null) return {};
  try {
    return JSON.parse(text) as DeliveryErrorParams;
  } catch {
    return {};
  }
}
