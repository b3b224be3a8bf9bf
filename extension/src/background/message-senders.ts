import type { ExtensionMessage } from "../messages/extension-message.ts";
import type { SenderKind } from "./find-sender-kind.ts";

/**
 * Which kind of sender may send each message. What lists, reopens or deletes registrations
 * and what tells the outbox's state is for the extension's own pages: an EHR page has no
 * business with registrations it did not open. The page side asks for what its form needs;
 * it may open the options page (the form's "not configured" notice links there).
 */
export const MESSAGE_SENDERS: Readonly<Record<ExtensionMessage["type"], readonly SenderKind[]>> = {
  "load-form": ["page"],
  "page-init": ["page"],
  "config-state": ["page", "extension"],
  dcd: ["page", "extension"],
  eligibility: ["page"],
  register: ["page"],
  registration: ["page", "extension"],
  "key-changes": ["page"],
  "delete-registration": ["extension"],
  "list-registrations": ["extension"],
  reopen: ["extension"],
  "open-options": ["page", "extension"],
  "outbox-health": ["extension"],
  reconciliation: ["page"],
};

/** Whether this kind of sender may send a message of this type (an unknown type: never). */
export function maySend(type: string, kind: SenderKind): boolean {
  return (
    Object.hasOwn(MESSAGE_SENDERS, type) &&
    MESSAGE_SENDERS[type as ExtensionMessage["type"]].includes(kind)
  );
}
