// The durable relay against the HD4DP emulator: delivery by alarm, transient faults retried,
// faults of the hospital pausing the whole outbox for IT (and nothing failing), the one
// failure that belongs to a record (HD4DP's validation error) and its resending,
// corrections, HD4DP's list of submitted records, restarts, retention and bounds.

import {
  evictDurableObject,
  reset,
  runDurableObjectAlarm,
  runInDurableObject,
} from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RegistrationView } from "../../shared-schema/src/api/api-schemas.ts";
import { purgeFinished } from "../../worker/src/outbox/purge-finished.ts";
import { call, expectProblem, outboxStub, TOKENS, waitFor } from "./support/api.ts";
import { dumpStorage } from "./support/dump-storage.ts";
import { EmulatedRegistry } from "./support/emulated-registry.ts";
import { holdDeliveries, releaseForManualAlarm, storageState } from "./support/hold-deliveries.ts";
import { patientStrings, recordFor } from "./support/records.ts";

const HOSPITAL = "hospital-outbox";
let registry: EmulatedRegistry;
let patient = 100;

beforeEach(() => {
  registry = new EmulatedRegistry().install();
});
afterEach(async () => {
  // Whatever the scenario did, nothing of its patients is in the outbox in clear.
  const stored = await dumpStorage(HOSPITAL);
  for (let n = 101; n <= patient; n++) {
    for (const secret of patientStrings(recordFor(n))) expect(stored).not.toContain(secret);
  }
  // Wipe every outbox, so a registration left retrying cannot eat the next test's replies.
  await reset();
  vi.restoreAllMocks();
});

async function post(record: Record<string, unknown>, status: string, key: string) {
  return call("/v1/registrations", {
    token: TOKENS.outbox,
    body: { record, status },
    headers: { "Idempotency-Key": key },
  });
}

