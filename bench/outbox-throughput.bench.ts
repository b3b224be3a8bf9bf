// `node bench/outbox-throughput.bench.ts` (also run by `npm run bench`): registrations/s
// through the outbox to the HD4DP emulator, today's working tree beside a baseline commit.
// The baseline's worker and emulator speak their own contract, so the baseline runs wholly
// from its own tree (extracted to a temporary directory): each tree starts its own emulator
// and `wrangler dev` on free ports, with the same vars.
//
// The machine is shared (other suites may run meanwhile), so both stacks are up in the same
// run and the rounds alternate between them, the order flipping every round so that drift
// favours neither; each stack is warmed up first; medians are compared. The target is
// reported as met or missed, never asserted: noise must not fail `npm run bench`.
import { loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startRelayStack } from "../scripts/lib/start-relay-stack.ts";
import { extractTree } from "./extract-tree.ts";
import {
  measureOutboxThroughput,
  OUTBOX_CONCURRENCY,
  type OutboxRound,
  type OutboxStack,
} from "./measure-outbox-throughput.ts";
import { median } from "./median.ts";

// The code before the outbox became a durable state machine (delivery states, history and
// hospital state in SQL): the rewrite must be at least as fast as what it replaced.
const BASELINE_REF = process.env.BENCH_OUTBOX_BASELINE ?? "c4a9f1d";
// An even count: each stack goes first in half of the rounds.
const ROUNDS = 6;
const REGISTRATIONS = 200;
const RATIO_TARGET = 1;
// Short backoff and no rate limit: the figure is the outbox's, not a waiting time.
const VARS = { RETRY_BASE_MS: "50", RATE_LIMIT_PER_MINUTE: "1000000" };

/** What this bench needs of any tree's `startRelayStack`. */
type StartStack = (options: {
  vars: Record<string, string>;
}) => Promise<OutboxStack & { stop(): Promise<void> }>;

interface Contender {
  name: string;
  stack: OutboxStack & { stop(): Promise<void> };
  rounds: OutboxRound[];
}

const tree = extractTree(BASELINE_REF);
const contenders: Contender[] = [];
const stopAll = async () => {
  for (const contender of contenders.splice(0)) await contender.stack.stop();
  tree.remove();
};
// wrangler runs in its own process group: Ctrl-C here must take both workers down too.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)));
}

const perSecond = (round: OutboxRound) => REGISTRATIONS / round.seconds;
const postsPerSecond = (round: OutboxRound) => REGISTRATIONS / round.postSeconds;
const COLUMN = 26;
const row = (label: string, values: number[], digits = 0) =>
  `${label.padEnd(28)}${values.map((v) => v.toFixed(digits).padStart(COLUMN)).join("")}`;

try {
  const baselineModule = (await import(
    pathToFileURL(join(tree.dir, "scripts/lib/start-relay-stack.ts")).href
  )) as { startRelayStack: StartStack };
  const starts: [string, StartStack][] = [
    [`baseline ${tree.commit.slice(0, 7)}`, baselineModule.startRelayStack],
    ["current", startRelayStack],
  ];
  for (const [name, start] of starts) {
    contenders.push({ name, stack: await start({ vars: VARS }), rounds: [] });
  }
  // Round 0 warms each stack up (JIT, the outbox's first SQL pages) and is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    // Fresh patients every round: a repeated one would be a correction, not a new record.
    const first = round * REGISTRATIONS;
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + k) % contenders.length] as Contender;
      const measured = await measureOutboxThroughput(contender.stack, first, REGISTRATIONS);
      if (round > 0) contender.rounds.push(measured);
    }
  }

  const medians = (figure: (round: OutboxRound) => number) =>
    contenders.map((c) => median(c.rounds.map(figure)));
  const [baselineRate, currentRate] = medians(perSecond) as [number, number];
  const ratio = currentRate / baselineRate;
  const lines = [
    "",
    `outbox throughput: ${REGISTRATIONS} new registrations per round, concurrency ${OUTBOX_CONCURRENCY}, first POST to all held by the emulator`,
    `baseline: ${BASELINE_REF} = ${tree.commit} (BENCH_OUTBOX_BASELINE); current: this working tree`,
    "",
    `${"round, who went first".padEnd(28)}${contenders.map((c) => `${c.name} reg/s`.padStart(COLUMN)).join("")}`,
    ...Array.from({ length: ROUNDS }, (_, round) =>
      row(
        `${round + 1}, ${(contenders[(round + 1) % contenders.length] as Contender).name}`,
        contenders.map((c) => perSecond(c.rounds[round] as OutboxRound)),
      ),
    ),
    row("median", [baselineRate, currentRate]),
    row("median POST/s (202 queued)", medians(postsPerSecond)),
    row(
      "median CPU ms/reg here",
      medians((r) => r.localCpuMs),
      1,
    ),
    "  (here: this process, i.e. the load generator, alike for both, and the tree's emulator)",
    row(
      "POSTs retried after a 5xx",
      contenders.map((c) => c.rounds.reduce((sum, r) => sum + r.retries, 0)),
    ),
    "",
    `current / baseline, medians of ${ROUNDS} rounds: ${ratio.toFixed(2)} (target >= ${RATIO_TARGET}: ${ratio >= RATIO_TARGET ? "met" : "MISSED"})`,
    // Both stacks shared the machine alike; the absolute figures still depend on its load.
    `load average (1 min) at the end: ${loadavg()[0]?.toFixed(1)}`,
    "",
  ];
  console.log(lines.join("\n"));
} finally {
  await stopAll();
}
