// `node bench/reconciliation.bench.ts` (also run by `npm run bench`): billed acts reconciled
// per second through the worker under `wrangler dev`, POST /v1/reconciliation in batches of
// 5,000 acts as `spine-reg reconcile` sends them, with the hospital's outbox and the HD4DP
// emulator holding registrations to match (HD4DP's list is read with its data per request).
// Target: >= 2,000 acts/s on this machine; median of rounds, after a warm-up.

import { availableParallelism, loadavg } from "node:os";
import { startRelayStack } from "../scripts/lib/start-relay-stack.ts";
import type { ReconciliationReply } from "../shared-schema/src/api/api-schemas.ts";
import type { DcdRecord } from "../shared-schema/src/dcd.ts";
import { validSpinSurgRecord } from "../test/support/valid-spin-surg-record.ts";
import { LOCAL_DEV_AUTH } from "./local-dev-auth.ts";
import { median } from "./median.ts";

const REGISTERED = 300;
const ACTS_PER_REQUEST = 5000;
const REQUESTS_PER_ROUND = 4;
const ROUNDS = 5;
const TARGET_ACTS_PER_SECOND = 2000;

const day = (iso: unknown) => String(iso).split("-").reverse().join("/");

/** The billed acts of a record, as a billing export writes them. */
function actsOf(record: DcdRecord) {
  return (record.CD_NOMEN as string[]).map((code) => ({
    niss: String(record.IDC_PAT ?? ""),
    date: day(record.D_SURG),
    code,
    nihii: String(record.CD_HPIN),
    lastName: String(record.TX_PAT_LAST_NAM ?? ""),
    firstName: String(record.TX_PAT_FIRST_NAM ?? ""),
    birthDate: day(record.D_PAT_DOB),
  }));
}

const stack = await startRelayStack({ vars: { RATE_LIMIT_PER_MINUTE: "1000000" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.worker.url}${path}`, {
    method: "POST",
    headers: { ...LOCAL_DEV_AUTH, "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

try {
  // Registrations to find: some through the worker, every record of the billing beside.
  for (let i = 0; i < REGISTERED; i++) {
    await post(
      "/v1/registrations",
      { record: validSpinSurgRecord(i), status: "submit" },
      { "Idempotency-Key": `bench-${i}` },
    );
  }
  const deadline = Date.now() + 120_000;
  while (stack.emulator.registrations().length < REGISTERED && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const acts = [];
  for (let i = 0; acts.length < ACTS_PER_REQUEST; i++) acts.push(...actsOf(validSpinSurgRecord(i)));
  const batch = acts.slice(0, ACTS_PER_REQUEST);

  const reconcile = async () => (await post("/v1/reconciliation", batch)) as ReconciliationReply;
  const counts = (await reconcile()).counts;
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let r = 0; r < REQUESTS_PER_ROUND; r++) await reconcile();
    const seconds = (performance.now() - started) / 1000;
    rates.push((REQUESTS_PER_ROUND * ACTS_PER_REQUEST) / seconds);
  }
  const rate = median(rates);
  const load = loadavg()[0]?.toFixed(1);
  console.log(
    [
      "",
      `machine: ${availableParallelism()} cores, load average (1 min) ${load} at the end of the run`,
      `reconciliation bench: wrangler dev on ${stack.worker.url}, ${REGISTERED} registrations in HD4DP, ${ACTS_PER_REQUEST} acts per request, ${REQUESTS_PER_ROUND} requests per round, median of ${ROUNDS} rounds`,
      `statuses of one batch: ${Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${status} ${n}`)
        .join(", ")}`,
      "",
      `acts reconciled per second: ${rate.toFixed(0)} (rounds: ${rates.map((r) => r.toFixed(0)).join(", ")}; target >= ${TARGET_ACTS_PER_SECOND}: ${rate >= TARGET_ACTS_PER_SECOND ? "met" : "MISSED"})`,
      "",
    ].join("\n"),
  );
} finally {
  await stack.stop();
}
