// The DCDs as configuration: the worker validates, exports and relays with each DCD of DCDS
// (SPIN_SURG and fixtures/second-registry.dcd.json here), chosen per request; a queued
// registration keeps the DCD version it was validated with whatever the configuration
// becomes; a configuration mistake answers 500 saying how to fix it.

import { reset, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RegistrationView } from "../../shared-schema/src/api/api-schemas.ts";
import type { Dcd } from "../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { Outbox } from "../../worker/src/durable-objects/outbox.ts";
import second from "./fixtures/second-registry.dcd.json" with { type: "json" };
import { call, callWithEnv, expectProblem, outboxStub, TOKENS, waitFor } from "./support/api.ts";
import { EmulatedRegistry } from "./support/emulated-registry.ts";
import { holdDeliveries } from "./support/hold-deliveries.ts";
import { VALID_RECORD } from "./support/records.ts";

const SECOND = second as Dcd;
const HOSPITAL = "hospital-b";
const TOKEN = TOKENS.b;
const RECORD = {
  CD_HPIN: VALID_RECORD.CD_HPIN,
  D_ACT: "2026-03-02",
  CD_SIDE: "L",
  DEVICE: [{ CD_DEVICE: "2", MS_QTY: 2 }],
};

let registry: EmulatedRegistry;

beforeEach(() => {
  registry = new EmulatedRegistry([SPIN_SURG, SECOND, NEXT]).install();
});
afterEach(async () => {
  await reset();
  vi.restoreAllMocks();
});

/** The DCD folder of the tests, plus `extra` files (name -> DCD JSON). */
function folderWith(extra: Record<string, unknown>) {
  return {
    fetch: (request: Request) => {
      const name = decodeURIComponent(new URL(request.url).pathname.slice(1));
      return name in extra
        ? Promise.resolve(Response.json(extra[name]))
        : (env as unknown as { DCD_FILES: Fetcher }).DCD_FILES.fetch(request);
    },
  };
}

/** The second registry without any item id: it cannot be relayed over S2S. */
const WITHOUT_IDS: Dcd = {
  ...SECOND,
  codeLists: SECOND.codeLists.map((list) => ({
    ...list,
    items: list.items.map(({ id: _id, ...item }) => item),
  })),
};

/** The same registry, next version: other item ids, so a payload tells which one was used. */
const NEXT: Dcd = {
  ...SECOND,
  version: "1.1.0",
  codeLists: SECOND.codeLists.map((list) => ({
    ...list,
    items: list.items.map((item) => ({ ...item, id: `7${item.id}` })),
  })),
};
const folder = folderWith({ "second-registry-1.1.0.dcd.json": NEXT });

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return call(path, { token: TOKEN, body, headers });
}

