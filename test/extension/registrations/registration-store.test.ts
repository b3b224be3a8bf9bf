import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { LocalRegistration } from "../../../extension/src/registrations/local-registration.ts";
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
    updatedAt: at,
    pageUrl: "http://127.0.0.1/fr/dossier/x",
    codes: ["281120"],
    ...(withRecord ? { record: { IDC_PAT: "61042312410" } } : {}),
  };
}

describe("registration store (fake browser)", () => {
  beforeEach(() => fakeBrowser.reset());

  it("keeps registrations, newest first", async () => {
    await putRegistration(entry("a", 0, true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await putRegistration(entry("b", 0, false));
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
    expect(all.ancient).toBeUndefined();
  });
});
