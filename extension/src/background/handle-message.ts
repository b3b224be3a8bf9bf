import { type Browser, browser } from "wxt/browser";
import { findEligibilityFields } from "../../../shared-schema/src/find-eligibility-fields.ts";
import { WorkerError, WorkerUnreachableError } from "../api/worker-client.ts";
import type {
  ExtensionMessage,
  PageConfig,
  Reply,
  ReplyError,
} from "../messages/extension-message.ts";
import { changedKeyFields, rememberKeyFields } from "../registrations/key-field-macs.ts";
import {
  isFinal,
  isPolled,
  type LocalRegistration,
  withoutPatientData,
} from "../registrations/local-registration.ts";
import {
  getRegistration,
  listRegistrations,
  putRegistration,
} from "../registrations/registration-store.ts";
import { loadConfigProblems } from "../settings/load-config-problems.ts";
import { loadSettings } from "../settings/load-settings.ts";
import { createClientFromSettings, isConfigured } from "./create-client-from-settings.ts";
import { findDcd } from "./find-dcd.ts";
import { findSenderKind } from "./find-sender-kind.ts";
import { loadDcd } from "./load-dcd.ts";
import { maySend } from "./message-senders.ts";
import { sha256Hex } from "./sha256-hex.ts";

type Sender = Browser.runtime.MessageSender;

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
    const { settings } = await loadSettings();
    const kind = await findSenderKind(sender, settings.ehrOrigins);
    // The sender's URL is not quoted: an EHR page's address may carry the patient's id.
    if (!kind || !maySend(message.type, kind))
      return fail({ kind: "forbidden", message: `${String(message.type)} is not answered here` });
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
      case "config-state": {
        const { apiToken: _backgroundOnly, ...pageSettings } = settings;
        const config: PageConfig = {
          settings: pageSettings,
          problems: await loadConfigProblems(),
          configured: isConfigured(settings),
        };
        return ok(config);
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
      case "key-changes": {
        const entry = await getRegistration(message.localId);
        if (!entry) return ok([]);
        // Compared with the DCD the registration was sent with (the form's, for entries that
        // do not say): its business key is the one the registry holds.
        const dcd = await findDcd(entry.dcd ?? message.dcd);
        return ok(await changedKeyFields(entry, dcd, message.record));
      }
      case "delete-registration":
        return ok((await deleteRegistration(message.localId)) ?? null);
      case "list-registrations":
        return ok(await listRegistrations());
      case "reopen": {
        const entry = await getRegistration(message.localId);
        const pageUrl = entry?.record && entry.pageUrl;
        if (!entry || !pageUrl) return fail({ kind: "internal", message: "nothing to reopen" });
        // A fast EHR page may ask (page-init) before tabs.create has told us its tab: until
        // then the draft waits under its URL.
        reopenByUrl.set(pageUrl, entry.localId);
        const tab = await browser.tabs.create({ url: pageUrl });
        if (reopenByUrl.get(pageUrl) === entry.localId) {
          reopenByUrl.delete(pageUrl);
          if (tab.id !== undefined) reopenByTab.set(tab.id, entry.localId);
        }
        return ok(true);
      }
      case "open-options":
        await browser.runtime.openOptionsPage();
        return ok(true);
      case "reconciliation": {
        const client = await createClientFromSettings();
        if (!client) return fail({ kind: "config", message: "not configured" });
        return ok(await client.reconcile(message.dcd, message.acts));
      }
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
    editedAt: now,
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
    entry = { ...rest, workerId: accepted.id, state: accepted.state };
    if (message.status === "submit") {
      await rememberKeyFields(entry.localId, dcd, message.record);
      entry.submitted = true;
    }
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
  if (!entry?.workerId || !isPolled(entry)) return entry;
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
  const editedAt = new Date().toISOString();
  if (entry.workerId && !isFinal(entry.state)) {
    const client = await createClientFromSettings();
    if (!client) throw new Error("not configured");
    const view = await client.deleteRegistration(entry.workerId);
    return putRegistration(withoutDeliveredRecord({ ...entry, state: view.state, editedAt }));
  }
  return putRegistration(withoutDeliveredRecord({ ...entry, state: "deleted", editedAt }));
}

/** Once HD4DP holds the registration (or it is deleted), the browser forgets the patient. */
function withoutDeliveredRecord(entry: LocalRegistration): LocalRegistration {
  return isFinal(entry.state) ? withoutPatientData(entry) : entry;
}
