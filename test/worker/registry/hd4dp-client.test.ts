import { afterEach, describe, expect, it, vi } from "vitest";
import { Hd4dpClient } from "../../../worker/src/registry/hd4dp-client.ts";
import { FakeRegistry } from "../support/fake-registry.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const options = {
  registryUrl: "https://hd4dp.test/proxy",
  tokenUrl: "https://hd4dp.test/oauth/token",
  clientId: "test-client",
  clientSecret: "test-secret",
  timeoutMs: 150,
};

describe("Hd4dpClient", () => {
  it("sends extra headers (a Cloudflare Access service token) on every request", async () => {
    const registry = new FakeRegistry().install();
    const seen: Headers[] = [];
    const handle = registry.handle.bind(registry);
    vi.spyOn(registry, "handle").mockImplementation((request: Request) => {
      seen.push(request.headers);
      return handle(request);
    });
    const client = new Hd4dpClient({
      ...options,
      extraHeaders: {
        "CF-Access-Client-Id": "access-id",
        "CF-Access-Client-Secret": "access-secret",
      },
    });
    const outcome = await client.deliver({ dcdId: "SPIN_SURG", registrationId: "r1", payload: {} });
    expect(outcome.kind).toBe("accepted");
    expect(seen).toHaveLength(2);
    for (const headers of seen) {
      expect(headers.get("CF-Access-Client-Id")).toBe("access-id");
      expect(headers.get("CF-Access-Client-Secret")).toBe("access-secret");
    }
  });

  it("reads a registration's status, and says when it cannot", async () => {
    const registry = new FakeRegistry().install();
    const client = new Hd4dpClient(options);
    const sent = await client.deliver({ dcdId: "SPIN_SURG", registrationId: "r2", payload: {} });
    if (sent.kind !== "accepted") throw new Error(sent.kind);
    expect(await client.status("SPIN_SURG", sent.businessKey)).toEqual({
      kind: "found",
      status: {
        businessKey: sent.businessKey,
        registrationCode: sent.registrationCode,
        status: "sent",
      },
    });
    expect(await client.status("SPIN_SURG", "BK-unknown")).toEqual({
      kind: "unavailable",
      httpStatus: 404,
    });
    // A revoked token is renewed once, as for a delivery.
    registry.revokeTokens();
    expect((await client.status("SPIN_SURG", sent.businessKey)).kind).toBe("found");
    registry.tokenFaults = ["network"];
    registry.revokeTokens();
    expect(await client.status("SPIN_SURG", sent.businessKey)).toEqual({ kind: "unavailable" });
  });

  it("reports refused credentials: a 401 after a fresh token, or a refused token request", async () => {
    const registry = new FakeRegistry().install();
    registry.faults = [{ status: 401 }, { status: 401 }];
    const client = new Hd4dpClient(options);
    const delivery = { dcdId: "SPIN_SURG", registrationId: "r4", payload: {} };
    expect(await client.deliver(delivery)).toEqual({
      kind: "credentials_refused",
      reason: "HD4DP refused the worker's access token (HTTP 401)",
      httpStatus: 401,
    });
    expect(registry.tokensIssued).toBe(2);
    registry.tokenFaults = [{ status: 401, message: "invalid_client" }];
    registry.revokeTokens();
    registry.faults = [{ status: 401 }];
    expect(await client.deliver(delivery)).toMatchObject({
      kind: "credentials_refused",
      httpStatus: 401,
    });
    // A token endpoint that is down is not a refusal.
    registry.tokenFaults = [{ status: 503 }];
    registry.revokeTokens();
    registry.faults = [{ status: 401 }];
    expect((await client.deliver(delivery)).kind).toBe("retry");
  });

  it("turns a timeout into a retry without a data-bearing reason", async () => {
    const registry = new FakeRegistry().install();
    registry.faults = ["timeout"];
    const outcome = await new Hd4dpClient(options).deliver({
      dcdId: "SPIN_SURG",
      registrationId: "r3",
      payload: {},
    });
    expect(outcome).toEqual({ kind: "retry", reason: "HD4DP did not answer in time" });
  });
});
