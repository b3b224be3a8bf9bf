// The tabs where the user asked the extension to read the page (toolbar action, context
// menu, keyboard shortcut) although no configured EHR origin covers it: activeTab grants
// access to that tab's origin until it navigates away. The background remembers the grants
// so that it answers messages from those pages only (handle-message.ts checks the sender),
// in storage.session: a restarted service worker still knows them, a restarted browser not.

import { browser } from "wxt/browser";

const KEY = "activeTabGrants";

type Grants = Record<string, string>;

async function read(): Promise<Grants> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  return typeof stored === "object" && stored !== null ? (stored as Grants) : {};
}

/** The user opened the registration on this tab, whose page has this origin. */
export async function rememberGrant(tabId: number, origin: string): Promise<void> {
  await browser.storage.session.set({ [KEY]: { ...(await read()), [tabId]: origin } });
}

/** Whether the user granted this tab while it showed a page of this origin. */
export async function isGranted(tabId: number, origin: string): Promise<boolean> {
  return (await read())[tabId] === origin;
}

/** The tab navigated to another origin, or closed: its grant is over. */
export async function forgetTab(tabId: number): Promise<void> {
  const grants = await read();
  if (!(tabId in grants)) return;
  delete grants[tabId];
  await browser.storage.session.set({ [KEY]: grants });
}
