// Talks to one hospital's HD4DP through the contract in hd4dp-contract.ts: gets and caches
// the OAuth2 token, sends a registration (POST, or PUT for a correction), renews the token
// once on a 401, and turns every outcome (reply, network error, timeout) into a
// DeliveryOutcome for the outbox. It also reads a registration's status for the outbox's
// GET. It never throws for a registry problem and never logs.

import {
  classifyReply,
  isTokenRefusal,
  readErrorMessage,
  registrationPath,
  type StatusReply,
  StatusReplySchema,
  SubmitReplySchema,
  submitHeaders,
  submitPath,
  TOKEN_EXPIRY_MARGIN_MS,
  TokenReplySchema,
  tokenRequest,
} from "./hd4dp-contract.ts";

export interface Hd4dpClientOptions {
  registryUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  /** Headers added to every request, e.g. a Cloudflare Access service token. */
  extraHeaders?: Record<string, string>;
}

export interface Delivery {
  dcdId: string;
  registrationId: string;
  payload: Record<string, unknown>;
  /** The registry's business key of an earlier delivery: send a correction (PUT). */
  correctionOf?: string;
}

export type DeliveryOutcome =
  | { kind: "accepted"; businessKey: string; registrationCode?: string; httpStatus: number }
  | { kind: "retry"; reason: string; retryAfterMs?: number; httpStatus?: number }
  | { kind: "rejected"; message: string; httpStatus: number }
  /**
   * The registry refused the worker itself: a 401 even with a fresh token, or the token
   * endpoint refusing the client credentials. Not the record's fault, and not transient.
   */
  | { kind: "credentials_refused"; reason: string; httpStatus: number };

/** The registry's view of a registration, or why it could not be read. */
export type StatusOutcome =
  | { kind: "found"; status: StatusReply }
  | { kind: "unavailable"; httpStatus?: number };

class TokenError extends Error {
  readonly httpStatus: number | undefined;
  /** The token endpoint refused the client credentials (not a transient failure). */
  readonly refused: boolean;

  constructor(message: string, httpStatus?: number) {
    super(message);
    this.httpStatus = httpStatus;
    this.refused = httpStatus !== undefined && isTokenRefusal(httpStatus);
  }
}

export class Hd4dpClient {
  readonly options: Hd4dpClientOptions;
  #token: { value: string; renewAt: number } | null = null;

  constructor(options: Hd4dpClientOptions) {
    this.options = options;
  }

  async deliver(delivery: Delivery): Promise<DeliveryOutcome> {
    try {
      let response = await this.#send(delivery, await this.#accessToken());
      if (classifyReply(response.status, response.headers).kind === "unauthorized") {
        // The cached token may have been revoked early: renew it once, then give up.
        await response.body?.cancel();
        this.#token = null;
        response = await this.#send(delivery, await this.#accessToken());
      }
      return await this.#toOutcome(response);
    } catch (error) {
      if (error instanceof TokenError && error.refused && error.httpStatus !== undefined) {
        return { kind: "credentials_refused", reason: error.message, httpStatus: error.httpStatus };
      }
      return { kind: "retry", reason: describeFailure(error) };
    }
  }

  /**
   * The registry's view of a registration (the status read of the contract). Any failure
   * (network, timeout, 404, an unreadable reply) is "unavailable": the caller keeps what it
   * knows. The registry's error text is not read: it may quote the business key.
   */
  async status(dcdId: string, businessKey: string): Promise<StatusOutcome> {
    try {
      const url = this.options.registryUrl + registrationPath(dcdId, businessKey);
      const read = async () =>
        fetch(url, {
          headers: {
            ...this.options.extraHeaders,
            Authorization: `Bearer ${await this.#accessToken()}`,
            Accept: "application/json",
          },
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      let response = await read();
      if (response.status === 401) {
        await response.body?.cancel();
        this.#token = null;
        response = await read();
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        return { kind: "unavailable", httpStatus: response.status };
      }
      const parsed = StatusReplySchema.safeParse(await response.json().catch(() => null));
      return parsed.success
        ? { kind: "found", status: parsed.data }
        : { kind: "unavailable", httpStatus: response.status };
    } catch {
      return { kind: "unavailable" };
    }
  }

  #send(delivery: Delivery, token: string): Promise<Response> {
    const path =
      delivery.correctionOf === undefined
        ? submitPath(delivery.dcdId)
        : registrationPath(delivery.dcdId, delivery.correctionOf);
    return fetch(this.options.registryUrl + path, {
      method: delivery.correctionOf === undefined ? "POST" : "PUT",
      headers: { ...this.options.extraHeaders, ...submitHeaders(token, delivery.registrationId) },
      body: JSON.stringify(delivery.payload),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
  }

  async #toOutcome(response: Response): Promise<DeliveryOutcome> {
    const reply = classifyReply(response.status, response.headers);
    const httpStatus = response.status;
    switch (reply.kind) {
      case "accepted": {
        const parsed = SubmitReplySchema.safeParse(await response.json().catch(() => null));
        if (!parsed.success) {
          // Accepted but unreadable: retrying is safe, the Idempotency-Key makes the
          // registry answer the same registration again.
          return { kind: "retry", reason: "HD4DP accepted with an unreadable reply", httpStatus };
        }
        return { kind: "accepted", httpStatus, ...parsed.data };
      }
      case "unauthorized":
        // Already the second try, with a fresh token: the credentials themselves are refused.
        await response.body?.cancel();
        this.#token = null;
        return {
          kind: "credentials_refused",
          reason: "HD4DP refused the worker's access token (HTTP 401)",
          httpStatus,
        };
      case "retry": {
        const reason = await readErrorMessage(response);
        return reply.retryAfterMs === undefined
          ? { kind: "retry", reason, httpStatus }
          : { kind: "retry", reason, httpStatus, retryAfterMs: reply.retryAfterMs };
      }
      case "rejected":
        return { kind: "rejected", message: await readErrorMessage(response), httpStatus };
    }
  }

  async #accessToken(): Promise<string> {
    if (this.#token && Date.now() < this.#token.renewAt) return this.#token.value;
    const request = tokenRequest(this.options.clientId, this.options.clientSecret);
    const response = await fetch(this.options.tokenUrl, {
      ...request,
      headers: { ...this.options.extraHeaders, ...request.headers },
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new TokenError(
        `HD4DP's token endpoint answered HTTP ${response.status}`,
        response.status,
      );
    }
    const parsed = TokenReplySchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new TokenError("HD4DP token endpoint gave an unreadable reply");
    const lifetimeMs = parsed.data.expires_in * 1000;
    this.#token = {
      value: parsed.data.access_token,
      renewAt:
        Date.now() + Math.max(0, lifetimeMs - Math.min(TOKEN_EXPIRY_MARGIN_MS, lifetimeMs / 2)),
    };
    return this.#token.value;
  }
}

/** A short, data-free description of a thrown error (network failure, timeout). */
function describeFailure(error: unknown): string {
  if (error instanceof TokenError) return error.message;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return "HD4DP did not answer in time";
  }
  return "HD4DP could not be reached";
}
