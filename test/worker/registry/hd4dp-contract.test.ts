import { describe, expect, it } from "vitest";
import { S2S_CODE_IDS } from "../../../shared-schema/src/s2s/s2s-code-ids.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import {
  classifyReply,
  isTokenRefusal,
  parseRetryAfter,
  readErrorMessage,
  registrationPath,
  submitPath,
  submitPayload,
  tokenRequest,
} from "../../../worker/src/registry/hd4dp-contract.ts";
import { VALID_RECORD } from "../support/records.ts";

describe("hd4dp-contract", () => {
  it("builds the ASSUMED paths", () => {
    expect(submitPath("SPIN_SURG")).toBe("/api/dcd/SPIN_SURG/registrations");
    expect(registrationPath("SPIN_SURG", "BK/1")).toBe("/api/dcd/SPIN_SURG/registrations/BK%2F1");
  });

  it("asks for a token with the client-credentials grant, form-encoded", () => {
    const init = tokenRequest("id", "s&cret");
    expect(init.method).toBe("POST");
    expect(new URLSearchParams(String(init.body)).get("client_secret")).toBe("s&cret");
    expect(new URLSearchParams(String(init.body)).get("grant_type")).toBe("client_credentials");
  });

  it('marks drafts with "STATUS": "draft" and submissions without STATUS', () => {
    expect(submitPayload(SPIN_SURG, S2S_CODE_IDS, VALID_RECORD, true).STATUS).toBe("draft");
    expect(
      submitPayload(SPIN_SURG, S2S_CODE_IDS, { ...VALID_RECORD, STATUS: "draft" }, false),
    ).not.toHaveProperty("STATUS");
  });

  it.each([
    [202, "accepted"],
    [401, "unauthorized"],
    [429, "retry"],
    [500, "retry"],
    [503, "retry"],
    [408, "retry"],
    [403, "rejected"],
    [400, "rejected"],
    [404, "rejected"],
    [409, "rejected"],
    [422, "rejected"],
  ])("classifies HTTP %i as %s", (status, kind) => {
    expect(classifyReply(status, new Headers()).kind).toBe(kind);
  });

  it("tells a token endpoint refusing the client from one that is down", () => {
    for (const status of [400, 401, 403]) expect(isTokenRefusal(status), String(status)).toBe(true);
    for (const status of [408, 429, 500, 503])
      expect(isTokenRefusal(status), String(status)).toBe(false);
  });

  it("reads Retry-After in seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(classifyReply(429, new Headers({ "Retry-After": "3" }))).toEqual({
      kind: "retry",
      retryAfterMs: 3000,
    });
  });

  it("keeps the registry's message, or says which status came without one", async () => {
    expect(await readErrorMessage(new Response('{"message":"bad NIHII"}', { status: 400 }))).toBe(
      "bad NIHII",
    );
    expect(await readErrorMessage(new Response("<html>", { status: 502 }))).toBe(
      "HD4DP answered HTTP 502",
    );
  });
});
