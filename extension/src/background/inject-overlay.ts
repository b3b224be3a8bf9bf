import { browser } from "wxt/browser";
import { probeOverlay } from "../overlay/overlay-presence.ts";
import { CONTENT_SCRIPT_FILE } from "./sync-content-scripts.ts";

/**
 * Starts the overlay in the frames of a tab whose URL `wanted` accepts and where it does not
 * run yet, and answers the frames where it runs now, the top frame first. The browser leaves
 * out the frames the extension may not read. A frame whose document changes between the
 * probe and the injection gets a second copy only as it starts: the newer one takes over
 * before anything is shown.
 */
export async function injectOverlay(
  tabId: number,
  wanted: (url: string) => boolean,
): Promise<number[]> {
  const probes = await browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: probeOverlay,
  });
  const frames = probes.flatMap(({ frameId, result }) =>
    result && wanted(result.url) ? [{ frameId, running: result.running }] : [],
  );
  const missing = frames.filter((frame) => !frame.running).map((frame) => frame.frameId);
  if (missing.length > 0) {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: missing },
      files: [CONTENT_SCRIPT_FILE],
    });
  }
  return frames.map((frame) => frame.frameId).sort((a, b) => a - b);
}
