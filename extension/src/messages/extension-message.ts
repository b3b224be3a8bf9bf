import type { DcdRecord } from "../../../shared-schema/src/dcd.ts";
import type { EligibilityReply, OutboxHealth, WorkerIssue } from "../api/worker-client.ts";
import type { DcdDelivery, DcdRef } from "../dcd/dcd-delivery.ts";
import type { LocalRegistration } from "../registrations/local-registration.ts";

// Messages between the page side (content script and form) and the background, which alone
// talks to the worker: the page origin never holds the API token (issue 3: CORS only for the
// extension's origin).

export type ExtensionMessage =
  | { type: "load-form" }
  | { type: "page-init" }
  /** The DCD of the settings, for the form (and, with where it came from, for the popup). */
  | { type: "dcd" }
  | { type: "eligibility"; codes: string[]; date?: string }
  | {
      type: "register";
      localId?: string;
      dcd: DcdRef;
      record: DcdRecord;
      status: "draft" | "submit";
      pageUrl: string;
    }
  | { type: "registration"; localId: string }
  | { type: "key-changes"; localId: string; dcd: DcdRef; record: DcdRecord }
  | { type: "delete-registration"; localId: string }
  | { type: "list-registrations" }
  | { type: "reopen"; localId: string }
  | { type: "open-options" }
  /** Whether the worker's deliveries to HD4DP wait for the hospital's IT (popup, options). */
  | { type: "outbox-health" };

export interface ReplyError {
  kind: "unreachable" | "worker" | "config" | "internal";
  message: string;
  status?: number;
  issues?: WorkerIssue[];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

/** What each message answers. */
export interface ReplyOf {
  "load-form": Reply<true>;
  "page-init": Reply<{ reopenLocalId?: string }>;
  dcd: Reply<DcdDelivery>;
  eligibility: Reply<EligibilityReply>;
  register: Reply<LocalRegistration>;
  registration: Reply<LocalRegistration | null>;
  "key-changes": Reply<string[]>;
  "delete-registration": Reply<LocalRegistration | null>;
  "list-registrations": Reply<LocalRegistration[]>;
  reopen: Reply<true>;
  "open-options": Reply<true>;
  "outbox-health": Reply<OutboxHealth>;
}
