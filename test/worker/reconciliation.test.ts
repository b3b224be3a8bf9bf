// POST /v1/reconciliation against the HD4DP emulator: every status of a billed act, found by
// the business key the outbox stored on enqueue or computed from HD4DP's own records, from
// JSON and from a billing export as CSV; and nothing of the acts stored or logged.

import { reset } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EMULATED_ORGANIZATION } from "../../scripts/hd4dp-emulator/answer-definition-read.ts";
import type {
  ReconciliationReply,
  RegistrationView,
} from "../../shared-schema/src/api/api-schemas.ts";
import type { DcdRecord } from "../../shared-schema/src/dcd.ts";
import { toS2sPayload } from "../../shared-schema/src/s2s/to-s2s-payload.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { submitPath } from "../../worker/src/registry/hd4dp-contract.ts";
import { call, expectProblem, TOKENS, waitFor } from "./support/api.ts";
import { dumpStorage } from "./support/dump-storage.ts";
import { EmulatedRegistry } from "./support/emulated-registry.ts";
import { holdDeliveries } from "./support/hold-deliveries.ts";
import { patientStrings, recordFor } from "./support/records.ts";
import { TEST_BINDINGS } from "./support/test-bindings.ts";

const TOKEN = TOKENS.b;
const HOSPITAL = "hospital-b";
let registry: EmulatedRegistry;
let patient = 600;

beforeEach(() => {
  registry = new EmulatedRegistry().install();
});
afterEach(async () => {
  await reset();
  vi.restoreAllMocks();
});

/** The billed act of a record, as a billing export writes it. */
function actOf(record: DcdRecord, code = "281116") {
  return {
    niss: String(record.IDC_PAT ?? ""),
    date: String(record.D_SURG),
    code,
    nihii: String(record.CD_HPIN),
  };
}

async function reconcile(body: unknown, headers: Record<string, string> = {}) {
  const response = await call("/v1/reconciliation", { token: TOKEN, body, headers });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ReconciliationReply;
}

