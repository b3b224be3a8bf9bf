// Calls the worker the way a client does: through its default export, in workerd.

import { env, exports } from "cloudflare:workers";
import { createApp } from "../../../worker/src/app.ts";
import { checkDocumentedReply } from "./check-documented-reply.ts";

export const ORIGIN = "https://worker.test";
export const ALLOWED_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";

/** Tokens of test-bindings.ts, one hospital each. */
export const TOKENS = {
  a: "token-hospital-a-0123456789",
  b: "token-hospital-b-0123456789",
  outbox: "token-outbox-0123456789",
  property: "token-property-0123456789",
  logs: "token-logs-0123456789",
} as const;

export const HOSPITAL_OF_TOKEN: Record<string, string> = {
  [TOKENS.a]: "hospital-a",
  [TOKENS.b]: "hospital-b",
  [TOKENS.outbox]: "hospital-outbox",
  [TOKENS.property]: "hospital-property",
  [TOKENS.logs]: "hospital-logs",
};

export interface CallOptions {
  method?: string;
  token?: string | null;
  /** Sent as is when a string, bytes or a stream; as JSON otherwise. */
  body?: unknown;
  headers?: Record<string, string>;
}

export async function call(path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? TOKENS.a : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    const raw = options.body;
    body =
      typeof raw === "string" || raw instanceof Uint8Array || raw instanceof ReadableStream
        ? raw
        : JSON.stringify(raw);
  }
  const method = options.method ?? (body === undefined ? "GET" : "POST");
  const url = `${ORIGIN}${path}`;
  const response = await exports.default.fetch(url, {
    method,
    headers: { ...headers, ...options.headers },
    body,
  });
  await checkDocumentedReply(method, url, response);
  return response;
}

/** The app with a changed configuration (a test-only env object). */
export async function callWithEnv(
  overrides: Record<string, unknown>,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const app = createApp();
  const request = new Request(`${ORIGIN}${path}`, init);
  const response = await app.fetch(request, { ...env, ...overrides });
  await checkDocumentedReply(request.method, request.url, response);
  return response;
}

export function outboxStub(hospitalId: string) {
  return env.OUTBOX.get(env.OUTBOX.idFromName(hospitalId));
}

/** Polls `read` until `done` holds (alarms fire on their own in workerd). */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`waitFor timed out; last value: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function expectProblem(response: Response, status: number) {
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
  }
  if (response.headers.get("Content-Type") !== "application/problem+json") {
    throw new Error(`expected problem+json, got ${response.headers.get("Content-Type")}`);
  }
  if (body.status !== status || typeof body.title !== "string" || typeof body.detail !== "string") {
    throw new Error(`not an RFC 9457 body: ${JSON.stringify(body)}`);
  }
  return body as {
    type: string;
    title: string;
    status: number;
    detail: string;
    issues?: unknown[];
  };
}
