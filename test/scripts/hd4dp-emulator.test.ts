// The local HD4DP emulator speaks the contract the worker's client relies on
// (worker/src/registry/hd4dp-contract.ts): replies are parsed here with the contract's own
// schemas, so the two cannot drift apart silently.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createDefinitionReplies } from "../../scripts/hd4dp-emulator/create-definition-replies.ts";
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
  StatusReplySchema,
  SubmitReplySchema,
  TokenReplySchema,
} from "../../worker/src/registry/hd4dp-contract.ts";

const NISS = "93051822361";
const PATIENT = { IDC_PAT: NISS, D_PAT_DOB: "1993-05-18", TX_PAT_LAST_NAM: "Peeters" };
const RECORD = { ...PATIENT, D_SURG: "2025-03-04", CD_HPIN: "12345625580", CD_URGENCY: "1" };
const REGISTRATIONS = "/proxy/api/dcd/SPIN_SURG/registrations";

let emulator: Hd4dpEmulator;
let token: string;

async function getToken(secret = "local-dev-secret"): Promise<Response> {
  return fetch(`${emulator.url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: "local-dev-client",
      client_secret: secret,
    }),
  });
}

function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${emulator.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

beforeAll(async () => {
  emulator = await startHd4dpEmulator({ port: 0, seed: 42 });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  emulator.reset();
  emulator.setFaults({});
  const reply = TokenReplySchema.parse(await (await getToken()).json());
  token = reply.access_token;
});

describe("token endpoint (OAuth2 client credentials)", () => {
  it("issues an expiring bearer token for the dev credentials", async () => {
    const response = await getToken();
    expect(response.status).toBe(200);
    const reply = TokenReplySchema.parse(await response.json());
    expect(reply.token_type).toBe("Bearer");
    expect(reply.expires_in).toBe(3600);
  });

  it("refuses a wrong secret with 401 and an unsupported grant with 400", async () => {
    const wrong = await getToken("guess");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ message: expect.any(String) });
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
        authorization: `Basic ${Buffer.from("local-dev-client:local-dev-secret").toString("base64")}`,
      },
      body: "grant_type=client_credentials",
    });
    expect(response.status).toBe(200);
  });

  it("answers 401 without a token, with an expired one, and after expireTokens()", async () => {
    expect((await call("POST", REGISTRATIONS, RECORD, { authorization: "" })).status).toBe(401);
    const short = await startHd4dpEmulator({ port: 0, tokenTtlSeconds: 1 });
    try {
      const { access_token } = TokenReplySchema.parse(
        await (
          await fetch(`${short.url}/oauth/token`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: "grant_type=client_credentials&client_id=local-dev-client&client_secret=local-dev-secret",
          })
        ).json(),
      );
      const submit = () =>
        fetch(`${short.url}${REGISTRATIONS}`, {
          method: "POST",
          headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
          body: JSON.stringify(RECORD),
        });
      expect((await submit()).status).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const expired = await submit();
      expect(expired.status).toBe(401);
      expect(expired.headers.get("www-authenticate")).toMatch(/^Bearer/);
    } finally {
      await short.close();
    }
    emulator.expireTokens();
    expect((await call("POST", REGISTRATIONS, RECORD)).status).toBe(401);
  });
});

describe("registrations", () => {
  it("submits a record: 202 with a hashed business key and an HD4DP-shaped code", async () => {
    const response = await call("POST", REGISTRATIONS, RECORD);
    expect(response.status).toBe(202);
    const reply = SubmitReplySchema.parse(await response.json());
    expect(reply.businessKey).toMatch(/^[0-9a-f]{16}$/);
    expect(reply.registrationCode).toMatch(/^\d{3}\.\d{2}\.\d{6}\.\d{2}$/);
    const status = await call("GET", `${REGISTRATIONS}/${reply.businessKey}`);
    const body = await status.json();
    expect(StatusReplySchema.safeParse(body).success).toBe(true);
    expect(body).toEqual({
      businessKey: reply.businessKey,
      registrationCode: reply.registrationCode,
      status: "sent",
      version: 1,
    });
  });

  it("keys registrations with a per-emulator secret: a NISS cannot be recomputed from the key", async () => {
    const { businessKey } = SubmitReplySchema.parse(
      await (await call("POST", REGISTRATIONS, RECORD)).json(),
    );
    // What an unkeyed hash of the same material would give: anyone could test NISS guesses.
    const material = [NISS, RECORD.D_SURG, RECORD.CD_HPIN].join("\n");
    const unkeyed = createHash("sha256").update(material).digest("hex").slice(0, 16);
    expect(businessKey).not.toBe(unkeyed);
    const other = await startHd4dpEmulator({ port: 0 });
    try {
      const form =
        "grant_type=client_credentials&client_id=local-dev-client&client_secret=local-dev-secret";
      const { access_token } = TokenReplySchema.parse(
        await (
          await fetch(`${other.url}/oauth/token`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: form,
          })
        ).json(),
      );
      const elsewhere = SubmitReplySchema.parse(
        await (
          await fetch(`${other.url}${REGISTRATIONS}`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${access_token}`,
              "content-type": "application/json",
            },
            body: JSON.stringify(RECORD),
          })
        ).json(),
      );
      expect(elsewhere.businessKey).toMatch(/^[0-9a-f]{16}$/);
      expect(elsewhere.businessKey).not.toBe(businessKey);
    } finally {
      await other.close();
    }
  });

  it("treats a resubmission of a known business key as a correction, not a duplicate", async () => {
    const first = SubmitReplySchema.parse(await (await call("POST", REGISTRATIONS, RECORD)).json());
    // The NISS with separators is the same patient (domain.md §2 accepts both forms).
    const again = { ...RECORD, IDC_PAT: "93.05.18-223.61", CD_URGENCY: "2" };
    const second = SubmitReplySchema.parse(await (await call("POST", REGISTRATIONS, again)).json());
    expect(second).toEqual(first);
    const put = await call("PUT", `${REGISTRATIONS}/${first.businessKey}`, RECORD);
    expect(put.status).toBe(202);
    expect(SubmitReplySchema.parse(await put.json())).toEqual(first);
    const status = await (await call("GET", `${REGISTRATIONS}/${first.businessKey}`)).json();
    expect(status).toMatchObject({ status: "sent", version: 3 });
    const registrations = emulator.registrations();
    expect(registrations).toHaveLength(1);
    expect(registrations[0]?.payload.CD_URGENCY).toBe("1"); // the newest version counts
    expect(emulator.received().deliveries.map((d) => d.version)).toEqual([1, 2, 3]);
  });

  it("keys a patient without NISS by names and birth date, ignoring case", async () => {
    const foreign = {
      TX_PAT_LAST_NAM: "Dubois",
      TX_PAT_FIRST_NAM: "Anna",
      D_PAT_DOB: "1980-01-02",
      D_SURG: "2025-03-04",
      CD_HPIN: "12345625580",
    };
    const a = SubmitReplySchema.parse(await (await call("POST", REGISTRATIONS, foreign)).json());
    const upper = { ...foreign, TX_PAT_LAST_NAM: " DUBOIS " };
    const b = SubmitReplySchema.parse(await (await call("POST", REGISTRATIONS, upper)).json());
    expect(b.businessKey).toBe(a.businessKey);
    const other = SubmitReplySchema.parse(
      await (await call("POST", REGISTRATIONS, { ...foreign, D_SURG: "2025-03-05" })).json(),
    );
    expect(other.businessKey).not.toBe(a.businessKey);
  });

  it("creates an Open record for a draft, with an empty business key", async () => {
    const response = await call("POST", REGISTRATIONS, { ...RECORD, STATUS: "draft" });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ businessKey: "" });
    expect(emulator.registrations()).toMatchObject([{ status: "open", businessKey: "" }]);
  });

  it("answers 404 to a correction or a read of an unknown business key", async () => {
    expect((await call("PUT", `${REGISTRATIONS}/0123456789abcdef`, RECORD)).status).toBe(404);
    const read = await call("GET", `${REGISTRATIONS}/0123456789abcdef`);
    expect(read.status).toBe(404);
    expect(await read.json()).toMatchObject({ message: expect.any(String) });
  });

  it("refuses a correction whose business-key fields changed (the registry would keep both)", async () => {
    const { businessKey } = SubmitReplySchema.parse(
      await (await call("POST", REGISTRATIONS, RECORD)).json(),
    );
    const moved = await call("PUT", `${REGISTRATIONS}/${businessKey}`, {
      ...RECORD,
      D_SURG: "2025-03-05",
    });
    expect(moved.status).toBe(409);
  });

  it("marks a registration deleted", async () => {
    const { businessKey } = SubmitReplySchema.parse(
      await (await call("POST", REGISTRATIONS, RECORD)).json(),
    );
    expect((await call("DELETE", `${REGISTRATIONS}/${businessKey}`)).status).toBe(202);
    const status = await (await call("GET", `${REGISTRATIONS}/${businessKey}`)).json();
    expect(StatusReplySchema.parse(status).status).toBe("deleted");
  });

  it("answers bad input with 4xx and a JSON message that never quotes the body", async () => {
    const malformed = await call("POST", REGISTRATIONS, `{"IDC_PAT":"${NISS}"`);
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(JSON.parse(text)).toEqual({ message: expect.stringMatching(/malformed JSON/) });
    expect(text).not.toContain(NISS);
    expect((await call("POST", REGISTRATIONS, "[1,2]")).status).toBe(400);
    const missing = await call("POST", REGISTRATIONS, { IDC_PAT: NISS });
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toMatch(/D_SURG, CD_HPIN/);
    const notJson = await call("POST", REGISTRATIONS, "x", { "content-type": "text/plain" });
    expect(notJson.status).toBe(415);
    expect((await call("GET", REGISTRATIONS)).status).toBe(405);
    expect((await call("GET", "/proxy/api/other")).status).toBe(404);
    expect(emulator.received().deliveries).toEqual([]);
  });

  it("replays the first reply for a repeated Idempotency-Key without a second delivery", async () => {
    const headers = { "idempotency-key": "reg-1" };
    const first = await (await call("POST", REGISTRATIONS, RECORD, headers)).json();
    const again = await call("POST", REGISTRATIONS, RECORD, headers);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual(first);
    const { deliveries, stats } = emulator.received();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ idempotencyKey: "reg-1", version: 1, method: "POST" });
    expect(stats.replayed).toBe(1);
  });

  it("masks patient identifiers in what it keeps for inspection", async () => {
    await call("POST", REGISTRATIONS, RECORD, { "idempotency-key": "k" });
    const inspected = JSON.stringify([
      emulator.received(),
      emulator.registrations(),
      await (await fetch(`${emulator.url}/_emulator/received`)).json(),
      await (await fetch(`${emulator.url}/_emulator/registrations`)).json(),
    ]);
    for (const secret of [NISS, "1993-05-18", "Peeters"]) expect(inspected).not.toContain(secret);
    expect(emulator.received().deliveries[0]?.payload).toMatchObject({
      IDC_PAT: "***",
      D_SURG: "2025-03-04",
    });
  });
});

