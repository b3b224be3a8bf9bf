// `node bench/worker.bench.ts` (also run by `npm run bench`): the worker under `wrangler dev`
// on this machine, measured by a local load generator: requests/s and p50/p99 latency of
// POST /v1/validate and POST /v1/eligibility beside GET /healthz of the same server; target:
// p99 validate <= 2 x p99 healthz. (The outbox's throughput: outbox-throughput.bench.ts.)
// Loopback only, fixed concurrency, bounded count and time; warm-up first; medians of rounds.

import { availableParallelism, loadavg } from "node:os";
import { startRelayStack } from "../scripts/lib/start-relay-stack.ts";
import { validSpinSurgRecord } from "../test/support/valid-spin-surg-record.ts";
import { LOCAL_DEV_AUTH as AUTH } from "./local-dev-auth.ts";
import { median } from "./median.ts";

const CONCURRENCY = 32;
const ROUNDS = 3;
const MAX_REQUESTS = 3_000;
const MAX_ROUND_MS = 10_000;
const WARMUP_REQUESTS = 500;
const P99_RATIO_TARGET = 2;

interface Scenario {
  name: string;
  request(i: number): { path: string; init: RequestInit };
}

interface RoundResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const SCENARIOS: Scenario[] = [
  { name: "GET /healthz", request: () => ({ path: "/healthz", init: {} }) },
  {
    name: "POST /v1/validate",
    request: (i) => ({
      path: "/v1/validate",
      init: {
        method: "POST",
        headers: { ...AUTH, "Content-Type": "application/json", "Accept-Language": "fr" },
        // 100 diverse records: the validator sees every branch, not one cached shape.
        body: JSON.stringify({ record: validSpinSurgRecord(i % 100) }),
      },
    }),
  },
  {
    name: "POST /v1/eligibility",
    request: () => ({
      path: "/v1/eligibility",
      init: {
        method: "POST",
        headers: { ...AUTH, "Content-Type": "application/json" },
        body: JSON.stringify({ codes: ["281116", "224674", "105092", "281120"] }),
      },
    }),
  },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** `CONCURRENCY` lanes send requests back to back until `maxRequests` or `maxMs` is reached. */
async function runLoad(
  baseUrl: string,
  scenario: Scenario,
  maxRequests: number,
  maxMs: number,
): Promise<RoundResult> {
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  const started = performance.now();
  const lane = async () => {
    while (issued < maxRequests && performance.now() - started < maxMs) {
      const { path, init } = scenario.request(issued++);
      const t0 = performance.now();
      try {
        const response = await fetch(`${baseUrl}${path}`, init);
        await response.arrayBuffer();
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);

const { worker, stop: cleanUp } = await startRelayStack({
  vars: { RATE_LIMIT_PER_MINUTE: "1000000" },
});
// wrangler runs in its own process group: Ctrl-C here must take it down too.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

try {
  for (const scenario of SCENARIOS)
    await runLoad(worker.url, scenario, WARMUP_REQUESTS, MAX_ROUND_MS);

  const rounds = new Map<string, RoundResult[]>(SCENARIOS.map((s) => [s.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order so that drift (heat, other load) does not favour one endpoint.
    for (let k = 0; k < SCENARIOS.length; k++) {
      const scenario = SCENARIOS[(k + round) % SCENARIOS.length] as Scenario;
      rounds
        .get(scenario.name)
        ?.push(await runLoad(worker.url, scenario, MAX_REQUESTS, MAX_ROUND_MS));
    }
  }

  const summary = SCENARIOS.map((scenario) => {
    const results = rounds.get(scenario.name) ?? [];
    return {
      name: scenario.name,
      rps: median(results.map((r) => r.rps)),
      p50: median(results.map((r) => r.p50)),
      p99: median(results.map((r) => r.p99)),
      errors: results.reduce((sum, r) => sum + r.errors, 0),
    };
  });
  const p99Of = (name: string) => summary.find((s) => s.name === name)?.p99 ?? Number.NaN;
  const ratio = p99Of("POST /v1/validate") / p99Of("GET /healthz");

  // Absolute figures depend on what else runs: say how busy the machine was.
  const load = loadavg()[0]?.toFixed(1);
  const lines = [
    "",
    `machine: ${availableParallelism()} cores, load average (1 min) ${load} at the end of the run`,
    `worker bench: wrangler dev on ${worker.url}, concurrency ${CONCURRENCY}, median of ${ROUNDS} rounds (each <= ${MAX_REQUESTS} requests / ${MAX_ROUND_MS / 1000} s)`,
    "",
    `${"endpoint".padEnd(22)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(9)}`,
    ...summary.map(
      (s) =>
        `${s.name.padEnd(22)}${fmt(s.rps, 0)}${fmt(s.p50)}${fmt(s.p99)}${String(s.errors).padStart(9)}`,
    ),
    "",
    `p99 validate / p99 healthz: ${ratio.toFixed(2)} (target <= ${P99_RATIO_TARGET}: ${ratio <= P99_RATIO_TARGET ? "met" : "MISSED"})`,
    "",
  ];
  console.log(lines.join("\n"));
} finally {
  await cleanUp();
}
