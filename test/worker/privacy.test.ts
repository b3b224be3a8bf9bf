// Patient data at rest and in logs: the outbox's SQLite holds no plaintext NISS, name or
// birth date (only AES-GCM ciphertext, deleted after delivery), and no console line of
// the worker or its Durable Object carries them, whatever happens.

import { reset, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RegistrationView } from "../../worker/src/schemas/api-schemas.ts";
import { call, callWithEnv, outboxStub, TOKENS, waitFor } from "./support/api.ts";
import { FakeRegistry } from "./support/fake-registry.ts";
import { patientStrings, recordFor } from "./support/records.ts";

let registry: FakeRegistry;
let patient = 500;

beforeEach(() => {
  registry = new FakeRegistry().install();
});
afterEach(async () => {
  // Wipe every outbox, so a registration left retrying cannot eat the next test's faults.
  await reset();
  vi.restoreAllMocks();
});

/** Every value of every table of the outbox's SQLite database, as text. */
function dumpStorage(hospitalId: string): Promise<string> {
  return runInDurableObject(outboxStub(hospitalId), (_instance, state) => {
    const sql = state.storage.sql;
    const tables = sql
      .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .toArray()
      .map((t) => t.name)
      .filter((name) => !name.startsWith("_cf_") && !name.startsWith("sqlite_"));
    const parts: string[] = [];
    for (const table of tables) {
      for (const row of sql.exec(`SELECT * FROM "${table}"`).toArray()) {
        for (const value of Object.values(row)) {
          parts.push(
            value instanceof ArrayBuffer ? new TextDecoder("latin1").decode(value) : String(value),
          );
        }
      }
    }
    return parts.join("\n");
  });
}

async function submit(token: string, record: Record<string, unknown>, status = "submit") {
  const response = await call("/v1/registrations", {
    token,
    body: { record, status },
    headers: { "Idempotency-Key": crypto.randomUUID() },
  });
  return ((await response.json()) as { id: string }).id;
}

function view(token: string, id: string) {
  return call(`/v1/registrations/${id}`, { token }).then(
    (r) => r.json() as Promise<RegistrationView>,
  );
}

describe("encryption at rest", () => {
  it("stores only ciphertext while queued, and nothing of the record once sent", async () => {
    const record = recordFor(++patient, {
      TX_PAT_LAST_NAM: "Synthetiek",
      TX_PAT_FIRST_NAM: "Testine",
    });
    registry.faults = Array.from({ length: 1000 }, () => ({ status: 503 }));
    const id = await submit(TOKENS.a, record);
    const queued = await dumpStorage("hospital-a");
    for (const secret of patientStrings(record)) expect(queued).not.toContain(secret);
    const sealed = await runInDurableObject(outboxStub("hospital-a"), (_i, state) =>
      state.storage.sql
        .exec<{ iv: ArrayBuffer; ct: ArrayBuffer }>(
          "SELECT record_iv AS iv, record_ciphertext AS ct FROM registrations WHERE id = ?",
          id,
        )
        .one(),
    );
    expect(sealed.iv.byteLength).toBe(12);
    expect(sealed.ct.byteLength).toBeGreaterThan(100);

    registry.faults = [];
    await waitFor(
      () => view(TOKENS.a, id),
      (v) => v.state === "sent",
    );
    const sent = await dumpStorage("hospital-a");
    for (const secret of patientStrings(record)) expect(sent).not.toContain(secret);
    const after = await runInDurableObject(outboxStub("hospital-a"), (_i, state) =>
      state.storage.sql
        .exec("SELECT record_iv, record_ciphertext FROM registrations WHERE id = ?", id)
        .one(),
    );
    expect(after).toEqual({ record_iv: null, record_ciphertext: null });
  });

  it("uses a fresh IV for every record", async () => {
    registry.faults = Array.from({ length: 1000 }, () => ({ status: 503 }));
    const record = recordFor(++patient);
    const ids = [await submit(TOKENS.b, record), await submit(TOKENS.b, record)];
    const ivs = await runInDurableObject(outboxStub("hospital-b"), (_i, state) =>
      ids.map((id) => {
        const row = state.storage.sql
          .exec<{ iv: ArrayBuffer }>("SELECT record_iv AS iv FROM registrations WHERE id = ?", id)
          .one();
        return [...new Uint8Array(row.iv)].join(",");
      }),
    );
    expect(ivs[0]).not.toBe(ivs[1]);
  });
});

describe("logs", () => {
  it("carry no patient data, whatever happens", async () => {
    const lines: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      });
    }
    const record = recordFor(++patient, { TX_PAT_LAST_NAM: "Loglijn", TX_PAT_FIRST_NAM: "Nomena" });
    const niss = String(record.IDC_PAT);
    // A delivery that retries, one the registry refuses quoting the NISS, a draft, a delete.
    registry.faults = [
      { status: 503 },
      "network",
      { status: 400, message: `IDC_PAT ${niss} refused` },
    ];
    const refused = await submit(TOKENS.logs, record);
    await waitFor(
      () => view(TOKENS.logs, refused),
      (v) => v.state === "failed",
    );
    const sent = await submit(TOKENS.logs, record);
    await waitFor(
      () => view(TOKENS.logs, sent),
      (v) => v.state === "sent",
    );
    await submit(TOKENS.logs, record, "draft");
    registry.faults = Array.from({ length: 1000 }, () => ({ status: 503 }));
    const deleted = await submit(TOKENS.logs, { ...record, MS_DURATION: 61 });
    await call(`/v1/registrations/${deleted}`, { token: TOKENS.logs, method: "DELETE" });
    // Invalid input and a configuration error.
    await call("/v1/registrations", {
      token: TOKENS.logs,
      body: { record: { ...record, IDC_PAT: `${niss.slice(0, 10)}0` }, status: "submit" },
      headers: { "Idempotency-Key": crypto.randomUUID() },
    });
    await call("/v1/validate", { token: TOKENS.logs, body: { record } });
    await callWithEnv({ ENCRYPTION_KEY: "" }, "/v1/validate", {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKENS.logs}`, "Content-Type": "application/json" },
      body: JSON.stringify({ record }),
    });

    // The test must see the logs it claims to check.
    expect(lines.some((l) => l.includes(refused) && l.includes("failed"))).toBe(true);
    expect(lines.some((l) => l.includes("config.invalid"))).toBe(true);
    const output = lines.join("\n");
    for (const secret of [...patientStrings(record), `${niss.slice(0, 10)}0`]) {
      expect(output).not.toContain(secret);
    }
  });
});
