import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { isGranted, rememberGrant } from "../../../extension/src/background/active-tab-grants.ts";
import { forgetEndedGrants } from "../../../extension/src/background/forget-ended-grants.ts";

const ORIGIN = "http://intranet.hospital.test";

/** The listeners forget in the background: wait until storage says the same. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the end of a tab's grant", () => {
  let tabId: number;
  beforeEach(async () => {
    fakeBrowser.reset();
    forgetEndedGrants();
    tabId = (await fakeBrowser.tabs.create({ url: `${ORIGIN}/planning` })).id ?? -1;
    await rememberGrant(tabId, ORIGIN);
  });

  it("stays while the tab shows pages of the same origin", async () => {
    await fakeBrowser.tabs.update(tabId, { url: `${ORIGIN}/planning/tomorrow` });
    await fakeBrowser.tabs.update(tabId, { status: "loading" } as never);
    await settled();
    expect(await isGranted(tabId, ORIGIN)).toBe(true);
  });

  it("ends on a page of another origin, or one whose URL the browser hides", async () => {
    await fakeBrowser.tabs.update(tabId, { url: "https://news.test/" });
    await settled();
    expect(await isGranted(tabId, ORIGIN)).toBe(false);

    await rememberGrant(tabId, "https://news.test");
    await fakeBrowser.tabs.update(tabId, { url: undefined, status: "loading" } as never);
    await settled();
    expect(await fakeBrowser.storage.session.get("activeTabGrants")).toEqual({
      activeTabGrants: {},
    });
  });

  it("ends when the tab closes", async () => {
    // As the browser says it (the fake's tabs.remove looks for a window of the tab's id).
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { isWindowClosing: false, windowId: 0 });
    await settled();
    expect(await isGranted(tabId, ORIGIN)).toBe(false);
  });
});
