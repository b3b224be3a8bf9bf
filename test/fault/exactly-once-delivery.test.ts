// Issue 3, "What it must show": 500 registrations while the HD4DP emulator fails 30% of
// calls (5xx, 429 with Retry-After, timeouts, dropped connections, some of them AFTER the
// record was stored) and the worker crashes and restarts once -> every registration
// delivered exactly once: none lost, none duplicated, none failed.
//
// The real worker runs under `wrangler dev` on a free port with a throw-away state
// directory and its own vars (the developer's .dev.vars is neither read nor touched).

import { afterAll, beforeAll, expect, it } from "vitest";
import type { Faults } from "../../scripts/hd4dp-emulator/parse-faults.ts";
import type { Hd4dpEmulator } from "../../scripts/hd4dp-emulator/start-hd4dp-emulator.ts";
import { type RelayStack, startRelayStack } from "../../scripts/lib/start-relay-stack.ts";
import type { WranglerDev } from "../../scripts/lib/start-wrangler-dev.ts";
import { validSpinSurgRecord } from "../support/valid-spin-surg-record.ts";

const COUNT = 500;
const CLIENT_CONCURRENCY = 16;
const SETTLE_TIMEOUT_MS = 360_000;
const FAULTS: Faults = {
  failRate: 0.3,
  mix: { "500": 3, "503": 1, "429": 2, timeout: 2, drop: 2 },
  retryAfterSeconds: 1,
  // Half of the 5xx, timeouts and drops strike after the record was stored: the lost reply.
  postProcessingShare: 0.5,
  // Longer than REGISTRY_TIMEOUT_MS below: the worker gives up first.
  timeoutHoldMs: 3_000,
};

interface View {
  id: string;
  state: string;
  businessKey?: string;
  registrationCode?: string;
  attempts: number;
  lastError?: string;
}

let stack: RelayStack | undefined;
let emulator: Hd4dpEmulator;
let worker: WranglerDev | undefined;
/** POSTs the client had to repeat (5xx, 429 or no answer from the worker): reported, not hidden. */
let clientRetries = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function forEachConcurrently<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