async function submit(
  record = recordFor(++patient),
  status: "draft" | "submit" = "submit",
  key: string = crypto.randomUUID(),
): Promise<string> {
  const response = await post(record, status, key);
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

interface Health {
  outbox: {
    queued: number;
    failed: number;
    needsIt: { code: string; title: string; detail: string; since: string } | null;
    rateLimitedUntil: string | null;
  };
}

async function health(language = "en"): Promise<Health> {
  const response = await call("/healthz", {
    token: TOKENS.outbox,
    headers: { "Accept-Language": language },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Health;
}

describe("delivery", () => {
  it("sends a submission once and keeps the registry's business key and code", async () => {
    const id = await submit();
    const done = await settled(id);
    expect(done).toMatchObject({ state: "sent", attempts: 1, status: "submit" });
    expect(done.businessKey).toMatch(/^[0-9a-f]{16}$/);
    expect(done.registrationCode).toMatch(/^206\.26\./);
    expect(done.lastError).toBeUndefined();
    expect(done.history.map((e) => e.event)).toEqual(["queued", "sent"]);
    const [sent, ...others] = registry.deliveries();
    expect(others).toHaveLength(0);
    expect(sent?.method).toBe("POST");
    expect(sent?.url.pathname).toBe("/proxy/api/dcd/payload/submit");
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toEqual({
      "organization-id": "emulated-hospital",
      "dcd-id": "SPIN_SURG",
      "dcd-version-id": "0.1.0",
      "data-src-type": "API",
    });
    expect(sent?.idempotencyKey).toBe(id);
    expect(sent?.body?.STATUS).toBeUndefined();
    expect(registry.control.registrations()).toHaveLength(1);
  });

  it("sends a draft with STATUS draft and lands in state open", async () => {
    const id = await submit(recordFor(++patient), "draft");
    const done = await settled(id);
    expect(done.state).toBe("open");
    expect(done.businessKey).toBeUndefined();
    expect(registry.deliveries()[0]?.body?.STATUS).toBe("draft");
  });

  it("reads the token and the organization once for many deliveries", async () => {
    await settled(await submit());
    await settled(await submit());
    expect(registry.calls.filter((c) => c.kind === "token")).toHaveLength(1);
    expect(registry.calls.filter((c) => c.kind === "organizations")).toHaveLength(1);
  });

  it("renews the token once on a 401 and then delivers", async () => {
    await settled(await submit());
    registry.control.expireTokens();
    const done = await settled(await submit());
    expect(done.state).toBe("sent");
    expect(registry.calls.filter((c) => c.kind === "token")).toHaveLength(2);
  });

  it("sends a resubmission of a delivered business key as a correction (PUT)", async () => {
    const record = recordFor(++patient);
    const first = await settled(await submit(record));
    const corrected = await settled(await submit({ ...record, MS_DURATION: 150 }));
    expect(corrected.state).toBe("sent");
    expect(corrected.businessKey).toBe(first.businessKey);
    const put = registry.deliveries().at(-1);
    expect(put?.method).toBe("PUT");
    expect(put?.url.searchParams.get("business-key")).toBe(first.businessKey);
    expect(registry.control.registrations()).toMatchObject([{ version: 2 }]);
  });

  it("sends a correction HD4DP no longer knows as new, once, and says so", async () => {
    const record = recordFor(++patient);
    const first = await settled(await submit(record));
    // Withdrawn in HD4DP's own screens: the worker has not read the list since.
    expect(registry.control.withdraw(first.businessKey ?? "")).toBe(true);
    const again = await settled(await submit({ ...record, MS_DURATION: 151 }));
    expect(again.state).toBe("sent");
    expect(registry.deliveries().map((c) => c.method)).toEqual(["POST", "PUT", "POST"]);
    expect(again.history.map((e) => e.event)).toEqual([
      "queued",
      "correction_not_found_resubmitted",
      "sent",
    ]);
  });

  it("holds a second registration of one business key until the first is delivered", async () => {
    const record = recordFor(++patient);
    registry.play("submit", { status: 503 });
    const first = await submit(record);
    const second = await submit({ ...record, MS_DURATION: 99 });
    expect((await settled(first)).state).toBe("sent");
    expect((await settled(second)).state).toBe("sent");
    expect(registry.deliveries().map((c) => c.method)).toEqual(["POST", "POST", "PUT"]);
  });
});

describe("transient faults", () => {
  it("retries 5xx, network errors and timeouts with backoff, then delivers", async () => {
    registry.play("submit", { status: 500 }, "network", "timeout", { status: 502 });
    const id = await submit();
    const done = await settled(id);
    expect(done).toMatchObject({ state: "sent", attempts: 5 });
    expect(registry.control.registrations()).toHaveLength(1);
  });

  it("shows the last transient error while it keeps retrying", async () => {
    registry.play("submit", ...Array.from({ length: 500 }, () => ({ status: 500 })));
    const id = await submit();
    const retrying = await waitFor(
      () => view(id),
      (v) => v.attempts >= 2,
    );
    expect(retrying.state).toBe("queued");
    expect(retrying.error).toMatchObject({ code: "registry_error" });
    expect(retrying.lastError).toContain("HTTP 500");
  });

  it("obeys Retry-After for the whole outbox, capped, and resumes after a success", async () => {
    // A year: the cap (RETRY_AFTER_MAX_MS, 1 s in the tests) is what brings it back.
    registry.play("submit", { status: 429, headers: { "Retry-After": "31536000" } });
    const started = Date.now();
    const id = await submit();
    const paused = await waitFor(
      () => health(),
      (h) => h.outbox.rateLimitedUntil !== null,
    );
    expect(Date.parse(paused.outbox.rateLimitedUntil ?? "")).toBeLessThanOrEqual(Date.now() + 1000);
    expect(paused.outbox.needsIt).toBeNull();
    expect((await settled(id, 5000)).state).toBe("sent");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect((await health()).outbox.rateLimitedUntil).toBeNull();
  });
});

describe("faults of the hospital: the outbox waits for IT, nothing fails", () => {
  it.each([
    ["forbidden", { forbidden: true }],
    ["redirected", { redirect: true }],
    ["reply_unreadable", { html200: true }],
    ["api_not_found", { notFoundRoot: true }],
    ["empty_business_key", { emptyBusinessKey: true }],
  ] as const)("%s: shown in /healthz, then everything goes once fixed", async (code, faults) => {
    registry.control.setFaults(faults);
    const ids = [await submit(), await submit()];
    const waiting = await waitFor(
      () => health("fr"),
      (h) => h.outbox.needsIt !== null,
    );
    expect(waiting.outbox).toMatchObject({ queued: 2, failed: 0, needsIt: { code } });
    expect(waiting.outbox.needsIt?.detail).toContain("rien n'est perdu");
    const stuck = await view(ids[0] ?? "");
    expect(stuck).toMatchObject({ state: "queued", error: { code } });
    // Probes while broken, not a stream of calls: the pause doubles from RETRY_BASE_MS.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const calls = registry.deliveries().length;
    expect(calls).toBeLessThan(12);
    registry.control.setFaults({});
    for (const id of ids) expect((await settled(id)).state).toBe("sent");
    expect(registry.control.registrations()).toHaveLength(2);
    expect((await health()).outbox.needsIt).toBeNull();
  });

  it("never follows a redirect with the record", async () => {
    registry.control.setFaults({ redirect: true });
    await submit();
    await waitFor(
      () => health(),
      (h) => h.outbox.needsIt?.code === "redirected",
    );
    expect(registry.calls.every((c) => c.url.origin === "https://hd4dp.test")).toBe(true);
    expect((await health()).outbox.needsIt?.title).toContain("https://elsewhere.example");
  });

  it.each([
    ["a 401 to a fresh token", "submit", [{ status: 401 }, { status: 401 }]],
    ["a token endpoint refusing the client", "token", [{ status: 401 }]],
  ] as const)("%s: credentials_refused, delivered once fixed", async (_name, kind, replies) => {
    if (kind === "submit") await settled(await submit());
    registry.control.expireTokens();
    registry.play(kind, ...replies);
    const id = await submit();
    await waitFor(
      () => health(),
      (h) => h.outbox.needsIt?.code === "credentials_refused",
    );
    expect((await settled(id)).state).toBe("sent");
  });

  it.each(["dns", "tls"] as const)("a %s failure pauses for IT", async (fault) => {
    registry.play("submit", fault);
    const id = await submit();
    await waitFor(
      () => health(),
      (h) => h.outbox.needsIt?.code === `registry_${fault}`,
    );
    expect((await settled(id)).state).toBe("sent");
  });
});

describe("a record HD4DP rejects", () => {
  const rejection = {
    status: 422,
    body: { errors: [{ field: "CD_HPIN", code: "invalid", message: "unknown surgeon" }] },
  };

  it("fails with the fields and HD4DP's words, and the same request queues it again", async () => {
    const record = recordFor(++patient);
    registry.play("submit", rejection);
    const key = crypto.randomUUID();
    const id = await submit(record, "submit", key);
    const failed = await settled(id);
    expect(failed).toMatchObject({
      state: "failed",
      error: { code: "registry_rejected", registryMessage: "CD_HPIN: unknown surgeon" },
    });
    expect(failed.error?.detail).toContain("CD_HPIN");
    expect((await health()).outbox).toMatchObject({ failed: 1, needsIt: null });
    // HD4DP's code list was fixed: the surgeon clicks register again (same request).
    const again = await post(record, "submit", key);
    expect(again.status).toBe(202);
    expect(((await again.json()) as { id: string }).id).toBe(id);
    const sent = await settled(id);
    expect(sent.state).toBe("sent");
    expect(sent.history.map((e) => e.event)).toEqual(["queued", "failed", "requeued", "sent"]);
    expect(registry.control.registrations()).toHaveLength(1);
  });

  it("a changed body under the same key is a conflict, under a new key a new attempt", async () => {
    const record = recordFor(++patient);
    registry.play("submit", rejection);
    const key = crypto.randomUUID();
    await settled(await submit(record, "submit", key));
    await expectProblem(await post({ ...record, MS_DURATION: 77 }, "submit", key), 409);
    expect((await settled(await submit({ ...record, MS_DURATION: 77 }))).state).toBe("sent");
  });
});

describe("HD4DP's list of submitted records", () => {
  /** Forgets when the list was last read, as a minute later would. */
  async function forgetListRead() {
    await evictDurableObject(outboxStub(HOSPITAL));
  }

  it("shows a withdrawal in HD4DP, and the same operation registered again is new", async () => {
    const record = recordFor(++patient);
    const sent = await settled(await submit(record));
    registry.control.withdraw(sent.businessKey ?? "");
    await forgetListRead();
    const withdrawn = await view(sent.id);
    expect(withdrawn.state).toBe("deleted");
    expect(withdrawn.history.at(-1)?.event).toBe("withdrawn_in_registry");
    const lists = registry.calls.filter((c) => c.kind === "list").length;
    await view(sent.id);
    expect(registry.calls.filter((c) => c.kind === "list")).toHaveLength(lists);
    // The delivered key was forgotten: a new POST, not a correction of a withdrawn record.
    await settled(await submit({ ...record, MS_DURATION: 152 }));
    expect(registry.deliveries().map((c) => c.method)).toEqual(["POST", "POST"]);
  });

  it("keeps what it knows when HD4DP cannot answer", async () => {
    const sent = await settled(await submit());
    registry.play("list", { status: 500 });
    await forgetListRead();
    expect(await view(sent.id)).toMatchObject({
      state: "sent",
      registrationCode: sent.registrationCode,
    });
  });
});

describe("durability", () => {
  it("delivers what was queued before an eviction (restart): the alarm is in storage", async () => {
    registry.play("submit", { status: 503, headers: { "Retry-After": "1" } });
    const id = await submit();
    await waitFor(
      () => view(id),
      (v) => v.attempts === 1,
    );
    await evictDurableObject(outboxStub(HOSPITAL));
    expect((await settled(id)).state).toBe("sent");
    expect(registry.control.registrations()).toHaveLength(1);
  });

  it("re-arms a lost alarm when the outbox is touched", async () => {
    registry.play("submit", ...Array.from({ length: 1000 }, () => ({ status: 503 })));
    const id = await submit();
    const stub = outboxStub(HOSPITAL);
    await waitFor(
      () => view(id),
      (v) => v.attempts >= 1,
    );
    await runInDurableObject(stub, (_instance, state) => state.storage.deleteAlarm());
    registry.script.submit = [];
    await evictDurableObject(stub);
    expect((await settled(id)).state).toBe("sent");
  });

  it("runs due deliveries when the alarm is triggered by hand", async () => {
    const stub = outboxStub(HOSPITAL);
    await holdDeliveries(HOSPITAL);
    const id = await submit();
    await releaseForManualAlarm(HOSPITAL);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(registry.deliveries()).toHaveLength(0);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(registry.deliveries().map((c) => c.idempotencyKey)).toEqual([id]);
    expect(await storageState(HOSPITAL, id)).toBe("sent");
  });
});

describe("bounds and retention", () => {
  it("answers 429 beyond QUEUE_MAX queued registrations, storing nothing", async () => {
    const stub = outboxStub(HOSPITAL);
    await holdDeliveries(HOSPITAL);
    await runInDurableObject(stub, (_instance, state) => {
      for (let i = 0; i < 10_000; i++) {
        state.storage.sql.exec(
          `INSERT INTO registrations (id, idempotency_hash, body_hash, dcd_id, dcd_version, draft,
             state, created_at, updated_at, next_attempt_at)
           VALUES (?, ?, 'b', 'SPIN_SURG', '0.1.0', 0, 'queued', 0, 0, ?)`,
          `filler-${i}`,
          `filler-${i}`,
          Date.now() + 3_600_000,
        );
      }
    });
    const problem = await expectProblem(await post(recordFor(++patient), "submit", "over"), 429);
    expect(problem.detail).toContain("10000");
    const count = await runInDurableObject(
      stub,
      (_instance, state) =>
        state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM registrations").one().n,
    );
    expect(count).toBe(10_000);
  });

  it("purges finished registrations and their history after the retention period", async () => {
    const sent = await settled(await submit());
    registry.play("submit", {
      status: 400,
      body: { errors: [{ field: "D_SURG", message: "in the future" }] },
    });
    const failed = await settled(await submit());
    await holdDeliveries(HOSPITAL);
    const queued = await submit(recordFor(++patient), "submit");
    const month = 31 * 86_400_000;
    const left = await runInDurableObject(outboxStub(HOSPITAL), (_instance, state) => {
      const purged = purgeFinished(state.storage.sql, Date.now() + month, 30 * 86_400_000);
      const ids = state.storage.sql
        .exec<{ id: string }>("SELECT id FROM registrations")
        .toArray()
        .map((r) => r.id);
      const events = state.storage.sql
        .exec<{ id: string }>("SELECT DISTINCT registration_id AS id FROM registration_events")
        .toArray()
        .map((r) => r.id);
      return { purged, ids, events };
    });
    expect(left.purged).toBe(2);
    expect(left.ids).toEqual([queued]);
    expect(left.events).toEqual([queued]);
    expect([sent.id, failed.id]).not.toContain(queued);
  });
});
