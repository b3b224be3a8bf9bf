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
  type AttemptOutcome,
  type Decision,
  nextDeliveryState,
} from "../outbox/next-delivery-state.ts";
import type { Row } from "../outbox/outbox-row.ts";
import { OutboxStore, type StoredError } from "../outbox/outbox-store.ts";
import type {
  OutboxHealth,
  RegistrationRecordView,
  RegistrationState,
} from "../outbox/outbox-views.ts";
import { purgeFinished } from "../outbox/purge-finished.ts";
import { openString, parseParams, registrationView } from "../outbox/registration-view.ts";
import { countSealedWithOldKeys, resealOldValues } from "../outbox/reseal-old-values.ts";
import { DELIVERED_KEY, ERROR_DETAIL, RECORD, REGISTRATION_KEY } from "../outbox/sealed-columns.ts";
import {
  matchRegistrations,
  type RegistrationMatches,
} from "../reconciliation/match-registrations.ts";
import { Hd4dpClient } from "../registry/hd4dp-client.ts";
import { type SubmittedRecord, submitPayload } from "../registry/hd4dp-contract.ts";

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
  | { outcome: "created" | "replayed" | "requeued"; id: string; state: RegistrationState }
  | { outcome: "conflict" }
  | { outcome: "queue_full"; queued: number };

export type RemoveResult =
  | { outcome: "deleted"; view: RegistrationRecordView }
  | { outcome: "not_found" }
  | { outcome: "delivered"; view: RegistrationRecordView }
  | { outcome: "in_progress" };

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
/** Values re-sealed with the current key per alarm run and column, after a key rotation. */
const RESEAL_BATCH = 200;
/** HD4DP's list of submitted records is read at most this often per DCD. */
const STATUS_CHECK_INTERVAL_MS = 60_000;

