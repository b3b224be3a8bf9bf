// Talks to one hospital's HD4DP through the contract in hd4dp-contract.ts: gets and caches
// the OAuth2 token and the organization id, sends a registration (POST, or PUT for a
// correction), renews the token once on a 401, and hands every outcome (reply, network
// error, timeout) back as an AttemptOutcome; what to do with it is the outbox's decision
// (outbox/next-delivery-state.ts). It also reads the list of submitted records. It never
// throws for a registry problem and never logs.
//
// Redirects are never followed: the patient record must reach the configured HD4DP and no
// other origin, and a redirect means the configuration is wrong. workerd offers no
// `redirect: "error"`, so "manual" hands the 3xx back and the outbox pauses for IT.

import type { AttemptOutcome, Stage } from "../outbox/next-delivery-state.ts";
import {
  correctionPath,
  ORGANIZATIONS_PATH,
  OrganizationsReplySchema,
  SubmittedListReplySchema,
  type SubmittedRecord,
  submitHeaders,
  submitPath,
  submittedListPath,
  TOKEN_EXPIRY_MARGIN_MS,
  TokenReplySchema,
  tokenRequest,
} from "./hd4dp-contract.ts";

export interface Hd4dpClientOptions {
  registryUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The hospital's organization id; null: read it from HD4DP (it must list exactly one). */
  organizationId: string | null;
  timeoutMs: number;
  /** Headers added to every request, e.g. a Cloudflare Access service token. */
  extraHeaders?: Record<string, string>;
}

export interface Delivery {
  dcdId: string;
  dcdVersion: string;
  registrationId: string;
  payload: Record<string, unknown>;
  /** The registry's business key of an earlier delivery: send a correction (PUT). */
  correctionOf?: string;
}

/** Replies longer than this are cut: the outbox reads a status, a key and error fields. */
const MAX_REPLY_CHARS = 65_536;
/** The list of submitted records holds every record of a DCD: thousands, with their data. */
const MAX_LIST_CHARS = 16 * 1024 * 1024;

/** A call that did not give the outcome the next step needs: hand it back as it is. */
class StepFailed extends Error {
  readonly outcome: AttemptOutcome;
  constructor(outcome: AttemptOutcome) {
    super(outcome.kind);
    this.outcome = outcome;
  }
}

export class Hd4dpClient {
  readonly options: Hd4dpClientOptions;
  #token: { value: string; renewAt: number } | null = null;
  #organizationId: string | null;

  constructor(options: Hd4dpClientOptions) {
    this.options = options;
    this.#organizationId = options.organizationId;
  }

