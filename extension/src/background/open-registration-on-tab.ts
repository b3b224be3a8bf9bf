import type { Browser } from "wxt/browser";
import { browser } from "wxt/browser";
import type { OpenRegistrationMessage } from "../overlay/on-open-registration.ts";
import { rememberGrant } from "./active-tab-grants.ts";
import { injectOverlay } from "./inject-overlay.ts";

const isWebPage = (url: string) => /^https?:\/\//.test(url);

/**
 * The user asked for the registration on this tab (toolbar button, context menu, keyboard
 * shortcut), which grants the extension this tab's origin (activeTab) even where no EHR
 * origin of the settings covers it. Starts the overlay there and opens the form in the first
 * frame read as a chart (the frame the user pointed at first, then the top frame), else in
 * the frame pointed at or the top frame with whatever it reads. False where no page can be
 * read (a browser page, the store).
 */
export async function openRegistrationOnTab(
  tab: Browser.tabs.Tab | undefined,
  frameId?: number,
): Promise<boolean> {
  const tabId = tab?.id;
  if (tabId === undefined || !tab?.url || !isWebPage(tab.url)) return false;
  // Before the overlay starts: its first messages to the background come from this grant.
  await rememberGrant(tabId, new URL(tab.url).origin);
  const frames = await injectOverlay(tabId, isWebPage).catch((): number[] => []);
  const ask = (frame: number, anyPage: boolean): Promise<boolean> => {
    const message: OpenRegistrationMessage = { type: "open-registration", anyPage };
    return browser.tabs.sendMessage(tabId, message, { frameId: frame }).then(
      (opened) => opened === true,
      () => false,
    );
  };
  const order =
    frameId !== undefined && frames.includes(frameId)
      ? [frameId, ...frames.filter((frame) => frame !== frameId)]
      : frames;
  for (const frame of order) if (await ask(frame, false)) return true;
  // A same-origin frame leaves the registration to the overlay of its parent, which reads it.
  for (const frame of new Set([order[0], 0]))
    if (frame !== undefined && order.includes(frame) && (await ask(frame, true))) return true;
  return false;
}
