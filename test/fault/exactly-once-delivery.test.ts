// 500 registrations while the HD4DP emulator fails 30% of calls at random (5xx, 429 with
// Retry-After, timeouts, dropped connections, some of them AFTER the record was stored) and,
// one after the other, each fault of the hospital's side is on for a few seconds while
// registrations are posted: a year-long Retry-After, a redirect, an HTML login page, 403s
// (also "for an hour", shortened), a wrong base path, an empty business key, HD4DP down,
// refused credentials. Meanwhile the worker is killed once and restarted once with a rotated
// encryption key. Once the faults clear: every registration sent exactly once (none lost,
// none duplicated, none failed: HD4DP rejected none), nothing left sealed with the old key,
// and no patient identifier in clear anywhere in the worker's stored state.
//
// The real worker runs under `wrangler dev` on a free port with a throw-away state
// directory and its own vars (the developer's .dev.vars is neither read nor touched).

import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { FaultMode, Faults } from "../../scripts/hd4dp-emulator/parse-faults.ts";
import {
  type Hd4dpEmulator,
  startHd4dpEmulator,
} from "../../scripts/hd4dp-emulator/start-hd4dp-emulator.ts";
import { type RelayStack, startRelayStack } from "../../scripts/lib/start-relay-stack.ts";
import type { WranglerDev } from "../../scripts/lib/start-wrangler-dev.ts";
import { validSpinSurgRecord } from "../support/valid-spin-surg-record.ts";
import {
  createRelayClient,
  type OutboxHealthView,
  type RegistrationView,
  type RelayClient,
} from "./create-relay-client.ts";
import { findPatientData } from "./find-patient-data.ts";
import { type FaultWindow, runFaultWindow, type WindowFigures } from "./run-fault-window.ts";

const COUNT = 500;
const CLIENT_CONCURRENCY = 16;
const SETTLE_TIMEOUT_MS = 240_000;
/** How long after the rotation the outbox may take to re-seal everything with the new key. */
const RESEAL_TIMEOUT_MS = 120_000;
/** The longest Retry-After the worker obeys here: what ends a year-long one. */
const RETRY_AFTER_MAX_MS = 2_000;
/** "403 for an hour", shortened. */
const FORBIDDEN_FOR_MS = 4_000;
const FAULTS: Faults = {
  failRate: 0.3,
  mix: { "500": 3, "503": 1, "429": 2, timeout: 2, drop: 2 },
  retryAfterSeconds: 1,
  // Half of the 5xx, timeouts and drops strike after the record was stored: the lost reply.
  postProcessingShare: 0.5,
  // Longer than REGISTRY_TIMEOUT_MS below: the worker gives up first.
  timeoutHoldMs: 3_000,
};

let stack: RelayStack | undefined;
let emulator: Hd4dpEmulator;
let worker: WranglerDev | undefined;
/** Where `redirect` points: an emulator of its own, so that a followed redirect would show. */
let redirectTarget: Hd4dpEmulator | undefined;

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

/** The random faults with some switches changed. */
const withRandomFaults = (switches: Faults) => () => ({ ...FAULTS, ...switches });

/** The run's steps after its first registrations: fault windows, the crash, the rotation. */
function faultSteps(redirectOrigin: string): (FaultWindow | "crash" | "rotation")[] {
  const needsIt = (mode: FaultMode, code: string, more: Faults = {}): FaultWindow => ({
    name: mode,
    faults: withRandomFaults({ [mode]: true, ...more }),
    counter: mode,
    shows: { needsIt: code },
  });
  return [
    {
      name: "Retry-After 1 year",
      // Every call a 429 asking for a year.
      faults: withRandomFaults({ failRate: 1, mix: { "429": 1 }, retryAfterSeconds: 31_536_000 }),
      counter: "429",
      shows: "rateLimited",
    },
    needsIt("redirect", "redirected", { redirectOrigin }),
    needsIt("html200", "reply_unreadable"),
    "crash",
    needsIt("forbidden", "forbidden"),
    {
      name: "forbiddenUntil",
      faults: (opened) => ({ ...FAULTS, forbiddenUntil: opened + FORBIDDEN_FOR_MS }),
      counter: "forbidden",
      shows: { needsIt: "forbidden" },
      endsAt: (opened) => opened + FORBIDDEN_FOR_MS,
    },
    needsIt("notFoundRoot", "api_not_found"),
    "rotation",
    needsIt("emptyBusinessKey", "empty_business_key"),
    { name: "down", faults: withRandomFaults({ down: true }), counter: "down" },
    needsIt("refuseCredentials", "credentials_refused"),
  ];
}

