// What the emulated HD4DP remembers, as one serialisable object: kept by a StateStore (a
// JSON file for `npm start`, memory in tests and workerd), so a restarted emulator still
// holds its records, answers a lost reply's retry from its Idempotency-Key and derives the
// same business key for the same record, as a real HD4DP does. Tokens and stats are not
// part of it: a restarted registry asks for a new token anyway.
import { z } from "zod";
// Before any schema is built: the emulator also runs in workerd, which forbids zod's code generation.
import "../../shared-schema/src/jitless-zod.ts";

const STATUSES = ["open", "sent", "deleted"] as const;

/** Patient identifiers masked (mask-patient-data.ts): the state never holds them in clear. */
const PayloadSchema = z.record(z.string(), z.unknown());

export const RegistrationSchema = z.object({
  organizationId: z.string(),
  dcdId: z.string(),
  /** The DCD version of the newest submission. */
  dcdVersion: z.string(),
  /** "" for an open (draft) record, as HD4DP answers a draft. */
  businessKey: z.string(),
  registrationCode: z.string().nullable(),
  status: z.enum(STATUSES),
  /** How many times it was submitted (1, then one more per correction). */
  version: z.number().int().min(1),
  createdAt: z.string(),
  /** The last change: a submission, or its withdrawal in HD4DP. */
  updatedAt: z.string(),
  submittedAt: z.string(),
  /** The newest version's payload, patient identifiers masked. */
  payload: PayloadSchema,
});
export type Registration = z.infer<typeof RegistrationSchema>;

/** One call that changed the registry's state (idempotent replays and rejections are not deliveries). */
export const DeliverySchema = z.object({
  at: z.string(),
  method: z.string(),
  /** Without the query: that is where the business key travels. */
  path: z.string(),
  organizationId: z.string(),
  dcdId: z.string(),
  dcdVersion: z.string(),
  idempotencyKey: z.string().nullable(),
  businessKey: z.string(),
  registrationCode: z.string().nullable(),
  status: z.enum(STATUSES),
  version: z.number().int().min(1),
  payload: PayloadSchema,
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** A JSON reply, as kept for an Idempotency-Key. */
export const AnswerSchema = z.object({
  status: z.number().int().min(200).max(599),
  body: z.unknown(),
  headers: z.record(z.string(), z.string()).optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const EmulatorStateSchema = z.object({
  /** Bumped when the shape changes, so an old file is refused instead of misread. */
  format: z.literal(1),
  /** Hex of the 32-byte HMAC secret of business keys (derive-business-key.ts). */
  businessKeySecret: z.string().regex(/^[0-9a-f]{64}$/),
  /** Numbers registration codes (format-registration-code.ts). */
  sequence: z.number().int().min(0),
  /** In submission order; open records and deleted ones included. */
  registrations: z.array(RegistrationSchema),
  deliveries: z.array(DeliverySchema),
  /**
   * The first reply given for each Idempotency-Key. A list, not an object keyed by them: a
   * client's key may be "__proto__" or "constructor".
   */
  replies: z.array(z.object({ idempotencyKey: z.string(), answer: AnswerSchema })),
});
export type EmulatorState = z.infer<typeof EmulatorStateSchema>;

/** Where the state lives between calls and restarts; `load()` is undefined before the first save. */
export interface StateStore {
  load(): EmulatorState | undefined;
  save(state: EmulatorState): void;
}
