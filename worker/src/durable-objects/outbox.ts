// The durable outbox of one hospital (one instance per hospital: idFromName(hospitalId)).
// A registration is written here, its record encrypted, before the API answers 202; an
// alarm then delivers it to HD4DP with retries. All state is in SQLite, so a restart or
// eviction loses nothing: the constructor re-arms the alarm when work is due.
//
// States: queued -> open (draft accepted) | sent (submitted) | failed (refused by HD4DP);
// queued|failed -> deleted (DELETE before delivery); open|sent -> deleted or open -> sent
// when HD4DP says so (a GET asks it, see #refreshFromRegistry). The record is deleted once
// the registration leaves `queued`; id, state, the registry's business key and
// registration code, attempts, lastError and timestamps stay.
//
// Exactly once per business key: delivered business keys are remembered as keyed hashes
// (they contain the NISS), so a resubmission is sent as a correction (PUT), and two
// registrations of one business key are never in flight together.
//
// The registry's own business key may contain the NISS too (hd4dp-contract.ts, ASSUMED):
// it is kept only encrypted, like the record, in registrations.business_key_sealed and
// delivered_keys.business_key_sealed.
//
// A registration is relayed with the DCD version it was validated with (dcd_id,
// dcd_version), looked up among the configured DCDs when its turn comes. Once that version is
// no longer configured (or cannot be relayed), it waits, queued, for hospital IT to put it
// back: changing the DCDs never loses or fails a registration.

import { DurableObject } from "cloudflare:workers";
import type { Dcd, DcdRecord } from "../../../shared-schema/src/dcd.ts";
import type { S2sCodeIds } from "../../../shared-schema/src/s2s/s2s-code-ids.ts";
import { ConfigError, loadConfig, type WorkerConfig } from "../config/load-config.ts";
import { canonicalJson } from "../crypto/canonical-json.ts";
import { createKeyedHash, type KeyedHash } from "../crypto/create-keyed-hash.ts";
import { packSealed, unpackSealed } from "../crypto/pack-sealed.ts";
import { createRecordCipher, type RecordCipher } from "../crypto/record-cipher.ts";
import { type DcdCatalogue, loadDcdCatalogue } from "../dcd/load-dcd-catalogue.ts";
import { logError, logEvent } from "../log/log-event.ts";
import { backoffDelay } from "../outbox/backoff-delay.ts";
import { Hd4dpClient } from "../registry/hd4dp-client.ts";
import { submitPayload } from "../registry/hd4dp-contract.ts";
import type { RegistrationState, RegistrationView } from "../schemas/api-schemas.ts";

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
  | { outcome: "created" | "replayed"; view: RegistrationView }
  | { outcome: "conflict" };

export type RemoveResult =
  | { outcome: "deleted"; view: RegistrationView }
  | { outcome: "not_found" }
  | { outcome: "delivered"; view: RegistrationView }
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
  record_iv: ArrayBuffer | null;
  record_ciphertext: ArrayBuffer | null;
  /** The registry's business key, IV + AES-GCM ciphertext (pack-sealed.ts). */
  business_key_sealed: ArrayBuffer | null;
  registration_code: string | null;
  attempts: number;
  /** Attempts the registry answered by refusing the worker's credentials. */
  credential_refusals: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  next_attempt_at: number | null;
  /** When a GET last asked HD4DP for this registration's status. */
  status_checked_at: number | null;
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
/** When the configuration is broken, or lacks a queued registration's DCD, look again then. */
const CONFIG_RETRY_MS = 60_000;
/**
 * Refusals of the worker's credentials (a 401 with a fresh token, or a refused token
 * request) before a registration fails. Retrying rides out hospital IT rotating the
 * credentials; the bound ends a wrong secret with a clear message instead of retrying
 * forever (issue 3: 4xx other than 401-then-renew do not retry).
 */
