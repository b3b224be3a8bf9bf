import type { BilledAct } from "../../../shared-schema/src/billed-act-fields.ts";
import type { DcdRecord } from "../../../shared-schema/src/dcd.ts";
import type {
  EligibilityReply,
  OutboxHealth,
  ReconciliationReply,
  WorkerIssue,
} from "../api/worker-client.ts";
import type { DcdDelivery, DcdRef } from "../dcd/dcd-delivery.ts";
import type { LocalRegistration } from "../registrations/local-registration.ts";
import type { ConfigProblem } from "../settings/find-config-problems.ts";
import type { Settings } from "../settings/settings.ts";

// Messages between the page side (content script and form) and the background, which alone
// talks to the worker and alone reads the API token: the page side never holds it, and the
// worker's CORS admits the extension's origin only. Which side may send which message:
// background/message-senders.ts.

export type ExtensionMessage =
  | { type: "load-form" }
  | { type: "page-init" }
  /** The page side's settings (no token), what is wrong with them, and whether it can send. */
  | { type: "config-state" }
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
  | { type: "outbox-health" }
  /** Whether the billed acts on the chart are registered (asked by business key). */
  | { type: "reconciliation"; dcd: DcdRef; acts: BilledAct[] };

/** What the page side knows of the configuration: everything but the API token. */
export interface PageConfig {
  settings: Settings;
  problems: ConfigProblem[];
  /** A worker URL and a token are set: registrations can be sent. */
  configured: boolean;
}

export interface ReplyError {
  /** forbidden: a sender that may not ask this (another page, or a popup-only message). */
  kind: "unreachable" | "worker" | "config" | "forbidden" | "internal";
  message: string;
  status?: number;
  issues?: WorkerIssue[];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

/** What each message answers. */
export interface ReplyOf {
  "load-form": Reply<true>;
  "page-init": Reply<{ reopenLocalId?: string }>;
  "config-state": Reply<PageConfig>;
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
  reconciliation: Reply<ReconciliationReply>;
}
