import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { isGranted } from "../../../extension/src/background/active-tab-grants.ts";
import { openRegistrationOnTab } from "../../../extension/src/background/open-registration-on-tab.ts";
import { fakeScripting, probed } from "./fake-scripting.ts";

const PAGE = "http://intranet.hospital.test:8080/planning/today";
const ORIGIN = "http://intranet.hospital.test:8080";
const tab = (url?: string) => ({ id: 12, url }) as Browser.tabs.Tab;

/** Each frame's overlay: whether it reads a chart. Notes every request, in order. */
function overlays(charts: Record<number, boolean>) {
  const asked: { frameId: number; anyPage: boolean }[] = [];
  vi.spyOn(fakeBrowser.tabs, "sendMessage").mockImplementation((async (
    _tabId: number,
    message: { anyPage: boolean },
    options: { frameId: number },
  ) => {
    asked.push({ frameId: options.frameId, anyPage: message.anyPage });
    return message.anyPage || charts[options.frameId] === true;
  }) as never);
  return asked;
}

describe("opening the registration on the tab the user asked for", () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it("grants the tab's origin before the overlay starts, then opens the form in the top frame", async () => {
    let grantedAtInjection = false;
    fakeScripting({
      inject: async ({ func }) => {
        grantedAtInjection ||= await isGranted(12, ORIGIN);
        return func ? [probed(0, PAGE)] : [];
      },
    });
    const asked = overlays({});
    expect(await openRegistrationOnTab(tab(PAGE))).toBe(true);
    expect(grantedAtInjection).toBe(true);
    // No chart read: asked first whether it reads one, then to open all the same.
    expect(asked).toEqual([
      { frameId: 0, anyPage: false },
      { frameId: 0, anyPage: true },
    ]);
  });

  it("opens it in the frame that shows a chart", async () => {
    fakeScripting({ inject: ({ func }) => (func ? [probed(0, PAGE), probed(7, PAGE)] : []) });
    const asked = overlays({ 7: true });
    expect(await openRegistrationOnTab(tab(PAGE))).toBe(true);
    expect(asked).toEqual([
      { frameId: 0, anyPage: false },
      { frameId: 7, anyPage: false },
    ]);
  });

  it("asks the frame of the context menu first, and opens it there when no frame is a chart", async () => {
    fakeScripting({ inject: ({ func }) => (func ? [probed(0, PAGE), probed(7, PAGE)] : []) });
    const asked = overlays({});
    expect(await openRegistrationOnTab(tab(PAGE), 7)).toBe(true);
    expect(asked).toEqual([
      { frameId: 7, anyPage: false },
      { frameId: 0, anyPage: false },
      { frameId: 7, anyPage: true },
    ]);
  });

  it("does nothing on a page that cannot be read", async () => {
    const { injections } = fakeScripting({});
    expect(await openRegistrationOnTab(tab("chrome://newtab/"))).toBe(false);
    expect(await openRegistrationOnTab(tab(undefined))).toBe(false);
    expect(await openRegistrationOnTab(undefined)).toBe(false);
    expect(injections).toEqual([]);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it("says so when the browser refuses the page (a store, a PDF viewer)", async () => {
    fakeScripting({
      inject: () => {
        throw new Error("Cannot access contents of the page.");
      },
    });
    const asked = overlays({});
    expect(await openRegistrationOnTab(tab(PAGE))).toBe(false);
    expect(asked).toEqual([]);
  });
});
