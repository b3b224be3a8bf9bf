import { browser } from "wxt/browser";

/**
 * The registrations of this browser, their state and what waits for the hospital's IT: the
 * popup's page, in a tab, since the toolbar button opens the registration on the page.
 */
export async function openRegistrationsPage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL("/popup.html") });
}
