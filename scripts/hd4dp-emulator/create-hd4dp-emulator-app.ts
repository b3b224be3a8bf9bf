// A local stand-in for a hospital's HD4DP v2 S2S API (docs/domain.md §2), as one Hono app that
// runs in Node (start-hd4dp-emulator.ts) and in workerd (emulator-fetch.ts): the registry
// (create-registry-app.ts) behind a layer that plays what lies between the worker and a
// real HD4DP: latency, 429 and 5xx, timeouts and dropped connections (also AFTER a record
// was stored: the case exactly-once delivery must survive), and the misconfigurations of
// FAULT_MODES. `/_emulator/*` is the control API of tests and developers, never faulted.
// No node: imports here: the app must stay runtime-neutral.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Dcd } from "../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { answerFaultMode } from "./answer-fault-mode.ts";
import { createDefinitionReplies } from "./create-definition-replies.ts";
import { createMemoryStateStore } from "./create-memory-state-store.ts";
import { createRegistryApp, type RegistryCounter } from "./create-registry-app.ts";
import { createRegistryBook } from "./create-registry-book.ts";
import { createTokenDesk } from "./create-token-desk.ts";
import type { Delivery, Registration, StateStore } from "./emulator-state-schema.ts";
import { jsonMessage } from "./json-message.ts";
import {
  FAULT_KINDS,
  FAULT_MODES,
  type FaultKind,
  type FaultMode,
  type Faults,
  parseFaults,
} from "./parse-faults.ts";
import { createRandom, pickFault } from "./pick-fault.ts";
import { socketFaultReply } from "./socket-fault-reply.ts";

export const DEV_CLIENT_ID = "local-dev-client";
export const DEV_CLIENT_SECRET = "local-dev-secret";

const DEFAULT_TIMEOUT_HOLD_MS = 30_000;
const MAX_BODY_BYTES = 1024 * 1024;

export interface Hd4dpEmulatorAppOptions {
  /** Where registrations, deliveries, idempotency replies and the key secret live. Default: memory. */
  store?: StateStore;
  faults?: Faults;
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of access tokens in whole seconds; short values exercise the client's refresh. Default 3600. */
  tokenTtlSeconds?: number;
  /** First part of registration codes (format-registration-code.ts). Default "206". */
  registrationCodePrefix?: string;
  /** Seed of the fault draws, to replay a run. Default: random. */
  seed?: number;
  /** Receives one line per registry call (method, path without query, status, fault), never a body. */
  log?: (line: string) => void;
  /**
   * The DCDs it accepts records for and publishes the definitions of; each needs an S2S id
   * for every item. Default: SPIN_SURG, with the ASSUMED ids of shared-schema/src/s2s/s2s-code-ids.ts.
   */
  dcds?: Dcd[];
}

export interface EmulatorStats {
  /** Registry calls (token and proxy endpoints). */
  calls: number;
  tokensIssued: number;
  unauthorized: number;
  /** Calls answered with the first reply of their Idempotency-Key. */
  replayed: number;
  /** 4xx and 5xx answers of the registry other than 401 (injected faults not counted). */
  rejected: number;
  /** Calls struck by each fault; `forbiddenUntil` counts as "forbidden". */
  faults: Record<FaultKind | FaultMode | "down", number>;
  faultsAfterProcessing: number;
}

export interface Received {
  deliveries: Delivery[];
  stats: EmulatorStats;
}

export interface Hd4dpEmulatorControl {
  /** Replaces every fault switch (`{}` clears them). Throws on invalid switches. */
  setFaults(faults: Faults): void;
  faults(): Faults;
  received(): Received;
  registrations(): Registration[];
  /** Forgets registrations, deliveries, idempotency keys, the key secret and stats; keeps faults and tokens. */
  reset(): void;
  /** Invalidates every issued token: the next call gets 401, as after a registry restart. */
  expireTokens(): void;
  /** Marks the sent record with this business key deleted, as a user does in HD4DP; false when none. */
  withdraw(businessKey: string): boolean;
}

export interface Hd4dpEmulatorApp {
  app: Hono;
  control: Hd4dpEmulatorControl;
}

