import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  loadSettings,
  saveUserSettings,
  userSettingsItem,
} from "../../../extension/src/settings/load-settings.ts";
import { mergeSettings } from "../../../extension/src/settings/merge-settings.ts";
import { DEFAULT_SETTINGS } from "../../../extension/src/settings/settings.ts";
import { RELEASE_DEFAULTS } from "../../../extension/src/settings/settings-schema.ts";

describe("mergeSettings", () => {
  it("takes policy over the user over the defaults, and locks what policy sets", () => {
    const { settings, locked } = mergeSettings(
      { workerUrl: "http://user.example", author: "me@h.be" },
      { workerUrl: "https://spine.hospital.be/", language: "nl" },
      DEFAULT_SETTINGS,
    );
    expect(settings.workerUrl).toBe("https://spine.hospital.be");
    expect(settings.author).toBe("me@h.be");
    expect(settings.language).toBe("nl");
    expect(settings.apiToken).toBe(DEFAULT_SETTINGS.apiToken);
    expect(locked.sort()).toEqual(["language", "workerUrl"]);
  });

  it("ignores values of the wrong type instead of breaking", () => {
    const { settings, locked } = mergeSettings(
      { draftRetentionDays: "7", language: "xx" },
      { ehrOrigins: "https://ehr/*", profiles: [{ nope: true }], workerUrl: "ftp://x" },
      DEFAULT_SETTINGS,
    );
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(locked).toEqual([]);
  });

  it("has no worker URL nor EHR page by default outside a development build", () => {
    expect(import.meta.env.MODE).toBe("test");
    expect(DEFAULT_SETTINGS).toEqual(RELEASE_DEFAULTS);
    expect(RELEASE_DEFAULTS.workerUrl).toBe("");
    expect(RELEASE_DEFAULTS.ehrOrigins).toEqual([]);
  });
});

describe("settings in storage (fake browser)", () => {
  beforeEach(() => fakeBrowser.reset());

  it("reads the user's values from storage.local", async () => {
    await userSettingsItem.setValue({ apiToken: "t0k", language: "de" });
    const { settings, locked } = await loadSettings();
    expect(settings.apiToken).toBe("t0k");
    expect(settings.language).toBe("de");
    expect(locked).toEqual([]);
  });

  it("lets managed storage (policy) win and never saves over it", async () => {
    await fakeBrowser.storage.managed.set({
      workerUrl: "https://spine.hospital.be",
      apiToken: "policy",
    });
    await saveUserSettings({ workerUrl: "http://mine", apiToken: "mine", author: "a@h.be" });
    const { settings, locked } = await loadSettings();
    expect(settings.workerUrl).toBe("https://spine.hospital.be");
    expect(settings.apiToken).toBe("policy");
    expect(settings.author).toBe("a@h.be");
    expect(locked.sort()).toEqual(["apiToken", "workerUrl"]);
    expect(await userSettingsItem.getValue()).toEqual({ author: "a@h.be" });
  });
});