describe("definition reads (shared-schema/src/s2s/hd4dp-definition-contract.ts)", () => {
  const get = async <S extends z.ZodType>(path: string, schema: S) => {
    const response = await call("GET", `/proxy${path}`);
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
    expect((await call("GET", path, undefined, { authorization: "" })).status).toBe(401);
    expect((await call("POST", path, {})).status).toBe(405);
    for (const bad of [
      "/api/dcd/payload/definition?dcd-id=SPIN_SURG&version=0.1.0",
      "/api/dcd/translations?dcd-id=SPIN_SURG&version=0.1.0&language-id=it",
      "/api/dcd/field?field-id=first",
    ]) {
      const response = await call("GET", `/proxy${bad}`);
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(/missing or malformed/);
    }
    for (const unknown of [
      payloadDefinitionPath("SPIN_SURG", "9.0.0", "en"),
      fieldPath(99_999),
      codelistPath(99_999),
    ]) {
      expect((await call("GET", `/proxy${unknown}`)).status).toBe(404);
    }
  });

  it("refuses to publish a DCD whose items have no S2S id", () => {
    expect(() => createDefinitionReplies([{ ...SPIN_SURG, id: "OTHER" }])).toThrow(
      /OTHER 0\.1\.0: no S2S id for SEX 248153007/,
    );
  });
});