/** Reads /healthz every half second until `done` says so or `ms` passed: the last one read. */
async function watchHealth(
  client: RelayClient,
  done: (health: OutboxHealthView) => boolean,
  ms: number,
): Promise<{ health: OutboxHealthView; at: number }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const health = await client.health();
    if (done(health) || Date.now() >= deadline) return { health, at: Date.now() };
    await sleep(500);
  }
}

interface RestartFigures {
  queued: number;
  delivered: number;
  ms: number;
}

async function restartWorker(
  client: RelayClient,
  signal: NodeJS.Signals,
  vars?: Record<string, string>,
): Promise<RestartFigures> {
  if (!worker) throw new Error("wrangler dev did not start");
  const { queued } = await client.health();
  const delivered = emulator.registrations().length;
  const started = Date.now();
  await worker.restart(signal, vars && { vars });
  return { queued, delivered, ms: Date.now() - started };
}

beforeAll(async () => {
  redirectTarget = await startHd4dpEmulator({ port: 0 });
  stack = await startRelayStack({
    // Tokens live 40 s and the worker renews 30 s before expiry: renewals happen mid-run.
    emulator: { seed: 20_260_301, tokenTtlSeconds: 40 },
    vars: {
      RETRY_BASE_MS: "50",
      RETRY_MAX_MS: "2000",
      REGISTRY_TIMEOUT_MS: "1000",
      RATE_LIMIT_PER_MINUTE: "1000000",
      RETRY_AFTER_MAX_MS: String(RETRY_AFTER_MAX_MS),
    },
    log: process.env.FAULT_TEST_VERBOSE ? (line) => console.log(`[worker] ${line}`) : undefined,
  });
  emulator = stack.emulator;
  worker = stack.worker;
});

afterAll(async () => {
  await stack?.stop();
  await redirectTarget?.close();
});

