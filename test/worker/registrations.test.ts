// /v1/registrations: 202 only once stored, idempotency, validation, reads and deletion.

import { reset, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RegistrationView } from "../../shared-schema/src/api/api-schemas.ts";
import { call, expectProblem, outboxStub, TOKENS, waitFor } from "./support/api.ts";
import { EmulatedRegistry } from "./support/emulated-registry.ts";
import { holdDeliveries, releaseForManualAlarm } from "./support/hold-deliveries.ts";
import { recordFor, VALID_RECORD } from "./support/records.ts";

let registry: EmulatedRegistry;
let patient = 300;

beforeEach(() => {
  registry = new EmulatedRegistry().install();
});
afterEach(async () => {
  // Wipe every outbox, so a registration left retrying cannot eat the next test's faults.
  await reset();
  vi.restoreAllMocks();
});

function post(body: unknown, key: string | null = crypto.randomUUID(), token: string = TOKENS.a) {
  return call("/v1/registrations", {
    token,
    body,
    headers: key === null ? {} : { "Idempotency-Key": key },
  });
}

async function view(id: string, token: string = TOKENS.a) {
  return (await (await call(`/v1/registrations/${id}`, { token })).json()) as RegistrationView;
}

function rowCount(hospitalId: string): Promise<number> {
  return runInDurableObject(outboxStub(hospitalId), (_instance, state) => {
    const row = state.storage.sql
      .exec<{ n: number }>("SELECT count(*) AS n FROM registrations")
      .one();
    return row.n;
  });
}

describe("POST /v1/registrations", () => {
  it("answers 202 with an id and state queued, and a Location", async () => {
    registry.play("submit", { status: 503 });
    const response = await post({ record: recordFor(++patient), status: "submit" });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: string; state: string };
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), state: "queued" });
    expect(response.headers.get("Location")).toBe(`/v1/registrations/${body.id}`);
    // Stored before the 202: it is readable right away.
    expect((await view(body.id)).id).toBe(body.id);
  });

  it("same key and same body -> the same id, even with keys in another order", async () => {
    const key = crypto.randomUUID();
    const record = recordFor(++patient);
    const first = (await (await post({ record, status: "submit" }, key)).json()) as { id: string };
    const reordered = Object.fromEntries(Object.entries(record).reverse());
    const again = await post({ status: "submit", record: reordered }, key);
    expect(again.status).toBe(202);
    expect(((await again.json()) as { id: string }).id).toBe(first.id);
  });

  it("same key and another body -> 409, nothing new stored", async () => {
    const key = crypto.randomUUID();
    await post({ record: recordFor(++patient), status: "submit" }, key);
    const before = await rowCount("hospital-a");
    const problem = await expectProblem(
      await post({ record: recordFor(++patient), status: "submit" }, key),
      409,
    );
    expect(problem.type).toBe("urn:spine-reg:problem:idempotency_conflict");
    expect(await rowCount("hospital-a")).toBe(before);
  });

  it("the same key in two hospitals is two registrations", async () => {
    const key = crypto.randomUUID();
    const body = { record: recordFor(++patient), status: "submit" };
    const a = (await (await post(body, key, TOKENS.a)).json()) as { id: string };
    const b = (await (await post(body, key, TOKENS.b)).json()) as { id: string };
    expect(a.id).not.toBe(b.id);
  });

  it("400 without an Idempotency-Key (or with an unusable one)", async () => {
    for (const key of [null, "", "x".repeat(201), "has space"]) {
      const problem = await expectProblem(
        await post({ record: VALID_RECORD, status: "submit" }, key),
        400,
      );
      expect(problem.type).toBe("urn:spine-reg:problem:idempotency_key_missing");
    }
  });

  it("422 with the issues for an invalid record, and nothing stored", async () => {
    const before = await rowCount("hospital-a");
    const record = recordFor(++patient, { IDC_PAT: "71020300199", D_SURG: undefined });
    const problem = await expectProblem(await post({ record, status: "submit" }, undefined), 422);
    expect(problem.type).toBe("urn:spine-reg:problem:record_invalid");
    expect(problem.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "D_SURG", severity: "error" }),
        expect.objectContaining({ field: "IDC_PAT", severity: "error" }),
      ]),
    );
    // No value of the record is echoed in the problem body.
    expect(JSON.stringify(problem)).not.toContain("71020300199");
    expect(await rowCount("hospital-a")).toBe(before);
  });

  it("422 for a status that is neither draft nor submit", async () => {
    await expectProblem(await post({ record: VALID_RECORD, status: "sent" }), 422);
  });

  it("accepts an incomplete draft", async () => {
    const response = await post({
      record: { IDC_PAT: recordFor(++patient).IDC_PAT },
      status: "draft",
    });
    expect(response.status).toBe(202);
  });
});

