import { browser } from "wxt/browser";

/**
 * Closes the storage that holds the API token (the user's in `local`, the policy's in
 * `managed`) and the registrations to content scripts. A content script runs in the EHR
 * page's renderer process: whatever it can read, a compromised page can too. Ours asks the
 * background instead (config-state, registration). Chrome 140+ and Safari honour it for
 * these areas; older Chrome refuses it outside `session`, Firefox has no setAccessLevel:
 * there our content script simply never reads storage.
 */
export async function restrictStorageAccess(): Promise<void> {
  for (const area of [browser.storage.local, browser.storage.managed]) {
    try {
      await area.setAccessLevel?.({ accessLevel: "TRUSTED_CONTEXTS" });
    } catch {
      // Not supported for this area by this browser: nothing to close.
    }
  }
}