describe("fault switches", () => {
  it("answers 429 with Retry-After before doing anything", async () => {
    emulator.setFaults({ failRate: 1, mix: { "429": 1 }, retryAfterSeconds: 1 });
    const response = await call("POST", REGISTRATIONS, RECORD);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(emulator.registrations()).toEqual([]);
  });

  it("fails with 500 or 503 before or after storing the record", async () => {
    emulator.setFaults({ failRate: 1, mix: { "503": 1 }, postProcessingShare: 0 });
    expect((await call("POST", REGISTRATIONS, RECORD)).status).toBe(503);
    expect(emulator.registrations()).toEqual([]);
    emulator.setFaults({ failRate: 1, mix: { "500": 1 }, postProcessingShare: 1 });
    expect((await call("POST", REGISTRATIONS, RECORD)).status).toBe(500);
    expect(emulator.registrations()).toHaveLength(1);
    expect(emulator.received().stats.faultsAfterProcessing).toBe(1);
  });

  it("drops the connection after storing: a retry with the same key gets the first reply", async () => {
    emulator.setFaults({ failRate: 1, mix: { drop: 1 }, postProcessingShare: 1 });
    const headers = { "idempotency-key": "reg-lost-reply" };
    await expect(call("POST", REGISTRATIONS, RECORD, headers)).rejects.toThrow();
    expect(emulator.registrations()).toHaveLength(1);
    emulator.setFaults({});
    const retry = await call("POST", REGISTRATIONS, RECORD, headers);
    expect(retry.status).toBe(202);
    const { deliveries, stats } = emulator.received();
    expect(deliveries).toHaveLength(1);
    expect(stats).toMatchObject({ replayed: 1, faults: { drop: 1 } });
  });

  it("holds a 'timeout' call past the client's patience", async () => {
    emulator.setFaults({ failRate: 1, mix: { timeout: 1 }, timeoutHoldMs: 5_000 });
    const started = Date.now();
    const call1 = fetch(`${emulator.url}/oauth/token`, {
      method: "POST",
      signal: AbortSignal.timeout(300),
    });
    await expect(call1).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("adds latency, and resets connections while down", async () => {
    emulator.setFaults({ latencyMs: 150 });
    const started = Date.now();
    expect((await getToken()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    emulator.setFaults({ down: true });
    await expect(getToken()).rejects.toThrow();
    expect(emulator.received().stats.faults.down).toBe(1);
  });

  it("fails about failRate of the calls with the mix asked for", async () => {
    emulator.setFaults({ failRate: 0.3, mix: { "500": 1, "503": 1, "429": 1 } });
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await getToken()).status);
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
    await call("POST", REGISTRATIONS, RECORD);
    const reset = await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" });
    expect(reset.status).toBe(200);
    expect(emulator.registrations()).toEqual([]);
  });
});

describe("CLI", () => {
  it("starts with faults from flags, logs no patient data, and stops on SIGTERM", async () => {
    const main = join(REPO_ROOT, "scripts", "hd4dp-emulator", "main.ts");
    const args = [main, "--port", "0", "--fail-rate", "1", "--mix", "503=1", "--retry-after", "7"];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    const lines = createInterface({ input: child.stdout });
    const output: string[] = [];
    const url = await new Promise<string>((resolve) => {
      lines.on("line", (line) => {
        output.push(line);
        const found = /emulator on (http:\/\/\S+)/.exec(line)?.[1];
        if (found) resolve(found);
      });
    });
    const response = await fetch(`${url}${REGISTRATIONS}`, {
      method: "POST",
      body: JSON.stringify(RECORD),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("7");
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(output.join("\n")).not.toContain(NISS);
  });
});
