import { storage } from "wxt/utils/storage";
import type { LocalRegistration } from "./local-registration.ts";

const DAY_MS = 86_400_000;
/** Entries without patient data stay listed this long in the popup. */
const HISTORY_DAYS = 30;

export const registrationsItem = storage.defineItem<Record<string, LocalRegistration>>(
  "local:registrations",
  { fallback: {}, version: 1 },
);

export async function listRegistrations(): Promise<LocalRegistration[]> {
  const all = await registrationsItem.getValue();
  return Object.values(all).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function getRegistration(localId: string): Promise<LocalRegistration | undefined> {
  return (await registrationsItem.getValue())[localId];
}

export async function putRegistration(entry: LocalRegistration): Promise<LocalRegistration> {
  const all = await registrationsItem.getValue();
  const next = { ...entry, updatedAt: new Date().toISOString() };
  await registrationsItem.setValue({ ...all, [entry.localId]: next });
  return next;
}

/**
 * Erases what is no longer needed: the record of a draft older than the retention period,
 * and entries (already without patient data) older than the history period.
 */
export async function purgeRegistrations(retentionDays: number, now = Date.now()): Promise<void> {
  const all = await registrationsItem.getValue();
  const next: Record<string, LocalRegistration> = {};
  for (const [id, entry] of Object.entries(all)) {
    const age = now - Date.parse(entry.updatedAt);
    if (age > HISTORY_DAYS * DAY_MS) continue;
    if (entry.record && age > retentionDays * DAY_MS) {
      const { record: _erased, ...kept } = entry;
      next[id] = kept;
    } else {
      next[id] = entry;
    }
  }
  await registrationsItem.setValue(next);
}
