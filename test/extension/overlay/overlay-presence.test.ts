import { afterEach, describe, expect, it, vi } from "vitest";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import {
  markOverlayRunning,
  probeOverlay,
} from "../../../extension/src/overlay/overlay-presence.ts";

/** What the probe reads of WXT's context: whether it is still valid. */
const context = (isValid: boolean) => ({ isValid }) as unknown as ContentScriptContext;

describe("the overlay's presence in a frame", () => {
  afterEach(() => {
    globalThis.__spineRegisterOverlay = undefined;
    vi.unstubAllGlobals();
  });

  it("is probed by a function that stands on its own (executeScript sends its source)", () => {
    vi.stubGlobal("location", { href: "https://ehr.hospital.test/chart" });
    expect(probeOverlay()).toEqual({ running: false, url: "https://ehr.hospital.test/chart" });
    markOverlayRunning(context(true));
    // Rebuilt from its source, as the browser does in the frame.
    const sent = new Function(`return (${probeOverlay.toString()})()`);
    expect(sent()).toEqual({ running: true, url: "https://ehr.hospital.test/chart" });
  });

  it("does not count a copy orphaned by an update", () => {
    vi.stubGlobal("location", { href: "https://ehr.hospital.test/chart" });
    markOverlayRunning(context(false));
    expect(probeOverlay().running).toBe(false);
  });
});
