// A local stand-in for a hospital's HD4DP v2 S2S API (domain.md §2), speaking the ASSUMED
// contract of worker/src/registry/hd4dp-contract.ts: OAuth2 client-credentials tokens,
// submit / correct / read registrations, Idempotency-Key. It keeps what it received for
// inspection and can inject latency, 429, 5xx, timeouts and dropped connections, including
// AFTER a record was stored: the case exactly-once delivery must survive (issue 3).
// It also publishes its DCDs' definitions as shared-schema/src/s2s/hd4dp-definition-contract.ts
// assumes HD4DP does (what `spine-reg dcd pull` reads), behind the same token.
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Dcd } from "../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { answerDefinitionRead, isDefinitionPath } from "./answer-definition-read.ts";
import { createDefinitionReplies } from "./create-definition-replies.ts";
import { deriveBusinessKey } from "./derive-business-key.ts";
import { formatRegistrationCode } from "./format-registration-code.ts";
import { maskPatientData } from "./mask-patient-data.ts";
import { type FaultKind, type Faults, parseFaults } from "./parse-faults.ts";
import { createRandom, type PickedFault, pickFault } from "./pick-fault.ts";

export const DEV_CLIENT_ID = "local-dev-client";
export const DEV_CLIENT_SECRET = "local-dev-secret";

const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_HOLD_MS = 30_000;

export interface StartHd4dpEmulatorOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  faults?: Faults;
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of access tokens in whole seconds; short values exercise the client's refresh. Default 3600. */
  tokenTtlSeconds?: number;
  /** First part of registration codes (format-registration-code.ts). Default "206". */
  registrationCodePrefix?: string;
  /** Seed of the fault draws, to replay a run. Default: random. */
  seed?: number;
  /** Receives one line per registry call (method, path, status, fault), never a body. */
  log?: (line: string) => void;
  /**
   * The DCDs whose definitions it publishes; each needs an S2S id for every item. Default:
   * SPIN_SURG, with the ASSUMED ids of shared-schema/src/s2s/s2s-code-ids.ts.
   */
  dcds?: Dcd[];
}

export type RegistrationStatus = "open" | "sent" | "deleted";

export interface Registration {
  dcdId: string;
  /** "" for an open (draft) record, as HD4DP answers a draft. */
  businessKey: string;
  registrationCode: string | null;
  status: RegistrationStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The newest version's payload, patient identifiers masked. */
  payload: Record<string, unknown>;
}

/** One call that changed the registry's state (idempotent replays and rejections are not deliveries). */
export interface Delivery {
  at: string;
  method: string;
  path: string;
  dcdId: string;
  idempotencyKey: string | null;
  businessKey: string;
  registrationCode: string | null;
  status: RegistrationStatus;
  version: number;
  payload: Record<string, unknown>;
}

export interface EmulatorStats {
  /** Registry calls (token and proxy endpoints). */
  calls: number;
  tokensIssued: number;
  unauthorized: number;
  /** Calls answered with the first reply of their Idempotency-Key. */
  replayed: number;
  /** 4xx answers other than 401. */
  rejected: number;
  faults: Record<FaultKind | "down", number>;
  faultsAfterProcessing: number;
}

export interface Received {
  deliveries: Delivery[];
  stats: EmulatorStats;
}

export interface Hd4dpEmulator {
  url: string;
  close(): Promise<void>;
  /** Replaces every fault switch (`{}` clears them). Throws on invalid switches. */
  setFaults(faults: Faults): void;
  faults(): Faults;
  received(): Received;
  registrations(): Registration[];
  /** Forgets registrations, deliveries, idempotency keys and stats; keeps faults and tokens. */
  reset(): void;
  /** Invalidates every issued token: the next call gets 401, as after a registry restart. */
  expireTokens(): void;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}

