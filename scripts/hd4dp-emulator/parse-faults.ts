// The emulator's fault switches, and their validation. One shape for the three ways to set
// them (POST /_emulator/faults, CLI flags / env at start, `setFaults()` in tests), so a
// test and a developer poking the running emulator speak the same language.
import { z } from "zod";
// Before any schema is built: the emulator also runs in workerd, which forbids zod's code generation.
import "../../shared-schema/src/jitless-zod.ts";

/** What a drawn fault does: an HTTP error, a request held past the client's patience, or a reset socket. */
export const FAULT_KINDS = ["500", "503", "429", "timeout", "drop"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Switches that, unlike the drawn faults, strike EVERY registry call while they are on: the
 * misconfigurations hospital IT has to fix (a proxy in front of HD4DP, a wrong base path,
 * revoked rights or credentials) and an HD4DP that accepts a record without naming it.
 */
export const FAULT_MODES = [
  "redirect",
  "html200",
  "forbidden",
  "refuseCredentials",
  "notFoundRoot",
  "emptyBusinessKey",
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

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
  /** Retry-After (seconds) sent with 429 and 503, up to a year for a "come back much later". Default 1. */
  retryAfterSeconds: z.number().int().min(0).max(31_536_000).optional(),
  /** The registry is unreachable: every call has its socket destroyed at once. */
  down: z.boolean().optional(),
  /**
   * Share (0..1) of the drawn 500, 503, timeout and drop faults that strike AFTER the call
   * was processed (record stored, reply lost): the case exactly-once delivery must survive.
   * 429 always strikes before (a rate limiter rejects before doing the work). Default 0.25.
   */
  postProcessingShare: z.number().min(0).max(1).optional(),
  /** How long a "timeout" holds the call before destroying its socket. Default 30 s. */
  timeoutHoldMs: z.number().int().min(0).max(600_000).optional(),
  /** 302 to another origin, as a login portal or a moved host would answer. */
  redirect: z.boolean().optional(),
  /**
   * The origin `redirect` points to. Default one that does not resolve; a test points it at
   * a server of its own to see whether anything followed the redirect.
   */
  redirectOrigin: z
    .string()
    .regex(/^https?:\/\/[^/?#\s]+$/, "an origin such as http://127.0.0.1:8789, no path")
    .optional(),
  /** 200 with an HTML login page instead of JSON, as an authenticating proxy would answer. */
  html200: z.boolean().optional(),
  /** 403: the client's rights in HD4DP were withdrawn. */
  forbidden: z.boolean().optional(),
  /** 403 until this instant (epoch ms), then normal again: "forbidden for an hour". */
  forbiddenUntil: z.number().int().min(0).optional(),
  /**
   * The client's credentials are refused: the token endpoint answers 401 invalid_client and
   * every bearer token, even a fresh one, gets 401, as after the S2S client was deleted.
   */
  refuseCredentials: z.boolean().optional(),
  /** 404 on every /proxy path, as a reverse proxy with a wrong base path answers. */
  notFoundRoot: z.boolean().optional(),
  /** Submissions answered 202 with an empty business key, and nothing stored. */
  emptyBusinessKey: z.boolean().optional(),
});
export type Faults = z.infer<typeof FaultsSchema>;

/** Validates fault switches from JSON, the CLI or a test; throws an Error that says what is wrong. */
export function parseFaults(input: unknown): Faults {
  const result = FaultsSchema.safeParse(input ?? {});
  if (!result.success) throw new Error(`invalid faults: ${z.prettifyError(result.error)}`);
  return result.data;
}
