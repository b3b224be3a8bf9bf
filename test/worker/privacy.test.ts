// Patient data at rest, in logs and in replies: the outbox's SQLite holds no plaintext
// NISS, name or birth date (only AES-GCM ciphertext, deleted after delivery; the registry's
// business key and its error texts, which may contain the NISS, sealed too; an older key's
// values re-sealed with the current one), no console line of the worker
// or its Durable Object carries them, and no reply echoes what a field held, whatever
// happens.

import {
  evictDurableObject,
  reset,
  runDurableObjectAlarm,
  runInDurableObject,
} from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import type { RegistrationView } from "../../shared-schema/src/api/api-schemas.ts";
import { createRecordCipher } from "../../worker/src/crypto/record-cipher.ts";
import { setLogSink } from "../../worker/src/log/log-event.ts";
import { call, callWithEnv, expectProblem, outboxStub, TOKENS, waitFor } from "./support/api.ts";
import { dumpStorage } from "./support/dump-storage.ts";
import { EmulatedRegistry } from "./support/emulated-registry.ts";
import { patientStrings, recordFor, VALID_RECORD } from "./support/records.ts";
import { TEST_BINDINGS } from "./support/test-bindings.ts";

let registry: EmulatedRegistry;
let patient = 500;

beforeEach(() => {
  registry = new EmulatedRegistry().install();
});
afterEach(async () => {
  // Wipe every outbox, so a registration left retrying cannot eat the next test's faults.
  await reset();
  vi.restoreAllMocks();
});

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
    registry.play("submit", ...Array.from({ length: 1000 }, () => ({ status: 503 })));
    const id = await submit(TOKENS.a, record);
    const queued = await dumpStorage("hospital-a");
    for (const secret of patientStrings(record)) expect(queued).not.toContain(secret);
    const sealed = await runInDurableObject(outboxStub("hospital-a"), (_i, state) =>
      state.storage.sql
        .exec<{ sealed: ArrayBuffer }>(
          "SELECT record_sealed AS sealed FROM registrations WHERE id = ?",
          id,
        )
        .one(),
    );
    expect(sealed.sealed.byteLength).toBeGreaterThan(100);

    registry.script.submit = [];
    await waitFor(
      () => view(TOKENS.a, id),
      (v) => v.state === "sent",
    );
    const sent = await dumpStorage("hospital-a");
    for (const secret of patientStrings(record)) expect(sent).not.toContain(secret);
    const after = await runInDurableObject(outboxStub("hospital-a"), (_i, state) =>
      state.storage.sql.exec("SELECT record_sealed FROM registrations WHERE id = ?", id).one(),
    );
    expect(after).toEqual({ record_sealed: null });
  });

  it("keeps the registry's business key and its error text sealed, even when they quote the NISS", async () => {
    // HD4DP's real key is ASSUMED to be IDC_PAT + D_SURG + CD_HPIN (hd4dp-contract.ts), and
    // its validation messages may quote the record.
    const record = recordFor(++patient);
    const niss = String(record.IDC_PAT);
    const businessKey = `${niss}|${record.D_SURG}|${record.CD_HPIN}`;
    const accepted = { status: 202, body: { businessKey, registrationCode: "206.26.000009.11" } };
    registry.play(
      "submit",
      { status: 422, body: { errors: [{ field: "IDC_PAT", message: `${niss} is deceased` }] } },
      accepted,
    );
    const refused = await submit(TOKENS.a, record);
    const failed = await waitFor(
      () => view(TOKENS.a, refused),
      (v) => v.state === "failed",
    );
    // Shown to the hospital that owns the record, never stored in clear.
    expect(failed.error?.registryMessage).toContain(niss);
    const id = await submit(TOKENS.a, { ...record, MS_DURATION: 150 });
    const sent = await waitFor(
      () => view(TOKENS.a, id),
      (v) => v.state === "sent",
    );
    expect(sent.businessKey).toBe(businessKey);
    expect(await dumpStorage("hospital-a")).not.toContain(niss);
    // And still usable: a resubmission goes as a correction to that key.
    registry.play("correction", accepted);
    const corrected = await submit(TOKENS.a, { ...record, MS_DURATION: 151 });
    await waitFor(
      () => view(TOKENS.a, corrected),
      (v) => v.state === "sent",
    );
    const last = registry.deliveries().at(-1);
    expect(last?.method).toBe("PUT");
    expect(last?.url.searchParams.get("business-key")).toBe(businessKey);
    expect(await dumpStorage("hospital-a")).not.toContain(niss);
  });

  it("drops a development outbox made before versioned migrations", async () => {
    const stub = outboxStub("hospital-legacy");
    await runInDurableObject(stub, (_instance, state) => {
      const sql = state.storage.sql;
      for (const table of [
        "registrations",
        "delivered_keys",
        "registration_events",
        "hospital_state",
        "schema_version",
      ]) {
        sql.exec(`DROP TABLE ${table}`);
      }
      sql.exec("CREATE TABLE registrations (id TEXT, business_key TEXT)");
      sql.exec("INSERT INTO registrations VALUES ('x', '93051822361|2026-03-02')");
      sql.exec("CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
    });
    await evictDurableObject(stub);
    expect(await stub.read("x")).toBeNull();
    const tables = await runInDurableObject(stub, (_instance, state) => ({
      version: state.storage.sql
        .exec<{ version: number }>("SELECT version FROM schema_version")
        .one().version,
      names: state.storage.sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .toArray()
        .map((t) => t.name)
        .filter((name) => !name.startsWith("_cf_") && !name.startsWith("sqlite_")),
    }));
    expect(tables).toEqual({
      version: 1,
      names: [
        "delivered_keys",
        "hospital_state",
        "registration_events",
        "registrations",
        "schema_version",
      ],
    });
    expect(await dumpStorage("hospital-legacy")).not.toContain("93051822361");
  });

  it("uses a fresh IV for every record", async () => {
    registry.play("submit", ...Array.from({ length: 1000 }, () => ({ status: 503 })));
    const record = recordFor(++patient);
    const ids = [await submit(TOKENS.b, record), await submit(TOKENS.b, record)];
    const sealed = await runInDurableObject(outboxStub("hospital-b"), (_i, state) =>
      ids.map((id) => {
        const row = state.storage.sql
          .exec<{ v: ArrayBuffer }>("SELECT record_sealed AS v FROM registrations WHERE id = ?", id)
          .one();
        return [...new Uint8Array(row.v)].join(",");
      }),
    );
    expect(sealed[0]).not.toBe(sealed[1]);
  });

  it("re-seals with the current key what an older key sealed, then none is left", async () => {
    // The test configuration's ENCRYPTION_KEYS are t2 (current), t1: seal as t1 alone would.
    const [t2, t1] = String(TEST_BINDINGS.ENCRYPTION_KEYS).split(",");
    const keyOf = (entry = "") => {
      const [id = "", value = ""] = entry.split(":");
      return { id, raw: Uint8Array.from(atob(value), (c) => c.charCodeAt(0)) };
    };
    const old = await createRecordCipher([keyOf(t1)]);
    registry.play("submit", ...Array.from({ length: 1000 }, () => ({ status: 503 })));
    const record = recordFor(++patient);
    const id = await submit(TOKENS.b, record);
    const stub = outboxStub("hospital-b");
    await runInDurableObject(stub, async (_i, state) => {
      state.storage.sql.exec(
        "UPDATE registrations SET record_sealed = ? WHERE id = ?",
        await old.seal(`record:${id}`, record),
        id,
      );
    });
    const health = async () =>
      (
        (await (await call("/healthz", { token: TOKENS.b })).json()) as {
          outbox: { sealedWithOldKeys: number };
        }
      ).outbox.sealedWithOldKeys;
    expect(await health()).toBe(1);
    await runDurableObjectAlarm(stub);
    expect(await health()).toBe(0);
    registry.script.submit = [];
    expect(
      (
        await waitFor(
          () => view(TOKENS.b, id),
          (v) => v.state === "sent",
        )
      ).state,
    ).toBe("sent");
    expect(keyOf(t2).id).toBe("t2");
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
    // The worker's own lines (its log sink) and anything else written to the console.
    const previous = setLogSink((line) => lines.push(line));
    onTestFinished(() => {
      setLogSink(previous);
    });
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      });
    }
    const record = recordFor(++patient, { TX_PAT_LAST_NAM: "Loglijn", TX_PAT_FIRST_NAM: "Nomena" });
    const niss = String(record.IDC_PAT);
    // A delivery that retries, one the registry refuses quoting the NISS, a draft, a delete.
    registry.play("submit", { status: 503 }, "network", {
      status: 400,
      body: { errors: [{ field: "IDC_PAT", message: `${niss} refused` }] },
    });
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
    registry.play("submit", ...Array.from({ length: 1000 }, () => ({ status: 503 })));
    const deleted = await submit(TOKENS.logs, { ...record, MS_DURATION: 61 });
    await call(`/v1/registrations/${deleted}`, { token: TOKENS.logs, method: "DELETE" });
    // Invalid input and a configuration error.
    await call("/v1/registrations", {
      token: TOKENS.logs,
      body: { record: { ...record, IDC_PAT: `${niss.slice(0, 10)}0` }, status: "submit" },
      headers: { "Idempotency-Key": crypto.randomUUID() },
    });
    await call("/v1/validate", { token: TOKENS.logs, body: { record } });
    await callWithEnv({ ENCRYPTION_KEYS: "" }, "/v1/validate", {
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
