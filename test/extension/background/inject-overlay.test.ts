import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { injectIntoOpenTabs } from "../../../extension/src/background/inject-into-open-tabs.ts";
import { injectOverlay } from "../../../extension/src/background/inject-overlay.ts";
import { CONTENT_SCRIPT_FILE } from "../../../extension/src/background/sync-content-scripts.ts";
import { probeOverlay } from "../../../extension/src/overlay/overlay-presence.ts";
import { fakeScripting, probed } from "./fake-scripting.ts";

const EHR = "https://ehr.hospital.test/*";
const ehrPage = (path: string) => `https://ehr.hospital.test${path}`;
const anyPage = () => true;

describe("starting the overlay in an open tab", () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it("probes every frame, then injects where it does not run yet, the top frame first", async () => {
    const { injections } = fakeScripting({
      inject: ({ func }) =>
        func
          ? [
              probed(9, ehrPage("/frame")),
              probed(0, ehrPage("/chart"), true),
              probed(4, "about:blank"),
            ]
          : [],
    });
    const frames = await injectOverlay(3, (url) => url.startsWith("https:"));
    expect(frames).toEqual([0, 9]);
    expect(injections).toEqual([
      { target: { tabId: 3, allFrames: true }, func: probeOverlay },
      { target: { tabId: 3, frameIds: [9] }, files: [CONTENT_SCRIPT_FILE] },
    ]);
  });

  it("injects nothing where the overlay already runs: an open form stays", async () => {
    const { injections } = fakeScripting({
      inject: ({ func }) => (func ? [probed(0, ehrPage("/chart"), true)] : []),
    });
    expect(await injectOverlay(3, anyPage)).toEqual([0]);
    expect(injections).toHaveLength(1);
  });

  it("reaches the open tabs of the origins, in the frames of these origins only", async () => {
    const query = vi.spyOn(fakeBrowser.tabs, "query").mockResolvedValue([
      { id: 5, url: ehrPage("/chart") },
      { id: 6, url: ehrPage("/discarded") },
    ] as never);
    const { injections } = fakeScripting({
      inject: ({ target, func }) => {
        if (target.tabId === 6) throw new Error("The tab was discarded.");
        return func ? [probed(0, ehrPage("/chart")), probed(2, "https://ads.test/")] : [];
      },
    });
    await injectIntoOpenTabs([EHR]);
    expect(query).toHaveBeenCalledWith({ url: [EHR] });
    expect(injections.filter((injection) => injection.files)).toEqual([
      { target: { tabId: 5, frameIds: [0] }, files: [CONTENT_SCRIPT_FILE] },
    ]);
  });

  it("asks for no tab when no origin is granted", async () => {
    const query = vi.spyOn(fakeBrowser.tabs, "query");
    await injectIntoOpenTabs([]);
    expect(query).not.toHaveBeenCalled();
  });
});
