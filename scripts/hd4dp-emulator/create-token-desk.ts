// The emulator's token endpoint (ASSUMED: OAuth2 client credentials, RFC 6749 §4.4) and
// the bearer check of every S2S call. Tokens live in memory only: after a restart the
// client gets a 401 and asks for a new one, as from a restarted registry.
import type { Answer } from "./emulator-state-schema.ts";
import { randomHex } from "./hex.ts";

export interface TokenDeskOptions {
  clientId: string;
  clientSecret: string;
  /** Lifetime of access tokens in whole seconds. */
  ttlSeconds: number;
}

export interface TokenDesk {
  /** The reply to `POST /oauth/token`. */
  issue(request: Request): Promise<Answer>;
  /** A 401 reply when `authorization` holds no live bearer token, else undefined. */
  check(authorization: string | null): Answer | undefined;
  /** Invalidates every issued token. */
  expireAll(): void;
}

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

/** Compares secrets in constant time: the digests have equal lengths and reveal nothing. */
async function sameSecret(given: string | null, expected: string): Promise<boolean> {
  if (given === null) return false;
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  let difference = 0;
  for (const [index, byte] of a.entries()) difference |= byte ^ (b[index] ?? 0);
  return difference === 0;
}

/** RFC 6749 §2.3.1: a client may send its credentials with HTTP Basic instead of the form. */
function basicCredentials(authorization: string | null): { id: string; secret: string } | null {
  const encoded = /^Basic (.+)$/i.exec(authorization ?? "")?.[1];
  if (encoded === undefined) return null;
  try {
    const bytes = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
    const decoded = new TextDecoder().decode(bytes);
    const colon = decoded.indexOf(":");
    return {
      id: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return { id: "", secret: "" };
  }
}

export function createTokenDesk(options: TokenDeskOptions): TokenDesk {
  const tokens = new Map<string, number>(); // token -> expiry (epoch ms)
  return {
    issue: async (request) => {
      if (!request.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) {
        return {
          status: 400,
          body: {
            error: "invalid_request",
            message: "expected Content-Type: application/x-www-form-urlencoded",
          },
        };
      }
      // Bytes, not .text(): workerd warns about .text() on a form-encoded body.
      const form = new URLSearchParams(new TextDecoder().decode(await request.arrayBuffer()));
      if (form.get("grant_type") !== "client_credentials") {
        return {
          status: 400,
          body: {
            error: "unsupported_grant_type",
            message: "grant_type must be client_credentials",
          },
        };
      }
      const basic = basicCredentials(request.headers.get("authorization"));
      const id = basic ? basic.id : form.get("client_id");
      const secret = basic ? basic.secret : form.get("client_secret");
      const [idMatches, secretMatches] = await Promise.all([
        sameSecret(id, options.clientId),
        sameSecret(secret, options.clientSecret),
      ]);
      if (!idMatches || !secretMatches) {
        return {
          status: 401,
          body: { error: "invalid_client", message: "unknown client or wrong secret" },
        };
      }
      const now = Date.now();
      for (const [token, expiry] of tokens) if (expiry <= now) tokens.delete(token);
      const token = randomHex(24);
      tokens.set(token, now + options.ttlSeconds * 1000);
      return {
        status: 200,
        body: { access_token: token, token_type: "Bearer", expires_in: options.ttlSeconds },
        headers: { "cache-control": "no-store" },
      };
    },
    check: (authorization) => {
      const bearer = /^Bearer (\S+)$/i.exec(authorization ?? "")?.[1];
      const expiry = bearer ? tokens.get(bearer) : undefined;
      if (expiry !== undefined && expiry > Date.now()) return undefined;
      return {
        status: 401,
        body: {
          message: bearer ? "access token expired or unknown" : "missing bearer access token",
        },
        headers: { "www-authenticate": 'Bearer error="invalid_token"' },
      };
    },
    expireAll: () => tokens.clear(),
  };
}