function postWithEnv(overrides: Record<string, unknown>, path: string, body: unknown) {
  return callWithEnv(overrides, path, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      "Content-Type": "application/json",
      "Idempotency-Key": crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
}

describe("GET /v1/dcds", () => {
  it("lists the configured DCDs in the caller's language, the default first", async () => {
    const response = await call("/v1/dcds", { headers: { "Accept-Language": "nl" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      dcds: [
        { id: "SPIN_SURG", version: "0.1.0", label: "Spine – chirurgie", default: true, s2s: true },
        {
          id: "TEST_SECOND",
          version: "1.0.0",
          label: "Tweede register (test)",
          default: false,
          s2s: true,
        },
      ],
    });
  });
});

describe("GET /v1/dcd per DCD", () => {
  it("serves the DCD asked for, with its own ETag and 304", async () => {
    const response = await call("/v1/dcd?dcd=TEST_SECOND");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(SECOND);
    const etag = response.headers.get("ETag") ?? "";
    expect(etag).toMatch(/^"TEST_SECOND-1\.0\.0-[0-9a-f]{32}"$/);
    const pinned = await call("/v1/dcd?dcd=TEST_SECOND&version=1.0.0", {
      headers: { "If-None-Match": etag },
    });
    expect(pinned.status).toBe(304);
    const spinSurg = (await call("/v1/dcd")).headers.get("ETag") ?? "";
    expect(spinSurg).toMatch(/^"SPIN_SURG-0\.1\.0-/);
    // Another DCD's ETag does not match.
    const other = await call("/v1/dcd?dcd=TEST_SECOND", { headers: { "If-None-Match": spinSurg } });
    expect(other.status).toBe(200);
  });

  it("404 for a DCD or a version not configured, listing those there are, in French", async () => {
    for (const query of ["dcd=NOPE", "version=9.9.9", "dcd=TEST_SECOND&version=1.1.0"]) {
      const problem = (await expectProblem(
        await call(`/v1/dcd?${query}`, { headers: { "Accept-Language": "fr" } }),
        404,
      )) as Awaited<ReturnType<typeof expectProblem>> & { configured: unknown };
      expect(problem.type).toBe("urn:spine-reg:problem:dcd_unknown");
      expect(problem.detail).toContain("Il a : SPIN_SURG 0.1.0, TEST_SECOND 1.0.0");
      expect(problem.configured).toEqual([
        { id: "SPIN_SURG", version: "0.1.0", default: true },
        { id: "TEST_SECOND", version: "1.0.0", default: false },
      ]);
    }
  });

  it("422 for a dcd or version that is not an id or a version, without echoing it", async () => {
    const problem = await expectProblem(await call("/v1/dcd?dcd=93051822361"), 422);
    expect(problem.type).toBe("urn:spine-reg:problem:request_invalid");
    expect(JSON.stringify(problem)).not.toContain("93051822361");
  });
});

describe("validation, registration and CSV export per DCD", () => {
  it("validates with the DCD the body names", async () => {
    const ok = await post("/v1/validate", { dcd: "TEST_SECOND", record: RECORD });
    expect(await ok.json()).toEqual({ valid: true, issues: [] });
    const bad = await post("/v1/validate", {
      dcd: "TEST_SECOND",
      version: "1.0.0",
      record: { ...RECORD, CD_SIDE: "X", DEVICE: [] },
    });
    const result = (await bad.json()) as { valid: boolean; issues: { field: string }[] };
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => i.field)).toEqual(expect.arrayContaining(["CD_SIDE"]));
    // The same record is not a SPIN_SURG record (the default).
    const asDefault = (await (await post("/v1/validate", { record: RECORD })).json()) as {
      valid: boolean;
    };
    expect(asDefault.valid).toBe(false);
  });

  it("422 in the caller's language for a DCD not configured, nothing stored", async () => {
    const bodies = {
      "/v1/validate": { record: RECORD },
      "/v1/registrations": { record: RECORD, status: "submit" },
      "/v1/exports/hd4dp-csv": { records: [RECORD] },
    };
    for (const [path, body] of Object.entries(bodies)) {
      const response = await post(
        path,
        { dcd: "TEST_SECOND", version: "2.0.0", ...body },
        { "Accept-Language": "de", "Idempotency-Key": crypto.randomUUID() },
      );
      const problem = await expectProblem(response, 422);
      expect(problem.type).toBe("urn:spine-reg:problem:dcd_unknown");
      expect(problem.detail).toContain("keine DCD TEST_SECOND 2.0.0");
    }
    expect(registry.deliveries()).toEqual([]);
  });

  it("exports the records of the DCD the body names as its CSV", async () => {
    const response = await post("/v1/exports/hd4dp-csv", { dcd: "TEST_SECOND", records: [RECORD] });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/filename="TEST_SECOND-/);
    const [header, row] = (await response.text()).split("\r\n");
    expect(header?.split(";")).toEqual(expect.arrayContaining(["CD_SIDE", "D_ACT"]));
    expect(row).toContain("02/03/2026");
  });

  it("relays a registration with its DCD's item ids to its DCD's path", async () => {
    const response = await post(
      "/v1/registrations",
      { dcd: "TEST_SECOND", record: RECORD, status: "submit" },
      { "Idempotency-Key": crypto.randomUUID() },
    );
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await waitFor(
      () => Promise.resolve(registry.deliveries().filter((r) => r.idempotencyKey === id)),
      (received) => received.length > 0,
    );
    const [sent] = registry.deliveries().filter((r) => r.idempotencyKey === id);
    expect(sent?.url.searchParams.get("dcd-id")).toBe("TEST_SECOND");
    expect(sent?.url.searchParams.get("dcd-version-id")).toBe("1.0.0");
    expect(sent?.body).toEqual({
      CD_HPIN: VALID_RECORD.CD_HPIN,
      D_ACT: "2026-03-02",
      CD_SIDE: 9101,
      DEVICE: [{ CD_DEVICE: 9202, MS_QTY: 2 }],
    });
  });
});

describe("a queued registration across configuration changes", () => {
  async function view(id: string): Promise<RegistrationView> {
    return (await (
      await call(`/v1/registrations/${id}`, { token: TOKEN })
    ).json()) as RegistrationView;
  }

  /**
   * Runs one delivery round of the hospital's outbox under another configuration, as a
   * deploy would. Deliveries are held meanwhile (holdDeliveries), so the outbox's own alarm,
   * with the test configuration, stays an hour ahead and does not race this round.
   */
  function deliverWith(overrides: Record<string, unknown>): Promise<void> {
    return runInDurableObject(outboxStub(HOSPITAL), async (_instance, state) => {
      const outbox = new Outbox(state, { ...env, ...overrides } as Env);
      const sql = state.storage.sql;
      sql.exec("UPDATE registrations SET next_attempt_at = ? WHERE state = 'queued'", Date.now());
      sql.exec("UPDATE hospital_state SET paused_until = 0");
      await outbox.alarm();
      sql.exec("UPDATE hospital_state SET paused_until = ?", Date.now() + 3_600_000);
    });
  }

  /** Submits RECORD to TEST_SECOND with deliveries held, so that it stays queued: its id. */
  async function submitHeld(): Promise<string> {
    await holdDeliveries(HOSPITAL);
    const response = await post(
      "/v1/registrations",
      { dcd: "TEST_SECOND", record: RECORD, status: "submit" },
      { "Idempotency-Key": crypto.randomUUID() },
    );
    const { id } = (await response.json()) as { id: string };
    return id;
  }

  it("waits for its DCD version to come back, then is relayed with it", async () => {
    const id = await submitHeld();

    // TEST_SECOND 1.0.0 replaced by 1.1.0: the registration waits, nothing sent or lost.
    await deliverWith({
      DCDS: "SPIN_SURG-0.1.0.json,second-registry-1.1.0.dcd.json",
      DCD_FILES: folder,
    });
    const waiting = await view(id);
    expect(waiting).toMatchObject({ state: "queued", attempts: 0 });
    expect(waiting.error?.code).toBe("dcd_unavailable");
    expect(waiting.lastError).toMatch(/TEST_SECOND 1\.0\.0 is not configured.*nothing is lost/);
    expect(registry.deliveries()).toEqual([]);

    // 1.0.0 back next to 1.1.0, which is now the default: sent with 1.0.0's item ids.
    await deliverWith({
      DCDS: "SPIN_SURG-0.1.0.json,second-registry-1.1.0.dcd.json,second-registry.dcd.json",
      DEFAULT_DCD: "TEST_SECOND",
      DCD_FILES: folder,
    });
    expect(await view(id)).toMatchObject({ state: "sent", attempts: 1 });
    expect(registry.deliveries().map((r) => r.body?.CD_SIDE)).toEqual([9101]);
  });

  it("waits while its DCD has no S2S item ids", async () => {
    const id = await submitHeld();
    await deliverWith({
      DCDS: "SPIN_SURG-0.1.0.json,second-registry.dcd.json",
      DCD_FILES: folderWith({ "second-registry.dcd.json": WITHOUT_IDS }),
    });
    const waiting = await view(id);
    expect(waiting.state).toBe("queued");
    expect(waiting.error?.code).toBe("dcd_not_relayable");
    expect(waiting.lastError).toContain("no HD4DP item id to relay them over S2S: SIDE L");
    expect(registry.deliveries()).toEqual([]);
  });
});

describe("DCD configuration", () => {
  it("uses DEFAULT_DCD when a request names no DCD", async () => {
    const overrides = { DEFAULT_DCD: "TEST_SECOND@1.0.0" };
    const auth = { headers: { Authorization: `Bearer ${TOKEN}` } };
    const served = await callWithEnv(overrides, "/v1/dcd", auth);
    expect(((await served.json()) as Dcd).id).toBe("TEST_SECOND");
    const health = await callWithEnv(overrides, "/healthz");
    expect(await health.json()).toEqual({ status: "ok", dcdVersion: "1.0.0" });
    // An id alone: its newest version; a request may still pin another one.
    const both = {
      DCDS: "second-registry.dcd.json,second-registry-1.1.0.dcd.json,SPIN_SURG-0.1.0.json",
      DEFAULT_DCD: "TEST_SECOND",
      DCD_FILES: folder,
    };
    const version = async (path: string) =>
      ((await (await callWithEnv(both, path, auth)).json()) as Dcd).version;
    expect(await version("/v1/dcd")).toBe("1.1.0");
    expect(await version("/v1/dcd?version=1.0.0")).toBe("1.0.0");
    expect(await version("/v1/dcd?dcd=SPIN_SURG")).toBe("0.1.0");
  });

  it.each([
    [
      "a file not in the folder",
      { DCDS: "SPIN_SURG-0.1.0.json,HIP-1.0.0.json" },
      "DCDS",
      "HIP-1.0.0.json, which is not in the DCD folder",
    ],
    ["no DCDS", { DCDS: " " }, "DCDS", "missing or empty"],
    ["a name that is no file name", { DCDS: "../secrets.json" }, "DCDS", "not a .json file name"],
    [
      "DEFAULT_DCD not configured",
      { DEFAULT_DCD: "HIP" },
      "DEFAULT_DCD",
      "'HIP', which is not among the configured DCDs (SPIN_SURG@0.1.0, TEST_SECOND@1.0.0)",
    ],
    ["no DCD folder", { DCD_FILES: undefined }, "DCD_FILES", "missing"],
    [
      "one version twice",
      {
        DCDS: "second-registry.dcd.json,second-copy.json",
        DCD_FILES: folderWith({ "second-copy.json": SECOND }),
      },
      "DCDS",
      "both TEST_SECOND 1.0.0",
    ],
    [
      "a file that is not JSON",
      { DCDS: "broken.json", DCD_FILES: { fetch: () => Promise.resolve(new Response("{")) } },
      "DCDS",
      "broken.json, which is not JSON",
    ],
    [
      "an unusable DCD",
      {
        DCDS: "bad.json",
        DCD_FILES: folderWith({ "bad.json": { ...SECOND, businessKey: { fields: ["NOPE"] } } }),
      },
      "DCDS",
      "bad.json, which is not a usable DCD: businessKey: names the field NOPE, not defined",
    ],
  ])(
    "500 at the first request for %s, saying what to fix",
    async (_case, overrides, variable, problem) => {
      const response = await callWithEnv(overrides, "/healthz");
      const body = await expectProblem(response, 500);
      expect(body.type).toBe("urn:spine-reg:problem:config_invalid");
      expect(body.detail).toContain(`${variable} is`);
      expect(body.detail).toContain(problem);
      expect(body.detail).toMatch(/Fix: .*(wrangler\.toml|DCDS|import)/);
    },
  );

  it("refuses registrations of a DCD without S2S item ids (500), and still exports its CSV", async () => {
    const overrides = { DCD_FILES: folderWith({ "second-registry.dcd.json": WITHOUT_IDS }) };
    const refused = await postWithEnv(overrides, "/v1/registrations", {
      dcd: "TEST_SECOND",
      record: RECORD,
      status: "submit",
    });
    const problem = await expectProblem(refused, 500);
    expect(problem.detail).toContain(
      "second-registry.dcd.json (TEST_SECOND 1.0.0), whose code values have no HD4DP item id",
    );
    expect(problem.detail).toContain("spine-reg dcd pull");
    const exported = await postWithEnv(overrides, "/v1/exports/hd4dp-csv", {
      dcd: "TEST_SECOND",
      records: [RECORD],
    });
    expect(exported.status).toBe(200);
    const list = await callWithEnv(overrides, "/v1/dcds", {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    const { dcds } = (await list.json()) as { dcds: { id: string; s2s: boolean }[] };
    expect(dcds.map((d) => [d.id, d.s2s])).toEqual([
      ["SPIN_SURG", true],
      ["TEST_SECOND", false],
    ]);
  });
});