/** A client that retries like a hospital system would: same Idempotency-Key, same id. */
async function submit(baseUrl: string, i: number): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${baseUrl}/v1/registrations`, {
        method: "POST",
        headers: {
          Authorization: "Bearer local-dev-token",
          "Content-Type": "application/json",
          "Idempotency-Key": `fault-test-${i}`,
        },
        body: JSON.stringify({ record: validSpinSurgRecord(i), status: "submit" }),
      });
      const body = (await response.json()) as { id?: string; detail?: string };
      if (response.status === 202 && body.id) return body.id;
      if (response.status < 500 && response.status !== 429) {
        throw new Error(`registration ${i}: HTTP ${response.status} ${body.detail ?? ""}`);
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("registration ")) throw error;
      if (attempt >= 10) throw error;
    }
    clientRetries++;
    await sleep(200 * attempt);
  }
}

async function read(baseUrl: string, id: string): Promise<View> {
  const response = await fetch(`${baseUrl}/v1/registrations/${id}`, {
    headers: { Authorization: "Bearer local-dev-token" },
  });
  if (!response.ok) throw new Error(`GET registration ${id}: HTTP ${response.status}`);
  return (await response.json()) as View;
}

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await sleep(100);
}

beforeAll(async () => {
  stack = await startRelayStack({
    // Tokens live 40 s and the worker renews 30 s before expiry: renewals happen mid-run.
    emulator: { seed: 20_260_301, tokenTtlSeconds: 40 },
    vars: {
      RETRY_BASE_MS: "50",
      RETRY_MAX_MS: "2000",
      REGISTRY_TIMEOUT_MS: "1000",
      RATE_LIMIT_PER_MINUTE: "1000000",
    },
    log: process.env.FAULT_TEST_VERBOSE ? (line) => console.log(`[worker] ${line}`) : undefined,
  });
  emulator = stack.emulator;
  worker = stack.worker;
});

afterAll(async () => {
  await stack?.stop();
});

it("delivers 500 registrations exactly once through 30% faults and a worker crash", async () => {
  if (!worker) throw new Error("wrangler dev did not start");
  const started = Date.now();
  emulator.setFaults(FAULTS);
  const ids: string[] = [];
  const post = async (i: number) => {
    ids[i] = await submit(worker?.url ?? "", i);
  };
  const indexes = Array.from({ length: COUNT }, (_, i) => i);

  // First half, then a crash (SIGKILL of the process group) while deliveries are under way.
  await forEachConcurrently(indexes.slice(0, COUNT / 2), CLIENT_CONCURRENCY, post);
  await waitFor(() => emulator.registrations().length >= 50, 60_000);
  const deliveredAtCrash = emulator.registrations().length;
  const restartStarted = Date.now();
  await worker.restart("SIGKILL");
  const restartMs = Date.now() - restartStarted;

  // Second half; then every cached token is refused: the worker must renew on 401.
  await forEachConcurrently(indexes.slice(COUNT / 2), CLIENT_CONCURRENCY, post);
  const postedMs = Date.now() - started;
  emulator.expireTokens();

  // Bounded wait until nothing is queued any more.
  const views = new Map<string, View>();
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const pending = ids.filter((id) => (views.get(id)?.state ?? "queued") === "queued");
    if (pending.length === 0) break;
    await forEachConcurrently(pending, CLIENT_CONCURRENCY, async (id) => {
      views.set(id, await read(worker?.url ?? "", id));
    });
    await sleep(500);
  }
  const settledMs = Date.now() - started;

  const all = ids.map((id) => views.get(id));
  const states: Record<string, number> = {};
  for (const view of all)
    states[view?.state ?? "unknown"] = (states[view?.state ?? "unknown"] ?? 0) + 1;
  const { deliveries, stats } = emulator.received();
  const registrations = emulator.registrations();
  const attempts = all.map((view) => view?.attempts ?? 0);
  console.log(
    [
      "fault test figures",
      `  registrations ${COUNT}, distinct ids ${new Set(ids).size}, states ${JSON.stringify(states)}`,
      `  posted in ${(postedMs / 1000).toFixed(1)} s (${clientRetries} POSTs repeated), all settled in ${(settledMs / 1000).toFixed(1)} s`,
      `  crash + restart after ${deliveredAtCrash} deliveries; restart took ${(restartMs / 1000).toFixed(1)} s`,
      `  registry calls ${stats.calls}, faults ${JSON.stringify(stats.faults)} (${stats.faultsAfterProcessing} after processing)`,
      `  idempotent replays ${stats.replayed}, 401s ${stats.unauthorized}, tokens issued ${stats.tokensIssued}`,
      `  deliveries ${deliveries.length}, records ${registrations.length}, versions > 1: ${registrations.filter((r) => r.version > 1).length}`,
      `  attempts per registration: total ${attempts.reduce((a, b) => a + b, 0)}, max ${Math.max(...attempts)}`,
    ].join("\n"),
  );

  expect(new Set(ids).size).toBe(COUNT);
  // None lost, none failed: all were sent.
  expect(states).toEqual({ sent: COUNT });
  // The crash happened in the middle of the deliveries.
  expect(deliveredAtCrash).toBeLessThan(COUNT);
  // Exactly once: one record per business key, each written once (lost replies were answered
  // from the Idempotency-Key, not re-registered), and the worker knows each one's code.
  const workerKeys = all.map((view) => view?.businessKey);
  expect(new Set(workerKeys).size).toBe(COUNT);
  expect(registrations).toHaveLength(COUNT);
  expect(new Set(registrations.map((r) => r.businessKey))).toEqual(new Set(workerKeys));
  expect(registrations.every((r) => r.status === "sent" && r.version === 1)).toBe(true);
  expect(deliveries).toHaveLength(COUNT);
  const codes = new Map(registrations.map((r) => [r.businessKey, r.registrationCode]));
  for (const view of all) expect(view?.registrationCode).toBe(codes.get(view?.businessKey ?? ""));
  // The faults did happen, including lost replies after storing.
  for (const kind of ["500", "503", "429", "timeout", "drop"] as const) {
    expect(stats.faults[kind]).toBeGreaterThan(0);
  }
  expect(stats.faultsAfterProcessing).toBeGreaterThan(0);
  expect(stats.replayed).toBeGreaterThan(0);
});
