import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { onOpenRegistration } from "../../../extension/src/overlay/on-open-registration.ts";

/** WXT's context as the listener uses it: invalidated through its abort signal. */
function context() {
  const controller = new AbortController();
  const ctx = {
    onInvalidated(callback: () => void) {
      controller.signal.addEventListener("abort", callback);
    },
  } as unknown as ContentScriptContext;
  return { ctx, invalidate: () => controller.abort() };
}

const ask = (message: unknown) => fakeBrowser.runtime.onMessage.trigger(message, {}, () => {});

describe("the overlay asked to open the registration", () => {
  beforeEach(() => fakeBrowser.reset());

  it("answers whether it opened it, and leaves other messages to others", async () => {
    const { ctx } = context();
    const asked: boolean[] = [];
    onOpenRegistration(ctx, async (anyPage) => {
      asked.push(anyPage);
      return anyPage;
    });
    expect(await ask({ type: "open-registration", anyPage: false })).toEqual([false]);
    expect(await ask({ type: "open-registration", anyPage: true })).toEqual([true]);
    expect(await ask({ type: "page-init" })).toEqual([undefined]);
    expect(asked).toEqual([false, true]);
  });

  it("answers no once stopped, even while it waited to be ready", async () => {
    const { ctx, invalidate } = context();
    onOpenRegistration(ctx, () => new Promise<boolean>(() => {}));
    const answer = ask({ type: "open-registration", anyPage: true });
    invalidate();
    expect(await answer).toEqual([false]);
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});
