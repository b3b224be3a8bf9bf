import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  isPolled,
  type LocalRegistration,
} from "../../../extension/src/registrations/local-registration.ts";
import {
  getRegistration,
  listRegistrations,
  purgeRegistrations,
  putRegistration,
  registrationsItem,
} from "../../../extension/src/registrations/registration-store.ts";

const DAY = 86_400_000;

function entry(localId: string, daysOld: number, withRecord: boolean): LocalRegistration {
  const at = new Date(Date.now() - daysOld * DAY).toISOString();
  return {
    localId,
    status: "draft",
    state: "open",
    createdAt: at,
    editedAt: at,
    updatedAt: at,
    codes: ["281120"],
    ...(withRecord
      ? { record: { IDC_PAT: "61042312410" }, pageUrl: "http://127.0.0.1/fr/dossier/x" }
      : {}),
  };
}

describe("registration store (fake browser)", () => {
  beforeEach(() => fakeBrowser.reset());

  it("keeps registrations, last edited first", async () => {
    const a = entry("a", 1, true);
    await putRegistration(a);
    await putRegistration(entry("b", 0, false));
    // A state read later does not make "a" the latest edit.
    await putRegistration({ ...a, state: "queued" });
    expect((await listRegistrations()).map((r) => r.localId)).toEqual(["b", "a"]);
    expect((await getRegistration("a"))?.record).toEqual({ IDC_PAT: "61042312410" });
  });

  it("erases a draft's patient data after the retention period, then the entry", async () => {
    await registrationsItem.setValue({
      fresh: entry("fresh", 1, true),
      stale: entry("stale", 10, true),
      ancient: entry("ancient", 40, false),
    });
    await purgeRegistrations(7);
    const all = await registrationsItem.getValue();
    expect(all.fresh?.record).toBeDefined();
    expect(all.stale).toBeDefined();
    expect(all.stale?.record).toBeUndefined();
    expect(all.stale?.pageUrl).toBeUndefined();
    expect(all.ancient).toBeUndefined();
  });

  it("counts retention from the last edit: reading the state every minute extends nothing", async () => {
    const polled = entry("polled", 10, true);
    await putRegistration(polled);
    // What the minute refresh does: store the state it read.
    await putRegistration({ ...polled, attempts: 2 });
    await purgeRegistrations(7);
    const kept = await getRegistration("polled");
    expect(kept?.record).toBeUndefined();
    expect(kept?.pageUrl).toBeUndefined();
  });

  it("does not poll what HD4DP cannot report on: a draft it keeps open", () => {
    const base = { ...entry("x", 0, false), workerId: "w1" };
    expect(isPolled({ ...base, status: "draft", state: "open" })).toBe(false);
    expect(isPolled({ ...base, status: "submit", state: "open" })).toBe(true);
    expect(isPolled({ ...base, status: "draft", state: "queued" })).toBe(true);
    expect(isPolled({ ...base, status: "submit", state: "sent" })).toBe(false);
    const { workerId: _none, ...local } = base;
    expect(isPolled({ ...local, state: "local" })).toBe(false);
  });

  it("migrates entries of version 1: no key hashes, no patient data of what HD4DP holds", async () => {
    const at = new Date(Date.now() - DAY).toISOString();
    const v1 = {
      sent: {
        localId: "sent",
        status: "submit",
        state: "sent",
        createdAt: at,
        updatedAt: new Date().toISOString(),
        pageUrl: "http://127.0.0.1/fr/dossier/61042312410",
        codes: [],
        keyFieldHashes: { "*": "ab12" },
      },
      draft: {
        localId: "draft",
        status: "draft",
        state: "open",
        createdAt: at,
        updatedAt: new Date().toISOString(),
        pageUrl: "http://127.0.0.1/fr/dossier/x",
        codes: [],
        record: { IDC_PAT: "61042312410" },
      },
    };
    await fakeBrowser.storage.local.set({ registrations: v1, registrations$: { v: 1 } });
    await registrationsItem.migrate();
    const all = await registrationsItem.getValue();
    expect(all.sent).toEqual({
      localId: "sent",
      status: "submit",
      state: "sent",
      createdAt: at,
      editedAt: at,
      updatedAt: v1.sent.updatedAt,
      codes: [],
    });
    expect(all.draft?.editedAt).toBe(at);
    expect(all.draft?.record).toEqual({ IDC_PAT: "61042312410" });
  });
});
