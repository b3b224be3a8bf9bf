import type { ContentScriptContext } from "wxt/utils/content-script-context";

// The overlay runs once per frame. A second copy cannot step back by itself: WXT's context
// stops the copy already running as soon as a newer one starts (meant for copies orphaned by
// an extension update), before any of our code runs, and an open form would go with it. So
// the copy running says so here, and the background probes for it before it injects one
// (background/inject-overlay.ts).

declare global {
  // A global of the extension's isolated world, not of the page.
  var __spineRegisterOverlay: { readonly isValid: boolean } | undefined;
}

/** Called first thing by the content script: this frame has its overlay. */
export function markOverlayRunning(ctx: ContentScriptContext): void {
  globalThis.__spineRegisterOverlay = ctx;
}

interface OverlayProbe {
  /** A copy orphaned by an update does not count: its context is no longer valid. */
  running: boolean;
  url: string;
}

/** Run in each frame by scripting.executeScript, which sends its source: self-contained. */
export function probeOverlay(): OverlayProbe {
  return { running: globalThis.__spineRegisterOverlay?.isValid === true, url: location.href };
}
