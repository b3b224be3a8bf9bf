// The emulator's fault switches, and their validation. One shape for the three ways to set
// them (POST /_emulator/faults, CLI flags / env at start, `setFaults()` in tests), so a
// test and a developer poking the running emulator speak the same language.
import { z } from "zod";

/** What an injected fault does: an HTTP error, a request held past the client's patience, or a reset socket. */
export const FAULT_KINDS = ["500", "503", "429", "timeout", "drop"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const weight = z.number().min(0);

export const FaultsSchema = z.strictObject({
  /** Added to every registry call (token and proxy endpoints, never /_emulator). */
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  /** Probability (0..1) that a call fails with a fault drawn from `mix`. */
  failRate: z.number().min(0).max(1).optional(),
  /** Relative weights of the fault kinds; absent kinds weigh 0. Default: all kinds equally. */
  mix: z
    .strictObject({
      "500": weight.optional(),
      "503": weight.optional(),
      "429": weight.optional(),
      timeout: weight.optional(),
      drop: weight.optional(),
    })
    .optional(),
  /** Retry-After (seconds) sent with 429 and 503. Default 1. */
  retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
  /** The registry is unreachable: every call has its socket destroyed at once. */
  down: z.boolean().optional(),
  /**
   * Share (0..1) of the injected 500, 503, timeout and drop faults that strike AFTER the call
   * was processed (record stored, reply lost): the case exactly-once delivery must survive.
   * 429 always strikes before (a rate limiter rejects before doing the work). Default 0.25.
   */
  postProcessingShare: z.number().min(0).max(1).optional(),
  /** How long a "timeout" holds the call before destroying its socket. Default 30 s. */
  timeoutHoldMs: z.number().int().min(0).max(600_000).optional(),
});
export type Faults = z.infer<typeof FaultsSchema>;

/** Validates fault switches from JSON, the CLI or a test; throws an Error that says what is wrong. */
export function parseFaults(input: unknown): Faults {
  const result = FaultsSchema.safeParse(input ?? {});
  if (!result.success) throw new Error(`invalid faults: ${z.prettifyError(result.error)}`);
  return result.data;
}
