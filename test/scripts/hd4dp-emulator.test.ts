// The local HD4DP emulator speaks the contract the worker's client relies on
// (worker/src/registry/hd4dp-contract.ts): paths come from the contract's builders and
// replies are parsed here with its own schemas, so the two cannot drift apart silently.
// Most cases run on a socket (the Node runner); the runtime-neutral app is also driven
// through app.fetch and emulatorFetch, as workerd tests do.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { EMULATED_ORGANIZATION } from "../../scripts/hd4dp-emulator/answer-definition-read.ts";
import { REDIRECT_ORIGIN } from "../../scripts/hd4dp-emulator/answer-fault-mode.ts";
import { createDefinitionReplies } from "../../scripts/hd4dp-emulator/create-definition-replies.ts";
import { createFileStateStore } from "../../scripts/hd4dp-emulator/create-file-state-store.ts";
import {
  createHd4dpEmulatorApp,
  DEV_CLIENT_ID,
  DEV_CLIENT_SECRET,
  type Hd4dpEmulatorAppOptions,
} from "../../scripts/hd4dp-emulator/create-hd4dp-emulator-app.ts";
import { createMemoryStateStore } from "../../scripts/hd4dp-emulator/create-memory-state-store.ts";
import { emulatorFetch } from "../../scripts/hd4dp-emulator/emulator-fetch.ts";
import {
  type EmulatorState,
  EmulatorStateSchema,
} from "../../scripts/hd4dp-emulator/emulator-state-schema.ts";
import { toHex } from "../../scripts/hd4dp-emulator/hex.ts";
import { pickFault } from "../../scripts/hd4dp-emulator/pick-fault.ts";
import { socketFaultOf } from "../../scripts/hd4dp-emulator/socket-fault-reply.ts";
import {
  type Hd4dpEmulator,
  startHd4dpEmulator,
} from "../../scripts/hd4dp-emulator/start-hd4dp-emulator.ts";
import { REPO_ROOT } from "../../scripts/lib/start-wrangler-dev.ts";
import {
  CodelistReplySchema,
  codelistPath,
  type DefinitionComponent,
  FieldReplySchema,
  fieldPath,
  MenuStructureReplySchema,
  menuStructurePath,
  PayloadDefinitionReplySchema,
  payloadDefinitionPath,
  TranslationsReplySchema,
  translationsPath,
} from "../../shared-schema/src/s2s/hd4dp-definition-contract.ts";
import { S2S_CODE_IDS } from "../../shared-schema/src/s2s/s2s-code-ids.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import {
  correctionPath,
  ErrorReplySchema,
  ORGANIZATIONS_PATH,
  OrganizationsReplySchema,
  RecordRejectionSchema,
  SubmitReplySchema,
  type SubmitTarget,
  SubmittedListReplySchema,
  submitPath,
  submittedListPath,
  TokenReplySchema,
  tokenRequest,
} from "../../worker/src/registry/hd4dp-contract.ts";

// Synthetic patient: a NISS with a valid check digit, never a real person.
const NISS = "93051822361";
const PATIENT = { IDC_PAT: NISS, D_PAT_DOB: "1993-05-18", TX_PAT_LAST_NAM: "Peeters" };
const RECORD = { ...PATIENT, D_SURG: "2025-03-04", CD_HPIN: "12345625580", CD_URGENCY: "1" };
const CLEAR_PATIENT_DATA = [NISS, "1993-05-18", "Peeters"];

const TARGET: SubmitTarget = {
  organizationId: EMULATED_ORGANIZATION,
  dcdId: SPIN_SURG.id,
  dcdVersion: SPIN_SURG.version,
};
const SUBMIT = `/proxy${submitPath(TARGET)}`;
const correction = (businessKey: string, target = TARGET) =>
  `/proxy${correctionPath(target, businessKey)}`;
const LIST = `/proxy${submittedListPath({ organizationId: EMULATED_ORGANIZATION, dcdId: SPIN_SURG.id })}`;
/** What a workerd test's fetch stub would address. */
const APP_BASE = "https://hd4dp.test";

type Send = (request: Request) => Promise<Response>;

