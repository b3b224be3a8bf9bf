import { afterEach, describe, expect, it, vi } from "vitest";
import { Hd4dpClient } from "../../../worker/src/registry/hd4dp-client.ts";
import { EmulatedRegistry } from "../support/emulated-registry.ts";
import { recordFor } from "../support/records.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const options = {
  registryUrl: "https://hd4dp.test/proxy",
  tokenUrl: "https://hd4dp.test/oauth/token",
  clientId: "test-client",
  clientSecret: "test-secret",
  organizationId: null,
  timeoutMs: 150,
};

const delivery = (registrationId: string) => ({
  dcdId: "SPIN_SURG",
  dcdVersion: "0.1.0",
  registrationId,
  payload: recordFor(7),
});

describe("Hd4dpClient", () => {
  it("sends extra headers (a Cloudflare Access service token) on every request", async () => {
    const registry = new EmulatedRegistry().install();
    const client = new Hd4dpClient({
      ...options,
      extraHeaders: { "CF-Access-Client-Id": "access-id", "CF-Access-Client-Secret": "s" },
    });
    await client.deliver(delivery("r1"));
    expect(registry.calls.map((c) => c.kind)).toEqual(["token", "organizations", "submit"]);
    const seen = vi.mocked(fetch).mock.calls.map(([, init]) => new Headers(init?.headers));
    for (const headers of seen) expect(headers.get("CF-Access-Client-Id")).toBe("access-id");
  });

  it("uses the configured organization without asking HD4DP for it", async () => {
    const registry = new EmulatedRegistry().install();
    await new Hd4dpClient({ ...options, organizationId: "71000436" }).deliver(delivery("r2"));
    expect(registry.calls.map((c) => c.kind)).toEqual(["token", "submit"]);
    expect(registry.calls[1]?.url.searchParams.get("organization-id")).toBe("71000436");
  });

  it("hands back the failing step's outcome: token, organizations, or the submit", async () => {
    const registry = new EmulatedRegistry().install();
    registry.play("token", { status: 401, body: { error: "invalid_client" } });
    expect(await new Hd4dpClient(options).deliver(delivery("r3"))).toMatchObject({
      kind: "reply",
      stage: "token",
      status: 401,
    });
    registry.play("organizations", { status: 200, body: [] });
    expect(await new Hd4dpClient(options).deliver(delivery("r4"))).toMatchObject({
      kind: "reply",
      stage: "organizations",
      status: 200,
      body: "[]",
    });
    registry.play("submit", "timeout");
    expect(await new Hd4dpClient(options).deliver(delivery("r5"))).toEqual({
      kind: "timeout",
      stage: "submit",
    });
  });

  it("renews the token once on a 401; a second 401 stands", async () => {
    const registry = new EmulatedRegistry().install();
    const client = new Hd4dpClient(options);
    await client.deliver(delivery("r6"));
    registry.control.expireTokens();
    expect(await client.deliver(delivery("r7"))).toMatchObject({ kind: "reply", status: 202 });
    registry.play("submit", { status: 401 }, { status: 401 });
    expect(await client.deliver(delivery("r8"))).toMatchObject({ kind: "reply", status: 401 });
    expect(registry.calls.filter((c) => c.kind === "token")).toHaveLength(3);
  });

  it("does not follow a redirect", async () => {
    const registry = new EmulatedRegistry().install();
    registry.control.setFaults({ redirect: true });
    const outcome = await new Hd4dpClient(options).deliver(delivery("r9"));
    expect(outcome).toMatchObject({ kind: "reply", status: 302 });
    expect(vi.mocked(fetch).mock.calls.every(([, init]) => init?.redirect === "manual")).toBe(true);
  });

  it("reads the submitted records, or null when it cannot", async () => {
    const registry = new EmulatedRegistry().install();
    const client = new Hd4dpClient(options);
    const sent = await client.deliver(delivery("r10"));
    const { businessKey } = JSON.parse(sent.kind === "reply" ? sent.body : "{}");
    expect(await client.submittedList("SPIN_SURG")).toMatchObject([
      { businessKey, status: "sent" },
    ]);
    registry.play("list", { status: 200, body: "<html>" });
    expect(await client.submittedList("SPIN_SURG")).toBeNull();
  });
});
