import type { DcdRecord } from "../../../shared-schema/src/dcd.ts";
import type { RegistrationState } from "../api/worker-client.ts";
import type { DcdRef } from "../dcd/dcd-delivery.ts";

/** "local": not (yet) accepted by the worker; the other states are the worker's. */
export type LocalState = "local" | RegistrationState;

/**
 * A registration started from this browser, as the popup lists it. Patient data lives only
 * in `record` and `pageUrl` (which may carry the patient's id), kept while the surgeon may
 * still need them (not yet delivered, an HD4DP draft to complete, a failure to fix) and
 * erased together once HD4DP has the registration, or `draftRetentionDays` after the last
 * edit.
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
  /** The surgeon's last save, send or delete: what retention counts from. */
  editedAt: string;
  /** The last change of any kind, a state read from the worker included. */
  updatedAt: string;
  /** The EHR page it was started from, to reopen a draft there; erased with the record. */
  pageUrl?: string;
  /**
   * Shown in the popup, not patient-identifying: the date and the billed codes the DCD's
   * eligibility reads (shared-schema/src/find-eligibility-fields.ts), when it has one.
   */
  surgeryDate?: string;
  codes: string[];
  /** Whether the worker accepted a submission of it: a business key the registry knows. */
  submitted?: boolean;
  record?: DcdRecord;
}

export const FINAL_STATES: readonly LocalState[] = ["sent", "deleted"];

export function isFinal(state: LocalState): boolean {
  return FINAL_STATES.includes(state);
}

/**
 * Whether asking the worker may tell something new. An HD4DP draft ("open", saved as a
 * draft) has no business key, so HD4DP cannot report on it: only the surgeon changes it.
 */
export function isPolled(entry: LocalRegistration): boolean {
  if (!entry.workerId || isFinal(entry.state)) return false;
  return !(entry.state === "open" && entry.status === "draft");
}

/** The entry without the patient's data: once HD4DP holds it, or its retention is over. */
export function withoutPatientData(entry: LocalRegistration): LocalRegistration {
  const { record: _record, pageUrl: _pageUrl, ...rest } = entry;
  return rest;
}
