// What the emulated HD4DP does with a submission, apart from HTTP: drafts become Open
// records, a record is keyed by its business key (derive-business-key.ts), resubmitting a
// sent record corrects it, a repeated Idempotency-Key gets its first reply again, and every
// change is saved to the state store at once, so a restart loses nothing it acknowledged.
// The list of submitted records gives each record's data when asked (incl-submit-data), as
// HD4DP does: the state keeps payloads masked, so the data is held in memory only, and a
// restarted emulator lists its earlier records without it.

import type { Dcd } from "../../shared-schema/src/dcd.ts";
import type {
  SubmitTarget,
  SubmittedListTarget,
  SubmittedRecord,
} from "../../worker/src/registry/hd4dp-contract.ts";
import { createEmptyState } from "./create-empty-state.ts";
import { deriveBusinessKey } from "./derive-business-key.ts";
import type {
  Answer,
  Delivery,
  EmulatorState,
  Registration,
  StateStore,
} from "./emulator-state-schema.ts";
import { formatRegistrationCode } from "./format-registration-code.ts";
import { maskPatientData } from "./mask-patient-data.ts";

export interface Submission {
  method: string;
  /** The path without its query. */
  path: string;
  target: SubmitTarget;
  /** The DCD of the target: its business-key fields identify the record. */
  dcd: Dcd;
  fields: Record<string, unknown>;
  idempotencyKey: string | null;
  /** The business key of the sent record a PUT corrects. */
  correctionOf?: string;
}

export interface RegistryBook {
  /** The reply to a submission, and whether it is the replay of an Idempotency-Key. */
  submit(submission: Submission): Promise<{ answer: Answer; replayed: boolean }>;
  submitted(target: SubmittedListTarget): SubmittedRecord[];
  /** Marks the sent records with this business key deleted; false when there is none. */
  withdraw(businessKey: string): boolean;
  registrations(): Registration[];
  deliveries(): Delivery[];
  /** Forgets everything, the business-key secret included: a reinstalled HD4DP. */
  reset(): void;
}

const rejection = (errors: { field?: string; code: string; message: string }[]): Answer => ({
  status: 400,
  body: { errors },
});

const IDENTITY_HINT = "or the patient's last name, first name and birth date";