export class Outbox extends DurableObject<Env> {
  readonly #store: OutboxStore;
  /** Ids being sent right now: not picked twice, not deletable mid-flight. */
  readonly #inFlight = new Set<string>();
  #tools: Promise<Tools> | null = null;
  /** HD4DP's submitted records per DCD, by business key, with when they were read. */
  readonly #submitted = new Map<string, { at: number; records: Map<string, SubmittedRecord> }>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#store = new OutboxStore(ctx.storage.sql);
    ctx.blockConcurrencyWhile(async () => {
      migrateOutbox(ctx.storage.sql);
      // A restart (deploy, eviction, crash) must not strand queued registrations, nor
      // values sealed with a key that was just rotated out.
      await this.#armAlarm();
      try {
        const current = loadConfig(env).encryptionKeys[0];
        if (current && countSealedWithOldKeys(ctx.storage.sql, sealedPrefix(current.id)) > 0) {
          await this.#armAt(Date.now());
        }
      } catch {
        // A broken configuration: the first request says what to fix.
      }
    });
  }

  async enqueue(input: EnqueueInput): Promise<EnqueueResult> {
    const store = this.#store;
    const { cipher, hash, config } = await this.#getTools();
    const idempotencyHash = await hash(`idempotency:${input.idempotencyKey}`);
    const bodyHash = await hash(`body:${canonicalJson(input.body)}`);
    const existing = store.row("idempotency_hash", idempotencyHash);
    if (existing) {
      if (existing.body_hash !== bodyHash) return { outcome: "conflict" };
      if (existing.state === "failed" && existing.record_sealed !== null) {
        // The same registration sent again after HD4DP rejected it (its rules or code lists
        // may have been fixed since): queue it again, with its sealed record.
        store.requeue(existing.id, Date.now());
        await this.#armAlarm();
        return { outcome: "requeued", id: existing.id, state: "queued" };
      }
      return { outcome: "replayed", id: existing.id, state: existing.state };
    }
    const queued = store.count("state = 'queued'");
    if (queued >= config.queueMax) return { outcome: "queue_full", queued };
    const id = crypto.randomUUID();
    // Per DCD, not per version: a record resent under a newer version corrects the first.
    const businessKeyHash =
      input.businessKey === null
        ? null
        : await hash(`business-key:${input.dcdId}:${input.businessKey}`);
    const recordSealed = await cipher.seal(RECORD.aad(id), input.record);
    // Re-check after the awaits above: another request with this key may have landed.
    if (store.row("idempotency_hash", idempotencyHash)) return this.enqueue(input);
    store.insert(
      {
        id,
        idempotencyHash,
        bodyHash,
        dcdId: input.dcdId,
        dcdVersion: input.dcdVersion,
        draft: input.draft,
        businessKeyHash,
        recordSealed,
      },
      Date.now(),
    );
    await this.#armAlarm();
    logEvent("registration.queued", { registrationId: id, state: "queued" });
    return { outcome: "created", id, state: "queued" };
  }

  async read(id: string): Promise<RegistrationRecordView | null> {
    await this.#armAlarm();
    const tools = await this.#getTools();
    const row = this.#store.row("id", id);
    return row ? this.#view(await this.#refreshFromRegistry(row, tools), tools.cipher) : null;
  }

  async remove(id: string): Promise<RemoveResult> {
    await this.#armAlarm();
    const { cipher } = await this.#getTools();
    const row = this.#store.row("id", id);
    if (!row) return { outcome: "not_found" };
    if (row.state === "open" || row.state === "sent") {
      return { outcome: "delivered", view: await this.#view(row, cipher) };
    }
    if (this.#inFlight.has(id)) return { outcome: "in_progress" };
    if (row.state !== "deleted") {
      this.#store.markDeleted(id, Date.now());
      logEvent("registration.deleted", { registrationId: id, state: "deleted" });
    }
    return { outcome: "deleted", view: await this.#view(this.#store.mustRow(id), cipher) };
  }

  /**
   * Reconciliation of billed acts: what this outbox and HD4DP know of each business key
   * (keyed hashes); statuses only, nothing stored (reconciliation/match-registrations.ts).
   */
  async matchRegistrations(dcdId: string, hashes: string[]): Promise<RegistrationMatches> {
    return matchRegistrations(this.#store, await this.#getTools(), dcdId, hashes);
  }

  /** What hospital IT needs to know: counts, a "needs IT" pause, values waiting for a key. */
  async health(): Promise<OutboxHealth> {
    const { cipher } = await this.#getTools();
    const store = this.#store;
    const hospital = store.hospital();
    const now = Date.now();
    const paused = hospital.paused_until > now || hospital.pause_count > 0;
    return {
      queued: store.count("state = 'queued'"),
      failed: store.count("state = 'failed'"),
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
        dcdUnavailable: store.count(
          "state = 'queued' AND error_code IN ('dcd_unavailable', 'dcd_not_relayable')",
        ),
        keyMissing: store.count("state = 'queued' AND error_code = 'key_missing'"),
      },
      sealedWithOldKeys: countSealedWithOldKeys(store.sql, cipher.currentPrefix),
    };
  }

  override async alarm(): Promise<void> {
    try {
      const tools = await this.#getTools();
      await this.#deliverDue(tools);
      await this.#resealOldValues(tools.cipher);
      const purged = purgeFinished(this.#store.sql, Date.now(), tools.config.retentionMs);
      if (purged > 0) logEvent("outbox.purged", { count: purged });
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

  async #deliverDue(tools: Tools): Promise<void> {
    const store = this.#store;
    if (store.hospital().paused_until > Date.now()) return;
    const due = store
      .dueIds(Date.now(), BATCH_SIZE + this.#inFlight.size)
      .filter((id) => !this.#inFlight.has(id))
      .slice(0, BATCH_SIZE);
    let next = 0;
    // After a pause, one registration probes alone; the others follow once it went through.
    if (store.hospital().pause_count > 0 && due.length > 0) {
      await this.#deliverOne(due[next++] as string, tools);
      if (store.hospital().pause_count > 0) return;
    }
    const lane = async () => {
      while (next < due.length) {
        const id = due[next++] as string;
        if (store.hospital().paused_until > Date.now()) return;
        await this.#deliverOne(id, tools);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  }

  async #deliverOne(id: string, tools: Tools): Promise<void> {
    const { cipher } = tools;
    const store = this.#store;
    this.#inFlight.add(id);
    try {
      // Read the row again now that it is in flight, in the same synchronous step: while it
      // waited in the batch, remove() could still delete it (it refuses only ids in flight),
      // and a deleted registration must never be sent from a stale copy.
      const row = store.queuedRow(id);
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
        store.fail(row.id, { code: "record_missing", params: {} }, null, Date.now());
        return;
      }
      let record: DcdRecord;
      let correctionOf: string | undefined;
      try {
        record = (await cipher.open(RECORD.aad(row.id), row.record_sealed)) as DcdRecord;
        const delivered =
          row.business_key_hash === null || row.draft === 1
            ? null
            : store.deliveredKey(row.business_key_hash);
        if (delivered && row.business_key_hash !== null) {
          correctionOf = await openString(
            cipher,
            DELIVERED_KEY.aad(row.business_key_hash),
            delivered,
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
      store.countAttempt(row.id, attempts, Date.now());
      const delivery = {
        dcdId: row.dcd_id,
        dcdVersion: row.dcd_version,
        registrationId: row.id,
        payload: submitPayload(relay.dcd, relay.ids, record, draft),
      };
      const pauseCount = store.hospital().pause_count;
      const decide = (outcome: AttemptOutcome) =>
        this.#decide(outcome, { attempts, draft, pauseCount }, tools);
      let decision = decide(
        await tools.client.deliver(
          correctionOf === undefined ? delivery : { ...delivery, correctionOf },
        ),
      );
      if (decision.kind === "resubmit" && row.business_key_hash !== null) {
        // HD4DP no longer holds the key it gave (withdrawn there, or reinstalled): the
        // record goes as new, once, and the history says so.
        store.forgetDeliveredKey(row.business_key_hash);
        store.addEvent(row.id, "correction_not_found_resubmitted", Date.now());
        decision = decide(await tools.client.deliver(delivery));
      }
      await this.#apply(row, decision, cipher, pauseCount > 0);
      logEvent(`registration.${decision.kind}`, { ...fields, attempts });
    } finally {
      this.#inFlight.delete(id);
    }
  }

  #decide(
    outcome: AttemptOutcome,
    registration: { attempts: number; draft: boolean; pauseCount: number },
    { config }: Tools,
  ): Decision {
    return nextDeliveryState(outcome, {
      now: Date.now(),
      ...registration,
      policy: {
        retryBaseMs: config.retryBaseMs,
        retryMaxMs: config.retryMaxMs,
        retryAfterMaxMs: config.retryAfterMaxMs,
      },
      random: Math.random,
    });
  }

  /** `paused`: whether the outbox was paused when this attempt went out. */
  async #apply(row: Row, decision: Decision, cipher: RecordCipher, paused: boolean): Promise<void> {
    const store = this.#store;
    switch (decision.kind) {
      case "delivered": {
        // Sealed before the one synchronous step that records the delivery.
        const { businessKey } = decision;
        const remember =
          decision.state === "sent" && row.business_key_hash !== null && businessKey !== null;
        const delivered = store.delivered(
          row,
          decision.state,
          {
            businessKeySealed:
              businessKey === null
                ? null
                : await cipher.seal(REGISTRATION_KEY.aad(row.id), businessKey),
            deliveredKeySealed: remember
              ? await cipher.seal(DELIVERED_KEY.aad(row.business_key_hash as string), businessKey)
              : null,
            registrationCode: decision.registrationCode,
          },
          Date.now(),
        );
        // A success speaks for the whole registry: whatever paused the outbox is over.
        if (delivered && (paused || store.hospital().paused_until > 0)) store.clearPause();
        return;
      }
      case "retry":
        store.retryAt(row.id, decision.error, decision.at, Date.now());
        return;
      case "pause":
        store.pause(decision.until, decision.needsIt, decision.error, Date.now());
        store.retryAt(row.id, decision.error, decision.until, Date.now());
        if (decision.needsIt) {
          logError("outbox.needs_it", { registrationId: row.id, code: decision.error.code });
        }
        return;
      case "failed": {
        const detail = await cipher.seal(ERROR_DETAIL.aad(row.id), decision.detail);
        store.fail(row.id, decision.error, detail, Date.now());
        return;
      }
      case "resubmit":
        // Only once per attempt (#deliverOne): a second 404 to a POST is an api_not_found.
        throw new Error("a resubmission was answered as a correction");
    }
  }

  /** Stays queued, no attempt counted: waits for IT (a DCD, a key) and looks again later. */
  #wait(id: string, error: StoredError): void {
    this.#store.retryAt(id, error, Date.now() + CONFIG_RETRY_MS, Date.now());
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
    const found = (await this.#submittedRecords(row.dcd_id, tools))?.get(businessKey);
    if (!found) return row;
    const { status, registrationCode } = found;
    const store = this.#store;
    if (status === "deleted" || (status === "sent" && row.state === "open")) {
      store.changeState(row, status, registrationCode, Date.now());
      if (status === "deleted" && row.business_key_hash !== null) {
        store.forgetDeliveredKey(row.business_key_hash, row.id);
      }
      logEvent("registration.status_changed", { registrationId: row.id, state: status });
    } else if (registrationCode !== undefined && registrationCode !== row.registration_code) {
      store.setRegistrationCode(row.id, registrationCode, Date.now());
    }
    return store.mustRow(row.id);
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

  async #resealOldValues(cipher: RecordCipher): Promise<void> {
    const resealed = await resealOldValues(this.#store.sql, cipher, RESEAL_BATCH);
    if (resealed === 0) return;
    logEvent("outbox.resealed", { count: resealed });
    if (countSealedWithOldKeys(this.#store.sql, cipher.currentPrefix) > 0) {
      await this.#armAt(Date.now() + 1000);
    }
  }

  #view(row: Row, cipher: RecordCipher): Promise<RegistrationRecordView> {
    return registrationView(this.#store.sql, row, cipher);
  }

  /** Sets the alarm to the next due delivery or purge, unless it is already set earlier. */
  async #armAlarm(): Promise<void> {
    const candidates: number[] = [];
    const next = this.#store.nextAttemptAt();
    if (next !== null) candidates.push(Math.max(next, this.#store.hospital().paused_until));
    const finished = this.#store.oldestFinishedAt();
    if (finished !== null) {
      try {
        candidates.push(finished + loadConfig(this.env).retentionMs + 1);
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
