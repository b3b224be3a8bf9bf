// A test double of HD4DP behind `fetch`: it speaks the contract of
// worker/src/registry/hd4dp-contract.ts (token, submit, correction, status), remembers what it
// received, drops duplicates by Idempotency-Key like the real one is assumed to, and plays
// scripted faults (5xx, 429, 4xx, 401, timeouts, network errors) one per call.
// Test doubles live in tests only; the worker calls the real global fetch.

import { vi } from "vitest";

export type Fault =
  | { status: number; message?: string; retryAfter?: string }
  /** Holds the request (ignoring the worker's timeout) until `until` settles, then 503. */
  | { until: Promise<unknown> }
  | "timeout"
  | "network";

export interface Received {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: Record<string, unknown>;
}

interface Stored {
  businessKey: string;
  registrationCode?: string;
  /** Set a stored registration "deleted" to play a withdrawal in HD4DP itself. */
  status: "open" | "sent" | "deleted";
  body: Record<string, unknown>;
}

const BASE = "https://hd4dp.test";

export class FakeRegistry {
  /** Every submit and correction that reached the registry (faults included). */
  readonly received: Received[] = [];
  /** Registrations the registry holds, by business key ("" drafts get a generated one). */
  readonly stored = new Map<string, Stored>();
  readonly replies = new Map<string, { status: number; body: unknown }>();
  tokensIssued = 0;
  /** Status reads (GET of one registration) received. */
  statusReads = 0;
  /**
   * The business key given to the n-th submission. The real key is ASSUMED to be built from
   * IDC_PAT + D_SURG + CD_HPIN (hd4dp-contract.ts): a test can make it carry the NISS.
   */
  businessKeyFor: (n: number, body: Record<string, unknown>) => string = (n) => `BK-${n}`;
  /** Faults played on the next submit/correction calls, in order. */
  faults: Fault[] = [];
  /** Faults played on the next token calls, in order. */
  tokenFaults: Fault[] = [];
  #validTokens = new Set<string>();
  #counter = 0;

  install(): this {
    vi.spyOn(globalThis, "fetch").mockImplementation((input, init) =>
      this.handle(new Request(input as RequestInfo, init as RequestInit)),
    );
    return this;
  }

  /** Makes every token issued so far invalid (the registry restarted, say). */
  revokeTokens(): void {
    this.#validTokens.clear();
  }

  /** Submits and corrections that the registry accepted (not dropped duplicates). */
  accepted(): Stored[] {
    return [...this.stored.values()];
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.origin !== BASE) throw new TypeError(`fake registry: unexpected host ${url.origin}`);
    if (url.pathname === "/oauth/token") return this.#token(request);
    const match = /^\/proxy\/api\/dcd\/([^/]+)\/registrations(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return json(404, { message: "no such path" });
    if (request.method === "GET") {
      this.statusReads++;
      const token = /^Bearer (.+)$/.exec(request.headers.get("Authorization") ?? "")?.[1];
      if (!token || !this.#validTokens.has(token)) return json(401, { message: "invalid token" });
      const found = this.stored.get(decodeURIComponent(match[2] ?? ""));
      if (!found) return json(404, { message: "unknown business key" });
      const { businessKey, registrationCode, status } = found;
      return json(200, { businessKey, status, ...(registrationCode ? { registrationCode } : {}) });
    }
    const body = (await request.json()) as Record<string, unknown>;
    this.received.push({
      method: request.method,
      path: url.pathname,
      idempotencyKey: request.headers.get("Idempotency-Key"),
      authorization: request.headers.get("Authorization"),
      body,
    });
    const fault = this.faults.shift();
    if (fault !== undefined) return play(fault, request);
    const token = /^Bearer (.+)$/.exec(request.headers.get("Authorization") ?? "")?.[1];
    if (!token || !this.#validTokens.has(token)) return json(401, { message: "invalid token" });
    const key = request.headers.get("Idempotency-Key") ?? "";
    const replay = this.replies.get(key);
    if (replay) return json(replay.status, replay.body);
    const draft = body.STATUS === "draft";
    let reply: { businessKey: string; registrationCode?: string };
    if (request.method === "PUT") {
      const businessKey = decodeURIComponent(match[2] ?? "");
      const existing = this.stored.get(businessKey);
      if (!existing) return json(404, { message: "unknown business key" });
      existing.body = body;
      reply = {
        businessKey,
        ...(existing.registrationCode ? { registrationCode: existing.registrationCode } : {}),
      };
    } else if (request.method === "POST") {
      this.#counter++;
      const businessKey = this.businessKeyFor(this.#counter, body);
      const registrationCode = draft
        ? undefined
        : `206.26.${String(this.#counter).padStart(6, "0")}.11`;
      this.stored.set(businessKey, {
        businessKey,
        status: draft ? "open" : "sent",
        body,
        ...(registrationCode ? { registrationCode } : {}),
      });
      reply = draft
        ? { businessKey: "" }
        : { businessKey, ...(registrationCode ? { registrationCode } : {}) };
    } else {
      return json(405, { message: "method not allowed" });
    }
    this.replies.set(key, { status: 202, body: reply });
    return json(202, reply);
  }

  async #token(request: Request): Promise<Response> {
    const fault = this.tokenFaults.shift();
    if (fault !== undefined) return play(fault, request);
    const form = new URLSearchParams(new TextDecoder().decode(await request.arrayBuffer()));
    if (
      request.headers.get("Content-Type") !== "application/x-www-form-urlencoded" ||
      form.get("grant_type") !== "client_credentials" ||
      form.get("client_id") !== "test-client" ||
      form.get("client_secret") !== "test-secret"
    ) {
      return json(401, { message: "invalid_client" });
    }
    this.tokensIssued++;
    const token = `access-${this.tokensIssued}`;
    this.#validTokens.add(token);
    return json(200, { access_token: token, token_type: "Bearer", expires_in: 3600 });
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

function play(fault: Fault, request: Request): Promise<Response> {
  if (fault === "network") return Promise.reject(new TypeError("Network connection lost."));
  if (fault === "timeout") {
    // Never answers: only the worker's AbortSignal.timeout ends the wait.
    return new Promise((_resolve, reject) => {
      request.signal.addEventListener("abort", () => reject(request.signal.reason));
    });
  }
  if ("until" in fault) return fault.until.then(() => json(503, { message: "held" }));
  return Promise.resolve(
    json(
      fault.status,
      { message: fault.message ?? `HTTP ${fault.status}` },
      {
        ...(fault.retryAfter ? { "Retry-After": fault.retryAfter } : {}),
      },
    ),
  );
}
