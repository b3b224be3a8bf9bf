import { describe, expect, it } from "vitest";
import { S2S_CODE_IDS } from "../../../shared-schema/src/s2s/s2s-code-ids.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import {
  correctionPath,
  parseRetryAfter,
  readErrorMessage,
  submitPath,
  submitPayload,
  submittedListPath,
  tokenRequest,
} from "../../../worker/src/registry/hd4dp-contract.ts";
import { VALID_RECORD } from "../support/records.ts";

describe("hd4dp-contract", () => {
  it("builds the paths of Healthdata's S2S documentation", () => {
    const target = { organizationId: "71000436", dcdId: "SPIN_SURG", dcdVersion: "0.1.0" };
    expect(submitPath(target)).toBe(
      "/api/dcd/payload/submit?organization-id=71000436&dcd-id=SPIN_SURG&dcd-version-id=0.1.0&data-src-type=API",
    );
    expect(correctionPath(target, "BK/1&x")).toBe(`${submitPath(target)}&business-key=BK%2F1%26x`);
    expect(submittedListPath({ organizationId: "71000436", dcdId: "SPIN_SURG" })).toBe(
      "/api/dcd/submit?organization-id=71000436&dcd-id=SPIN_SURG&incl-submit-data=false&incl-submit-results=true",
    );
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

  it("reads Retry-After in seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
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