/** A caller of one emulator, on a socket (`fetch`) or without one (`emulatorFetch`). */
function clientOf(send: Send, base: string) {
  let token = "";
  return {
    get token() {
      return token;
    },
    async getToken(secret = DEV_CLIENT_SECRET): Promise<Response> {
      return send(new Request(`${base}/oauth/token`, tokenRequest(DEV_CLIENT_ID, secret)));
    },
    async login(): Promise<void> {
      token = TokenReplySchema.parse(await (await this.getToken()).json()).access_token;
    },
    call(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<Response> {
      const text = typeof body === "string" ? body : JSON.stringify(body);
      return send(
        new Request(`${base}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/json",
            ...headers,
          },
          body: body === undefined ? undefined : text,
        }),
      );
    },
    async submit(record: unknown, headers?: Record<string, string>) {
      const response = await this.call("POST", SUBMIT, record, headers);
      expect(response.status).toBe(202);
      return SubmitReplySchema.parse(await response.json());
    },
    async list(path = LIST) {
      const response = await this.call("GET", path);
      expect(response.status).toBe(200);
      return SubmittedListReplySchema.parse(await response.json());
    },
  };
}
type Client = ReturnType<typeof clientOf>;

/** The runtime-neutral app with a logged-in client, no socket. */
async function appClient(options: Hd4dpEmulatorAppOptions = {}) {
  const emulated = createHd4dpEmulatorApp(options);
  const client = clientOf((request) => emulatorFetch(emulated.app, request), APP_BASE);
  await client.login();
  return { ...emulated, client };
}

function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), "hd4dp-emulator-test-"));
}

let emulator: Hd4dpEmulator;
let client: Client;

beforeAll(async () => {
  emulator = await startHd4dpEmulator({ port: 0, seed: 42 });
  client = clientOf((request) => fetch(request), emulator.url);
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  emulator.reset();
  emulator.setFaults({});
  await client.login();
});

describe("token endpoint (OAuth2 client credentials)", () => {
  it("issues an expiring bearer token for the dev credentials", async () => {
    const response = await client.getToken();
    expect(response.status).toBe(200);
    const reply = TokenReplySchema.parse(await response.json());
    expect(reply.token_type).toBe("Bearer");
    expect(reply.expires_in).toBe(3600);
  });

  it("refuses a wrong secret with 401 and an unsupported grant with 400", async () => {
    const wrong = await client.getToken("guess");
    expect(wrong.status).toBe(401);
    expect(ErrorReplySchema.safeParse(await wrong.json()).success).toBe(true);
    const grant = await fetch(`${emulator.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=password",
    });
    expect(grant.status).toBe(400);
  });

  it("accepts the credentials with HTTP Basic too (RFC 6749 §2.3.1)", async () => {
    const response = await fetch(`${emulator.url}/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${btoa(`${DEV_CLIENT_ID}:${DEV_CLIENT_SECRET}`)}`,
      },
      body: "grant_type=client_credentials",
    });
    expect(response.status).toBe(200);
  });

  it("answers 401 without a token, with an expired one, and after expireTokens()", async () => {
    expect((await client.call("POST", SUBMIT, RECORD, { authorization: "" })).status).toBe(401);
    const short = await appClient({ tokenTtlSeconds: 1 });
    expect((await short.client.call("POST", SUBMIT, RECORD)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const expired = await short.client.call("GET", LIST);
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toMatch(/^Bearer/);
    emulator.expireTokens();
    expect((await client.call("POST", SUBMIT, RECORD)).status).toBe(401);
    expect(emulator.received().stats.unauthorized).toBe(2);
  });
});

describe("organizations", () => {
  it("serves the one emulated organization", async () => {
    const response = await client.call("GET", `/proxy${ORGANIZATIONS_PATH}`);
    expect(response.status).toBe(200);
    const organizations = OrganizationsReplySchema.parse(await response.json());
    expect(organizations).toEqual([{ id: EMULATED_ORGANIZATION, name: expect.any(String) }]);
  });
});

describe("submissions", () => {
  it("submits a record: 202 with a hashed business key and an HD4DP-shaped code", async () => {
    const reply = await client.submit(RECORD);
    expect(reply.businessKey).toMatch(/^[0-9a-f]{16}$/);
    expect(reply.registrationCode).toMatch(/^\d{3}\.\d{2}\.\d{6}\.\d{2}$/);
    expect(await client.list()).toEqual([
      {
        businessKey: reply.businessKey,
        registrationCode: reply.registrationCode,
        status: "sent",
        dcdVersion: SPIN_SURG.version,
        submittedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(emulator.registrations()).toMatchObject([
      { organizationId: EMULATED_ORGANIZATION, dcdId: "SPIN_SURG", status: "sent", version: 1 },
    ]);
  });

  it("keys registrations with a per-emulator secret: a NISS cannot be recomputed from the key", async () => {
    const { businessKey } = await client.submit(RECORD);
    // What an unkeyed hash of the same material would give: anyone could test NISS guesses.
    const material = [NISS, RECORD.D_SURG, RECORD.CD_HPIN].join("\n");
    const unkeyed = createHash("sha256").update(material).digest("hex").slice(0, 16);
    expect(businessKey).not.toBe(unkeyed);
    const other = await appClient();
    const elsewhere = await other.client.submit(RECORD);
    expect(elsewhere.businessKey).toMatch(/^[0-9a-f]{16}$/);
    expect(elsewhere.businessKey).not.toBe(businessKey);
  });

  it("treats a resubmission of a known business key as a correction, not a duplicate", async () => {
    const first = await client.submit(RECORD);
    // The NISS with separators is the same patient (docs/domain.md §2 accepts both forms).
    const again = { ...RECORD, IDC_PAT: "93.05.18-223.61", CD_URGENCY: "2" };
    expect(await client.submit(again)).toEqual(first);
    const put = await client.call("PUT", correction(first.businessKey), RECORD);
    expect(put.status).toBe(202);
    expect(SubmitReplySchema.parse(await put.json())).toEqual(first);
    const registrations = emulator.registrations();
    expect(registrations).toHaveLength(1);
    expect(registrations[0]).toMatchObject({ status: "sent", version: 3 });
    expect(registrations[0]?.payload.CD_URGENCY).toBe("1"); // the newest version counts
    const { deliveries } = emulator.received();
    expect(deliveries.map((d) => [d.method, d.version])).toEqual([
      ["POST", 1],
      ["POST", 2],
      ["PUT", 3],
    ]);
    // The business key travels in the query, which the emulator keeps nowhere.
    expect(deliveries.every((d) => d.path === "/proxy/api/dcd/payload/submit")).toBe(true);
  });

  it("keys a patient without NISS by names and birth date, ignoring case", async () => {
    const foreign = {
      TX_PAT_LAST_NAM: "Dubois",
      TX_PAT_FIRST_NAM: "Anna",
      D_PAT_DOB: "1980-01-02",
      D_SURG: "2025-03-04",
      CD_HPIN: "12345625580",
    };
    const a = await client.submit(foreign);
    const b = await client.submit({ ...foreign, TX_PAT_LAST_NAM: " DUBOIS " });
    expect(b.businessKey).toBe(a.businessKey);
    const other = await client.submit({ ...foreign, D_SURG: "2025-03-05" });
    expect(other.businessKey).not.toBe(a.businessKey);
  });

  it("creates an Open record for a draft, with an empty business key, listed as open", async () => {
    const response = await client.call("POST", SUBMIT, { ...RECORD, STATUS: "draft" });
    expect(response.status).toBe(202);
    expect(SubmitReplySchema.parse(await response.json())).toEqual({ businessKey: "" });
    expect(emulator.registrations()).toMatchObject([{ status: "open", businessKey: "" }]);
    expect(await client.list()).toEqual([
      {
        businessKey: "",
        status: "open",
        dcdVersion: SPIN_SURG.version,
        submittedAt: expect.any(String),
      },
    ]);
  });

  it("rejects a record without its business-key fields: one validation error per field", async () => {
    const response = await client.call("POST", SUBMIT, { IDC_PAT: NISS });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain(NISS);
    const { errors } = RecordRejectionSchema.parse(JSON.parse(text));
    expect(errors).toEqual([
      { field: "D_SURG", code: "required", message: expect.any(String) },
      { field: "CD_HPIN", code: "required", message: expect.any(String) },
    ]);
    const anonymous = await client.call("POST", SUBMIT, { D_SURG: "2025-03-04", CD_HPIN: "1" });
    const fields = RecordRejectionSchema.parse(await anonymous.json()).errors.map((e) => e.field);
    expect(fields).toEqual(["IDC_PAT", "TX_PAT_LAST_NAM", "TX_PAT_FIRST_NAM", "D_PAT_DOB"]);
    expect(emulator.received().deliveries).toEqual([]);
  });

  it("answers 404 to a correction of a business key it does not hold, or holds withdrawn", async () => {
    const unknown = await client.call("PUT", correction("0123456789abcdef"), RECORD);
    expect(unknown.status).toBe(404);
    expect(ErrorReplySchema.safeParse(await unknown.json()).success).toBe(true);
    const { businessKey } = await client.submit(RECORD);
    expect(emulator.withdraw(businessKey)).toBe(true);
    const withdrawn = await client.call("PUT", correction(businessKey), RECORD);
    expect(withdrawn.status).toBe(404);
    expect(RecordRejectionSchema.safeParse(await withdrawn.json()).success).toBe(false);
  });

  it("rejects a correction whose business-key fields changed (the registry would keep both)", async () => {
    const { businessKey } = await client.submit(RECORD);
    const moved = await client.call("PUT", correction(businessKey), {
      ...RECORD,
      D_SURG: "2025-03-05",
    });
    expect(moved.status).toBe(400);
    expect(RecordRejectionSchema.parse(await moved.json()).errors).toHaveLength(1);
    const draft = await client.call("PUT", correction(businessKey), { ...RECORD, STATUS: "draft" });
    expect(draft.status).toBe(400);
    expect(RecordRejectionSchema.safeParse(await draft.json()).success).toBe(true);
  });

  it("answers 404 for an organization or DCD it does not serve, never as a record rejection", async () => {
    for (const target of [
      { ...TARGET, organizationId: "other-hospital" },
      { ...TARGET, dcdId: "OTHER" },
      { ...TARGET, dcdVersion: "9.0.0" },
    ]) {
      for (const response of [
        await client.call("POST", `/proxy${submitPath(target)}`, RECORD),
        await client.call("PUT", correction("0123456789abcdef", target), RECORD),
        await client.call("GET", `/proxy${submittedListPath(target)}`),
      ]) {
        expect(response.status).toBe(404);
        expect(ErrorReplySchema.safeParse(await response.json()).success).toBe(true);
      }
    }
    expect(emulator.received().deliveries).toEqual([]);
  });

  it("answers bad input with 4xx and a JSON message that never quotes the body", async () => {
    const malformed = await client.call("POST", SUBMIT, `{"IDC_PAT":"${NISS}"`);
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(JSON.parse(text)).toEqual({ message: expect.stringMatching(/malformed JSON/) });
    expect(text).not.toContain(NISS);
    expect((await client.call("POST", SUBMIT, "[1,2]")).status).toBe(400);
    const notJson = await client.call("POST", SUBMIT, "x", { "content-type": "text/plain" });
    expect(notJson.status).toBe(415);
    const bare = "/proxy/api/dcd/payload/submit";
    for (const [method, path, status] of [
      ["POST", `${bare}?dcd-id=SPIN_SURG`, 400], // no organization-id
      ["POST", SUBMIT.replace("data-src-type=API", "data-src-type=UI"), 400],
      ["PUT", SUBMIT, 400], // a correction without its business key
      ["POST", correction("0123456789abcdef"), 400], // a business key on a new submission
      ["GET", SUBMIT, 405],
      ["DELETE", correction("0123456789abcdef"), 405],
      ["POST", LIST, 405],
      ["GET", "/proxy/api/dcd/SPIN_SURG/registrations", 404], // the old paths are gone
      ["GET", "/proxy/api/other", 404],
    ] as const) {
      const response = await client.call(method, path, method === "GET" ? undefined : RECORD);
      expect([method, path, response.status]).toEqual([method, path, status]);
      expect(RecordRejectionSchema.safeParse(await response.json()).success).toBe(false);
    }
    expect(emulator.received().deliveries).toEqual([]);
  });

  it("replays the first reply for a repeated Idempotency-Key without a second delivery", async () => {
    const headers = { "idempotency-key": "reg-1" };
    const first = await client.submit(RECORD, headers);
    expect(await client.submit({ ...RECORD, CD_URGENCY: "2" }, headers)).toEqual(first);
    const { deliveries, stats } = emulator.received();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ idempotencyKey: "reg-1", version: 1, method: "POST" });
    expect(stats.replayed).toBe(1);
    // Keys are data, not property names.
    for (const key of ["__proto__", "constructor"]) {
      expect((await client.call("POST", SUBMIT, RECORD, { "idempotency-key": key })).status).toBe(
        202,
      );
    }
    expect(emulator.received().stats.replayed).toBe(1);
  });

  it("masks patient identifiers in what it keeps for inspection", async () => {
    await client.submit(RECORD, { "idempotency-key": "k" });
    const inspected = JSON.stringify([
      emulator.received(),
      emulator.registrations(),
      await (await fetch(`${emulator.url}/_emulator/received`)).json(),
      await (await fetch(`${emulator.url}/_emulator/registrations`)).json(),
    ]);
    for (const secret of CLEAR_PATIENT_DATA) expect(inspected).not.toContain(secret);
    expect(emulator.received().deliveries[0]?.payload).toMatchObject({
      IDC_PAT: "***",
      D_SURG: "2025-03-04",
    });
  });

  it("plays a withdrawal in HD4DP's UI: the record is listed deleted, a new submission is a new record", async () => {
    const withdraw = (body: string) =>
      fetch(`${emulator.url}/_emulator/withdraw`, { method: "POST", body });
    const sent = await client.submit(RECORD);
    expect((await withdraw(JSON.stringify({ businessKey: sent.businessKey }))).status).toBe(200);
    expect((await client.list()).map((r) => r.status)).toEqual(["deleted"]);
    expect((await withdraw(JSON.stringify({ businessKey: sent.businessKey }))).status).toBe(404);
    expect((await withdraw("{}")).status).toBe(400);
    const again = await client.submit(RECORD);
    expect(again.businessKey).toBe(sent.businessKey);
    expect(again.registrationCode).not.toBe(sent.registrationCode);
    expect((await client.list()).map((r) => r.status)).toEqual(["deleted", "sent"]);
  });

  it("takes the latest DCD version when none is named, and lists by version", async () => {
    const next = { ...SPIN_SURG, version: "0.2.0" };
    const { client: c } = await appClient({ dcds: [SPIN_SURG, next] });
    const latest = submitPath(TARGET).replace(/&dcd-version-id=[^&]*/, "");
    expect((await c.call("POST", `/proxy${latest}`, RECORD)).status).toBe(202);
    const listOf = (dcdVersion: string) =>
      c.list(`/proxy${submittedListPath({ ...TARGET, dcdVersion })}`);
    expect((await listOf("0.2.0")).map((r) => r.dcdVersion)).toEqual(["0.2.0"]);
    expect(await listOf("0.1.0")).toEqual([]);
    expect(await c.list()).toHaveLength(1);
  });
});

describe("state across restarts", () => {
  it("keeps records, replies and the key secret in the state file: the same record gets the same key", async () => {
    const dir = temporaryDirectory();
    const stateFile = join(dir, "nested", "hd4dp-emulator.json");
    try {
      const first = await startHd4dpEmulator({ port: 0, stateFile });
      const before = clientOf((request) => fetch(request), first.url);
      await before.login();
      const sent = await before.submit(RECORD, { "idempotency-key": "reg-1" });
      await before.call("POST", SUBMIT, { ...RECORD, STATUS: "draft" });
      const registrations = first.registrations();
      await first.close();

      const second = await startHd4dpEmulator({ port: 0, stateFile });
      try {
        const after = clientOf((request) => fetch(request), second.url);
        // Tokens are not kept: a restarted registry wants a new one.
        const stale = await fetch(`${second.url}${LIST}`, {
          headers: { authorization: `Bearer ${before.token}` },
        });
        expect(stale.status).toBe(401);
        await after.login();
        expect(second.registrations()).toEqual(registrations);
        expect(await after.submit(RECORD, { "idempotency-key": "reg-1" })).toEqual(sent);
        expect(second.received().stats.replayed).toBe(1);
        const put = await after.call("PUT", correction(sent.businessKey), RECORD);
        expect(put.status).toBe(202);
        expect(SubmitReplySchema.parse(await put.json())).toEqual(sent);
        expect(await after.submit({ ...RECORD, CD_URGENCY: "3" })).toEqual(sent);
        expect((await after.list()).map((r) => [r.status, r.businessKey])).toEqual([
          ["sent", sent.businessKey],
          ["open", ""],
        ]);
        expect(second.received().deliveries.map((d) => d.version)).toEqual([1, 1, 2, 3]);
      } finally {
        await second.close();
      }
      // Written aside and renamed: no temporary file left, and no patient data in clear.
      expect(readdirSync(join(dir, "nested"))).toEqual(["hd4dp-emulator.json"]);
      const saved = readFileSync(stateFile, "utf8");
      for (const secret of CLEAR_PATIENT_DATA) expect(saved).not.toContain(secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("behaves as one emulator restarted when two apps share a memory store", async () => {
    const store = createMemoryStateStore();
    const a = await appClient({ store });
    const sent = await a.client.submit(RECORD);
    const b = await appClient({ store });
    expect(await b.client.submit(RECORD)).toEqual(sent);
    expect(b.control.registrations()).toMatchObject([{ version: 2 }]);
    b.control.reset();
    const c = await appClient({ store });
    expect(c.control.registrations()).toEqual([]);
    expect((await c.client.submit(RECORD)).businessKey).not.toBe(sent.businessKey);
  });

  it("refuses to start on a file that is not its state, and says what to do", async () => {
    const dir = temporaryDirectory();
    try {
      const stateFile = join(dir, "state.json");
      writeFileSync(stateFile, "{ half a file");
      await expect(startHd4dpEmulator({ port: 0, stateFile })).rejects.toThrow(/--reset/);
      writeFileSync(stateFile, JSON.stringify({ format: 0 }));
      await expect(startHd4dpEmulator({ port: 0, stateFile })).rejects.toThrow(
        /not an emulator state/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("loads what it saved, from a file and from memory (property)", () => {
    const dir = temporaryDirectory();
    const file = createFileStateStore(join(dir, "state.json"));
    const text = fc.string({ maxLength: 12 });
    const status = fc.constantFrom("open" as const, "sent" as const, "deleted" as const);
    const payload = fc.dictionary(
      fc.stringMatching(/^[A-Z][A-Z_]{0,11}$/),
      fc.jsonValue({ maxDepth: 2 }),
      {
        maxKeys: 4,
      },
    );
    const common = {
      organizationId: text,
      dcdId: text,
      dcdVersion: text,
      businessKey: text,
      registrationCode: fc.option(text, { nil: null }),
      status,
      version: fc.integer({ min: 1, max: 1_000 }),
      payload,
    };
    const state: fc.Arbitrary<EmulatorState> = fc.record({
      format: fc.constant(1 as const),
      businessKeySecret: fc.uint8Array({ minLength: 32, maxLength: 32 }).map(toHex),
      sequence: fc.nat(),
      registrations: fc.array(
        fc.record({ ...common, createdAt: text, updatedAt: text, submittedAt: text }),
        { maxLength: 4 },
      ),
      deliveries: fc.array(
        fc.record({
          ...common,
          at: text,
          method: text,
          path: text,
          idempotencyKey: fc.option(text, { nil: null }),
        }),
        { maxLength: 4 },
      ),
      replies: fc.array(
        fc.record({
          idempotencyKey: text,
          answer: fc.record(
            {
              status: fc.integer({ min: 200, max: 599 }),
              body: fc.jsonValue({ maxDepth: 2 }),
              headers: fc.dictionary(fc.stringMatching(/^[a-z-]{1,12}$/), text, { maxKeys: 2 }),
            },
            { requiredKeys: ["status", "body"] },
          ),
        }),
        { maxLength: 4 },
      ),
    });
    try {
      fc.assert(
        fc.property(state, (saved) => {
          // As JSON: what a file can hold (-0 comes back as 0).
          const expected = JSON.parse(JSON.stringify(saved));
          expect(EmulatorStateSchema.parse(expected)).toEqual(expected);
          file.save(saved);
          expect(file.load()).toEqual(expected);
          const memory = createMemoryStateStore();
          memory.save(saved);
          expect(memory.load()).toEqual(saved);
        }),
        { numRuns: 150 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("definition reads (shared-schema/src/s2s/hd4dp-definition-contract.ts)", () => {
  const get = async <S extends z.ZodType>(path: string, schema: S) => {
    const response = await client.call("GET", `/proxy${path}`);
    expect(response.status).toBe(200);
    return schema.parse(await response.json()) as z.infer<S>;
  };
  const flat = (components: DefinitionComponent[]): DefinitionComponent[] =>
    components.flatMap((c) => (c.type === "panel" ? flat(c.components ?? []) : [c]));

  it("publishes the menu, the form in each language, its fields, code lists and texts", async () => {
    const menu = await get(menuStructurePath("org-1"), MenuStructureReplySchema);
    expect(menu).toEqual({
      organizationId: "org-1",
      dataCollections: [
        {
          dcdId: "SPIN_SURG",
          labels: SPIN_SURG.label,
          versions: [{ version: "0.1.0", active: true }],
        },
      ],
    });
    const own = await get(menuStructurePath(), MenuStructureReplySchema);
    expect(own.organizationId).toBe(EMULATED_ORGANIZATION);
    const form = await get(
      payloadDefinitionPath("SPIN_SURG", "0.1.0", "nl"),
      PayloadDefinitionReplySchema,
    );
    expect(form.components.filter((c) => c.type === "panel").map((c) => c.key)).toEqual([
      "AUTHOR",
      "PATIENT",
      "SURGERY",
    ]);
    const fields = flat(form.components);
    const sex = fields.find((c) => c.key === "CD_PAT_SEX");
    expect(sex).toMatchObject({ type: "select", label: "Geslacht", multiple: false });
    expect(fields.find((c) => c.key === "IDC_PAT")?.properties).toEqual({ format: "niss" });
    // A conditional requirement is not carried: the field comes as optional.
    expect(fields.find((c) => c.key === "TX_PAT_LAST_NAM")?.validate?.required).toBe(false);
    const one = await get(fieldPath(sex?.fieldId ?? 0), FieldReplySchema);
    expect(one.component).toMatchObject({ key: "CD_PAT_SEX", label: "Sex" });
    const list = await get(codelistPath(sex?.codelistId ?? 0), CodelistReplySchema);
    expect(list.name).toBe("SEX");
    expect(list.items[0]).toEqual({
      id: S2S_CODE_IDS.SEX?.["248153007"],
      code: "248153007",
      labels: { fr: "Masculin", nl: "Mannelijk", de: "Männlich", en: "Male" },
    });
    const de = await get(translationsPath("SPIN_SURG", "0.1.0", "de"), TranslationsReplySchema);
    expect(de.translations["field.CD_PAT_SEX.label"]).toBe("Geschlecht");
    expect(de.translations["field.IMPLANT.MS_IMPL_QTY.label"]).toEqual(expect.any(String));
    expect(de.translations["panel.PATIENT.label"]).toBe("Patient");
  });

  it("answers 401 without a token, 400, 404 and 405 like the rest of the API", async () => {
    const path = `/proxy${menuStructurePath()}`;
    expect((await client.call("GET", path, undefined, { authorization: "" })).status).toBe(401);
    expect((await client.call("POST", path, {})).status).toBe(405);
    for (const bad of [
      "/api/dcd/payload/definition?dcd-id=SPIN_SURG&version=0.1.0",
      "/api/dcd/translations?dcd-id=SPIN_SURG&version=0.1.0&language-id=it",
      "/api/dcd/field?field-id=first",
    ]) {
      const response = await client.call("GET", `/proxy${bad}`);
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(/missing or malformed/);
    }
    for (const unknown of [
      payloadDefinitionPath("SPIN_SURG", "9.0.0", "en"),
      fieldPath(99_999),
      codelistPath(99_999),
    ]) {
      expect((await client.call("GET", `/proxy${unknown}`)).status).toBe(404);
    }
  });

  it("refuses to publish a DCD whose items have no S2S id", () => {
    expect(() => createDefinitionReplies([{ ...SPIN_SURG, id: "OTHER" }])).toThrow(
      /OTHER 0\.1\.0: no S2S id for SEX 248153007/,
    );
  });
});

describe("fault picking", () => {
  /** A random source that returns these draws in turn. */
  const draws = (...values: number[]) => {
    let next = 0;
    return () => values[next++] ?? 0;
  };

  it("fails a call with probability failRate, and never without one", () => {
    expect(pickFault({}, draws(0))).toBeUndefined();
    expect(pickFault({ failRate: 0.3 }, draws(0.3))).toBeUndefined();
    expect(pickFault({ failRate: 0.3 }, draws(0.29, 0, 0.9))).toEqual({
      kind: "500",
      afterProcessing: false,
    });
  });

  it("draws the kind by the weights of the mix; absent kinds weigh nothing", () => {
    const faults = { failRate: 1, mix: { "503": 1, drop: 3 } };
    expect(pickFault(faults, draws(0, 0.2, 0.9))?.kind).toBe("503");
    expect(pickFault(faults, draws(0, 0.3, 0.9))?.kind).toBe("drop");
    expect(pickFault({ failRate: 1, mix: {} }, draws(0))).toBeUndefined();
    // Without a mix, all five kinds equally.
    expect(pickFault({ failRate: 1 }, draws(0, 0.99, 0.9))?.kind).toBe("drop");
  });

  it("strikes after processing by postProcessingShare, a 429 never", () => {
    const share = (postProcessingShare: number, kind: "500" | "429", draw: number) =>
      pickFault({ failRate: 1, mix: { [kind]: 1 }, postProcessingShare }, draws(0, 0, draw));
    expect(share(0.5, "500", 0.4)?.afterProcessing).toBe(true);
    expect(share(0.5, "500", 0.6)?.afterProcessing).toBe(false);
    expect(share(1, "429", 0)?.afterProcessing).toBe(false);
    expect(
      pickFault({ failRate: 1, mix: { timeout: 1 } }, draws(0, 0, 0.24))?.afterProcessing,
    ).toBe(true);
  });
});

describe("drawn faults", () => {
  it("answers 429 with Retry-After before doing anything, up to a year of it", async () => {
    emulator.setFaults({ failRate: 1, mix: { "429": 1 }, retryAfterSeconds: 31_536_000 });
    const response = await client.call("POST", SUBMIT, RECORD);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("31536000");
    expect(emulator.registrations()).toEqual([]);
    expect(() => emulator.setFaults({ retryAfterSeconds: 31_536_001 })).toThrow(
      /retryAfterSeconds/,
    );
  });

  it("fails with 500 or 503 before or after storing the record", async () => {
    emulator.setFaults({ failRate: 1, mix: { "503": 1 }, postProcessingShare: 0 });
    expect((await client.call("POST", SUBMIT, RECORD)).status).toBe(503);
    expect(emulator.registrations()).toEqual([]);
    emulator.setFaults({ failRate: 1, mix: { "500": 1 }, postProcessingShare: 1 });
    expect((await client.call("POST", SUBMIT, RECORD)).status).toBe(500);
    expect(emulator.registrations()).toHaveLength(1);
    expect(emulator.received().stats.faultsAfterProcessing).toBe(1);
  });

  it("drops the connection after storing: a retry with the same key gets the first reply", async () => {
    emulator.setFaults({ failRate: 1, mix: { drop: 1 }, postProcessingShare: 1 });
    const headers = { "idempotency-key": "reg-lost-reply" };
    await expect(client.call("POST", SUBMIT, RECORD, headers)).rejects.toThrow();
    expect(emulator.registrations()).toHaveLength(1);
    emulator.setFaults({});
    expect((await client.call("POST", SUBMIT, RECORD, headers)).status).toBe(202);
    const { deliveries, stats } = emulator.received();
    expect(deliveries).toHaveLength(1);
    expect(stats).toMatchObject({ replayed: 1, faults: { drop: 1 } });
  });

  it("holds a 'timeout' call past the client's patience", async () => {
    emulator.setFaults({ failRate: 1, mix: { timeout: 1 }, timeoutHoldMs: 5_000 });
    const started = Date.now();
    const call = fetch(`${emulator.url}/oauth/token`, {
      method: "POST",
      signal: AbortSignal.timeout(300),
    });
    await expect(call).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("adds latency, and resets connections while down", async () => {
    emulator.setFaults({ latencyMs: 150 });
    const started = Date.now();
    expect((await client.getToken()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    emulator.setFaults({ down: true });
    await expect(client.getToken()).rejects.toThrow();
    expect(emulator.received().stats.faults.down).toBe(1);
  });

  it("fails about failRate of the calls with the mix asked for", async () => {
    // Without a socket: 300 calls in a blink.
    const { app } = createHd4dpEmulatorApp({
      seed: 7,
      faults: { failRate: 0.3, mix: { "500": 1, "503": 1, "429": 1 } },
    });
    const caller = clientOf(async (request) => app.fetch(request), APP_BASE);
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await caller.getToken()).status);
    const failed = statuses.filter((s) => s !== 200);
    expect(failed.length).toBeGreaterThan(60);
    expect(failed.length).toBeLessThan(120);
    expect(new Set(failed)).toEqual(new Set([500, 503, 429]));
  });

  it("takes faults over HTTP, refuses invalid ones, and never faults /_emulator", async () => {
    const set = (body: string) =>
      fetch(`${emulator.url}/_emulator/faults`, { method: "POST", body });
    const bad = await set('{"failRate":2}');
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/failRate/);
    expect((await set("{")).status).toBe(400);
    expect((await set('{"down":true}')).status).toBe(200);
    expect(await (await fetch(`${emulator.url}/_emulator/faults`)).json()).toEqual({ down: true });
    expect((await fetch(`${emulator.url}/_emulator/received`)).status).toBe(200);
    expect((await set("{}")).status).toBe(200);
    await client.call("POST", SUBMIT, RECORD);
    const reset = await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" });
    expect(reset.status).toBe(200);
    expect(emulator.registrations()).toEqual([]);
    const unknown = await fetch(`${emulator.url}/_emulator/nothing`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).message).toMatch(/POST \/_emulator\/withdraw/);
  });
});

describe("always-on fault modes", () => {
  it("redirects every registry call to another origin while `redirect` is on", async () => {
    const { app, client: c, control } = await appClient();
    control.setFaults({ redirect: true });
    const response = await c.call("POST", SUBMIT, RECORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${REDIRECT_ORIGIN}${SUBMIT}`);
    const token = await app.fetch(new Request(`${APP_BASE}/oauth/token`, { method: "POST" }));
    expect(token.headers.get("location")).toBe(`${REDIRECT_ORIGIN}/oauth/token`);
    expect(control.registrations()).toEqual([]);
    expect(control.received().stats.faults.redirect).toBe(2);
    control.setFaults({ redirect: true, redirectOrigin: "http://127.0.0.1:9" });
    const elsewhere = await c.call("POST", SUBMIT, RECORD);
    expect(elsewhere.headers.get("location")).toBe(`http://127.0.0.1:9${SUBMIT}`);
  });

  it("answers a 200 HTML login page while `html200` is on", async () => {
    const { client: c, control } = await appClient();
    control.setFaults({ html200: true });
    for (const response of [await c.getToken(), await c.call("POST", SUBMIT, RECORD)]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toMatch(/<form/);
    }
    expect(control.registrations()).toEqual([]);
  });

  it("answers 403 while `forbidden` is on, and until `forbiddenUntil`", async () => {
    const { client: c, control } = await appClient();
    control.setFaults({ forbidden: true });
    const forbidden = await c.call("GET", LIST);
    expect(forbidden.status).toBe(403);
    expect(ErrorReplySchema.safeParse(await forbidden.json()).success).toBe(true);
    control.setFaults({ forbiddenUntil: Date.now() + 3_600_000 });
    expect((await c.call("POST", SUBMIT, RECORD)).status).toBe(403);
    expect((await c.getToken()).status).toBe(403);
    control.setFaults({ forbiddenUntil: Date.now() - 1 });
    expect((await c.call("POST", SUBMIT, RECORD)).status).toBe(202);
    expect(control.received().stats.faults.forbidden).toBe(3);
  });

  it("refuses the client's credentials and every bearer token while `refuseCredentials` is on", async () => {
    const { client: c, control } = await appClient();
    control.setFaults({ refuseCredentials: true });
    const token = await c.getToken();
    expect(token.status).toBe(401);
    expect(await token.json()).toMatchObject({ error: "invalid_client" });
    // Even the token issued before: the client cannot work around it by renewing.
    for (const refused of [
      await c.call("POST", SUBMIT, RECORD),
      await c.call("GET", LIST),
      await c.call("GET", `/proxy${ORGANIZATIONS_PATH}`),
    ]) {
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(ErrorReplySchema.safeParse(await refused.json()).success).toBe(true);
    }
    expect(control.registrations()).toEqual([]);
    expect(control.received().stats).toMatchObject({
      faults: { refuseCredentials: 4 },
      tokensIssued: 1,
      unauthorized: 0,
    });
    control.setFaults({});
    expect((await c.getToken()).status).toBe(200);
    expect((await c.call("POST", SUBMIT, RECORD)).status).toBe(202);
  });

  it("answers 404 on every /proxy path while `notFoundRoot` is on; the token endpoint still works", async () => {
    const { client: c, control } = await appClient({ faults: { notFoundRoot: true } });
    expect((await c.getToken()).status).toBe(200);
    for (const path of [
      SUBMIT,
      LIST,
      `/proxy${ORGANIZATIONS_PATH}`,
      `/proxy${menuStructurePath()}`,
    ]) {
      const response = await c.call("GET", path);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    }
    expect(control.received().stats.faults.notFoundRoot).toBe(4);
  });

  it("accepts submissions with an empty business key, storing nothing, while `emptyBusinessKey` is on", async () => {
    const { client: c, control } = await appClient({ faults: { emptyBusinessKey: true } });
    const response = await c.call("POST", SUBMIT, RECORD);
    expect(response.status).toBe(202);
    expect(SubmitReplySchema.parse(await response.json())).toEqual({ businessKey: "" });
    expect((await c.call("PUT", correction("0123456789abcdef"), RECORD)).status).toBe(202);
    // Only the submit call: the rest of the API answers as usual.
    expect(await c.list()).toEqual([]);
    expect(control.registrations()).toEqual([]);
    expect(control.received().deliveries).toEqual([]);
  });

  it("takes every mode from POST /_emulator/faults and refuses unknown switches", async () => {
    const { app } = createHd4dpEmulatorApp();
    const set = (faults: unknown) =>
      app.fetch(
        new Request(`${APP_BASE}/_emulator/faults`, {
          method: "POST",
          body: JSON.stringify(faults),
        }),
      );
    const all = {
      redirect: true,
      redirectOrigin: "https://proxy.hospital.example:8443",
      html200: true,
      forbidden: true,
      forbiddenUntil: 1_900_000_000_000,
      refuseCredentials: true,
      notFoundRoot: true,
      emptyBusinessKey: true,
    };
    expect(await (await set(all)).json()).toEqual(all);
    expect((await set({ teapot: true })).status).toBe(400);
    expect((await set({ forbiddenUntil: -1 })).status).toBe(400);
    expect((await set({ redirectOrigin: "https://elsewhere.example/login" })).status).toBe(400);
  });
});

describe("the app without a socket (workerd)", () => {
  it("marks socket faults on its reply for the transport to play", async () => {
    const { app } = createHd4dpEmulatorApp({
      faults: { failRate: 1, mix: { timeout: 1 }, postProcessingShare: 0, timeoutHoldMs: 1_234 },
    });
    const response = await app.fetch(new Request(`${APP_BASE}/oauth/token`, { method: "POST" }));
    expect(socketFaultOf(response)).toEqual({ kind: "timeout", holdMs: 1_234 });
    expect(socketFaultOf(new Response("fine", { status: 599 }))).toBeUndefined();
  });

  it("emulatorFetch turns drop and down into a lost connection, as fetch does", async () => {
    const { client: c, control } = await appClient();
    control.setFaults({ failRate: 1, mix: { drop: 1 }, postProcessingShare: 1 });
    const lost = c.call("POST", SUBMIT, RECORD, { "idempotency-key": "reg-1" });
    await expect(lost).rejects.toThrow(new TypeError("Network connection lost"));
    expect(control.registrations()).toHaveLength(1); // stored before the reply was lost
    control.setFaults({ down: true });
    await expect(c.getToken()).rejects.toThrow(new TypeError("Network connection lost"));
    expect(control.received().stats.faults).toMatchObject({ drop: 1, down: 1 });
  });

  it("emulatorFetch holds a 'timeout' until the caller's signal aborts, then rejects with its reason", async () => {
    const { app } = createHd4dpEmulatorApp({
      faults: { failRate: 1, mix: { timeout: 1 }, timeoutHoldMs: 10_000 },
    });
    const token = () => new Request(`${APP_BASE}/oauth/token`, { method: "POST" });
    const started = Date.now();
    const held = emulatorFetch(app, token(), AbortSignal.timeout(100));
    await expect(held).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(2_000);
    const controller = new AbortController();
    controller.abort(new Error("given up"));
    await expect(emulatorFetch(app, token(), controller.signal)).rejects.toThrow("given up");
    const short = createHd4dpEmulatorApp({
      faults: { failRate: 1, mix: { timeout: 1 }, timeoutHoldMs: 10 },
    });
    await expect(emulatorFetch(short.app, token())).rejects.toThrow("Network connection lost");
  });

  it("emulatorFetch rejects on abort even while the app is still busy", async () => {
    const { app } = createHd4dpEmulatorApp({ faults: { latencyMs: 3_000 } });
    const started = Date.now();
    const request = new Request(`${APP_BASE}/oauth/token`, { method: "POST" });
    await expect(emulatorFetch(app, request, AbortSignal.timeout(100))).rejects.toMatchObject({
      name: "TimeoutError",
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("answers its own failure with a 500 and logs the error's name only", async () => {
    const lines: string[] = [];
    const store = {
      load: () => undefined,
      save: () => {
        throw new Error(`disk full while writing ${NISS}`);
      },
    };
    const { client: c } = await appClient({ store, log: (line) => lines.push(line) });
    const response = await c.call("POST", SUBMIT, RECORD);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "emulator error" });
    expect(lines).toContain("emulator error: Error");
    expect(lines.join("\n")).not.toContain(NISS);
  });
});

describe("CLI", () => {
  /** Starts main.ts; resolves with its URL once it listens. */
  async function startCli(...args: string[]) {
    const main = join(REPO_ROOT, "scripts", "hd4dp-emulator", "main.ts");
    const child = spawn(process.execPath, [main, "--port", "0", ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const output: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`main.ts exited with ${code}`)));
      createInterface({ input: child.stdout }).on("line", (line) => {
        output.push(line);
        const found = /emulator on (http:\/\/\S+)/.exec(line)?.[1];
        if (found) resolve(found);
      });
    });
    return {
      url,
      output,
      stop: async () => {
        child.kill("SIGTERM");
        const [code] = await once(child, "exit");
        return code as number;
      },
    };
  }

  it("starts with faults from flags, logs no patient data, and stops on SIGTERM", async () => {
    const cli = await startCli("--fail-rate", "1", "--mix", "503=1", "--retry-after", "7");
    const response = await fetch(`${cli.url}${SUBMIT}`, {
      method: "POST",
      body: JSON.stringify(RECORD),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("7");
    const faults = await (await fetch(`${cli.url}/_emulator/faults`)).json();
    expect(faults).toEqual({ failRate: 1, mix: { "503": 1 }, retryAfterSeconds: 7 });
    expect(await cli.stop()).toBe(0);
    expect(cli.output.join("\n")).not.toContain(NISS);
  });

  it("--reset starts from an empty state file; mode flags, --forbidden-until with a date", async () => {
    const dir = temporaryDirectory();
    const stateFile = join(dir, "state.json");
    try {
      const before = await startHd4dpEmulator({ port: 0, stateFile });
      const c = clientOf((request) => fetch(request), before.url);
      await c.login();
      const sent = await c.submit(RECORD);
      await before.close();
      const until = "2100-01-01T00:00:00Z";
      const cli = await startCli(
        ...["--state-file", stateFile, "--reset", "--forbidden-until", until],
        ...["--refuse-credentials", "--redirect", "--redirect-origin", "http://127.0.0.1:9"],
      );
      try {
        expect(cli.output.join("\n")).toMatch(/--reset/);
        expect(await (await fetch(`${cli.url}/_emulator/registrations`)).json()).toEqual([]);
        const faults = await (await fetch(`${cli.url}/_emulator/faults`)).json();
        expect(faults).toEqual({
          forbiddenUntil: Date.parse(until),
          refuseCredentials: true,
          redirect: true,
          redirectOrigin: "http://127.0.0.1:9",
        });
      } finally {
        expect(await cli.stop()).toBe(0);
      }
      // A new secret too: the same record no longer gets the same key.
      const after = await startHd4dpEmulator({ port: 0, stateFile });
      try {
        const again = clientOf((request) => fetch(request), after.url);
        await again.login();
        expect((await again.submit(RECORD)).businessKey).not.toBe(sent.businessKey);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
