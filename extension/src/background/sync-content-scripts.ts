import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import { loadSettings, userSettingsItem } from "../settings/load-settings.ts";
import { mergeSettings } from "../settings/merge-settings.ts";
import { DEFAULT_SETTINGS } from "../settings/settings.ts";

export const CONTENT_SCRIPT_ID = "ehr-overlay";
export const CONTENT_SCRIPT_FILE = "/content-scripts/ehr.js";

/**
 * The EHR origins of the settings at the last sync: what the content script is registered
 * for at once on the next start, before the policy answers. An extension update clears the
 * registration, and managed storage can take seconds to answer while the browser starts.
 */
const lastEhrOriginsItem = storage.defineItem<string[]>("local:lastEhrOrigins", {
  version: 1,
});

/** One registration change at a time: the quick one at start must never undo a full one. */
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Registers the content script on the EHR origins of the settings (policy included) for
 * which the extension holds the host permission (demo origins at install, others granted at
 * run time or by policy), and nowhere else: no <all_urls>. Called on start, and on every
 * change of settings or permissions. Answers the origins it is registered for.
 */
export async function syncContentScripts(): Promise<string[]> {
  const { settings } = await loadSettings();
  return inTurn(async () => {
    const granted = await registerContentScript(settings.ehrOrigins);
    await lastEhrOriginsItem.setValue(settings.ehrOrigins);
    return granted;
  });
}

/**
 * At once, without the policy: keeps the registration that persisted across the browser's
 * sessions, else registers the origins of the last sync, else those of the user's own
 * settings. syncContentScripts then corrects it when the policy has answered.
 */
export function registerKnownContentScripts(): Promise<string[]> {
  return inTurn(async () => {
    const [registered] = await browser.scripting.getRegisteredContentScripts({
      ids: [CONTENT_SCRIPT_ID],
    });
    if (registered) return registered.matches ?? [];
    const origins =
      (await lastEhrOriginsItem.getValue()) ??
      mergeSettings(await userSettingsItem.getValue(), {}, DEFAULT_SETTINGS).settings.ehrOrigins;
    return registerContentScript(origins);
  });
}

async function registerContentScript(origins: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of origins) {
    try {
      if (await browser.permissions.contains({ origins: [origin] })) granted.push(origin);
    } catch {
      // An invalid match pattern in the settings: skipped, the others still apply.
    }
  }
  const existing = await browser.scripting.getRegisteredContentScripts({
    ids: [CONTENT_SCRIPT_ID],
  });
  if (granted.length === 0) {
    if (existing.length > 0)
      await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    return granted;
  }
  const script = {
    id: CONTENT_SCRIPT_ID,
    matches: granted,
    js: [CONTENT_SCRIPT_FILE],
    runAt: "document_start" as const,
    // EHRs often show the chart in a frame; the overlay only appears where a chart is read.
    allFrames: true,
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return granted;
}
