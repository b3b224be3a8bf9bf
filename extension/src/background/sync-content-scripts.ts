import { browser } from "wxt/browser";
import { loadSettings } from "../settings/load-settings.ts";

export const CONTENT_SCRIPT_ID = "ehr-overlay";
const CONTENT_SCRIPT_FILE = "content-scripts/ehr.js";

/**
 * Registers the content script on the EHR origins of the settings for which the extension
 * holds the host permission (demo origins at install, others granted at run time or by
 * policy), and nowhere else: no <all_urls> (issue 4). Called on install, start-up and every
 * change of settings or permissions.
 */
export async function syncContentScripts(): Promise<string[]> {
  const { settings } = await loadSettings();
  const granted: string[] = [];
  for (const origin of settings.ehrOrigins) {
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
