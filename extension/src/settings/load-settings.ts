import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import { mergeSettings } from "./merge-settings.ts";
import { DEFAULT_SETTINGS, type EffectiveSettings, type SettingsWithToken } from "./settings.ts";

/**
 * The user's own values. storage.local, not sync: the API token must not travel to other
 * devices, and one item keeps the options page a single read/write. Read by the background
 * and the extension's pages only (the content script asks the background: config-state).
 */
export const userSettingsItem = storage.defineItem<Partial<SettingsWithToken>>("local:settings", {
  fallback: {},
  version: 1,
});

/** Policy values pushed by the hospital (Chrome `3rdparty` policy, Firefox policies.json). */
export async function readManagedSettings(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get(null)) ?? {};
  } catch {
    // No policy, or a browser without managed storage for this add-on: nothing is locked.
    return {};
  }
}

export async function loadSettings(): Promise<EffectiveSettings> {
  const [user, managed] = await Promise.all([userSettingsItem.getValue(), readManagedSettings()]);
  return mergeSettings(user, managed, DEFAULT_SETTINGS);
}

/** Saves the user's values, minus those the policy locks (they would never apply). */
export async function saveUserSettings(values: Partial<SettingsWithToken>): Promise<void> {
  const { locked } = await loadSettings();
  const next: Partial<SettingsWithToken> = { ...(await userSettingsItem.getValue()), ...values };
  for (const key of locked) delete next[key];
  await userSettingsItem.setValue(next);
}

/** Calls back when either the user's values or the policy change. */
export function watchSettings(callback: () => void): () => void {
  const unwatch = userSettingsItem.watch(() => callback());
  const onChanged = (_changes: unknown, area: string) => {
    if (area === "managed") callback();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    unwatch();
    browser.storage.onChanged.removeListener(onChanged);
  };
}
