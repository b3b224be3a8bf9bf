import type { Browser } from "wxt/browser";
import { browser } from "wxt/browser";
import { patternCoversOrigin } from "../settings/pattern-covers-origin.ts";
import { isGranted } from "./active-tab-grants.ts";

/**
 * extension: the popup, the options page (any tab or none). page: our content script (and
 * the form injected into it) on an EHR page of the settings, or on a tab where the user
 * asked for it (activeTab).
 */
export type SenderKind = "extension" | "page";

/**
 * Who is asking, or undefined for anyone else: a frame of another origin in an EHR tab, a
 * tab whose activeTab grant has ended. Never trusts the message, only what the browser says
 * of its sender.
 */
export async function findSenderKind(
  sender: Browser.runtime.MessageSender,
  ehrOrigins: readonly string[],
): Promise<SenderKind | undefined> {
  const { url, tab } = sender;
  if (!url) return undefined;
  if (url.startsWith(browser.runtime.getURL("/"))) return "extension";
  if (tab?.id === undefined || !URL.canParse(url)) return undefined;
  const { origin } = new URL(url);
  if (ehrOrigins.some((pattern) => patternCoversOrigin(pattern, origin))) return "page";
  return (await isGranted(tab.id, origin)) ? "page" : undefined;
}
