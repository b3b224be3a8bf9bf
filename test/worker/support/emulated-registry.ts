// HD4DP for the worker's tests in workerd: the real emulator app (scripts/hd4dp-emulator),
// reached through `fetch` without a socket (emulator-fetch.ts), so the worker meets the same
// HD4DP as under `npm start` and in the fault test. On top, a test can script the next
// replies of one kind of call (a 422 for this record, a timeout, a DNS failure), played
// instead of the emulator's, and read every call the worker made.
// Test doubles live in tests only; the worker calls the real global fetch.

import { vi } from "vitest";
import {
  createHd4dpEmulatorApp,
  type Hd4dpEmulatorControl,
} from "../../../scripts/hd4dp-emulator/create-hd4dp-emulator-app.ts";
import { emulatorFetch } from "../../../scripts/hd4dp-emulator/emulator-fetch.ts";
import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import { TEST_BINDINGS } from "./test-bindings.ts";

export type Scripted =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Holds the call (past the worker's timeout) until `until` settles, then answers 503. */
  | { until: Promise<unknown> }
  /** No answer: only the worker's timeout ends the wait. */
  | "timeout"
  | "network"
  | "dns"
  | "tls";

export type CallKind = "token" | "organizations" | "submit" | "correction" | "list" | "other";

export interface Call {
  kind: CallKind;
  method: string;
  url: URL;
  idempotencyKey: string | null;
  authorization: string | null;
  body: Record<string, unknown> | null;
}

function kindOf(request: Request, url: URL): CallKind {
  if (url.pathname.endsWith("/oauth/token")) return "token";
  if (url.pathname.endsWith("/api/organizations")) return "organizations";
  if (url.pathname.endsWith("/api/dcd/payload/submit")) {
    return request.method === "PUT" ? "correction" : "submit";
  }
  if (url.pathname.endsWith("/api/dcd/submit")) return "list";
  return "other";
}

export class EmulatedRegistry {
  readonly emulator;
  /** Every call the worker made, scripted ones included. */
  readonly calls: Call[] = [];
  /** Replies played instead of the emulator's on the next calls of each kind, in order. */
  readonly script: Partial<Record<CallKind, Scripted[]>> = {};

  constructor(dcds: Dcd[] = [SPIN_SURG]) {
    this.emulator = createHd4dpEmulatorApp({
      clientId: TEST_BINDINGS.REGISTRY_CLIENT_ID,
      clientSecret: TEST_BINDINGS.REGISTRY_CLIENT_SECRET,
      dcds,
    });
  }

  get control(): Hd4dpEmulatorControl {
    return this.emulator.control;
  }

  install(): this {
    vi.spyOn(globalThis, "fetch").mockImplementation((input, init) =>
      this.handle(new Request(input as RequestInfo, init as RequestInit)),
    );
    return this;
  }

  /** Queues replies for the next calls of `kind`. */
  play(kind: CallKind, ...replies: Scripted[]): this {
    const queue = this.script[kind] ?? [];
    queue.push(...replies);
    this.script[kind] = queue;
    return this;
  }

  /** The submits and corrections the worker sent. */
  deliveries(): Call[] {
    return this.calls.filter((c) => c.kind === "submit" || c.kind === "correction");
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const kind = kindOf(request, url);
    // Bytes, not .text(): a form-encoded token request is text to us, not to workerd.
    const text = new TextDecoder().decode(await request.clone().arrayBuffer());
    let body: Record<string, unknown> | null = null;
    try {
      body = kind === "token" || text === "" ? null : JSON.parse(text);
    } catch {
      body = null;
    }
    this.calls.push({
      kind,
      method: request.method,
      url,
      idempotencyKey: request.headers.get("Idempotency-Key"),
      authorization: request.headers.get("Authorization"),
      body,
    });
    const scripted = this.script[kind]?.shift();
    if (scripted === undefined) return emulatorFetch(this.emulator.app, request);
    if (scripted === "network") throw new TypeError("Network connection lost.");
    if (scripted === "dns") throw new TypeError("DNS lookup failed for hd4dp.test");
    if (scripted === "tls") throw new TypeError("TLS peer's certificate is not trusted");
    if (scripted === "timeout") {
      return new Promise((_resolve, reject) => {
        request.signal.addEventListener("abort", () => reject(request.signal.reason));
      });
    }
    if ("until" in scripted) {
      await scripted.until;
      return Response.json({ message: "held" }, { status: 503 });
    }
    const payload =
      scripted.body === undefined
        ? JSON.stringify({ message: `HTTP ${scripted.status}` })
        : typeof scripted.body === "string"
          ? scripted.body
          : JSON.stringify(scripted.body);
    return new Response(scripted.status === 204 ? null : payload, {
      status: scripted.status,
      headers: { "Content-Type": "application/json", ...scripted.headers },
    });
  }
}
