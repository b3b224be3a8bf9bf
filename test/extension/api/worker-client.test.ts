import { describe, expect, it } from "vitest";
import {
  createWorkerClient,
  WorkerError,
  WorkerUnreachableError,
} from "../../../extension/src/api/worker-client.ts";

function stub(status: number, body: unknown, contentType = "application/json") {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": contentType } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

describe("worker client", () => {
  it("sends the token, the language and the idempotency key", async () => {
    const { fetch, calls } = stub(202, { id: "r1", state: "queued" });
    const client = createWorkerClient({ baseUrl: "http://w/", token: "t", locale: "nl", fetch });
    const dcd = { id: "SPIN_SURG", version: "0.1.0" };
    expect(await client.register(dcd, { D_SURG: "2025-01-01" }, "submit", "k1")).toEqual({
      id: "r1",
      state: "queued",
    });
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(calls[0]?.url).toBe("http://w/v1/registrations");
    expect(headers.authorization).toBe("Bearer t");
    expect(headers["accept-language"]).toBe("nl");
    expect(headers["idempotency-key"]).toBe("k1");
    expect(calls[0]?.init.credentials).toBe("omit");
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      dcd: "SPIN_SURG",
      version: "0.1.0",
      record: { D_SURG: "2025-01-01" },
      status: "submit",
    });
  });

  it("turns problem+json into a WorkerError with its issues", async () => {
    const problem = {
      type: "about:blank",
      title: "Invalid record",
      status: 422,
      detail: "The record is not valid",
      issues: [
        { field: "D_SURG", code: "required", severity: "error", message: "D_SURG is required" },
      ],
    };
    const { fetch } = stub(422, problem, "application/problem+json");
    const client = createWorkerClient({ baseUrl: "http://w", token: "t", locale: "en", fetch });
    const error = await client.validate({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerError);
    expect((error as WorkerError).status).toBe(422);
    expect((error as WorkerError).issues[0]?.field).toBe("D_SURG");
  });

  it("refuses a reply of the wrong shape", async () => {
    const { fetch } = stub(200, { state: "teleported" });
    const client = createWorkerClient({ baseUrl: "http://w", token: "t", locale: "en", fetch });
    await expect(client.getRegistration("x")).rejects.toBeInstanceOf(WorkerError);
  });

  it("reads the outbox's health, and refuses a health answer of the wrong shape", async () => {
    const outbox = {
      queued: 2,
      failed: 0,
      needsIt: null,
      rateLimitedUntil: "2026-12-02T14:30:00.000Z",
      waiting: { dcdUnavailable: 0, keyMissing: 0 },
      sealedWithOldKeys: 0,
    };
    const { fetch, calls } = stub(200, { status: "ok", dcdVersion: "0.1.0", outbox });
    const client = createWorkerClient({ baseUrl: "http://w", token: "t", locale: "fr", fetch });
    expect((await client.health()).outbox).toEqual(outbox);
    expect(calls[0]?.url).toBe("http://w/healthz");
    expect(calls[0]?.init.method).toBe("GET");

    // A worker without the outbox (an older one), or with a date that is not one.
    for (const body of [
      { status: "ok", dcdVersion: "0.1.0" },
      { status: "ok", outbox: { ...outbox, rateLimitedUntil: "soon" } },
    ]) {
      const older = createWorkerClient({
        baseUrl: "http://w",
        token: "t",
        locale: "fr",
        fetch: stub(200, body).fetch,
      });
      await expect(older.health()).rejects.toThrow(
        "Unexpected reply from the worker for GET /healthz",
      );
    }
  });

  it("reports a network failure as unreachable", async () => {
    const fetch = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof globalThis.fetch;
    const client = createWorkerClient({ baseUrl: "http://w", token: "t", locale: "en", fetch });
    await expect(client.eligibility(["281120"])).rejects.toBeInstanceOf(WorkerUnreachableError);
  });
});
