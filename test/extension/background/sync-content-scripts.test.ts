import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  CONTENT_SCRIPT_ID,
  registerKnownContentScripts,
  syncContentScripts,
} from "../../../extension/src/background/sync-content-scripts.ts";
import { userSettingsItem } from "../../../extension/src/settings/load-settings.ts";
import { fakeScripting } from "./fake-scripting.ts";

const EHR = "https://ehr.hospital.test/*";
const OTHER = "https://other.hospital.test/*";

const matchesOf = (registered: ReturnType<typeof fakeScripting>["registered"]) =>
  registered.get(CONTENT_SCRIPT_ID)?.matches;

describe("the content script's registration", () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it("registers the granted EHR origins of the settings, policy first, and remembers them", async () => {
    const { registered } = fakeScripting({ granted: [EHR] });
    await userSettingsItem.setValue({ ehrOrigins: [OTHER] });
    await fakeBrowser.storage.managed.set({ ehrOrigins: [EHR, OTHER] });
    expect(await syncContentScripts()).toEqual([EHR]);
    expect(registered.get(CONTENT_SCRIPT_ID)).toMatchObject({
      matches: [EHR],
      runAt: "document_start",
      allFrames: true,
      persistAcrossSessions: true,
    });
    expect(await fakeBrowser.storage.local.get("lastEhrOrigins")).toEqual({
      lastEhrOrigins: [EHR, OTHER],
    });

    await fakeBrowser.storage.managed.set({ ehrOrigins: [OTHER] });
    expect(await syncContentScripts()).toEqual([]);
    expect(registered.size).toBe(0);
  });

  describe("at once, before the policy answers", () => {
    const policyNeverAsked = () => {
      const managed = vi.spyOn(fakeBrowser.storage.managed, "get");
      return () => expect(managed).not.toHaveBeenCalled();
    };

    it("keeps the registration that persisted across the browser's sessions", async () => {
      const { registered } = fakeScripting({ granted: [EHR] });
      registered.set(CONTENT_SCRIPT_ID, { id: CONTENT_SCRIPT_ID, matches: [EHR], js: ["ehr.js"] });
      const expectPolicyNeverAsked = policyNeverAsked();
      expect(await registerKnownContentScripts()).toEqual([EHR]);
      expect(fakeBrowser.scripting.registerContentScripts).not.toHaveBeenCalled();
      expectPolicyNeverAsked();
    });

    it("registers the origins of the last sync again after an update cleared them", async () => {
      const { registered } = fakeScripting({ granted: [EHR, OTHER] });
      await fakeBrowser.storage.managed.set({ ehrOrigins: [EHR, OTHER] });
      await syncContentScripts();
      registered.clear(); // what an update does
      const expectPolicyNeverAsked = policyNeverAsked();
      expect(await registerKnownContentScripts()).toEqual([EHR, OTHER]);
      expect(matchesOf(registered)).toEqual([EHR, OTHER]);
      expectPolicyNeverAsked();
    });

    it("registers the user's own origins when no sync ran yet, granted ones only", async () => {
      const { registered } = fakeScripting({ granted: [EHR] });
      await userSettingsItem.setValue({ ehrOrigins: [EHR, OTHER] });
      const expectPolicyNeverAsked = policyNeverAsked();
      expect(await registerKnownContentScripts()).toEqual([EHR]);
      expect(matchesOf(registered)).toEqual([EHR]);
      expectPolicyNeverAsked();
    });

    it("never undoes the full sync that follows it, however the reads end", async () => {
      const { registered } = fakeScripting({ granted: [EHR, OTHER] });
      await userSettingsItem.setValue({ ehrOrigins: [OTHER] });
      await fakeBrowser.storage.managed.set({ ehrOrigins: [EHR] });
      await Promise.all([registerKnownContentScripts(), syncContentScripts()]);
      expect(matchesOf(registered)).toEqual([EHR]);
    });
  });
});