const MAX_CREDENTIAL_REFUSALS = 10;
/** A GET asks HD4DP for a delivered registration's status at most this often. */
const STATUS_CHECK_INTERVAL_MS = 60_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS registrations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  idempotency_hash TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  dcd_id TEXT NOT NULL,
  dcd_version TEXT NOT NULL,
  draft INTEGER NOT NULL,
  business_key_hash TEXT,
  state TEXT NOT NULL,
  record_iv BLOB,
  record_ciphertext BLOB,
  business_key_sealed BLOB,
  registration_code TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  credential_refusals INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  next_attempt_at INTEGER,
  status_checked_at INTEGER
);
CREATE INDEX IF NOT EXISTS registrations_due ON registrations (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS registrations_key ON registrations (business_key_hash, state);
CREATE TABLE IF NOT EXISTS delivered_keys (
  business_key_hash TEXT PRIMARY KEY,
  business_key_sealed BLOB NOT NULL,
  registration_id TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

/** Columns added since the first schema: an outbox created before gets them on start. */
const ADDED_COLUMNS = [
  ["registrations", "business_key_sealed", "BLOB"],
  ["registrations", "credential_refusals", "INTEGER NOT NULL DEFAULT 0"],
  ["registrations", "status_checked_at", "INTEGER"],
  // Before versions were stored the worker had one DCD, SPIN_SURG 0.1.0: older rows are its.
  ["registrations", "dcd_version", "TEXT NOT NULL DEFAULT '0.1.0'"],
  ["delivered_keys", "business_key_sealed", "BLOB"],
] as const;

export class Outbox extends DurableObject<Env> {
  readonly #sql: SqlStorage;
  /** Ids being sent right now: not picked twice, not deletable mid-flight. */
  readonly #inFlight = new Set<string>();
  #tools: Promise<Tools> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => {
      this.#sql.exec(SCHEMA);
      for (const [table, column, type] of ADDED_COLUMNS) {
        if (!this.#hasColumn(table, column)) {
          this.#sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
        }
      }
      // A restart (deploy, eviction, crash) must not strand queued registrations.
      await this.#armAlarm();
    });
  }

  async enqueue(input: EnqueueInput): Promise<EnqueueResult> {
    const { cipher, hash } = await this.#getTools();
    const idempotencyHash = await hash(`idempotency:${input.idempotencyKey}`);
    const bodyHash = await hash(`body:${canonicalJson(input.body)}`);
    const existing = this.#one(
      "SELECT * FROM registrations WHERE idempotency_hash = ?",
      idempotencyHash,
    );
    if (existing) {
      if (existing.body_hash !== bodyHash) return { outcome: "conflict" };
      return { outcome: "replayed", view: await this.#view(existing, cipher) };
    }
    const id = crypto.randomUUID();
    // Per DCD, not per version: a record resent under a newer version corrects the first.
    const businessKeyHash =
      input.businessKey === null
        ? null
        : await hash(`business-key:${input.dcdId}:${input.businessKey}`);
    const sealed = await cipher.seal(id, input.record);
    // Re-check after the awaits above: another request with this key may have landed.
    if (this.#one("SELECT id FROM registrations WHERE idempotency_hash = ?", idempotencyHash)) {
      return this.enqueue(input);
    }
    const now = Date.now();
    this.#sql.exec(
      `INSERT INTO registrations (id, idempotency_hash, body_hash, dcd_id, dcd_version, draft,
         business_key_hash, state, record_iv, record_ciphertext, attempts, created_at, updated_at,
         next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, 0, ?, ?, ?)`,
      id,
      idempotencyHash,
      bodyHash,
      input.dcdId,
      input.dcdVersion,
      input.draft ? 1 : 0,
      businessKeyHash,
      sealed.iv.buffer,
      sealed.ciphertext.buffer,
      now,
      now,
      now,
    );
    await this.#armAlarm();
    logEvent("registration.queued", { registrationId: id, state: "queued" });
    const row = this.#one("SELECT * FROM registrations WHERE id = ?", id);
    if (!row) throw new Error("registration vanished after insert");
    return { outcome: "created", view: await this.#view(row, cipher) };
  }

  async read(id: string): Promise<RegistrationView | null> {
    await this.#armAlarm();
    const tools = await this.#getTools();
    const row = this.#one("SELECT * FROM registrations WHERE id = ?", id);
    return row ? this.#view(await this.#refreshFromRegistry(row, tools), tools.cipher) : null;
  }

  async remove(id: string): Promise<RemoveResult> {
    await this.#armAlarm();
    const { cipher } = await this.#getTools();
    const row = this.#one("SELECT * FROM registrations WHERE id = ?", id);
    if (!row) return { outcome: "not_found" };
    if (row.state === "open" || row.state === "sent") {
      return { outcome: "delivered", view: await this.#view(row, cipher) };
    }
    if (this.#inFlight.has(id)) return { outcome: "in_progress" };
    if (row.state !== "deleted") {
      this.#sql.exec(
        `UPDATE registrations SET state = 'deleted', record_iv = NULL, record_ciphertext = NULL,
           next_attempt_at = NULL, updated_at = ? WHERE id = ?`,
        Date.now(),
        id,
      );
      logEvent("registration.deleted", { registrationId: id, state: "deleted" });
    }
    const updated = this.#one("SELECT * FROM registrations WHERE id = ?", id);
    if (!updated) return { outcome: "not_found" };
    return { outcome: "deleted", view: await this.#view(updated, cipher) };
  }

  override async alarm(): Promise<void> {
    try {
      await this.#deliverDue();
    } catch (error) {
      const errorName = error instanceof Error ? error.name : "unknown";
      logError("outbox.alarm_failed", { errorName });
      if (errorName === "ConfigError") {
        await this.ctx.storage.setAlarm(Date.now() + CONFIG_RETRY_MS);
        return;
      }
    }
    await this.#armAlarm();
  }

  async #deliverDue(): Promise<void> {
    const now = Date.now();
    if (this.#pausedUntil() > now) return;
    const tools = await this.#getTools();
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
        now,
        BATCH_SIZE + this.#inFlight.size,
      )
      .toArray()
      .map((row) => row.id)
      .filter((id) => !this.#inFlight.has(id))
      .slice(0, BATCH_SIZE);
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const id = due[next++];
        if (!id) return;
        if (this.#pausedUntil() > Date.now()) return;
        await this.#deliverOne(id, tools);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  async #deliverOne(id: string, tools: Tools): Promise<void> {
    const { config, cipher, client } = tools;
    this.#inFlight.add(id);
    try {
      // Read the row again now that it is in flight, in the same synchronous step: while it
      // waited in the batch, remove() could still delete it (it refuses only ids in flight),
      // and a deleted registration must never be sent from a stale copy.
      const row = this.#one("SELECT * FROM registrations WHERE id = ? AND state = 'queued'", id);
      if (!row) return;
      // Nothing is sent, so no attempt is counted, while the DCD is not there to send it with.
      const relay = relayWith(tools.dcds, row);
      if (relay instanceof ConfigError) {
        this.#scheduleRetry(
          row.id,
          `Waiting for the hospital's IT, nothing is lost: ${relay.message}`,
          CONFIG_RETRY_MS,
        );
        logError("registration.dcd_unavailable", {
          registrationId: row.id,
          state: "queued",
          dcdId: row.dcd_id,
          dcdVersion: row.dcd_version,
        });
        return;
      }
      const { dcd, ids } = relay;
      const attempts = row.attempts + 1;
      // Counted before sending, so a crash mid-request still shows as an attempt.
      this.#sql.exec(
        "UPDATE registrations SET attempts = ?, updated_at = ? WHERE id = ?",
        attempts,
        Date.now(),
        row.id,
      );
      if (!row.record_iv || !row.record_ciphertext) {
        this.#finish(row.id, "failed", {
          lastError: "The stored record is missing; submit it again.",
        });
        return;
      }
      const draft = row.draft === 1;
      const delivered =
        row.business_key_hash === null || draft
          ? null
          : this.#one<{ business_key_hash: string; business_key_sealed: ArrayBuffer }>(
              "SELECT business_key_hash, business_key_sealed FROM delivered_keys WHERE business_key_hash = ?",
              row.business_key_hash,
            );
      let payload: Record<string, unknown>;
      let correctionOf: string | undefined;
      try {
        const record = (await cipher.open(row.id, {
          iv: new Uint8Array(row.record_iv),
          ciphertext: new Uint8Array(row.record_ciphertext),
        })) as DcdRecord;
        payload = submitPayload(dcd, ids, record, draft);
        if (delivered) {
          correctionOf = await openBusinessKey(
            cipher,
            deliveredKeyAad(delivered.business_key_hash),
            delivered.business_key_sealed,
          );
        }
      } catch {
        // Retrying cannot help: a changed ENCRYPTION_KEY or a DCD change since it was queued.
        // The error's own message is not kept: it may quote a value of the record.
        this.#finish(row.id, "failed", {
          lastError:
            "The stored record could not be decrypted or converted for HD4DP; submit it again.",
        });
        logEvent("registration.failed", { registrationId: row.id, attempts, state: "failed" });
        return;
      }
      const outcome = await client.deliver({
        dcdId: dcd.id,
        registrationId: row.id,
        payload,
        ...(correctionOf === undefined ? {} : { correctionOf }),
      });
      const fields = { registrationId: row.id, attempts, httpStatus: outcome.httpStatus };
      switch (outcome.kind) {
        case "accepted": {
          const state = draft ? "open" : "sent";
          const businessKey = outcome.businessKey === "" ? null : outcome.businessKey;
          // Sealed first: leaving `queued` and remembering the key must happen in one
          // synchronous step, or a newer registration of this key could be sent as new.
          const sealedKey =
            businessKey === null
              ? null
              : await sealBusinessKey(cipher, registrationKeyAad(row.id), businessKey);
          const sealedDelivered =
            !draft && row.business_key_hash !== null && businessKey !== null
              ? await sealBusinessKey(cipher, deliveredKeyAad(row.business_key_hash), businessKey)
              : null;
          this.#finish(row.id, state, {
            businessKeySealed: sealedKey,
            registrationCode: outcome.registrationCode,
          });
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
          logEvent("registration.delivered", { ...fields, state });
          return;
        }
        case "rejected":
          this.#finish(row.id, "failed", {
            lastError:
              outcome.httpStatus === 403
                ? `${outcome.message} (HTTP 403: HD4DP refused the worker this request; ask the hospital's IT to check the rights of the worker's HD4DP client)`
                : outcome.message,
          });
          logEvent("registration.failed", { ...fields, state: "failed" });
          return;
        case "credentials_refused": {
          const refusals = row.credential_refusals + 1;
          // No patient data here: ids and counts only. It is an error: someone must act.
          logError("registry.credentials_refused", { ...fields, count: refusals });
          if (refusals >= MAX_CREDENTIAL_REFUSALS) {
            this.#finish(row.id, "failed", {
              lastError: `Not delivered: HD4DP refused the worker's credentials ${refusals} times (${outcome.reason}). Ask the hospital's IT to check the worker's HD4DP client credentials (REGISTRY_CLIENT_ID and REGISTRY_CLIENT_SECRET), then submit the registration again.`,
            });
            logEvent("registration.failed", { ...fields, state: "failed" });
            return;
          }
          this.#sql.exec(
            "UPDATE registrations SET credential_refusals = ? WHERE id = ?",
            refusals,
            row.id,
          );
          this.#scheduleRetry(
            row.id,
            `${outcome.reason}: HD4DP refuses the worker's credentials; retrying. Ask the hospital's IT to check the worker's HD4DP client credentials (REGISTRY_CLIENT_ID and REGISTRY_CLIENT_SECRET).`,
            backoffDelay(attempts, { baseMs: config.retryBaseMs, maxMs: config.retryMaxMs }),
          );
          logEvent("registration.retry", { ...fields, state: "queued" });
          return;
        }
        case "retry": {
          const delayMs = backoffDelay(attempts, {
            baseMs: config.retryBaseMs,
            maxMs: config.retryMaxMs,
            ...(outcome.retryAfterMs === undefined ? {} : { retryAfterMs: outcome.retryAfterMs }),
          });
          if (outcome.retryAfterMs !== undefined) {
            // 429/503 speak for the whole registry: hold every delivery, not just this one.
            this.#setPausedUntil(Date.now() + outcome.retryAfterMs);
          }
          this.#scheduleRetry(row.id, outcome.reason, delayMs);
          logEvent("registration.retry", { ...fields, state: "queued", delayMs });
          return;
        }
      }
    } finally {
      this.#inFlight.delete(id);
    }
  }

  #scheduleRetry(id: string, lastError: string, delayMs: number): void {
    this.#sql.exec(
      "UPDATE registrations SET last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'queued'",
      lastError,
      Date.now() + delayMs,
      Date.now(),
      id,
    );
  }

  /** Leaves `queued` for good: the encrypted record is deleted in the same statement. */
  #finish(
    id: string,
    state: "open" | "sent" | "failed",
    values: {
      businessKeySealed?: ArrayBuffer | null;
      registrationCode?: string | undefined;
      lastError?: string;
    },
  ): void {
    this.#sql.exec(
      `UPDATE registrations SET state = ?, business_key_sealed = ?, registration_code = ?,
         last_error = ?, record_iv = NULL, record_ciphertext = NULL, next_attempt_at = NULL,
         updated_at = ?
       WHERE id = ? AND state = 'queued'`,
      state,
      values.businessKeySealed ?? null,
      values.registrationCode ?? null,
      values.lastError ?? null,
      Date.now(),
      id,
    );
  }

  /**
   * Issue 3's GET shows where a registration stands, and HD4DP is where it changes once
   * delivered: a registration withdrawn in HD4DP itself (what DELETE's 409 tells users to
   * do) must not keep showing `sent`. So a GET asks HD4DP, at most once a minute per
   * registration, and a failed ask changes nothing. Only registrations holding the
   * registry's business key can be asked: HD4DP answers a draft with an empty one
   * (domain.md §2), so an `open` draft from this outbox cannot be looked up.
   */
  async #refreshFromRegistry(row: Row, tools: Tools): Promise<Row> {
    if ((row.state !== "open" && row.state !== "sent") || row.business_key_sealed === null) {
      return row;
    }
    const now = Date.now();
    if (now - (row.status_checked_at ?? row.updated_at) < STATUS_CHECK_INTERVAL_MS) return row;
    // Marked before asking, so concurrent GETs do not ask twice.
    this.#sql.exec("UPDATE registrations SET status_checked_at = ? WHERE id = ?", now, row.id);
    let businessKey: string;
    try {
      businessKey = await openBusinessKey(
        tools.cipher,
        registrationKeyAad(row.id),
        row.business_key_sealed,
      );
    } catch {
      return row;
    }
    const outcome = await tools.client.status(row.dcd_id, businessKey);
    if (outcome.kind === "unavailable") {
      logEvent("registration.status_unavailable", {
        registrationId: row.id,
        state: row.state,
        ...(outcome.httpStatus === undefined ? {} : { httpStatus: outcome.httpStatus }),
      });
      return row;
    }
    const { status, registrationCode } = outcome.status;
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
      logEvent("registration.status_changed", { registrationId: row.id, state: status });
    } else if (registrationCode !== undefined && registrationCode !== row.registration_code) {
      this.#sql.exec(
        "UPDATE registrations SET registration_code = ?, updated_at = ? WHERE id = ?",
        registrationCode,
        Date.now(),
        row.id,
      );
    }
    return this.#one<Row>("SELECT * FROM registrations WHERE id = ?", row.id) ?? row;
  }

  async #view(row: Row, cipher: RecordCipher): Promise<RegistrationView> {
    let businessKey: string | undefined;
    if (row.business_key_sealed !== null) {
      try {
        businessKey = await openBusinessKey(
          cipher,
          registrationKeyAad(row.id),
          row.business_key_sealed,
        );
      } catch {
        // A changed ENCRYPTION_KEY: the rest of the view still holds.
      }
    }
    return toView(row, businessKey);
  }

  /**
   * An outbox created before business keys were encrypted holds them in plain text, in a
   * `business_key` column of both tables: seal them and drop the columns. Runs as part of
   * #getTools, which every entry point awaits before reading a business key.
   */
  async #sealPlaintextBusinessKeys(cipher: RecordCipher): Promise<void> {
    if (this.#hasColumn("registrations", "business_key")) {
      const rows = this.#sql
        .exec<{ id: string; business_key: string | null }>(
          "SELECT id, business_key FROM registrations WHERE business_key IS NOT NULL AND business_key != ''",
        )
        .toArray();
      const sealed = await Promise.all(
        rows.map(async (r) => ({
          id: r.id,
          sealed: await sealBusinessKey(cipher, registrationKeyAad(r.id), String(r.business_key)),
        })),
      );
      for (const { id, sealed: value } of sealed) {
        this.#sql.exec("UPDATE registrations SET business_key_sealed = ? WHERE id = ?", value, id);
      }
      this.#sql.exec("ALTER TABLE registrations DROP COLUMN business_key");
    }
    if (this.#hasColumn("delivered_keys", "business_key")) {
      const rows = this.#sql
        .exec<{ business_key_hash: string; business_key: string }>(
          "SELECT business_key_hash, business_key FROM delivered_keys",
        )
        .toArray();
      const sealed = await Promise.all(
        rows.map(async (r) => ({
          hash: r.business_key_hash,
          sealed: await sealBusinessKey(
            cipher,
            deliveredKeyAad(r.business_key_hash),
            r.business_key,
          ),
        })),
      );
      for (const { hash, sealed: value } of sealed) {
        this.#sql.exec(
          "UPDATE delivered_keys SET business_key_sealed = ? WHERE business_key_hash = ?",
          value,
          hash,
        );
      }
      this.#sql.exec("ALTER TABLE delivered_keys DROP COLUMN business_key");
    }
  }

  #hasColumn(table: string, column: string): boolean {
    return (
      this.#one<{ n: number }>(
        "SELECT count(*) AS n FROM pragma_table_info(?) WHERE name = ?",
        table,
        column,
      )?.n === 1
    );
  }

  /** Sets the alarm to the next due delivery if it is not already set earlier. */
  async #armAlarm(): Promise<void> {
    const next = this.#one<{ at: number | null }>(
      "SELECT MIN(next_attempt_at) AS at FROM registrations WHERE state = 'queued'",
    );
    if (!next || next.at === null) return;
    const at = Math.max(next.at, this.#pausedUntil());
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  #pausedUntil(): number {
    return (
      this.#one<{ value: number }>("SELECT value FROM meta WHERE name = 'paused_until'")?.value ?? 0
    );
  }

  #setPausedUntil(at: number): void {
    this.#sql.exec(
      `INSERT INTO meta (name, value) VALUES ('paused_until', ?)
       ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)`,
      at,
    );
  }

  #one<T extends Record<string, SqlStorageValue> = Row>(
    query: string,
    ...bindings: SqlStorageValue[]
  ): T | null {
    return this.#sql.exec<T>(query, ...bindings).toArray()[0] ?? null;
  }

  #getTools(): Promise<Tools> {
    this.#tools ??= (async () => {
      const config = loadConfig(this.env);
      const dcds = await loadDcdCatalogue(this.env);
      const cipher = await createRecordCipher(config.encryptionKey);
      await this.#sealPlaintextBusinessKeys(cipher);
      return {
        config,
        dcds,
        cipher,
        hash: await createKeyedHash(config.encryptionKey),
        client: new Hd4dpClient({
          registryUrl: config.registryUrl,
          tokenUrl: config.registryTokenUrl,
          clientId: config.registryClientId,
          clientSecret: config.registryClientSecret,
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
 * The DCD version a registration was validated with and its S2S ids, or the ConfigError
 * saying what hospital IT must do first: put that version back, or give it item ids.
 */
function relayWith(dcds: DcdCatalogue, row: Row): { dcd: Dcd; ids: S2sCodeIds } | ConfigError {
  const configured = dcds.find(row.dcd_id, row.dcd_version);
  if (!configured) {
    return new ConfigError(
      "DCDS",
      `missing ${row.dcd_id} ${row.dcd_version}, the DCD this registration was validated with`,
      `put the file of ${row.dcd_id} ${row.dcd_version} back in the DCD folder and in DCDS, then deploy (docs/deploy.md, "Putting the official DCD in place"); the registration is sent within a minute.`,
    );
  }
  try {
    return { dcd: configured.dcd, ids: configured.s2sCodeIds() };
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

/**
 * Additional data binding a sealed business key to its row and its role, so a ciphertext
 * copied onto another row, or into the record columns, does not decrypt.
 */
function registrationKeyAad(registrationId: string): string {
  return `business-key:${registrationId}`;
}

function deliveredKeyAad(businessKeyHash: string): string {
  return `delivered-key:${businessKeyHash}`;
}

async function sealBusinessKey(
  cipher: RecordCipher,
  aad: string,
  businessKey: string,
): Promise<ArrayBuffer> {
  return packSealed(await cipher.seal(aad, businessKey));
}

async function openBusinessKey(
  cipher: RecordCipher,
  aad: string,
  sealed: ArrayBuffer,
): Promise<string> {
  const value = await cipher.open(aad, unpackSealed(sealed));
  if (typeof value !== "string") throw new TypeError("sealed business key is not a string");
  return value;
}

function toView(row: Row, businessKey: string | undefined): RegistrationView {
  return {
    id: row.id,
    state: row.state,
    status: row.draft === 1 ? "draft" : "submit",
    ...(businessKey ? { businessKey } : {}),
    ...(row.registration_code ? { registrationCode: row.registration_code } : {}),
    attempts: row.attempts,
    ...(row.last_error ? { lastError: row.last_error } : {}),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
