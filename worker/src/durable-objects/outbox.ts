// The durable outbox of one hospital (one instance per hospital: idFromName(hospitalId)).
// A registration is written here, its record encrypted, before the API answers 202; an
// alarm then delivers it to HD4DP with retries. All state is in SQLite, so a restart or
// eviction loses nothing: the constructor re-arms the alarm when work is due.
//
// States: queued -> open (draft accepted) | sent (submitted) | failed (refused by HD4DP);
// queued|failed -> deleted (DELETE before delivery). The record is deleted once the
// registration leaves `queued`; id, state, the registry's business key and registration
// code, attempts, lastError and timestamps stay.
//
// Exactly once per business key: delivered business keys are remembered as keyed hashes
// (they contain the NISS), so a resubmission is sent as a correction (PUT), and two
// registrations of one business key are never in flight together.

import { DurableObject } from "cloudflare:workers";
import type { DcdRecord } from "../../../shared-schema/src/dcd.ts";
import { loadConfig, type WorkerConfig } from "../config/load-config.ts";
import { canonicalJson } from "../crypto/canonical-json.ts";
import { createKeyedHash, type KeyedHash } from "../crypto/create-keyed-hash.ts";
import { createRecordCipher, type RecordCipher } from "../crypto/record-cipher.ts";
import { dcdById } from "../dcd/current-dcd.ts";
import { logError, logEvent } from "../log/log-event.ts";
import { backoffDelay } from "../outbox/backoff-delay.ts";
import { Hd4dpClient } from "../registry/hd4dp-client.ts";
import { submitPayload } from "../registry/hd4dp-contract.ts";
import type { RegistrationState, RegistrationView } from "../schemas/api-schemas.ts";

export interface EnqueueInput {
  idempotencyKey: string;
  /** The request body as received (record + status), for the same-key-same-body check. */
  body: unknown;
  dcdId: string;
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
  draft: number;
  business_key_hash: string | null;
  state: RegistrationState;
  record_iv: ArrayBuffer | null;
  record_ciphertext: ArrayBuffer | null;
  business_key: string | null;
  registration_code: string | null;
  attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  next_attempt_at: number | null;
}

