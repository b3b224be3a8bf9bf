// The two worker calls of `spine-reg reconcile`: the DCD it reconciles with (which names its
// fields, hence the technical column names of a billing file), and a batch of acts. A
// refusal is reported with the worker's own words (problem+json detail).

import {
  type ReconciliationReply,
  ReconciliationReplySchema,
} from "../../shared-schema/src/api/api-schemas.ts";
import type { BilledAct } from "../../shared-schema/src/billed-act-fields.ts";
import type { Dcd, Locale } from "../../shared-schema/src/dcd.ts";
import { parseDcd } from "../../shared-schema/src/parse-dcd.ts";

/** A stuck worker must not hang the command: a batch of 5,000 acts takes seconds. */
const TIMEOUT_MS = 120_000;

export class WorkerCallError extends Error {}

export interface WorkerTarget {
  url: string;
  token: string;
  locale: Locale;
}

async function send(target: WorkerTarget, path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${target.url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        Authorization: `Bearer ${target.token}`,
        Accept: "application/json, application/problem+json",
        "Accept-Language": target.locale,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as Error).cause as Error | undefined;
    throw new WorkerCallError(
      `cannot reach the worker at ${target.url}: ${cause?.message ?? (error as Error).message}.`,
    );
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = json as { title?: string; detail?: string } | undefined;
    throw new WorkerCallError(
      `the worker answered ${response.status} to ${path}: ${problem?.title ?? ""}${problem?.detail ? `. ${problem.detail}` : ""}`,
    );
  }
  return json;
}

export async function fetchWorkerDcd(target: WorkerTarget): Promise<Dcd> {
  const json = await send(target, "/v1/dcd");
  try {
    return parseDcd(json, `${target.url}/v1/dcd`);
  } catch (error) {
    throw new WorkerCallError((error as Error).message);
  }
}

export async function reconcileBatch(
  target: WorkerTarget,
  dcd: Dcd,
  acts: BilledAct[],
): Promise<ReconciliationReply> {
  const json = await send(target, "/v1/reconciliation", {
    dcd: dcd.id,
    version: dcd.version,
    acts,
  });
  const parsed = ReconciliationReplySchema.safeParse(json);
  if (!parsed.success || parsed.data.acts.length !== acts.length) {
    throw new WorkerCallError(
      "the worker's reply to /v1/reconciliation is not one it should give.",
    );
  }
  return parsed.data;
}