describe("GET /v1/registrations/:id", () => {
  it("shows the delivery state, without patient data", async () => {
    const record = recordFor(++patient);
    const { id } = (await (await post({ record, status: "submit" })).json()) as { id: string };
    const done = await waitFor(
      () => view(id),
      (v) => v.state === "sent",
    );
    expect(Object.keys(done).sort()).toEqual([
      "attempts",
      "businessKey",
      "createdAt",
      "history",
      "id",
      "registrationCode",
      "state",
      "status",
      "updatedAt",
    ]);
    expect(JSON.stringify(done)).not.toContain(String(record.IDC_PAT));
  });

  it("404 for an unknown id, a malformed id, and another hospital's id", async () => {
    const { id } = (await (
      await post({ record: recordFor(++patient), status: "submit" })
    ).json()) as {
      id: string;
    };
    await expectProblem(await call(`/v1/registrations/${crypto.randomUUID()}`), 404);
    await expectProblem(await call("/v1/registrations/not-an-id"), 404);
    await expectProblem(await call(`/v1/registrations/${id}`, { token: TOKENS.b }), 404);
  });
});

describe("DELETE /v1/registrations/:id", () => {
  it("deletes a registration before delivery: never sent, record gone", async () => {
    registry.play("submit", ...Array.from({ length: 1000 }, () => ({ status: 503 })));
    const { id } = (await (
      await post({ record: recordFor(++patient), status: "submit" })
    ).json()) as {
      id: string;
    };
    const response = await call(`/v1/registrations/${id}`, { method: "DELETE" });
    expect(response.status).toBe(200);
    expect(((await response.json()) as RegistrationView).state).toBe("deleted");
    registry.script.submit = [];
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await view(id)).state).toBe("deleted");
    // Other tests' registrations of this hospital may arrive meanwhile; this one never does.
    expect(registry.deliveries().some((c) => c.idempotencyKey === id)).toBe(false);
    const stored = await runInDurableObject(outboxStub("hospital-a"), (_i, state) =>
      state.storage.sql
        .exec<{ c: ArrayBuffer | null }>(
          "SELECT record_sealed AS c FROM registrations WHERE id = ?",
          id,
        )
        .one(),
    );
    expect(stored.c).toBeNull();
    // Deleting again is harmless.
    expect((await call(`/v1/registrations/${id}`, { method: "DELETE" })).status).toBe(200);
  });

  it("409 once delivered, explaining that corrections go through the registry", async () => {
    const { id } = (await (
      await post({ record: recordFor(++patient), status: "submit" })
    ).json()) as {
      id: string;
    };
    await waitFor(
      () => view(id),
      (v) => v.state === "sent",
    );
    const problem = await expectProblem(
      await call(`/v1/registrations/${id}`, {
        method: "DELETE",
        headers: { "Accept-Language": "fr" },
      }),
      409,
    );
    expect(problem.type).toBe("urn:spine-reg:problem:registration_delivered");
    expect(problem.detail).toMatch(/clé métier|HD4DP/);
    expect((await view(id)).state).toBe("sent");
  });

  it("409 while the registration is being sent", async () => {
    let release = () => {};
    registry.play("submit", { until: new Promise<void>((resolve) => (release = resolve)) });
    const { id } = (await (
      await post({ record: recordFor(++patient), status: "submit" })
    ).json()) as {
      id: string;
    };
    await waitFor(
      () => Promise.resolve(registry.deliveries().some((r) => r.idempotencyKey === id)),
      (arrived) => arrived,
    );
    const problem = await expectProblem(
      await call(`/v1/registrations/${id}`, { method: "DELETE" }),
      409,
    );
    expect(problem.type).toBe("urn:spine-reg:problem:delivery_in_progress");
    release();
    expect(
      (
        await waitFor(
          () => view(id),
          (v) => v.state === "sent",
        )
      ).attempts,
    ).toBe(2);
  });

  it("never sends one deleted while it waited in the alarm's batch", async () => {
    // Five registrations in one alarm run; four are sent at once and held in the registry,
    // the fifth waits in the batch, where DELETE can still reach it (it is not in flight).
    await holdDeliveries("hospital-a");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await post({ record: recordFor(++patient), status: "submit" });
      ids.push(((await response.json()) as { id: string }).id);
    }
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    registry.play("submit", ...Array.from({ length: 4 }, () => ({ until: held })));
    await releaseForManualAlarm("hospital-a");
    const run = runDurableObjectAlarm(outboxStub("hospital-a"));
    await waitFor(
      () => Promise.resolve(registry.deliveries().length),
      (n) => n === 4,
    );
    const waiting = ids.filter((id) => !registry.deliveries().some((r) => r.idempotencyKey === id));
    expect(waiting).toHaveLength(1);
    const [deletedId = ""] = waiting;
    const response = await call(`/v1/registrations/${deletedId}`, { method: "DELETE" });
    expect(response.status).toBe(200);
    release();
    expect(await run).toBe(true);
    // The four held ones are retried and delivered; the deleted one never reaches HD4DP.
    const others = ids.filter((id) => id !== deletedId);
    await waitFor(
      () => Promise.all(others.map((id) => view(id))),
      (views) => views.every((v) => v.state === "sent"),
    );
    expect(registry.deliveries().filter((r) => r.idempotencyKey === deletedId)).toEqual([]);
    expect((await view(deletedId)).state).toBe("deleted");
  });

  it("404 for an unknown registration", async () => {
    await expectProblem(
      await call(`/v1/registrations/${crypto.randomUUID()}`, { method: "DELETE" }),
      404,
    );
  });
});