it("delivers 500 registrations exactly once through every fault, a crash and a key rotation", async () => {
  if (!worker || !redirectTarget) throw new Error("wrangler dev did not start");
  const client = createRelayClient(worker.url);
  const started = Date.now();
  emulator.setFaults(FAULTS);
  const steps = faultSteps(redirectTarget.url);
  // A first share before the first window, then one share per step.
  const bound = (k: number) => Math.round((k * COUNT) / (steps.length + 1));
  const shares = Array.from({ length: steps.length + 1 }, (_, k) =>
    Array.from({ length: bound(k + 1) - bound(k) }, (_, j) => bound(k) + j),
  );
  const ids: string[] = [];
  let nextShare = 0;
  const postShare = async () => {
    const share = shares[nextShare++] ?? [];
    await forEachConcurrently(share, CLIENT_CONCURRENCY, async (i) => {
      ids[i] = await client.submit(i);
    });
    return share.length;
  };

  await postShare();
  const windows: { window: FaultWindow; figures: WindowFigures }[] = [];
  let crash: RestartFigures | undefined;
  let rotation: RestartFigures | undefined;
  let sealedAfterRotation = 0;
  let rotatedAt = 0;
  let resealing: ReturnType<typeof watchHealth> | undefined;
  const oldKeys = worker.vars?.ENCRYPTION_KEYS;
  if (!oldKeys) throw new Error("the relay stack gave the worker no ENCRYPTION_KEYS");
  const newKey = `k2:${randomBytes(32).toString("base64")}`;
  for (const step of steps) {
    if (step === "crash") {
      // SIGKILL of the process group while deliveries are under way.
      await postShare();
      crash = await restartWorker(client, "SIGKILL");
    } else if (step === "rotation") {
      // A deploy with a new current key, the old one kept to open what it sealed.
      await postShare();
      const vars = { ...worker.vars, ENCRYPTION_KEYS: `${newKey},${oldKeys}` };
      rotation = await restartWorker(client, "SIGTERM", vars);
      rotatedAt = Date.now();
      sealedAfterRotation = (await client.health()).sealedWithOldKeys;
      // Re-sealed in the background while the windows and the deliveries go on.
      resealing = watchHealth(client, (h) => h.sealedWithOldKeys === 0, RESEAL_TIMEOUT_MS);
    } else {
      const run = { emulator, client, baseline: FAULTS, post: postShare };
      windows.push({ window: step, figures: await runFaultWindow(step, run) });
    }
  }
  const postedMs = Date.now() - started;
  // Every cached token is refused: the worker must renew on 401.
  emulator.expireTokens();

  // Bounded wait until nothing is queued any more.
  const views = new Map<string, RegistrationView>();
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const pending = ids.filter((id) => (views.get(id)?.state ?? "queued") === "queued");
    if (pending.length === 0) break;
    await forEachConcurrently(pending, CLIENT_CONCURRENCY, async (id) => {
      views.set(id, await client.read(id));
    });
    await sleep(500);
  }
  const settledMs = Date.now() - started;
  const settled = await client.health();

  // The old key may go once nothing needs it any more (docs/deploy.md, key rotation).
  if (!resealing) throw new Error("the key was not rotated");
  const resealed = await resealing;
  const onlyNewKey = await restartWorker(client, "SIGTERM", {
    ...worker.vars,
    ENCRYPTION_KEYS: newKey,
  });
  const withNewKeyOnly = await client.health();
  const reread = new Map<string, RegistrationView>();
  await forEachConcurrently(ids, CLIENT_CONCURRENCY, async (id) => {
    reread.set(id, await client.read(id));
  });
  // Stopped, so that what SQLite still buffers is on disk for the scan.
  await worker.stop();
  const scan = findPatientData(
    worker.persistTo,
    Array.from({ length: COUNT }, (_, i) => validSpinSurgRecord(i)),
  );

  const all = ids.map((id) => views.get(id));
  const states: Record<string, number> = {};
  for (const view of all)
    states[view?.state ?? "unknown"] = (states[view?.state ?? "unknown"] ?? 0) + 1;
  const { deliveries, stats } = emulator.received();
  const registrations = emulator.registrations();
  const attempts = all.map((view) => view?.attempts ?? 0);
  const s = (ms: number | undefined) =>
    ms === undefined ? "never" : `${(ms / 1000).toFixed(1)} s`;
  const restartLine = (what: string, r: RestartFigures | undefined) =>
    `  ${what} with ${r?.queued} queued, after ${r?.delivered} deliveries; restart took ${s(r?.ms)}`;
  // The figures for a closing note, on request: `npm test` prints one line per file.
  if (process.env.FAULT_TEST_VERBOSE) {
    console.log(
      [
        "fault test figures",
        `  registrations ${COUNT}, distinct ids ${new Set(ids).size}, states ${JSON.stringify(states)}`,
        `  posted through the windows in ${s(postedMs)} (${client.retries} POSTs repeated), all settled in ${s(settledMs)}`,
        "  windows: open for, shown in /healthz after, deliveries again after, registrations posted / most queued, calls struck, needs-IT codes seen",
        ...windows.map(
          ({ figures: w }) =>
            `    ${w.name}: ${s(w.openMs)}, ${w.shownAfterMs === undefined ? "-" : s(w.shownAfterMs)}, ${s(w.recoveredAfterMs)}, ${w.posted} / ${w.mostQueued}, ${w.struck}, [${w.codes.join(", ")}]${w.longestRateLimitMs > 0 ? `, longest pause ahead ${s(w.longestRateLimitMs)}` : ""}`,
        ),
        restartLine("crash (SIGKILL)", crash),
        restartLine("key rotation (SIGTERM, k2 first)", rotation),
        `    values sealed with the old key: ${sealedAfterRotation} just after, ${resealed.health.sealedWithOldKeys} ${s(resealed.at - rotatedAt)} after; restart with k2 alone took ${s(onlyNewKey.ms)}`,
        `  calls to the redirect target ${redirectTarget.received().stats.calls}`,
        `  registry calls ${stats.calls}, faults ${JSON.stringify(stats.faults)} (${stats.faultsAfterProcessing} after processing)`,
        `  idempotent replays ${stats.replayed}, 401s ${stats.unauthorized}, tokens issued ${stats.tokensIssued}`,
        `  deliveries ${deliveries.length}, records ${registrations.length}, versions > 1: ${registrations.filter((r) => r.version > 1).length}`,
        `  attempts per registration: total ${attempts.reduce((a, b) => a + b, 0)}, max ${Math.max(...attempts)}`,
        `  persisted state: ${scan.files} files, ${(scan.bytes / 1e6).toFixed(1)} MB, patient identifiers in clear: ${scan.hits.length}`,
      ].join("\n"),
    );
  }

  expect(new Set(ids).size).toBe(COUNT);
  // None lost, none failed: all were sent.
  expect(states).toEqual({ sent: COUNT });
  // Each fault struck while it was on, the outbox said so, and deliveries resumed after it.
  for (const { window, figures: w } of windows) {
    expect(w.struck, w.name).toBeGreaterThan(0);
    expect(w.recoveredAfterMs, w.name).toBeDefined();
    if (typeof window.shows === "object") {
      expect(w.shownAfterMs, w.name).toBeDefined();
      expect(w.codes, w.name).toEqual([window.shows.needsIt]);
    } else {
      // A rate limit and lost connections are waited out, never put to IT.
      expect(w.codes, w.name).toEqual([]);
    }
    if (window.shows === "rateLimited") {
      // A year-long Retry-After paused the outbox only for RETRY_AFTER_MAX_MS: the cap is
      // what let the run go on (the settled states above).
      expect(w.shownAfterMs, w.name).toBeDefined();
      expect(w.longestRateLimitMs, w.name).toBeGreaterThan(RETRY_AFTER_MAX_MS / 2);
      expect(w.longestRateLimitMs, w.name).toBeLessThanOrEqual(RETRY_AFTER_MAX_MS);
    }
  }
  // The worker never followed a redirect.
  expect(redirectTarget.received().stats.calls).toBe(0);
  // The crash and the rotation happened with registrations still queued.
  expect(crash?.queued).toBeGreaterThan(0);
  expect(crash?.delivered).toBeLessThan(COUNT);
  expect(rotation?.queued).toBeGreaterThan(0);
  // Re-sealed in the background; once the old key is gone, nothing waits for it.
  expect(sealedAfterRotation).toBeGreaterThan(0);
  expect(resealed.health.sealedWithOldKeys).toBe(0);
  for (const health of [settled, withNewKeyOnly]) {
    expect(health).toMatchObject({ queued: 0, failed: 0, needsIt: null });
  }
  expect(withNewKeyOnly).toMatchObject({ sealedWithOldKeys: 0, waiting: { keyMissing: 0 } });
  for (const id of ids) {
    expect(reread.get(id)).toMatchObject({
      state: "sent",
      businessKey: views.get(id)?.businessKey,
    });
  }
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
  // The random faults did happen, including lost replies after storing.
  for (const kind of ["500", "503", "429", "timeout", "drop"] as const) {
    expect(stats.faults[kind]).toBeGreaterThan(0);
  }
  expect(stats.faultsAfterProcessing).toBeGreaterThan(0);
  expect(stats.replayed).toBeGreaterThan(0);
  // Sealed at rest: no NISS, name or birth date of the 500 patients in the stored bytes.
  expect(scan.files).toBeGreaterThan(0);
  expect(scan.hits).toEqual([]);
});