  /** One delivery attempt: the reply of the submit or correction, or of the step that failed. */
  async deliver(delivery: Delivery): Promise<AttemptOutcome> {
    const stage: Stage = delivery.correctionOf === undefined ? "submit" : "correction";
    try {
      const target = {
        organizationId: await this.#organization(),
        dcdId: delivery.dcdId,
        dcdVersion: delivery.dcdVersion,
      };
      const path =
        delivery.correctionOf === undefined
          ? submitPath(target)
          : correctionPath(target, delivery.correctionOf);
      const send = async () =>
        this.#call(stage, path, {
          method: delivery.correctionOf === undefined ? "POST" : "PUT",
          headers: submitHeaders(await this.#accessToken(), delivery.registrationId),
          body: JSON.stringify(delivery.payload),
        });
      let outcome = await send();
      if (outcome.kind === "reply" && outcome.status === 401) {
        // The cached token may have been revoked early: renew it once; a second 401 stands.
        this.#token = null;
        outcome = await send();
      }
      return outcome;
    } catch (error) {
      if (error instanceof StepFailed) return error.outcome;
      throw error;
    }
  }

  /**
   * The records HD4DP holds for a DCD (submitted, open or deleted), with their field values
   * when `withData`, or null when they cannot be read: the caller keeps what it knows.
   */
  async submittedList(dcdId: string, withData = false): Promise<SubmittedRecord[] | null> {
    try {
      const organizationId = await this.#organization();
      const path = submittedListPath({ organizationId, dcdId, withData });
      const read = async () =>
        this.#call("submit", path, {
          headers: {
            Authorization: `Bearer ${await this.#accessToken()}`,
            Accept: "application/json",
          },
          maxChars: MAX_LIST_CHARS,
        });
      let outcome = await read();
      if (outcome.kind === "reply" && outcome.status === 401) {
        this.#token = null;
        outcome = await read();
      }
      if (outcome.kind !== "reply" || outcome.status !== 200) return null;
      const parsed = SubmittedListReplySchema.safeParse(parseJson(outcome.body));
      return parsed.success ? parsed.data : null;
    } catch (error) {
      if (error instanceof StepFailed) return null;
      throw error;
    }
  }

  async #organization(): Promise<string> {
    if (this.#organizationId !== null) return this.#organizationId;
    const outcome = await this.#call("organizations", ORGANIZATIONS_PATH, {
      headers: { Authorization: `Bearer ${await this.#accessToken()}`, Accept: "application/json" },
    });
    if (outcome.kind === "reply" && outcome.status === 200) {
      const parsed = OrganizationsReplySchema.safeParse(parseJson(outcome.body));
      const only = parsed.success && parsed.data.length === 1 ? parsed.data[0] : undefined;
      if (only) {
        this.#organizationId = only.id;
        return only.id;
      }
    }
    throw new StepFailed(outcome);
  }

  async #accessToken(): Promise<string> {
    if (this.#token && Date.now() < this.#token.renewAt) return this.#token.value;
    const request = tokenRequest(this.options.clientId, this.options.clientSecret);
    const outcome = await this.#call("token", this.options.tokenUrl, request, true);
    if (outcome.kind === "reply" && outcome.status === 200) {
      const parsed = TokenReplySchema.safeParse(parseJson(outcome.body));
      if (parsed.success) {
        const lifetimeMs = parsed.data.expires_in * 1000;
        this.#token = {
          value: parsed.data.access_token,
          renewAt:
            Date.now() + Math.max(0, lifetimeMs - Math.min(TOKEN_EXPIRY_MARGIN_MS, lifetimeMs / 2)),
        };
        return this.#token.value;
      }
    }
    throw new StepFailed(outcome);
  }

  async #call(
    stage: Stage,
    pathOrUrl: string,
    init: { method?: string; headers: HeadersInit; body?: string; maxChars?: number },
    absolute = false,
  ): Promise<AttemptOutcome> {
    const url = absolute ? pathOrUrl : this.options.registryUrl + pathOrUrl;
    const { maxChars = MAX_REPLY_CHARS, ...request } = init;
    let response: Response;
    try {
      response = await fetch(url, {
        ...request,
        headers: { ...this.options.extraHeaders, ...request.headers },
        redirect: "manual",
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      return failureOf(stage, error);
    }
    let body: string;
    try {
      body = (await response.text()).slice(0, maxChars);
    } catch (error) {
      return failureOf(stage, error);
    }
    const headers: Record<string, string> = {};
    for (const name of ["retry-after", "location", "content-type"]) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    return { kind: "reply", stage, status: response.status, headers, body };
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** A thrown fetch error as an outcome; its message is only matched, never kept. */
function failureOf(stage: Stage, error: unknown): AttemptOutcome {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") return { kind: "timeout", stage };
  const message = error instanceof Error ? error.message : "";
  if (/dns|resolv|getaddrinfo|ENOTFOUND|no such host/i.test(message)) {
    return { kind: "network", stage, cause: "dns" };
  }
  if (/tls|ssl|certificate|handshake/i.test(message)) {
    return { kind: "network", stage, cause: "tls" };
  }
  return { kind: "network", stage, cause: "connection" };
}
