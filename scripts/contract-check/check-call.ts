// One call of the check: sent as the worker's client sends it (redirects not followed, a
// bounded wait), then its status, its body and its shape against what our contract assumes.
import type { z } from "zod";
import { compareWithSchema } from "./compare-with-schema.ts";
import type { Secret } from "./describe-issue.ts";
import { describeValue } from "./describe-value.ts";

export interface CheckResult {
  /** How the report names the call, e.g. `GET /api/organizations`. */
  call: string;
  /** Why the reply could not be compared: no answer, another status, not JSON. */
  problem?: string;
  /** Field by field; beside a problem, what HD4DP's refusal says. */
  differences: string[];
  /** Keys our contract does not name: news, not failures. */
  notes: string[];
}

/** Whether HD4DP answered this call as our contract assumes (notes aside). */
export function asAssumed(result: CheckResult): boolean {
  return result.problem === undefined && result.differences.length === 0;
}

export interface Call<S extends z.ZodType> {
  call: string;
  url: string;
  init: RequestInit;
  statuses: readonly number[];
  schema: S;
  secret: Secret;
  /** What the reply must say beyond its shape (the organization is listed, ...). */
  expect?: (reply: z.infer<S>) => string[];
  /** What the body of another status tells, e.g. the fields HD4DP rejected. */
  explainRefusal?: (body: unknown) => string[];
}

export interface Checked {
  result: CheckResult;
  /** The JSON reply, when there was one (the token's caller reads it). */
  body?: unknown;
}

/** Each call is a small read or one draft: an HD4DP that takes longer is stuck. */
const TIMEOUT_MS = 30_000;

export async function checkCall<S extends z.ZodType>(call: Call<S>): Promise<Checked> {
  const failed = (problem: string, differences: string[] = []) => ({
    result: { call: call.call, problem, differences, notes: [] },
  });
  let response: Response;
  let text: string;
  try {
    response = await fetch(call.url, {
      ...call.init,
      // A redirect means a proxy or a wrong base URL: the worker stops there too.
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    return failed(unanswered(error));
  }
  const json = parseJson(text);
  if (!call.statuses.includes(response.status)) {
    const refusal = json === undefined ? [] : (call.explainRefusal?.(json.body) ?? []);
    return failed(`HTTP ${response.status}, expected ${call.statuses.join(" or ")}`, refusal);
  }
  if (json === undefined) {
    const type = response.headers.get("content-type");
    const said = type === null ? "no content-type" : `content-type ${describeValue(type)}`;
    return failed(`the reply is not JSON (${said})`);
  }
  const compared = compareWithSchema(call.schema, json.body, call.secret);
  const differences =
    compared.data === undefined ? compared.differences : (call.expect?.(compared.data) ?? []);
  return {
    result: { call: call.call, differences, notes: compared.notes },
    body: json.body,
  };
}

function parseJson(text: string): { body: unknown } | undefined {
  try {
    return { body: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function unanswered(error: unknown): string {
  if ((error as Error).name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  // Node's fetch puts the socket's error code (ECONNREFUSED, ENOTFOUND, ...) in the cause.
  const code = ((error as Error).cause as { code?: unknown } | undefined)?.code;
  return `no connection${typeof code === "string" ? ` (${code})` : ""}`;
}
