// Finds the API token a request carries, in constant time: both sides are hashed to 32
// bytes (so lengths do not leak) and compared with the runtime's timingSafeEqual, and every
// configured token is compared (so the position of a match does not leak either).

import type { ApiToken } from "../config/load-config.ts";

const encoder = new TextEncoder();

async function digest(value: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", encoder.encode(value));
}

export async function findToken(presented: string, tokens: ApiToken[]): Promise<ApiToken | null> {
  const presentedDigest = await digest(presented);
  let found: ApiToken | null = null;
  for (const candidate of tokens) {
    const equal = crypto.subtle.timingSafeEqual(presentedDigest, await digest(candidate.token));
    if (equal && !found) found = candidate;
  }
  return found;
}
