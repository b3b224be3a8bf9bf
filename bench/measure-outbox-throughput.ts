// Registrations/s through a relay stack's outbox: POST new registrations at a fixed
// concurrency, then time until the emulator holds them all. Only the HTTP API and the
// emulator's in-process control are used, so one measurement serves any tree's stack
// (today's and the code before a rewrite), whatever its outbox does inside.
import { validSpinSurgRecord } from "../test/support/valid-spin-surg-record.ts";
import { LOCAL_DEV_AUTH } from "./local-dev-auth.ts";

export const OUTBOX_CONCURRENCY = 32;
const TIMEOUT_MS = 120_000;
const POST_TRIES = 6;
// Each poll clones the emulator's records, in this process beside the emulator serving the
// worker: often enough for a figure to a few hundredths of a second, rarely enough not to
// slow the emulator down.
const POLL_MS = 20;
// Enough views to catch a worker that delivered without recording it, few enough not to
// weigh on the next round.
const VIEWS_CHECKED = 20;

/** What the measurement needs of a relay stack: any tree's startRelayStack gives it. */
export interface OutboxStack {
  worker: { url: string };
  emulator: { reset(): void; registrations(): readonly unknown[] };
}

export interface OutboxRound {
  /** From the first POST until the emulator holds every registration. */
  seconds: number;
  /** From the first POST until the last 202 (durably queued). */
  postSeconds: number;
  /** POSTs repeated after a 5xx or a network error. */
  retries: number;
  /**
   * CPU of this process per registration, in ms: the load generator (the same code for every
   * tree) and the tree's emulator, which runs here. Tells a slower emulator from a slower worker.
   */
  localCpuMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A registration POST, repeated with the same Idempotency-Key after a 5xx or a network error. */
async function postRegistration(
  baseUrl: string,
  i: number,
): Promise<{ id: string; retries: number }> {
  for (let retries = 0; ; retries++) {
    let reply: Response | undefined;
    try {
      reply = await fetch(`${baseUrl}/v1/registrations`, {
        method: "POST",
        headers: {
          ...LOCAL_DEV_AUTH,
          "Content-Type": "application/json",
          "Idempotency-Key": `bench-${i}`,
        },
        body: JSON.stringify({ record: validSpinSurgRecord(i), status: "submit" }),
      });
    } catch (error) {
      if (retries + 1 >= POST_TRIES) throw error;
    }
    if (reply) {
      // Not always JSON: wrangler answers a 503 in plain text while it reloads the worker.
      const body = (await reply.json().catch(() => ({}))) as { id?: string; detail?: string };
      if (reply.status === 202 && body.id) return { id: body.id, retries };
      if (reply.status < 500 || retries + 1 >= POST_TRIES) {
        throw new Error(`POST /v1/registrations: HTTP ${reply.status} ${body.detail ?? ""}`);
      }
    }
    await sleep(100);
  }
}

/**
 * POSTs the registrations `first` .. `first + count - 1`. Each index is a new patient (its
 * own business key and Idempotency-Key), so a caller gives every round of one stack fresh
 * indexes: a repeated one would be a correction or an idempotent replay, not a new record.
 */
export async function measureOutboxThroughput(
  stack: OutboxStack,
  first: number,
  count: number,
): Promise<OutboxRound> {
  const { worker, emulator } = stack;
  emulator.reset();
  const ids: string[] = [];
  let next = 0;
  let retries = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const lane = async () => {
    while (next < count) {
      const posted = await postRegistration(worker.url, first + next++);
      ids.push(posted.id);
      retries += posted.retries;
    }
  };
  await Promise.all(Array.from({ length: OUTBOX_CONCURRENCY }, lane));
  const postSeconds = (performance.now() - started) / 1000;
  const deadline = Date.now() + TIMEOUT_MS;
  while (emulator.registrations().length < count) {
    if (Date.now() > deadline) throw new Error(`outbox: not all ${count} sent in time`);
    await sleep(POLL_MS);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // The emulator holding them is not enough: the worker must also know they were sent.
  for (const id of ids.slice(0, VIEWS_CHECKED)) {
    const reply = await fetch(`${worker.url}/v1/registrations/${id}`, { headers: LOCAL_DEV_AUTH });
    const view = (await reply.json()) as { state: string };
    if (view.state !== "sent") throw new Error(`registration ${id} is ${view.state}, not sent`);
  }
  return { seconds, postSeconds, retries, localCpuMs: (cpu.user + cpu.system) / 1000 / count };
}
