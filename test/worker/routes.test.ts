// Every route and every error status of the API, in workerd, through the default export.

import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES } from "../../worker/src/middleware/json-body.ts";
import { ALLOWED_ORIGIN, call, callWithEnv, expectProblem, TOKENS } from "./support/api.ts";
import { VALID_RECORD } from "./support/records.ts";
import { TEST_BINDINGS } from "./support/test-bindings.ts";

describe("GET /healthz", () => {
  it("answers ok with the DCD version, without a token", async () => {
    const response = await call("/healthz", { token: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", dcdVersion: "0.1.0" });
  });
});

describe("GET /openapi.json", () => {
  it("documents every mounted route and method", async () => {
    const { createApp } = await import("../../worker/src/app.ts");
    const response = await call("/openapi.json", { token: null });
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, object> };
    expect(doc.openapi).toBe("3.1.0");
    const routes = createApp()
      .routes.filter((r) => r.method !== "ALL")
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((k) => k !== "parameters")
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    // If this fails: add the route to worker/src/routes/openapi.ts.
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
  });

  it("carries the record's JSON Schema from the compiled DCD", async () => {
    const doc = (await (await call("/openapi.json")).json()) as {
      paths: Record<
        string,
        {
          post?: {
            requestBody: {
              content: Record<
                string,
                { schema: { properties: Record<string, { properties?: object }> } }
              >;
            };
          };
        }
      >;
    };
    const schema = doc.paths["/v1/validate"]?.post?.requestBody.content["application/json"]?.schema;
    expect(Object.keys(schema?.properties.record?.properties ?? {})).toContain("IDC_PAT");
  });
});

describe("GET /v1/dcd", () => {
  it("returns the DCD with an ETag, and 304 when it did not change", async () => {
    const response = await call("/v1/dcd");
    expect(response.status).toBe(200);
    const dcd = (await response.json()) as { id: string; version: string };
    expect(dcd).toMatchObject({ id: "SPIN_SURG", version: "0.1.0" });
    const etag = response.headers.get("ETag");
    expect(etag).toMatch(/^"SPIN_SURG-0\.1\.0-[0-9a-f]{32}"$/);
    const again = await call("/v1/dcd", { headers: { "If-None-Match": etag ?? "" } });
    expect(again.status).toBe(304);
    const other = await call("/v1/dcd", { headers: { "If-None-Match": '"other"' } });
    expect(other.status).toBe(200);
  });
});

describe("POST /v1/eligibility", () => {
  it("decides each code in the caller's language", async () => {
    const response = await call("/v1/eligibility", {
      body: { codes: ["224674", "12345", "281116"] },
      headers: { "Accept-Language": "nl-BE,nl;q=0.9" },
    });
    expect(response.status).toBe(200);
    const { decisions } = (await response.json()) as {
      decisions: { code: string; decision: string; reason: string }[];
    };
    expect(decisions.map((d) => [d.code, d.decision])).toEqual([
      ["224674", "exempt"],
      ["12345", "unknown"],
      ["281116", expect.any(String)],
    ]);
    expect(decisions[1]?.reason).toContain("nomenclatuurcode");
  });

  it("refuses a body of the wrong shape with 422 and issues", async () => {
    const problem = await expectProblem(
      await call("/v1/eligibility", { body: { codes: "224674" } }),
      422,
    );
    expect(problem.type).toBe("urn:spine-reg:problem:request_invalid");
    expect(problem.issues).toEqual([expect.objectContaining({ field: "codes" })]);
  });
});

describe("POST /v1/validate", () => {
  it("accepts the valid record", async () => {
    const response = await call("/v1/validate", { body: { record: VALID_RECORD } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ valid: true, issues: [] });
  });

  it("reports issues in French for Accept-Language fr", async () => {
    const response = await call("/v1/validate", {
      body: { record: { ...VALID_RECORD, IDC_PAT: "93051822362" } },
      headers: { "Accept-Language": "fr-BE" },
    });
    const result = (await response.json()) as {
      valid: boolean;
      issues: { field: string; message: string }[];
    };
    expect(result.valid).toBe(false);
    const issue = result.issues.find((i) => i.field === "IDC_PAT");
    expect(issue?.message).toMatch(/[éèà]|NISS|numéro/i);
  });

  it("relaxes required fields for a draft", async () => {
    const record = { IDC_PAT: VALID_RECORD.IDC_PAT };
    const asDraft = (await (
      await call("/v1/validate", { body: { record, status: "draft" } })
    ).json()) as { valid: boolean };
    const asSubmit = (await (await call("/v1/validate", { body: { record } })).json()) as {
      valid: boolean;
    };
    expect([asDraft.valid, asSubmit.valid]).toEqual([true, false]);
  });
});

describe("POST /v1/exports/hd4dp-csv", () => {
  it("returns an HD4DP CSV file", async () => {
    const response = await call("/v1/exports/hd4dp-csv", { body: { records: [VALID_RECORD] } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="SPIN_SURG-/,
    );
    const [header, row] = (await response.text()).split("\r\n");
    expect(header?.split(";")).toContain("IDC_PAT");
    expect(row).toContain("02/03/2026");
  });

  it("refuses invalid records with their index and issues", async () => {
    const bad = { ...VALID_RECORD, D_SURG: undefined };
    const problem = await expectProblem(
      await call("/v1/exports/hd4dp-csv", { body: { records: [VALID_RECORD, bad] } }),
      422,
    );
    expect(problem.issues).toContainEqual(expect.objectContaining({ record: 1, field: "D_SURG" }));
  });

  it("checks a STATUS=draft row as a draft, as the CLI does", async () => {
    // HD4DP makes such a row an Open record to complete there (docs/domain.md §2).
    const draft = { IDC_PAT: VALID_RECORD.IDC_PAT, STATUS: "draft" };
    const response = await call("/v1/exports/hd4dp-csv", { body: { records: [draft] } });
    expect(response.status).toBe(200);
    const [header, row] = (await response.text()).split("\r\n");
    expect(header?.split(";")).toContain("STATUS");
    expect(row).toContain("draft");
    // Without STATUS, the same row is a submission and misses its required fields.
    const submitted = { IDC_PAT: VALID_RECORD.IDC_PAT };
    const problem = await expectProblem(
      await call("/v1/exports/hd4dp-csv", { body: { records: [submitted] } }),
      422,
    );
    expect(problem.issues).toContainEqual(
      expect.objectContaining({ record: 0, field: "D_SURG", code: "required" }),
    );
  });
});

describe("errors", () => {
  it("404 for an unknown path, as problem+json", async () => {
    const problem = await expectProblem(await call("/v2/nothing"), 404);
    expect(problem.type).toBe("urn:spine-reg:problem:not_found");
  });

  it("405 with Allow for a known path and another method", async () => {
    const response = await call("/v1/eligibility", { method: "GET" });
    expect(response.headers.get("Allow")).toBe("POST");
    await expectProblem(response, 405);
    const del = await call("/healthz", { method: "DELETE", token: null });
    expect(del.headers.get("Allow")).toBe("GET, HEAD");
    await expectProblem(del, 405);
  });

  it("415 for a body that is not JSON", async () => {
    const response = await call("/v1/validate", {
      body: "record=1",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    await expectProblem(response, 415);
  });

  it("400 for malformed JSON, 400 for invalid UTF-8", async () => {
    await expectProblem(await call("/v1/validate", { body: '{"record": {' }), 400);
    const response = await call("/v1/validate", {
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    await expectProblem(response, 400);
  });

  it("413 for a body over 256 KiB, even without a Content-Length", async () => {
    const big = JSON.stringify({ record: { TX_IDC_PAT_INT: "x".repeat(BODY_LIMIT_BYTES) } });
    const problem = await expectProblem(await call("/v1/validate", { body: big }), 413);
    expect(problem.detail).toContain(String(BODY_LIMIT_BYTES));
    const stream = new Blob([big]).stream();
    const chunked = await call("/v1/validate", {
      body: stream,
    });
    await expectProblem(chunked, 413);
  });

  it("401 without a token, with a wrong one, with another scheme", async () => {
    for (const authorization of [undefined, "Bearer nope-nope-nope-nope", `Basic ${TOKENS.a}`]) {
      const response = await call("/v1/dcd", {
        token: null,
        headers: authorization ? { Authorization: authorization } : {},
      });
      expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      await expectProblem(response, 401);
    }
  });

  it("401 for a token that is a prefix or extension of a real one", async () => {
    for (const token of [TOKENS.a.slice(0, -1), `${TOKENS.a}x`]) {
      await expectProblem(await call("/v1/dcd", { token }), 401);
    }
  });

  it("403 for a valid token from an origin that is not allowed", async () => {
    const problem = await expectProblem(
      await call("/v1/dcd", { headers: { Origin: "https://evil.example" } }),
      403,
    );
    expect(problem.detail).toContain("https://evil.example");
  });

  it("429 past the per-token limit, with Retry-After", async () => {
    const headers = { Authorization: `Bearer ${TOKENS.b}` };
    const env = { RATE_LIMIT_PER_MINUTE: "3" };
    // The window is per isolate and per minute; a fresh token keeps this test independent.
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await callWithEnv(env, "/v1/dcd", { headers });
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(Number(last?.headers.get("Retry-After"))).toBeGreaterThan(0);
    if (last) await expectProblem(last, 429);
  });

  it("speaks the caller's language in problem bodies", async () => {
    const titles = [];
    for (const lang of ["fr", "nl", "de", "en"]) {
      const response = await call("/v1/dcd", { token: null, headers: { "Accept-Language": lang } });
      expect(response.headers.get("Content-Language")).toBe(lang);
      titles.push((await expectProblem(response, 401)).title);
    }
    expect(new Set(titles).size).toBe(4);
  });
});

describe("configuration errors", () => {
  it.each([
    ["REGISTRY_URL", { REGISTRY_URL: undefined }],
    ["REGISTRY_URL", { REGISTRY_URL: "not a url" }],
    ["ENCRYPTION_KEYS", { ENCRYPTION_KEYS: `k1:${btoa("too short")}` }],
    ["API_TOKENS", { API_TOKENS: "{not json" }],
    ["ALLOWED_ORIGINS", { ALLOWED_ORIGINS: "chrome-extension://*" }],
    ["ALLOWED_ORIGINS", { ALLOWED_ORIGINS: "https://*" }],
    ["ALLOWED_ORIGINS", { ALLOWED_ORIGINS: "moz-extension://*.example" }],
    ["RETRY_BASE_MS", { RETRY_BASE_MS: "fast" }],
  ])("answers 500 naming %s and how to fix it", async (variable, overrides) => {
    const response = await callWithEnv(overrides, "/healthz");
    const problem = await expectProblem(response, 500);
    expect(problem.type).toBe("urn:spine-reg:problem:config_invalid");
    expect(problem.detail).toContain(variable);
    expect(problem.detail).toMatch(/wrangler|\.dev\.vars/);
  });

  it("the test configuration itself is valid", async () => {
    expect((await callWithEnv(TEST_BINDINGS, "/healthz")).status).toBe(200);
  });
});

describe("CORS", () => {
  it("answers a preflight from an allowed origin with the CORS headers", async () => {
    const response = await call("/v1/registrations", {
      method: "OPTIONS",
      token: null,
      headers: {
        Origin: ALLOWED_ORIGIN,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type,idempotency-key",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get("Access-Control-Allow-Headers")).toMatch(/Idempotency-Key/);
  });

  it("adds the CORS header to responses for an allowed origin, errors included", async () => {
    const ok = await call("/v1/dcd", { headers: { Origin: ALLOWED_ORIGIN } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED_ORIGIN);
    const denied = await call("/v1/dcd", { token: null, headers: { Origin: ALLOWED_ORIGIN } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED_ORIGIN);
  });

  it("with moz-extension://* allowed, takes any Firefox extension and still no page", async () => {
    const firefox = "moz-extension://5c1f2a4e-0b7d-4c55-9a51-3a8f0f6d2b10";
    const env = { ALLOWED_ORIGINS: `${ALLOWED_ORIGIN},moz-extension://*` };
    const headers = (origin: string) => ({ Authorization: `Bearer ${TOKENS.a}`, Origin: origin });
    const ok = await callWithEnv(env, "/v1/dcd", { headers: headers(firefox) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Access-Control-Allow-Origin")).toBe(firefox);
    for (const origin of [
      "https://evil.example",
      "moz-extension://not-a-uuid",
      `${firefox}/path`,
      "chrome-extension://otherotherotherotherotherotherot",
    ]) {
      const denied = await callWithEnv(env, "/v1/dcd", { headers: headers(origin) });
      await expectProblem(denied, 403);
      expect(denied.headers.get("Access-Control-Allow-Origin")).toBeNull();
    }
    // Without the wildcard, a Firefox extension is refused like any other origin.
    await expectProblem(await call("/v1/dcd", { headers: { Origin: firefox } }), 403);
  });

  it("gives another origin no CORS header at all", async () => {
    for (const origin of [
      "https://evil.example",
      "chrome-extension://otherotherotherotherotherotherot",
    ]) {
      const preflight = await call("/v1/registrations", {
        method: "OPTIONS",
        token: null,
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
      });
      expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
      const get = await call("/healthz", { token: null, headers: { Origin: origin } });
      expect(get.headers.get("Access-Control-Allow-Origin")).toBeNull();
    }
  });
});
