// Patient data at rest, in logs and in replies: the outbox's SQLite holds no plaintext
// NISS, name or birth date (only AES-GCM ciphertext, deleted after delivery; the registry's
// business key, which may contain the NISS, encrypted too), no console line of the worker
// or its Durable Object carries them, and no reply echoes what a field held, whatever
// happens.

import { evictDurableObject, reset, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RegistrationView } from "../../worker/src/schemas/api-schemas.ts";
import { call, callWithEnv, expectProblem, outboxStub, TOKENS, waitFor } from "./support/api.ts";
import { FakeRegistry } from "./support/fake-registry.ts";
import { patientStrings, recordFor, VALID_RECORD } from "./support/records.ts";

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

  it("keeps the registry's business key encrypted, even when it holds the NISS", async () => {
    // HD4DP's real key is ASSUMED to be IDC_PAT + D_SURG + CD_HPIN (hd4dp-contract.ts).
    registry.businessKeyFor = (_n, body) => `${body.IDC_PAT}|${body.D_SURG}|${body.CD_HPIN}`;
    const record = recordFor(++patient);
    const niss = String(record.IDC_PAT);
    const id = await submit(TOKENS.a, record);
    const sent = await waitFor(
      () => view(TOKENS.a, id),
      (v) => v.state === "sent",
    );
    // Answered in clear to the hospital that owns it (GET), never stored in clear.
    expect(sent.businessKey).toContain(niss);
    expect(await dumpStorage("hospital-a")).not.toContain(niss);
    // And still usable: a resubmission goes as a correction to that key.
    const corrected = await submit(TOKENS.a, { ...record, MS_DURATION: 151 });
    await waitFor(
      () => view(TOKENS.a, corrected),
      (v) => v.state === "sent",
    );
    const last = registry.received.at(-1);
    expect(last?.method).toBe("PUT");
    expect(decodeURIComponent(last?.path ?? "")).toContain(niss);
    expect(await dumpStorage("hospital-a")).not.toContain(niss);
  });

  it("seals business keys an older outbox stored in plain text", async () => {
    const niss = String(recordFor(++patient).IDC_PAT);
    const stub = outboxStub("hospital-legacy");
    const id = crypto.randomUUID();
    // The first schema, with a plain `business_key` column in both tables.
    await runInDurableObject(stub, (_instance, state) => {
      const sql = state.storage.sql;
      sql.exec("DROP TABLE registrations");
      sql.exec("DROP TABLE delivered_keys");
      sql.exec(`CREATE TABLE registrations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
        idempotency_hash TEXT NOT NULL UNIQUE, body_hash TEXT NOT NULL, dcd_id TEXT NOT NULL,
        draft INTEGER NOT NULL, business_key_hash TEXT, state TEXT NOT NULL, record_iv BLOB,
        record_ciphertext BLOB, business_key TEXT, registration_code TEXT,
        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL, next_attempt_at INTEGER)`);
      sql.exec(`CREATE TABLE delivered_keys (business_key_hash TEXT PRIMARY KEY,
        business_key TEXT NOT NULL, registration_id TEXT NOT NULL, updated_at INTEGER NOT NULL)`);
      const now = Date.now();
      sql.exec(
        `INSERT INTO registrations (id, idempotency_hash, body_hash, dcd_id, draft,
           business_key_hash, state, business_key, registration_code, attempts, created_at,
           updated_at)
         VALUES (?, 'i', 'b', 'SPIN_SURG', 0, 'h', 'sent', ?, '206.26.000001.11', 1, ?, ?)`,
        id,
        `${niss}|2026-03-02`,
        now,
        now,
      );
      sql.exec("INSERT INTO delivered_keys VALUES ('h', ?, ?, ?)", `${niss}|2026-03-02`, id, now);
    });
    await evictDurableObject(stub);
    const read = await stub.read(id);
    expect(read).toMatchObject({ state: "sent", businessKey: `${niss}|2026-03-02` });
    expect(await dumpStorage("hospital-legacy")).not.toContain(niss);
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

describe("replies", () => {
  // Synthetic patient data typed into the wrong fields, as a misread EHR page could.
  const NISS = "93051822361";
  const NAME = "Vanderstraeten";
  const misplaced = {
    ...VALID_RECORD,
    CD_PAT_PLC_RESDC: `${NAME} ${NISS}`,
    CD_NOMEN: [NISS, NAME],
    [NISS]: 1,
    [`${NAME} Jan`]: "x",
    [`IMPLANT_${NISS}`]: 1,
  };

  async function bodyOf(response: Response, status: number): Promise<string> {
    expect(response.status).toBe(status);
    return response.text();
  }

  it("never echo what a field held, nor an unknown field's name that is not a technical name", async () => {
    const bodies = [
      await bodyOf(
        await call("/v1/registrations", {
          body: { record: misplaced, status: "submit" },
          headers: { "Idempotency-Key": crypto.randomUUID() },
        }),
        422,
      ),
      await bodyOf(
        await call("/v1/registrations", {
          body: { record: misplaced, status: "draft" },
          headers: { "Idempotency-Key": crypto.randomUUID() },
        }),
        422,
      ),
      await bodyOf(await call("/v1/validate", { body: { record: misplaced } }), 200),
      await bodyOf(
        await call("/v1/validate", {
          body: { record: misplaced, status: "draft" },
          headers: { "Accept-Language": "fr" },
        }),
        200,
      ),
      await bodyOf(await call("/v1/exports/hd4dp-csv", { body: { records: [misplaced] } }), 422),
    ];
    for (const body of bodies) {
      expect(body).not.toContain(NISS);
      expect(body).not.toContain(NAME);
    }
    // The issues are still there, and still say what to fix.
    const issues = (JSON.parse(bodies[2] ?? "{}") as { issues: { field: string }[] }).issues;
    const fields = issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["CD_PAT_PLC_RESDC", "CD_NOMEN"]));
    expect(fields.filter((f) => f === "(unknown field)")).toHaveLength(3);
  });

  it("still name an unknown field that looks like a technical name", async () => {
    const problem = await expectProblem(
      await call("/v1/registrations", {
        body: { record: { ...VALID_RECORD, CD_TYPO: "1" }, status: "submit" },
        headers: { "Idempotency-Key": crypto.randomUUID() },
      }),
      422,
    );
    expect(problem.issues).toContainEqual(
      expect.objectContaining({ field: "CD_TYPO", code: "unknown_field" }),
    );
  });

  it("never echo an unknown key of the request envelope", async () => {
    const body = await bodyOf(
      await call("/v1/validate", { body: { record: VALID_RECORD, [NISS]: NAME } }),
      422,
    );
    expect(body).not.toContain(NISS);
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