function emptyStats(): EmulatorStats {
  const kinds = [...FAULT_KINDS, ...FAULT_MODES, "down"] as const;
  return {
    calls: 0,
    tokensIssued: 0,
    unauthorized: 0,
    replayed: 0,
    rejected: 0,
    faults: Object.fromEntries(kinds.map((kind) => [kind, 0])) as EmulatorStats["faults"],
    faultsAfterProcessing: 0,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createHd4dpEmulatorApp(options: Hd4dpEmulatorAppOptions = {}): Hd4dpEmulatorApp {
  const log = options.log ?? (() => {});
  const random = createRandom(options.seed ?? crypto.getRandomValues(new Uint32Array(1))[0] ?? 0);
  const book = createRegistryBook(
    options.store ?? createMemoryStateStore(),
    options.registrationCodePrefix ?? "206",
  );
  const tokens = createTokenDesk({
    clientId: options.clientId ?? DEV_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEV_CLIENT_SECRET,
    ttlSeconds: options.tokenTtlSeconds ?? 3600,
  });
  let faults = parseFaults(options.faults);
  let stats = emptyStats();
  const dcds = options.dcds ?? [SPIN_SURG];
  const registry = createRegistryApp({
    book,
    tokens,
    dcds,
    definitions: createDefinitionReplies(dcds),
    count: (counter: RegistryCounter) => stats[counter]++,
  });
  // Thrown on to the app below, whose handler logs only the error's name.
  registry.onError((error) => {
    throw error;
  });

  function drawnFaultReply(kind: FaultKind): Response {
    const retryAfter = { "retry-after": String(faults.retryAfterSeconds ?? 1) };
    switch (kind) {
      case "drop":
        return socketFaultReply({ kind: "drop" });
      case "timeout":
        return socketFaultReply({
          kind: "timeout",
          holdMs: faults.timeoutHoldMs ?? DEFAULT_TIMEOUT_HOLD_MS,
        });
      case "500":
        return jsonMessage(500, "injected fault: internal server error");
      case "503":
        return jsonMessage(503, "injected fault: service unavailable", retryAfter);
      case "429":
        return jsonMessage(429, "injected fault: too many requests", retryAfter);
    }
  }

  /** One registry call, through the faults that are on. */
  async function relay(request: Request): Promise<Response> {
    stats.calls++;
    const line = `${request.method} ${new URL(request.url).pathname}`;
    if (faults.down) {
      stats.faults.down++;
      log(`${line} -> down (connection reset)`);
      return socketFaultReply({ kind: "down" });
    }
    if (faults.latencyMs) await sleep(faults.latencyMs);
    const mode = answerFaultMode(faults, request, Date.now());
    if (mode) {
      stats.faults[mode.mode]++;
      log(`${line} -> fault ${mode.mode} (${mode.response.status})`);
      return mode.response;
    }
    const fault = pickFault(faults, random);
    if (fault && !fault.afterProcessing) {
      stats.faults[fault.kind]++;
      log(`${line} -> fault ${fault.kind}`);
      return drawnFaultReply(fault.kind);
    }
    const response = await registry.fetch(request);
    if (response.status >= 400 && response.status !== 401) stats.rejected++;
    if (!fault) {
      log(`${line} -> ${response.status}`);
      return response;
    }
    // The registry did the work; the caller never hears of it.
    stats.faults[fault.kind]++;
    stats.faultsAfterProcessing++;
    await response.body?.cancel();
    log(`${line} -> fault ${fault.kind} after processing (${response.status})`);
    return drawnFaultReply(fault.kind);
  }

  const control: Hd4dpEmulatorControl = {
    setFaults: (next) => {
      faults = parseFaults(next);
    },
    faults: () => structuredClone(faults),
    received: () => ({ deliveries: book.deliveries(), stats: structuredClone(stats) }),
    registrations: () => book.registrations(),
    reset: () => {
      book.reset();
      stats = emptyStats();
    },
    expireTokens: () => tokens.expireAll(),
    withdraw: (businessKey) => book.withdraw(businessKey),
  };

  const controlRoutes = new Hono()
    .get("/received", (c) => c.json(control.received()))
    .get("/registrations", (c) => c.json(control.registrations()))
    .post("/reset", (c) => {
      control.reset();
      return c.json({ message: "reset" });
    })
    .get("/faults", (c) => c.json(faults))
    .post("/faults", async (c) => {
      try {
        control.setFaults(JSON.parse((await c.req.text()) || "{}"));
        return c.json(faults);
      } catch (error) {
        const text = error instanceof SyntaxError ? "malformed JSON" : (error as Error).message;
        return jsonMessage(400, text);
      }
    })
    .post("/expire-tokens", (c) => {
      control.expireTokens();
      return c.json({ message: "every token expired" });
    })
    .post("/withdraw", async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined);
      const businessKey = (body as { businessKey?: unknown } | undefined)?.businessKey;
      if (typeof businessKey !== "string" || businessKey === "") {
        return jsonMessage(400, 'expected {"businessKey": "<the business key of a sent record>"}');
      }
      return control.withdraw(businessKey)
        ? c.json({ message: "withdrawn" })
        : jsonMessage(404, "no sent record with this business key");
    })
    .all("*", (c) =>
      jsonMessage(
        404,
        `no route for ${c.req.method} ${c.req.path}; try GET /_emulator/received, GET /_emulator/registrations, POST /_emulator/reset, GET|POST /_emulator/faults, POST /_emulator/expire-tokens, POST /_emulator/withdraw`,
      ),
    );

  const app = new Hono();
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => jsonMessage(413, `body over ${MAX_BODY_BYTES} bytes`),
    }),
  );
  app.route("/_emulator", controlRoutes);
  app.all("*", (c) => relay(c.req.raw));
  app.onError((error) => {
    // Only the error's name: its message could quote a payload.
    log(`emulator error: ${error.name}`);
    return jsonMessage(500, "emulator error");
  });
  return { app, control };
}
