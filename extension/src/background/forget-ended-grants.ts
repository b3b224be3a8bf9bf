import { browser } from "wxt/browser";
import { forgetTab, isGranted } from "./active-tab-grants.ts";

/**
 * A grant ends where activeTab's does: when its tab shows a page of another origin, or
 * closes. Without the "tabs" permission the browser hides the URL of a page the extension
 * may not read: a tab whose URL is hidden has left the granted origin.
 */
export function forgetEndedGrants(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== "loading" && change.url === undefined) return;
    void forgetUnlessStillGranted(tabId, tab.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}

async function forgetUnlessStillGranted(tabId: number, url: string | undefined): Promise<void> {
  const origin = url && URL.canParse(url) ? new URL(url).origin : undefined;
  if (origin === undefined || !(await isGranted(tabId, origin))) await forgetTab(tabId);
}