function emptyStats(): EmulatorStats {
  const faults = { "500": 0, "503": 0, "429": 0, timeout: 0, drop: 0, down: 0 };
  return {
    calls: 0,
    tokensIssued: 0,
    unauthorized: 0,
    replayed: 0,
    rejected: 0,
    faults,
    faultsAfterProcessing: 0,
  };
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function startHd4dpEmulator(
  options: StartHd4dpEmulatorOptions,
): Promise<Hd4dpEmulator> {
  const host = options.host ?? "127.0.0.1";
  const clientId = options.clientId ?? DEV_CLIENT_ID;
  const clientSecret = options.clientSecret ?? DEV_CLIENT_SECRET;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  const codePrefix = options.registrationCodePrefix ?? "206";
  const random = createRandom(options.seed ?? randomInt(2 ** 31));
  // Per emulator, never configurable: business keys must not be recomputable from a NISS.
  const businessKeySecret = randomBytes(32);
  const log = options.log ?? (() => {});
  const definitions = createDefinitionReplies(options.dcds ?? [SPIN_SURG]);

  let faults = parseFaults(options.faults);
  const tokens = new Map<string, number>(); // token -> expiry (epoch ms)
  let registrations = new Map<string, Registration>(); // `${dcdId}/${businessKey}` -> newest
  let openRecords: Registration[] = [];
  let deliveries: Delivery[] = [];
  let idempotent = new Map<string, Reply>(); // Idempotency-Key -> first reply
  let stats = emptyStats();
  let sequence = 0;
  const heldTimers = new Set<NodeJS.Timeout>();

  function issueToken(req: IncomingMessage, body: Buffer): Reply {
    if (!String(req.headers["content-type"]).includes("application/x-www-form-urlencoded")) {
      return json(400, {
        error: "invalid_request",
        message: "expected Content-Type: application/x-www-form-urlencoded",
      });
    }
    const form = new URLSearchParams(body.toString("utf8"));
    if (form.get("grant_type") !== "client_credentials") {
      return json(400, {
        error: "unsupported_grant_type",
        message: "grant_type must be client_credentials",
      });
    }
    let id = form.get("client_id");
    let secret = form.get("client_secret");
    // RFC 6749 §2.3.1: a client may send its credentials with HTTP Basic instead.
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "");
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      id = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
    if (!sameSecret(id, clientId) || !sameSecret(secret, clientSecret)) {
      return json(401, { error: "invalid_client", message: "unknown client or wrong secret" });
    }
    const now = Date.now();
    for (const [token, expiry] of tokens) if (expiry <= now) tokens.delete(token);
    const token = randomBytes(24).toString("base64url");
    tokens.set(token, now + tokenTtlSeconds * 1000);
    stats.tokensIssued++;
    return json(
      200,
      { access_token: token, token_type: "Bearer", expires_in: tokenTtlSeconds },
      { "cache-control": "no-store" },
    );
  }

  function unauthorized(req: IncomingMessage): Reply | undefined {
    const bearer = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const expiry = bearer ? tokens.get(bearer) : undefined;
    if (expiry !== undefined && expiry > Date.now()) return undefined;
    stats.unauthorized++;
    const message = bearer ? "access token expired or unknown" : "missing bearer access token";
    return json(401, { message }, { "www-authenticate": 'Bearer error="invalid_token"' });
  }

  function parsePayload(
    req: IncomingMessage,
    body: Buffer,
  ): { fields: Record<string, unknown> } | { error: Reply } {
    if (!String(req.headers["content-type"]).includes("application/json")) {
      return { error: json(415, { message: "expected Content-Type: application/json" }) };
    }
    let value: unknown;
    try {
      value = JSON.parse(body.toString("utf8"));
    } catch {
      // Not JSON.parse's message: it quotes the body, which may hold a NISS.
      return {
        error: json(400, { message: "malformed JSON: the body is not a valid JSON document" }),
      };
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return {
        error: json(400, {
          message: "the body must be a JSON object keyed by field technical names",
        }),
      };
    }
    return { fields: value as Record<string, unknown> };
  }

  function record(method: string, path: string, key: string | null, reg: Registration): void {
    deliveries.push({
      at: reg.updatedAt,
      method,
      path,
      dcdId: reg.dcdId,
      idempotencyKey: key,
      businessKey: reg.businessKey,
      registrationCode: reg.registrationCode,
      status: reg.status,
      version: reg.version,
      payload: reg.payload,
    });
  }

  /** Stores a submitted version: a known business key is a correction (newest version counts). */
  function store(
    dcdId: string,
    businessKey: string,
    payload: Record<string, unknown>,
  ): Registration {
    const now = new Date().toISOString();
    const masked = maskPatientData(payload);
    const existing = registrations.get(`${dcdId}/${businessKey}`);
    if (existing) {
      Object.assign(existing, {
        status: "sent",
        version: existing.version + 1,
        updatedAt: now,
        payload: masked,
      });
      return existing;
    }
    sequence++;
    const registrationCode = formatRegistrationCode(codePrefix, new Date().getFullYear(), sequence);
    const reg: Registration = {
      dcdId,
      businessKey,
      registrationCode,
      status: "sent",
      version: 1,
      createdAt: now,
      updatedAt: now,
      payload: masked,
    };
    registrations.set(`${dcdId}/${businessKey}`, reg);
    return reg;
  }

  function change(
    req: IncomingMessage,
    path: string,
    dcdId: string,
    pathKey: string | undefined,
    body: Buffer,
  ): Reply {
    const method = req.method ?? "";
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    if (idempotencyKey !== null) {
      const first = idempotent.get(idempotencyKey);
      if (first) {
        stats.replayed++;
        return first;
      }
    }
    const existing = pathKey === undefined ? undefined : registrations.get(`${dcdId}/${pathKey}`);
    if (pathKey !== undefined && !existing) {
      return json(404, { message: `no registration with business key ${pathKey} in ${dcdId}` });
    }
    let reg: Registration;
    if (method === "DELETE" && existing) {
      Object.assign(existing, { status: "deleted", updatedAt: new Date().toISOString() });
      reg = existing;
    } else {
      const parsed = parsePayload(req, body);
      if ("error" in parsed) return parsed.error;
      const { fields } = parsed;
      if (method === "POST" && fields.STATUS === "draft") {
        // A draft becomes an Open record to complete in HD4DP, with no business key yet.
        const now = new Date().toISOString();
        reg = {
          dcdId,
          businessKey: "",
          registrationCode: null,
          status: "open",
          version: 1,
          createdAt: now,
          updatedAt: now,
          payload: maskPatientData(fields),
        };
        openRecords.push(reg);
      } else {
        const derived = deriveBusinessKey(fields, businessKeySecret);
        if ("missing" in derived) {
          return json(400, {
            message: `missing business key fields: ${derived.missing.join(", ")}`,
          });
        }
        if (pathKey !== undefined && derived.businessKey !== pathKey) {
          return json(409, {
            message: `the record's business key fields do not match ${pathKey}: submit it as a new registration (the registry then keeps both records)`,
          });
        }
        reg = store(dcdId, derived.businessKey, fields);
      }
    }
    record(method, path, idempotencyKey, reg);
    const reply =
      reg.status === "open"
        ? json(202, { businessKey: "" })
        : json(202, { businessKey: reg.businessKey, registrationCode: reg.registrationCode });
    if (idempotencyKey !== null) idempotent.set(idempotencyKey, reply);
    return reply;
  }

  function registry(req: IncomingMessage, url: URL, body: Buffer): Reply {
    const method = req.method ?? "";
    const path = url.pathname;
    if (path === "/oauth/token") {
      return method === "POST" ? issueToken(req, body) : json(405, { message: "use POST" });
    }
    const below = path.replace(/^\/proxy(?=\/)/, "");
    if (below !== path && isDefinitionPath(below)) {
      if (method !== "GET") return json(405, { message: "use GET" }, { allow: "GET" });
      const denied = unauthorized(req);
      if (denied) return denied;
      const answer = answerDefinitionRead(definitions, below, url.searchParams);
      return json(answer.status, answer.body);
    }
    const match = /^\/proxy\/api\/dcd\/([^/]+)\/registrations(?:\/([^/]+))?\/?$/.exec(path);
    if (!match?.[1]) return json(404, { message: `no route for ${method} ${path}` });
    const dcdId = decodeURIComponent(match[1]);
    const pathKey = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    const allowed = pathKey === undefined ? ["POST"] : ["GET", "PUT", "DELETE"];
    if (!allowed.includes(method))
      return json(405, { message: `use ${allowed.join(", ")}` }, { allow: allowed.join(", ") });
    const denied = unauthorized(req);
    if (denied) return denied;
    if (method !== "GET") return change(req, path, dcdId, pathKey, body);
    const reg = registrations.get(`${dcdId}/${pathKey}`);
    if (!reg)
      return json(404, { message: `no registration with business key ${pathKey} in ${dcdId}` });
    const { businessKey, registrationCode, status, version } = reg;
    return json(200, { businessKey, registrationCode, status, version });
  }

  function inject(fault: PickedFault, req: IncomingMessage, res: ServerResponse): void {
    stats.faults[fault.kind]++;
    if (fault.afterProcessing) stats.faultsAfterProcessing++;
    if (fault.kind === "drop") {
      req.socket.destroy();
    } else if (fault.kind === "timeout") {
      // Hold the call longer than the client waits, then hang up without a reply.
      const hold = faults.timeoutHoldMs ?? DEFAULT_TIMEOUT_HOLD_MS;
      const timer = setTimeout(() => req.socket.destroy(), hold);
      heldTimers.add(timer);
      req.socket.once("close", () => {
        clearTimeout(timer);
        heldTimers.delete(timer);
      });
    } else {
      const retryAfter = { "retry-after": String(faults.retryAfterSeconds ?? 1) };
      const replies = {
        "500": json(500, { message: "injected fault: internal server error" }),
        "503": json(503, { message: "injected fault: service unavailable" }, retryAfter),
        "429": json(429, { message: "injected fault: too many requests" }, retryAfter),
      };
      send(res, replies[fault.kind]);
    }
  }

  function control(method: string, path: string, body: Buffer): Reply {
    const route = `${method} ${path.replace(/\/$/, "")}`;
    switch (route) {
      case "GET /_emulator/received":
        return json(200, api.received());
      case "GET /_emulator/registrations":
        return json(200, api.registrations());
      case "POST /_emulator/reset":
        api.reset();
        return json(200, { message: "reset" });
      case "GET /_emulator/faults":
        return json(200, faults);
      case "POST /_emulator/faults":
        try {
          api.setFaults(JSON.parse(body.toString("utf8") || "{}"));
          return json(200, faults);
        } catch (error) {
          const message =
            error instanceof SyntaxError ? "malformed JSON" : String((error as Error).message);
          return json(400, { message });
        }
      case "POST /_emulator/expire-tokens":
        api.expireTokens();
        return json(200, { message: "every token expired" });
      default:
        return json(404, {
          message: `no route for ${route}; try GET /_emulator/received, GET /_emulator/registrations, POST /_emulator/reset, GET|POST /_emulator/faults, POST /_emulator/expire-tokens`,
        });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator");
    const path = url.pathname;
    const body = await readBody(req);
    if (body === undefined)
      return send(res, json(413, { message: `body over ${MAX_BODY_BYTES} bytes` }));
    if (path === "/_emulator" || path.startsWith("/_emulator/")) {
      return send(res, control(req.method ?? "", path, body));
    }
    stats.calls++;
    const line = `${req.method} ${path}`;
    if (faults.down) {
      stats.faults.down++;
      log(`${line} -> down (connection reset)`);
      req.socket.destroy();
      return;
    }
    if (faults.latencyMs) await sleep(faults.latencyMs);
    const fault = pickFault(faults, random);
    const reply = fault && !fault.afterProcessing ? undefined : registry(req, url, body);
    if (reply && reply.status >= 400 && reply.status !== 401) stats.rejected++;
    if (fault) {
      log(
        `${line} -> fault ${fault.kind}${fault.afterProcessing ? ` after processing (${reply?.status})` : ""}`,
      );
      return inject(fault, req, res);
    }
    log(`${line} -> ${reply?.status}`);
    if (reply) send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only the error's name: its message could quote a payload.
      log(`emulator error: ${error instanceof Error ? error.name : "unknown"}`);
      if (!res.headersSent) send(res, json(500, { message: "emulator error" }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const api: Hd4dpEmulator = {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: async () => {
      for (const timer of heldTimers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    setFaults: (next) => {
      faults = parseFaults(next);
    },
    faults: () => structuredClone(faults),
    received: () => structuredClone({ deliveries, stats }),
    registrations: () => structuredClone([...registrations.values(), ...openRecords]),
    reset: () => {
      registrations = new Map();
      openRecords = [];
      deliveries = [];
      idempotent = new Map();
      stats = emptyStats();
      sequence = 0;
    },
    expireTokens: () => tokens.clear(),
  };
  return api;
}
