import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";

/**
 * The background asks the overlay of one frame to open the registration: the user asked for
 * it on this page (toolbar button, context menu, keyboard shortcut).
 */
export interface OpenRegistrationMessage {
  type: "open-registration";
  /** Open it even where the page is not read as a chart (with what could be read). */
  anyPage: boolean;
}

function isOpenRegistration(message: unknown): message is OpenRegistrationMessage {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { type?: unknown }).type === "open-registration"
  );
}

/**
 * Answers the background whether the registration is open in this frame now. A copy stopped
 * meanwhile answers false rather than never: the background then asks another frame.
 */
export function onOpenRegistration(
  ctx: ContentScriptContext,
  open: (anyPage: boolean) => Promise<boolean>,
): void {
  const stopped = new Promise<boolean>((resolve) => ctx.onInvalidated(() => resolve(false)));
  const listener = (message: unknown) =>
    isOpenRegistration(message) ? Promise.race([open(message.anyPage), stopped]) : undefined;
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