/** Registrations delivered per alarm run, and how many at once. */
const BATCH_SIZE = 50;
const CONCURRENCY = 4;
/** When the configuration is broken, look again this much later. */
const CONFIG_RETRY_MS = 60_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS registrations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  idempotency_hash TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  dcd_id TEXT NOT NULL,
  draft INTEGER NOT NULL,
  business_key_hash TEXT,
  state TEXT NOT NULL,
  record_iv BLOB,
  record_ciphertext BLOB,
  business_key TEXT,
  registration_code TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  next_attempt_at INTEGER
);
CREATE INDEX IF NOT EXISTS registrations_due ON registrations (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS registrations_key ON registrations (business_key_hash, state);
CREATE TABLE IF NOT EXISTS delivered_keys (
  business_key_hash TEXT PRIMARY KEY,
  business_key TEXT NOT NULL,
  registration_id TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

export class Outbox extends DurableObject<Env> {
  readonly #sql: SqlStorage;
  /** Ids being sent right now: not picked twice, not deletable mid-flight. */
  readonly #inFlight = new Set<string>();
  #tools: Promise<{
    config: WorkerConfig;
    cipher: RecordCipher;
    hash: KeyedHash;
    client: Hd4dpClient;
  }> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => {
      this.#sql.exec(SCHEMA);
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
      return { outcome: "replayed", view: toView(existing) };
    }
    const id = crypto.randomUUID();
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
      `INSERT INTO registrations (id, idempotency_hash, body_hash, dcd_id, draft, business_key_hash,
         state, record_iv, record_ciphertext, attempts, created_at, updated_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, 0, ?, ?, ?)`,
      id,
      idempotencyHash,
      bodyHash,
      input.dcdId,
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
    return { outcome: "created", view: toView(row) };
  }

  async read(id: string): Promise<RegistrationView | null> {
    await this.#armAlarm();
    const row = this.#one("SELECT * FROM registrations WHERE id = ?", id);
    return row ? toView(row) : null;
  }

  async remove(id: string): Promise<RemoveResult> {
    await this.#armAlarm();
    const row = this.#one("SELECT * FROM registrations WHERE id = ?", id);
    if (!row) return { outcome: "not_found" };
    if (row.state === "open" || row.state === "sent") {
      return { outcome: "delivered", view: toView(row) };
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
    return { outcome: "deleted", view: toView(updated) };
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
    // as its correction.
    const due = this.#sql
      .exec<Row>(
        `SELECT * FROM registrations AS r
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
      .filter((row) => !this.#inFlight.has(row.id))
      .slice(0, BATCH_SIZE);
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const row = due[next++];
        if (!row) return;
        if (this.#pausedUntil() > Date.now()) return;
        await this.#deliverOne(row, tools);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  async #deliverOne(
    row: Row,
    tools: { config: WorkerConfig; cipher: RecordCipher; client: Hd4dpClient },
  ): Promise<void> {
    const { config, cipher, client } = tools;
    this.#inFlight.add(row.id);
    try {
      const attempts = row.attempts + 1;
      // Counted before sending, so a crash mid-request still shows as an attempt.
      this.#sql.exec(
        "UPDATE registrations SET attempts = ?, updated_at = ? WHERE id = ?",
        attempts,
        Date.now(),
        row.id,
      );
      const dcd = dcdById(row.dcd_id);
      if (!dcd || !row.record_iv || !row.record_ciphertext) {
        this.#finish(row.id, "failed", {
          lastError: `Unknown DCD ${row.dcd_id} or missing record`,
        });
        return;
      }
      const draft = row.draft === 1;
      let payload: Record<string, unknown>;
      try {
        const record = (await cipher.open(row.id, {
          iv: new Uint8Array(row.record_iv),
          ciphertext: new Uint8Array(row.record_ciphertext),
        })) as DcdRecord;
        payload = submitPayload(dcd, record, draft);
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
      const delivered =
        row.business_key_hash === null
          ? null
          : this.#one<{ business_key: string }>(
              "SELECT business_key FROM delivered_keys WHERE business_key_hash = ?",
              row.business_key_hash,
            );
      const outcome = await client.deliver({
        dcdId: dcd.id,
        registrationId: row.id,
        payload,
        ...(delivered && !draft ? { correctionOf: delivered.business_key } : {}),
      });
      const fields = { registrationId: row.id, attempts, httpStatus: outcome.httpStatus };
      switch (outcome.kind) {
        case "accepted": {
          const state = draft ? "open" : "sent";
          this.#finish(row.id, state, {
            businessKey: outcome.businessKey,
            registrationCode: outcome.registrationCode,
          });
          if (!draft && row.business_key_hash !== null && outcome.businessKey !== "") {
            this.#sql.exec(
              `INSERT INTO delivered_keys (business_key_hash, business_key, registration_id, updated_at)
               VALUES (?, ?, ?, ?)
               ON CONFLICT (business_key_hash) DO UPDATE SET business_key = excluded.business_key,
                 registration_id = excluded.registration_id, updated_at = excluded.updated_at`,
              row.business_key_hash,
              outcome.businessKey,
              row.id,
              Date.now(),
            );
          }
          logEvent("registration.delivered", { ...fields, state });
          return;
        }
        case "rejected":
          this.#finish(row.id, "failed", { lastError: outcome.message });
          logEvent("registration.failed", { ...fields, state: "failed" });
          return;
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
          this.#sql.exec(
            "UPDATE registrations SET last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'queued'",
            outcome.reason,
            Date.now() + delayMs,
            Date.now(),
            row.id,
          );
          logEvent("registration.retry", { ...fields, state: "queued", delayMs });
          return;
        }
      }
    } finally {
      this.#inFlight.delete(row.id);
    }
  }

  /** Leaves `queued` for good: the encrypted record is deleted in the same statement. */
  #finish(
    id: string,
    state: "open" | "sent" | "failed",
    values: { businessKey?: string; registrationCode?: string | undefined; lastError?: string },
  ): void {
    this.#sql.exec(
      `UPDATE registrations SET state = ?, business_key = ?, registration_code = ?, last_error = ?,
         record_iv = NULL, record_ciphertext = NULL, next_attempt_at = NULL, updated_at = ?
       WHERE id = ? AND state = 'queued'`,
      state,
      values.businessKey ?? null,
      values.registrationCode ?? null,
      values.lastError ?? null,
      Date.now(),
      id,
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

  #getTools() {
    this.#tools ??= (async () => {
      const config = loadConfig(this.env);
      return {
        config,
        cipher: await createRecordCipher(config.encryptionKey),
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

function toView(row: Row): RegistrationView {
  return {
    id: row.id,
    state: row.state,
    status: row.draft === 1 ? "draft" : "submit",
    ...(row.business_key ? { businessKey: row.business_key } : {}),
    ...(row.registration_code ? { registrationCode: row.registration_code } : {}),
    attempts: row.attempts,
    ...(row.last_error ? { lastError: row.last_error } : {}),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
