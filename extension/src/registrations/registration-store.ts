import { storage } from "wxt/utils/storage";
import { forgetKeyFields } from "./key-field-macs.ts";
import { isFinal, type LocalRegistration, withoutPatientData } from "./local-registration.ts";

const DAY_MS = 86_400_000;
/** Entries without patient data stay listed this long in the popup after their last edit. */
const HISTORY_DAYS = 30;

/** An entry as version 1 kept it: aged by every state read, with unsalted key hashes. */
type EntryV1 = Omit<LocalRegistration, "editedAt"> & { keyFieldHashes?: unknown };

export const registrationsItem = storage.defineItem<Record<string, LocalRegistration>>(
  "local:registrations",
  {
    fallback: {},
    version: 2,
    migrations: {
      // The SHA-256 hashes of the business-key fields go (a NISS is found again from its
      // hash in seconds), and so do the patient's data of what HD4DP already holds. Edits
      // were not told apart from state reads: retention counts from creation.
      2: (entries: Record<string, EntryV1>) =>
        Object.fromEntries(
          Object.entries(entries).map(([id, { keyFieldHashes: _hashes, ...entry }]) => {
            const next: LocalRegistration = { ...entry, editedAt: entry.createdAt };
            return [id, isFinal(next.state) ? withoutPatientData(next) : next];
          }),
        ),
    },
  },
);

export async function listRegistrations(): Promise<LocalRegistration[]> {
  const all = await registrationsItem.getValue();
  return Object.values(all).sort((a, b) => b.editedAt.localeCompare(a.editedAt));
}

export async function getRegistration(localId: string): Promise<LocalRegistration | undefined> {
  return (await registrationsItem.getValue())[localId];
}

/** Stores the entry as it is now; `editedAt` is the caller's to set, on the surgeon's edits. */
export async function putRegistration(entry: LocalRegistration): Promise<LocalRegistration> {
  const all = await registrationsItem.getValue();
  const next = { ...entry, updatedAt: new Date().toISOString() };
  await registrationsItem.setValue({ ...all, [entry.localId]: next });
  return next;
}

/**
 * Erases what is no longer needed, counted from the surgeon's last edit (reading a state
 * from the worker extends nothing): the patient's data of a draft past the retention
 * period, and entries (already without patient data) past the history period, with what
 * this session remembers of their business key.
 */
export async function purgeRegistrations(retentionDays: number, now = Date.now()): Promise<void> {
  const all = await registrationsItem.getValue();
  const next: Record<string, LocalRegistration> = {};
  for (const [id, entry] of Object.entries(all)) {
    const age = now - Date.parse(entry.editedAt);
    if (age > HISTORY_DAYS * DAY_MS) continue;
    next[id] = age > retentionDays * DAY_MS ? withoutPatientData(entry) : entry;
  }
  await registrationsItem.setValue(next);
  await forgetKeyFields(new Set(Object.keys(next)));
}
