// The durable relay: delivery by alarm, retries with backoff on transient failures,
// permanent failure on other 4xx, token handling, corrections, restarts, and the
// registry's status read on GET.

import {
  evictDurableObject,
  reset,
  runDurableObjectAlarm,
  runInDurableObject,
} from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RegistrationView } from "../../worker/src/schemas/api-schemas.ts";
import { call, outboxStub, TOKENS, waitFor } from "./support/api.ts";
import { FakeRegistry } from "./support/fake-registry.ts";
import { holdDeliveries, releaseForManualAlarm, storageState } from "./support/hold-deliveries.ts";
import { recordFor } from "./support/records.ts";

const HOSPITAL = "hospital-outbox";
let registry: FakeRegistry;
let patient = 100;

beforeEach(() => {
  registry = new FakeRegistry().install();
});
afterEach(async () => {
  // Wipe every outbox, so a registration left retrying cannot eat the next test's faults.
  await reset();
  vi.restoreAllMocks();
});

async function submit(
  record = recordFor(++patient),
  status: "draft" | "submit" = "submit",
): Promise<string> {
  const response = await call("/v1/registrations", {
    token: TOKENS.outbox,
    body: { record, status },
    headers: { "Idempotency-Key": crypto.randomUUID() },
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

async function view(id: string): Promise<RegistrationView> {
  const response = await call(`/v1/registrations/${id}`, { token: TOKENS.outbox });
  expect(response.status).toBe(200);
  return (await response.json()) as RegistrationView;
}

function settled(id: string, timeoutMs = 5000) {
  return waitFor(
    () => view(id),
    (v) => v.state !== "queued",
    timeoutMs,
  );
}

describe("delivery", () => {
  it("sends a submission once and keeps the registry's business key and code", async () => {
    const id = await submit();
    const done = await settled(id);
    expect(done).toMatchObject({ state: "sent", attempts: 1, status: "submit" });
    expect(done.businessKey).toMatch(/^BK-\d+$/);
    expect(done.registrationCode).toMatch(/^206\.26\./);
    expect(done.lastError).toBeUndefined();
    expect(registry.received).toHaveLength(1);
    const [sent] = registry.received;
    expect(sent?.method).toBe("POST");
    expect(sent?.path).toBe("/proxy/api/dcd/SPIN_SURG/registrations");
    expect(sent?.idempotencyKey).toBe(id);
    expect(sent?.authorization).toBe("Bearer access-1");
    expect(sent?.body.STATUS).toBeUndefined();
  });

  it("sends a draft with STATUS draft and lands in state open", async () => {
    const id = await submit(recordFor(++patient), "draft");
    const done = await settled(id);
    expect(done.state).toBe("open");
    expect(done.businessKey).toBeUndefined();
    expect(registry.received[0]?.body.STATUS).toBe("draft");
  });

  it("reuses the cached token across deliveries", async () => {
    await settled(await submit());
    await settled(await submit());
    expect(registry.tokensIssued).toBe(1);
  });

  it("renews the token once on a 401 and then delivers", async () => {
    await settled(await submit());
    registry.revokeTokens();
    const id = await submit();
    expect((await settled(id)).state).toBe("sent");
    expect(registry.tokensIssued).toBe(2);
    // One refused attempt with the old token, one accepted with the new one.
    expect(registry.received.at(-1)?.authorization).toBe("Bearer access-2");
  });

  it("sends a resubmission of a delivered business key as a correction (PUT)", async () => {
    const record = recordFor(++patient);
    const first = await settled(await submit(record));
    const corrected = await settled(await submit({ ...record, MS_DURATION: 150 }));
    expect(corrected.state).toBe("sent");
    expect(corrected.businessKey).toBe(first.businessKey);
    const last = registry.received.at(-1);
    expect(last?.method).toBe("PUT");
    expect(last?.path).toBe(`/proxy/api/dcd/SPIN_SURG/registrations/${first.businessKey}`);
    expect(registry.accepted().filter((r) => r.businessKey === first.businessKey)).toHaveLength(1);
  });

  it("holds a second registration of one business key until the first is delivered", async () => {
    const record = recordFor(++patient);
    registry.faults = [{ status: 503 }, { status: 503 }];
    const first = await submit(record);
    const second = await submit({ ...record, MS_DURATION: 99 });
    const [a, b] = [await settled(first), await settled(second)];
    expect([a.state, b.state]).toEqual(["sent", "sent"]);
    expect(b.businessKey).toBe(a.businessKey);
    const methods = registry.received
      .filter((r) => r.idempotencyKey === second)
      .map((r) => r.method);
    expect(methods).toEqual(["PUT"]);
  });
});

describe("retries", () => {
  it("retries 5xx, network errors and timeouts with backoff, then delivers", async () => {
    registry.faults = [{ status: 500 }, "network", "timeout", { status: 502 }];
    const id = await submit();
    const done = await settled(id, 10_000);
    expect(done.state).toBe("sent");
    expect(done.attempts).toBe(5);
    expect(done.lastError).toBeUndefined();
    // Every attempt carried the same Idempotency-Key: a lost reply cannot double-register.
    expect(new Set(registry.received.map((r) => r.idempotencyKey))).toEqual(new Set([id]));
    expect(registry.accepted()).toHaveLength(1);
  });

  it("shows the last transient error while it keeps retrying", async () => {
    registry.faults = Array.from({ length: 1000 }, () => ({ status: 503, message: "maintenance" }));
    const id = await submit();
    const retrying = await waitFor(
      () => view(id),
      (v) => v.attempts >= 2,
    );
    expect(retrying.state).toBe("queued");
    expect(retrying.lastError).toBe("maintenance");
    registry.faults = [];
    expect((await settled(id)).state).toBe("sent");
  });

  it("honours Retry-After on 429", async () => {
    registry.faults = [{ status: 429, retryAfter: "1" }];
    const started = Date.now();
    const id = await submit();
    await waitFor(
      () => view(id),
      (v) => v.attempts === 1,
    );
    const done = await settled(id);
    expect(done.state).toBe("sent");
    expect(done.attempts).toBe(2);
    // Backoff alone (RETRY_MAX_MS = 100 in tests) would have retried long before 1 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("fails permanently on another 4xx and keeps the registry's message", async () => {
    registry.faults = [{ status: 400, message: "CD_HPIN unknown to HD4DP" }];
    const id = await submit();
    const done = await settled(id);
    expect(done).toMatchObject({
      state: "failed",
      attempts: 1,
      lastError: "CD_HPIN unknown to HD4DP",
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(registry.received).toHaveLength(1);
  });

  it("keeps retrying while the token endpoint is down", async () => {
    registry.tokenFaults = [{ status: 503 }, "network"];
    const id = await submit();
    expect((await settled(id)).state).toBe("sent");
    expect(registry.tokensIssued).toBe(1);
  });

  it("fails permanently on 403, keeping the registry's message", async () => {
    registry.faults = [{ status: 403, message: "client lacks SPIN_SURG rights" }];
    const id = await submit();
    const done = await settled(id);
    expect(done.state).toBe("failed");
    expect(done.attempts).toBe(1);
    expect(done.lastError).toContain("client lacks SPIN_SURG rights");
    expect(done.lastError).toMatch(/hospital's IT/);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(registry.received).toHaveLength(1);
  });
});

describe("credentials refused", () => {
  function captureErrors(): string[] {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    });
    return lines;
  }

  it("retries a 401 that a fresh token does not cure, then fails with a clear message", async () => {
    const errors = captureErrors();
    // Every call refused: each attempt is the first try and the one with a fresh token.
    registry.faults = Array.from({ length: 1000 }, () => ({ status: 401 }));
    const record = recordFor(++patient);
    const id = await submit(record);
    const done = await settled(id, 10_000);
    expect(done.state).toBe("failed");
    expect(done.attempts).toBe(10);
    expect(done.lastError).toMatch(/refused the worker's credentials 10 times/);
    expect(done.lastError).toMatch(/hospital's IT/);
    expect(registry.received).toHaveLength(20);
    expect(registry.tokensIssued).toBeGreaterThanOrEqual(10);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(registry.received).toHaveLength(20);
    const refused = errors.filter((l) => l.includes("registry.credentials_refused"));
    expect(refused).toHaveLength(10);
    expect(refused.join("\n")).not.toContain(String(record.IDC_PAT));
  });

  it("shows the refusal while retrying and delivers once the credentials work again", async () => {
    captureErrors();
    registry.faults = Array.from({ length: 4 }, () => ({ status: 401 }));
    const id = await submit();
    const retrying = await waitFor(
      () => view(id),
      (v) => v.attempts >= 1 && v.lastError !== undefined,
    );
    expect(retrying.lastError).toMatch(/refuses the worker's credentials; retrying/);
    const done = await settled(id);
    expect(done).toMatchObject({ state: "sent", attempts: 3 });
    expect(done.lastError).toBeUndefined();
  });

  it("counts a token endpoint refusing the client as a refusal, not a transient error", async () => {
    captureErrors();
    registry.tokenFaults = Array.from({ length: 1000 }, () => ({
      status: 401,
      message: "invalid_client",
    }));
    const id = await submit();
    const done = await settled(id, 10_000);
    expect(done).toMatchObject({ state: "failed", attempts: 10 });
    expect(done.lastError).toMatch(/token endpoint answered HTTP 401/);
    expect(registry.received).toHaveLength(0);
  });
});

describe("status read on GET", () => {
  /** Makes the registration's last status check (or delivery) older than a minute. */
  function ageStatusCheck(id: string) {
    return runInDurableObject(outboxStub(HOSPITAL), (_instance, state) => {
      state.storage.sql.exec(
        "UPDATE registrations SET status_checked_at = ? WHERE id = ?",
        Date.now() - 61_000,
        id,
      );
    });
  }

  it("shows a registration withdrawn in HD4DP as deleted, asking at most once a minute", async () => {
    const sent = await settled(await submit());
    const stored = registry.stored.get(sent.businessKey ?? "");
    if (!stored) throw new Error("not stored");
    // Just delivered: no need to ask yet.
    await view(sent.id);
    expect(registry.statusReads).toBe(0);
    stored.status = "deleted";
    await ageStatusCheck(sent.id);
    expect((await view(sent.id)).state).toBe("deleted");
    expect(registry.statusReads).toBe(1);
    await view(sent.id);
    expect(registry.statusReads).toBe(1);
  });

  it("keeps what it knows when HD4DP cannot answer", async () => {
    const sent = await settled(await submit());
    registry.stored.clear(); // the status read now gets a 404
    await ageStatusCheck(sent.id);
    const again = await view(sent.id);
    expect(again).toMatchObject({ state: "sent", registrationCode: sent.registrationCode });
    expect(registry.statusReads).toBe(1);
  });

  it("cannot ask about an open draft: HD4DP gave it no business key", async () => {
    const open = await settled(await submit(recordFor(++patient), "draft"));
    expect(open.state).toBe("open");
    await ageStatusCheck(open.id);
    expect((await view(open.id)).state).toBe("open");
    expect(registry.statusReads).toBe(0);
  });
});

describe("durability", () => {
  it("delivers what was queued before an eviction (restart): the alarm is in storage", async () => {
    // Retry-After keeps it queued for a second: time to see the first attempt and evict.
    // (A bare network error retries within RETRY_BASE_MS, 20 ms, often before a poll sees it.)
    registry.faults = [{ status: 503, retryAfter: "1" }];
    const id = await submit();
    await waitFor(
      () => view(id),
      (v) => v.attempts === 1,
    );
    const stub = outboxStub(HOSPITAL);
    await evictDurableObject(stub);
    expect((await settled(id)).state).toBe("sent");
    expect(registry.accepted()).toHaveLength(1);
  });

  it("re-arms a lost alarm when the outbox is touched", async () => {
    registry.faults = Array.from({ length: 1000 }, () => ({ status: 503 }));
    const id = await submit();
    const stub = outboxStub(HOSPITAL);
    await waitFor(
      () => view(id),
      (v) => v.attempts >= 1,
    );
    // Simulate a lost alarm, then a restart.
    await runInDurableObject(stub, (_instance, state) => state.storage.deleteAlarm());
    registry.faults = [];
    await evictDurableObject(stub);
    expect((await settled(id)).state).toBe("sent");
  });

  it("runs due deliveries when the alarm is triggered by hand", async () => {
    const stub = outboxStub(HOSPITAL);
    await holdDeliveries(HOSPITAL);
    const id = await submit();
    await releaseForManualAlarm(HOSPITAL);
    // Nothing goes out by itself: the alarm is an hour ahead.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(registry.received).toHaveLength(0);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    // Delivered by that run: it has returned, and no other alarm was due.
    expect(registry.received.map((r) => r.idempotencyKey)).toEqual([id]);
    expect(await storageState(HOSPITAL, id)).toBe("sent");
  });
});
