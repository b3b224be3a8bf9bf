// One fault window of the fault test: a switch of the HD4DP emulator on for a few seconds
// while registrations are being posted, watched through /healthz as hospital IT would, then
// cleared, and timed until deliveries flow again. It measures and never asserts, so that
// the test can print every window's figures before it judges them.
import type { EmulatorStats } from "../../scripts/hd4dp-emulator/create-hd4dp-emulator-app.ts";
import type { Faults } from "../../scripts/hd4dp-emulator/parse-faults.ts";
import type { Hd4dpEmulator } from "../../scripts/hd4dp-emulator/start-hd4dp-emulator.ts";
import type { OutboxHealthView, RelayClient } from "./create-relay-client.ts";

/** Open at least this long, and until the outbox shows the fault... */
const WINDOW_MIN_MS = 3_000;
/** ...but never longer: a fault the worker does not show must not stall the run. */
const WINDOW_MAX_MS = 15_000;
/** How long deliveries may take to resume once the fault is gone. */
const RECOVERY_MAX_MS = 30_000;
const POLL_MS = 200;

export interface FaultWindow {
  name: string;
  /** The emulator's switches while it is open (from the moment it opens). */
  faults(opened: number): Faults;
  /** The emulator's counter of calls the fault struck. */
  counter: keyof EmulatorStats["faults"];
  /** What /healthz shows while it is open; nothing for faults the worker simply retries. */
  shows?: { needsIt: string } | "rateLimited";
  /** When it ends by itself (`forbiddenUntil`): then it is waited out, not cleared. */
  endsAt?(opened: number): number;
}

export interface WindowFigures {
  name: string;
  openMs: number;
  /** How long after opening /healthz showed it (undefined: never, or nothing to show). */
  shownAfterMs?: number;
  /** The needs-IT codes /healthz showed while it was open. */
  codes: string[];
  /** The longest rate-limit pause /healthz showed ahead while it was open. */
  longestRateLimitMs: number;
  /** How long after it ended a registration was delivered again (undefined: not in time). */
  recoveredAfterMs?: number;
  posted: number;
  /** The most registrations /healthz showed queued while it was open. */
  mostQueued: number;
  /** Registry calls the fault struck. */
  struck: number;
}

export interface FaultWindowRun {
  emulator: Hd4dpEmulator;
  client: RelayClient;
  /** The switches outside the windows. */
  baseline: Faults;
  /** Posts this window's registrations; resolves with how many. */
  post(): Promise<number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function showsIt(window: FaultWindow, health: OutboxHealthView): boolean {
  if (window.shows === undefined) return true;
  if (window.shows === "rateLimited") return health.rateLimitedUntil !== null;
  return health.needsIt?.code === window.shows.needsIt;
}

export async function runFaultWindow(
  window: FaultWindow,
  run: FaultWindowRun,
): Promise<WindowFigures> {
  const { emulator, client } = run;
  const struck = () => emulator.received().stats.faults[window.counter];
  const struckBefore = struck();
  const opened = Date.now();
  emulator.setFaults(window.faults(opened));
  const posting = run.post();
  const endsAt = window.endsAt?.(opened);
  const closeFrom = endsAt ?? opened + WINDOW_MIN_MS;
  const closeBy = endsAt ?? opened + WINDOW_MAX_MS;
  const codes = new Set<string>();
  let shownAt: number | undefined;
  let longestRateLimitMs = 0;
  let mostQueued = 0;
  for (;;) {
    const health = await client.health();
    const now = Date.now();
    mostQueued = Math.max(mostQueued, health.queued);
    if (health.needsIt) codes.add(health.needsIt.code);
    if (health.rateLimitedUntil !== null) {
      longestRateLimitMs = Math.max(longestRateLimitMs, Date.parse(health.rateLimitedUntil) - now);
    }
    if (shownAt === undefined && struck() > struckBefore && showsIt(window, health)) {
      shownAt = now;
    }
    if (now >= closeBy || (shownAt !== undefined && now >= closeFrom)) break;
    await sleep(POLL_MS);
  }
  const posted = await posting;
  const closed = Math.max(Date.now(), endsAt ?? 0);
  if (endsAt === undefined) emulator.setFaults(run.baseline);
  const openMs = closed - opened;
  const deliveredAtClose = emulator.registrations().length;
  let recoveredAfterMs: number | undefined;
  while (Date.now() - closed < RECOVERY_MAX_MS) {
    const health = await client.health();
    if (health.needsIt === null && emulator.registrations().length > deliveredAtClose) {
      recoveredAfterMs = Date.now() - closed;
      break;
    }
    await sleep(POLL_MS);
  }
  // A passed instant does nothing, but the next window starts from the baseline as it is.
  if (endsAt !== undefined) emulator.setFaults(run.baseline);
  return {
    name: window.name,
    openMs,
    ...(shownAt === undefined || window.shows === undefined
      ? {}
      : { shownAfterMs: shownAt - opened }),
    codes: [...codes],
    longestRateLimitMs,
    ...(recoveredAfterMs === undefined ? {} : { recoveredAfterMs }),
    posted,
    mostQueued,
    struck: struck() - struckBefore,
  };
}
