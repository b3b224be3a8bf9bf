import type { Browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";

type Sender = Browser.runtime.MessageSender;

/** The EHR of the settings in these tests. */
export const EHR_PATTERN = "https://ehr.hospital.test/*";

/** The popup (no tab) or the options page opened in a tab, as the browser names them. */
export function extensionPage(path: string, tabId?: number): Sender {
  return {
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL(path),
    ...(tabId === undefined ? {} : { tab: { id: tabId } as Browser.tabs.Tab }),
  };
}

/** Our content script (or the form in its world) in a frame of a tab showing `url`. */
export function contentScript(url: string, tabId = 7, frameId = 0): Sender {
  return { id: fakeBrowser.runtime.id, url, frameId, tab: { id: tabId } as Browser.tabs.Tab };
}
