import type { DcdRecord } from "../../../shared-schema/src/dcd.ts";
import type { RegistrationState } from "../api/worker-client.ts";
import type { DcdRef } from "../dcd/dcd-delivery.ts";

/** "local": not (yet) accepted by the worker; the other states are the worker's. */
export type LocalState = "local" | RegistrationState;

/**
 * A registration started from this browser, as the popup lists it. Patient data lives only
 * in `record`, kept while the surgeon may still need it (not yet delivered, an HD4DP draft
 * to complete, a failure to fix) and erased once HD4DP has the registration, or after the
 * retention period of a draft (settings.draftRetentionDays).
 */
export interface LocalRegistration {
  localId: string;
  /** The worker's id, once it accepted the registration. */
  workerId?: string;
  status: "draft" | "submit";
  state: LocalState;
  /** The DCD it was made with (absent in entries of earlier versions of the extension). */
  dcd?: DcdRef;
  registrationCode?: string;
  lastError?: string;
  attempts?: number;
  createdAt: string;
  updatedAt: string;
  /** The EHR page it was started from, to reopen a draft there. */
  pageUrl: string;
  /**
   * Shown in the popup, not patient-identifying: the date and the billed codes the DCD's
   * eligibility reads (dcd/find-eligibility-fields.ts), when it has one.
   */
  surgeryDate?: string;
  codes: string[];
  /** SHA-256 of each business-key field at the last submission (never the values). */
  keyFieldHashes?: Record<string, string>;
  record?: DcdRecord;
}

export const FINAL_STATES: readonly LocalState[] = ["sent", "deleted"];

export function isFinal(state: LocalState): boolean {
  return FINAL_STATES.includes(state);
}
