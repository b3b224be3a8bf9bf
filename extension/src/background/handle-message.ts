import { browser } from "wxt/browser";
import { businessKeyOf } from "../../../shared-schema/src/business-key.ts";
import type { Dcd, DcdRecord } from "../../../shared-schema/src/dcd.ts";
import { WorkerError, WorkerUnreachableError } from "../api/worker-client.ts";
import type { DcdRef } from "../dcd/dcd-delivery.ts";
import { findEligibilityFields } from "../dcd/find-eligibility-fields.ts";
import type { ExtensionMessage, Reply, ReplyError } from "../messages/extension-message.ts";
import { isFinal, type LocalRegistration } from "../registrations/local-registration.ts";
import {
  getRegistration,
  listRegistrations,
  putRegistration,
} from "../registrations/registration-store.ts";
import { createClientFromSettings } from "./create-client-from-settings.ts";
import { findDcd } from "./find-dcd.ts";
import { loadDcd } from "./load-dcd.ts";
import { sha256Hex } from "./sha256-hex.ts";

type Sender = { tab?: { id?: number }; frameId?: number; url?: string };

/** Tabs opened by "Reopen" in the popup -> the draft to open there (session only). */
const reopenByTab = new Map<number, string>();
/** Page URL -> the draft to open there, while the tab opened for it is not known yet. */
const reopenByUrl = new Map<string, string>();

const ok = <T>(value: T): Reply<T> => ({ ok: true, value });
const fail = (error: ReplyError): Reply<never> => ({ ok: false, error });

export async function handleMessage(
  message: ExtensionMessage,
  sender: Sender,
): Promise<Reply<unknown>> {
  try {
    switch (message.type) {
      case "load-form": {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return fail({ kind: "internal", message: "no tab" });
        // Injected into the content script's isolated world, where it hands its mount
        // function over: the form (Preact, zod, the DCD) loads only when asked for.
        await browser.scripting.executeScript({
          target: { tabId, frameIds: [sender.frameId ?? 0] },
          files: ["/form.js"],
        });
        return ok(true);
      }
      case "page-init": {
        const tabId = sender.tab?.id;
        let reopenLocalId = tabId === undefined ? undefined : reopenByTab.get(tabId);
        if (tabId !== undefined) reopenByTab.delete(tabId);
        if (!reopenLocalId && sender.url && sender.frameId === 0) {
          reopenLocalId = reopenByUrl.get(sender.url);
          reopenByUrl.delete(sender.url);
        }
        return ok(reopenLocalId ? { reopenLocalId } : {});
      }
      case "dcd":
        return ok(await loadDcd());
      case "eligibility": {
        const client = await createClientFromSettings();
        if (!client) return fail({ kind: "config", message: "not configured" });
        return ok(await client.eligibility(message.codes, message.date));
      }
      case "register":
        return await register(message);
      case "registration":
        return ok((await refreshRegistration(message.localId)) ?? null);
      case "key-changes":
        return ok(await changedKeyFields(message.localId, message.dcd, message.record));
      case "delete-registration":
        return ok((await deleteRegistration(message.localId)) ?? null);
      case "list-registrations":
        return ok(await listRegistrations());
      case "reopen": {
        const entry = await getRegistration(message.localId);
        if (!entry) return fail({ kind: "internal", message: "unknown registration" });
        // A fast EHR page may ask (page-init) before tabs.create has told us its tab: until
        // then the draft waits under its URL.
        reopenByUrl.set(entry.pageUrl, entry.localId);
        const tab = await browser.tabs.create({ url: entry.pageUrl });
        if (reopenByUrl.get(entry.pageUrl) === entry.localId) {
          reopenByUrl.delete(entry.pageUrl);
          if (tab.id !== undefined) reopenByTab.set(tab.id, entry.localId);
        }
        return ok(true);
      }
      case "open-options":
        await browser.runtime.openOptionsPage();
        return ok(true);
      case "outbox-health": {
        const client = await createClientFromSettings();
        if (!client) return fail({ kind: "config", message: "not configured" });
        return ok((await client.health()).outbox);
      }
    }
  } catch (error) {
    return fail(toReplyError(error));
  }
}

export function toReplyError(error: unknown): ReplyError {
  if (error instanceof WorkerUnreachableError)
    return { kind: "unreachable", message: error.message };
  if (error instanceof WorkerError) {
    return { kind: "worker", status: error.status, message: error.message, issues: error.issues };
  }
  // No patient data in messages: only the error's own text, never the record.
  return { kind: "internal", message: error instanceof Error ? error.message : "internal error" };
}