async function register(record: DcdRecord, status: "submit" | "draft" = "submit") {
  const response = await call("/v1/registrations", {
    token: TOKEN,
    body: { record, status },
    headers: { "Idempotency-Key": crypto.randomUUID() },
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

async function delivered(id: string, state = "sent"): Promise<RegistrationView> {
  return waitFor(
    async () =>
      (await (await call(`/v1/registrations/${id}`, { token: TOKEN })).json()) as RegistrationView,
    (view) => view.state === state,
  );
}

/** A registration entered in HD4DP itself (its web form or a CSV upload), not by the worker. */
async function registerInHd4dp(record: DcdRecord): Promise<string> {
  const hd4dp = "https://hd4dp.test";
  const token = (await (
    await registry.emulator.app.fetch(
      new Request(`${hd4dp}/oauth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: TEST_BINDINGS.REGISTRY_CLIENT_ID,
          client_secret: TEST_BINDINGS.REGISTRY_CLIENT_SECRET,
        }),
      }),
    )
  ).json()) as { access_token: string };
  const submit = await registry.emulator.app.fetch(
    new Request(
      `${hd4dp}/proxy${submitPath({ organizationId: EMULATED_ORGANIZATION, dcdId: "SPIN_SURG", dcdVersion: SPIN_SURG.version })}`,
      {
        method: "POST",
        headers: {
          Authorization: `Bearer ${token.access_token}`,
          "Content-Type": "application/json",
        },
        body: JSON.stringify(toS2sPayload(SPIN_SURG, record)),
      },
    ),
  );
  expect(submit.status).toBe(202);
  return ((await submit.json()) as { registrationCode: string }).registrationCode;
}

describe("POST /v1/reconciliation: the status of each billed act", () => {
  it("registered through the worker: with its registration code and date", async () => {
    const record = recordFor(++patient);
    const view = await delivered(await register(record));
    const reply = await reconcile({ acts: [actOf(record), actOf(record, "281120")] });
    expect(reply.registry).toBe("read");
    for (const [i, act] of reply.acts.entries()) {
      expect(act).toMatchObject({
        row: i + 1,
        date: record.D_SURG,
        decision: "required",
        status: "registered",
        registrationCode: view.registrationCode,
      });
      expect(Date.parse(act.registeredAt ?? "")).not.toBeNaN();
    }
    expect(reply.counts.registered).toBe(2);
  });

  it("the NISS and the NIHII as a billing prints them, the date day first", async () => {
    const record = recordFor(++patient);
    await delivered(await register(record));
    const niss = String(record.IDC_PAT);
    const nihii = String(record.CD_HPIN);
    const [y, m, d] = String(record.D_SURG).split("-");
    const [act] = (
      await reconcile([
        {
          niss: `${niss.slice(0, 2)}.${niss.slice(2, 4)}.${niss.slice(4, 6)}-${niss.slice(6, 9)}.${niss.slice(9)}`,
          date: `${d}/${m}/${y}`,
          code: "281-116",
          nihii: `${nihii.slice(0, 1)}-${nihii.slice(1, 6)}-${nihii.slice(6, 8)}-${nihii.slice(8)}`,
        },
      ])
    ).acts;
    expect(act).toMatchObject({ status: "registered", code: "281116", date: record.D_SURG });
  });

  it("registered directly in HD4DP (manual entry, CSV upload): found by its data", async () => {
    const record = recordFor(++patient);
    const code = await registerInHd4dp(record);
    const [act] = (await reconcile([actOf(record)])).acts;
    expect(act).toMatchObject({ status: "registered", registrationCode: code });
    // HD4DP's list was asked with its data, once for the request.
    const lists = registry.calls.filter((c) => c.kind === "list");
    expect(lists).toHaveLength(1);
    expect(lists[0]?.url.searchParams.get("incl-submit-data")).toBe("true");
  });

  it("a patient without a NISS: matched by names and birth date", async () => {
    const record = recordFor(++patient, {
      IDC_PAT: undefined,
      TX_PAT_LAST_NAM: "Van den Broeck",
      TX_PAT_FIRST_NAM: "Ilse",
      CD_PAT_PLC_RESDC: "9999",
    });
    await delivered(await register(record));
    const act = {
      date: String(record.D_SURG),
      code: "281116",
      nihii: String(record.CD_HPIN),
      lastName: "VAN DEN BROECK ",
      firstName: "ilse",
      birthDate: "03/02/1971",
    };
    expect((await reconcile([act])).acts[0]).toMatchObject({ status: "registered" });
    const { birthDate: _none, ...withoutBirthDate } = act;
    expect((await reconcile([withoutBirthDate])).acts[0]).toMatchObject({
      status: "invalid",
      reason: "birthDate:required",
    });
  });

  it("queued: accepted by the worker, not delivered yet", async () => {
    await holdDeliveries(HOSPITAL);
    const record = recordFor(++patient);
    await register(record);
    expect((await reconcile([actOf(record)])).acts[0]).toMatchObject({ status: "queued" });
  });

  it("draft: an Open record in HD4DP", async () => {
    const record = recordFor(++patient);
    await delivered(await register(record, "draft"), "open");
    expect((await reconcile([actOf(record)])).acts[0]).toMatchObject({ status: "draft" });
  });

  it("failed: HD4DP rejected it, with the reason code in the caller's language", async () => {
    registry.play("submit", {
      status: 422,
      body: { errors: [{ field: "CD_LEVEL_TO", code: "invalid", message: "not a level" }] },
    });
    const record = recordFor(++patient);
    await delivered(await register(record), "failed");
    const response = await call("/v1/reconciliation", {
      token: TOKEN,
      body: [actOf(record)],
      headers: { "Accept-Language": "nl" },
    });
    const [act] = ((await response.json()) as ReconciliationReply).acts;
    expect(act).toMatchObject({
      status: "failed",
      reason: "registry_rejected",
      reasonText: "HD4DP weigerde de registratie",
    });
  });

  it("missing: billed, required, registered nowhere; and withdrawn in HD4DP", async () => {
    const record = recordFor(++patient);
    const view = await delivered(await register(record));
    registry.control.withdraw(view.businessKey as string);
    const reply = await reconcile([actOf(recordFor(++patient)), actOf(record)]);
    expect(reply.acts.map((a) => a.status)).toEqual(["missing", "missing"]);
    expect(reply.counts.missing).toBe(2);
  });

  it("not_required: an exempt code, an out-of-scope code, whatever the NISS", async () => {
    const acts = [
      { ...actOf(recordFor(++patient), "224674"), niss: "" },
      { ...actOf(recordFor(++patient), "105092"), niss: "not a niss" },
    ];
    const reply = await reconcile({ acts });
    expect(reply.acts.map((a) => [a.decision, a.status])).toEqual([
      ["exempt", "not_required"],
      ["not_in_scope", "not_required"],
    ]);
    // Nothing to look up: HD4DP is not asked.
    expect(registry.calls.filter((c) => c.kind === "list")).toHaveLength(0);
  });

  it("invalid: which value and why, without quoting it", async () => {
    const record = recordFor(++patient);
    const niss = String(record.IDC_PAT);
    const badNiss = `${niss.slice(0, 9)}${(Number(niss.slice(9)) + 1) % 100}`.padEnd(11, "0");
    const reply = await reconcile(
      [
        { ...actOf(record), niss: badNiss },
        { ...actOf(record), date: "31/02/2026" },
        { ...actOf(record), code: "281117" },
        { ...actOf(record), code: niss },
        { ...actOf(record), nihii: "" },
      ],
      { "Accept-Language": "fr" },
    );
    expect(reply.acts.map((a) => [a.status, a.reason])).toEqual([
      ["invalid", "niss:niss_checksum"],
      ["invalid", "date:invalid_date"],
      ["invalid", "code:invalid_nomenclature"],
      ["invalid", "code:invalid_nomenclature"],
      ["invalid", "nihii:required"],
    ]);
    expect(reply.acts[0]?.problems?.[0]?.message).toMatch(/contrôle/);
    expect(JSON.stringify(reply)).not.toContain(badNiss);
    expect(JSON.stringify(reply)).not.toContain(niss);
  });

  it("HD4DP's list unreadable: says so, and the outbox still answers", async () => {
    const record = recordFor(++patient);
    await delivered(await register(record));
    registry.play("list", { status: 503 });
    const reply = await reconcile([actOf(record), actOf(recordFor(++patient))]);
    expect(reply.registry).toBe("unavailable");
    expect(reply.acts.map((a) => a.status)).toEqual(["registered", "missing"]);
  });
});

describe("POST /v1/reconciliation with a billing export (text/csv)", () => {
  it("reads ';' or ',', quoted cells, any column order; a bad row with its line", async () => {
    const record = recordFor(++patient);
    await delivered(await register(record));
    const other = recordFor(++patient);
    const [y, m, d] = String(record.D_SURG).split("-");
    const lines = [
      `"Montant";"Prestatiedatum";"RIZIV";"INSZ";"Nomenclatuurcode"`,
      `"12,50";"${d}/${m}/${y}";"${record.CD_HPIN}";"${record.IDC_PAT}";"281116"`,
      `3;${other.D_SURG};${other.CD_HPIN};${other.IDC_PAT};281120`,
      `4;${other.D_SURG};${other.CD_HPIN};${other.IDC_PAT};281120;extra`,
    ];
    for (const separator of [";", ","]) {
      const text = lines.map((line) => line.replaceAll(";", separator)).join("\r\n");
      const response = await call("/v1/reconciliation", {
        token: TOKEN,
        body: text,
        headers: { "Content-Type": "text/csv; charset=utf-8" },
      });
      expect(response.status).toBe(200);
      const reply = (await response.json()) as ReconciliationReply;
      expect(reply.acts.map((a) => [a.row, a.line, a.status])).toEqual([
        [1, 2, "registered"],
        [2, 3, "missing"],
        [3, 4, "invalid"],
      ]);
      expect(reply.acts[2]?.reason).toBe("row:row_length");
    }
  });

  it("422 naming the missing columns; 415 for another type or charset", async () => {
    const missing = await expectProblem(
      await call("/v1/reconciliation", {
        token: TOKEN,
        body: "NISS;Date\n93051822361;2026-03-02\n",
        headers: { "Content-Type": "text/csv" },
      }),
      422,
    );
    expect(missing.type).toBe("urn:spine-reg:problem:billing_columns_missing");
    expect(missing.detail).toContain("code, nihii");
    for (const type of ["text/plain", "text/csv; charset=windows-1252"]) {
      const problem = await expectProblem(
        await call("/v1/reconciliation", {
          token: TOKEN,
          body: "x",
          headers: { "Content-Type": type },
        }),
        415,
      );
      expect(problem.type).toBe("urn:spine-reg:problem:reconciliation_media_type");
    }
  });
});

describe("POST /v1/reconciliation: bounds and privacy", () => {
  it("5,000 acts at most; more is 422", async () => {
    const act = actOf(recordFor(++patient), "224674");
    const reply = await reconcile(Array.from({ length: 5000 }, () => act));
    expect(reply.counts.not_required).toBe(5000);
    await expectProblem(
      await call("/v1/reconciliation", {
        token: TOKEN,
        body: Array.from({ length: 5001 }, () => act),
      }),
      422,
    );
  });

  it("a DCD that decides nothing on billed codes cannot be reconciled", async () => {
    const problem = await expectProblem(
      await call("/v1/reconciliation", {
        token: TOKEN,
        body: { dcd: "TEST_SECOND", acts: [actOf(recordFor(++patient))] },
      }),
      422,
    );
    expect(problem.type).toBe("urn:spine-reg:problem:dcd_not_reconcilable");
  });

  it("stores nothing of the acts and logs nothing", async () => {
    const lines: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(" "));
      });
    }
    const registered = recordFor(++patient);
    await delivered(await register(registered));
    const before = await dumpStorage(HOSPITAL);
    const logged = lines.length;
    const unknown = recordFor(++patient, { TX_PAT_LAST_NAM: "Nomenclatura" });
    await reconcile([actOf(registered), actOf(unknown)]);
    expect(await dumpStorage(HOSPITAL)).toBe(before);
    expect(lines.slice(logged)).toEqual([]);
    for (const secret of patientStrings(unknown)) expect(before).not.toContain(secret);
  });
});
