import { browser } from "wxt/browser";
import type { ExtensionMessage, ReplyOf } from "./extension-message.ts";

/** Typed runtime.sendMessage; a dead background (extension updated) becomes an error reply. */
export async function sendMessage<M extends ExtensionMessage>(
  message: M,
): Promise<ReplyOf[M["type"]]> {
  try {
    return (await browser.runtime.sendMessage(message)) as ReplyOf[M["type"]];
  } catch (error) {
    return {
      ok: false,
      error: { kind: "internal", message: error instanceof Error ? error.message : String(error) },
    } as ReplyOf[M["type"]];
  }
}