export function createRegistryBook(store: StateStore, codePrefix: string): RegistryBook {
  let state: EmulatorState = store.load() ?? createEmptyState();
  /** The newest payload of each record, unmasked: served by the list with data only. */
  const submittedData = new WeakMap<Registration, Record<string, unknown>>();

  const sentRecord = (target: SubmitTarget, businessKey: string) =>
    state.registrations.find(
      (r) =>
        r.status === "sent" &&
        r.businessKey === businessKey &&
        r.organizationId === target.organizationId &&
        r.dcdId === target.dcdId,
    );

  function deliver(submission: Submission, registration: Registration): Answer {
    state.deliveries.push({
      at: registration.submittedAt,
      method: submission.method,
      path: submission.path,
      organizationId: registration.organizationId,
      dcdId: registration.dcdId,
      dcdVersion: registration.dcdVersion,
      idempotencyKey: submission.idempotencyKey,
      businessKey: registration.businessKey,
      registrationCode: registration.registrationCode,
      status: registration.status,
      version: registration.version,
      payload: registration.payload,
    });
    const answer: Answer =
      registration.status === "open"
        ? { status: 202, body: { businessKey: "" } }
        : {
            status: 202,
            body: {
              businessKey: registration.businessKey,
              registrationCode: registration.registrationCode,
            },
          };
    const { idempotencyKey } = submission;
    if (idempotencyKey !== null) state.replies.push({ idempotencyKey, answer });
    store.save(state);
    return answer;
  }

  /** A new record, numbered. */
  function create(submission: Submission, businessKey: string, status: "open" | "sent") {
    const now = new Date();
    let registrationCode: string | null = null;
    if (status === "sent") {
      state.sequence++;
      registrationCode = formatRegistrationCode(codePrefix, now.getFullYear(), state.sequence);
    }
    const registration: Registration = {
      organizationId: submission.target.organizationId,
      dcdId: submission.target.dcdId,
      dcdVersion: submission.target.dcdVersion,
      businessKey,
      registrationCode,
      status,
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      submittedAt: now.toISOString(),
      payload: maskPatientData(submission.fields),
    };
    state.registrations.push(registration);
    submittedData.set(registration, submission.fields);
    return registration;
  }

  return {
    submit: async (submission) => {
      const { fields, correctionOf } = submission;
      // Derived before the state is read: no other call may change it between the checks
      // below and the write (a retry racing its lost first attempt must be a replay).
      const derived = await deriveBusinessKey(submission.dcd, fields, state.businessKeySecret);
      const key = submission.idempotencyKey;
      const first = key === null ? undefined : state.replies.find((r) => r.idempotencyKey === key);
      if (first) return { answer: structuredClone(first.answer), replayed: true };
      const corrected =
        correctionOf === undefined ? undefined : sentRecord(submission.target, correctionOf);
      if (correctionOf !== undefined && !corrected) {
        const message = "no sent record with this business key: it was withdrawn, or never sent";
        return { answer: { status: 404, body: { message } }, replayed: false };
      }
      if (fields.STATUS === "draft") {
        if (corrected) {
          const message = "a sent record cannot become a draft again";
          return {
            answer: rejection([{ field: "STATUS", code: "invalid", message }]),
            replayed: false,
          };
        }
        return { answer: deliver(submission, create(submission, "", "open")), replayed: false };
      }
      if ("missing" in derived) {
        const errors = derived.missing.map((field) => ({
          field,
          code: "required",
          message: `${field} is required${field === "IDC_PAT" ? `, ${IDENTITY_HINT}` : ""}`,
        }));
        return { answer: rejection(errors), replayed: false };
      }
      if (corrected && derived.businessKey !== correctionOf) {
        const message =
          "the record's business key fields do not match the record it corrects: submit it as a new registration";
        return { answer: rejection([{ code: "business-key-mismatch", message }]), replayed: false };
      }
      const existing = corrected ?? sentRecord(submission.target, derived.businessKey);
      if (!existing) {
        const created = create(submission, derived.businessKey, "sent");
        return { answer: deliver(submission, created), replayed: false };
      }
      // A correction: the newest version counts.
      const now = new Date().toISOString();
      Object.assign(existing, {
        dcdVersion: submission.target.dcdVersion,
        version: existing.version + 1,
        updatedAt: now,
        submittedAt: now,
        payload: maskPatientData(fields),
      });
      submittedData.set(existing, fields);
      return { answer: deliver(submission, existing), replayed: false };
    },
    submitted: (target) =>
      state.registrations
        .filter(
          (r) =>
            r.organizationId === target.organizationId &&
            r.dcdId === target.dcdId &&
            (target.dcdVersion === undefined || r.dcdVersion === target.dcdVersion),
        )
        .map((r) => {
          const data = target.withData === true ? submittedData.get(r) : undefined;
          return {
            businessKey: r.businessKey,
            ...(r.registrationCode === null ? {} : { registrationCode: r.registrationCode }),
            status: r.status,
            dcdVersion: r.dcdVersion,
            submittedAt: r.submittedAt,
            ...(data === undefined ? {} : { data: structuredClone(data) }),
          };
        }),
    withdraw: (businessKey) => {
      const withdrawn = state.registrations.filter(
        (r) => r.status === "sent" && r.businessKey === businessKey,
      );
      const now = new Date().toISOString();
      for (const registration of withdrawn)
        Object.assign(registration, { status: "deleted", updatedAt: now });
      if (withdrawn.length > 0) store.save(state);
      return withdrawn.length > 0;
    },
    registrations: () => structuredClone(state.registrations),
    deliveries: () => structuredClone(state.deliveries),
    reset: () => {
      state = createEmptyState();
      store.save(state);
    },
  };
}