async function register(message: Extract<ExtensionMessage, { type: "register" }>) {
  const client = await createClientFromSettings();
  if (!client) return fail({ kind: "config", message: "not configured" });
  const now = new Date().toISOString();
  const previous = message.localId ? await getRegistration(message.localId) : undefined;
  const dcd = await findDcd(message.dcd);
  const eligibility = findEligibilityFields(dcd);
  const codes = eligibility && message.record[eligibility.codes];
  const date = eligibility?.on && message.record[eligibility.on];
  let entry: LocalRegistration = {
    ...(previous ?? { localId: crypto.randomUUID(), createdAt: now, state: "local" }),
    status: message.status,
    dcd: message.dcd,
    pageUrl: message.pageUrl,
    record: message.record,
    codes: Array.isArray(codes) ? (codes as string[]) : [],
    updatedAt: now,
    ...(typeof date === "string" ? { surgeryDate: date } : {}),
  };
  entry = await putRegistration(entry);

  // Same record, same status -> same key: a retry after a lost reply is not a second one.
  const body = JSON.stringify({ dcd: message.dcd, status: message.status, record: message.record });
  const idempotencyKey = `${entry.localId}.${(await sha256Hex(body)).slice(0, 32)}`;
  try {
    const accepted = await client.register(
      message.dcd,
      message.record,
      message.status,
      idempotencyKey,
    );
    const { lastError: _cleared, registrationCode: _old, ...rest } = entry;
    entry = {
      ...rest,
      workerId: accepted.id,
      state: accepted.state,
      ...(message.status === "submit"
        ? { keyFieldHashes: await keyFieldHashes(dcd, message.record) }
        : {}),
    };
    return ok(await putRegistration(withoutDeliveredRecord(entry)));
  } catch (error) {
    const reply = toReplyError(error);
    await putRegistration({ ...entry, lastError: reply.message });
    return fail(reply);
  }
}

/** Reads the worker's state of a registration that is still travelling. */
export async function refreshRegistration(localId: string): Promise<LocalRegistration | undefined> {
  const entry = await getRegistration(localId);
  if (!entry?.workerId || isFinal(entry.state)) return entry;
  const client = await createClientFromSettings();
  if (!client) return entry;
  try {
    const view = await client.getRegistration(entry.workerId);
    const next: LocalRegistration = {
      ...entry,
      state: view.state,
      ...(view.registrationCode ? { registrationCode: view.registrationCode } : {}),
      ...(view.attempts !== undefined ? { attempts: view.attempts } : {}),
    };
    if (view.lastError) next.lastError = view.lastError;
    else delete next.lastError;
    return await putRegistration(withoutDeliveredRecord(next));
  } catch {
    return entry; // unreachable: keep what we know, the next poll tries again
  }
}

async function deleteRegistration(localId: string): Promise<LocalRegistration | undefined> {
  const entry = await getRegistration(localId);
  if (!entry) return undefined;
  if (entry.workerId && !isFinal(entry.state)) {
    const client = await createClientFromSettings();
    if (!client) throw new Error("not configured");
    const view = await client.deleteRegistration(entry.workerId);
    return putRegistration(withoutDeliveredRecord({ ...entry, state: view.state }));
  }
  return putRegistration(withoutDeliveredRecord({ ...entry, state: "deleted" }));
}

/** Once HD4DP holds the registration (or it is deleted), the browser forgets the patient. */
function withoutDeliveredRecord(entry: LocalRegistration): LocalRegistration {
  if (!isFinal(entry.state)) return entry;
  const { record: _erased, ...rest } = entry;
  return rest;
}

const WHOLE_KEY = "*";

/** Hashes of the business key and of each field that may be part of it (never the values). */
async function keyFieldHashes(dcd: Dcd, record: DcdRecord): Promise<Record<string, string>> {
  const { fields, fallback } = dcd.businessKey;
  const names = new Set([...fields, ...(fallback?.fields ?? [])]);
  const hashes: Record<string, string> = {
    [WHOLE_KEY]: await sha256Hex(businessKeyOf(dcd, record)),
  };
  for (const name of names) {
    hashes[name] = await sha256Hex(
      `${name}=${String(record[name] ?? "")
        .trim()
        .toUpperCase()}`,
    );
  }
  return hashes;
}

/**
 * The business-key fields changed since the last submission of this registration; empty
 * when the business key as a whole is the same (a correction of the same record). Hashed
 * with the DCD the registration was sent with (the form's, for entries that do not say).
 */
async function changedKeyFields(
  localId: string,
  formDcd: DcdRef,
  record: DcdRecord,
): Promise<string[]> {
  const entry = await getRegistration(localId);
  const before = entry?.keyFieldHashes;
  if (!before) return [];
  const now = await keyFieldHashes(await findDcd(entry.dcd ?? formDcd), record);
  if (before[WHOLE_KEY] === now[WHOLE_KEY]) return [];
  return Object.keys(before).filter((name) => name !== WHOLE_KEY && before[name] !== now[name]);
}
