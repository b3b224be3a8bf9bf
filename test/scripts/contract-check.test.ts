// `npm run contract-check` end to end: the command as a separate process, first against the
// HD4DP emulator (which speaks our contract, so every call is as assumed), then against a
// small HD4DP in front of it that answers some calls otherwise, as a real one may: the report
// must name each difference field by field and never quote a token or the draft's data.
import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYNTHETIC_DRAFT_RECORD } from "../../scripts/contract-check/synthetic-draft-record.ts";
import { EMULATED_ORGANIZATION } from "../../scripts/hd4dp-emulator/answer-definition-read.ts";
import {
  DEV_CLIENT_ID,
  DEV_CLIENT_SECRET,
  type Hd4dpEmulator,
  startHd4dpEmulator,
} from "../../scripts/hd4dp-emulator/start-hd4dp-emulator.ts";
import { findFreePort } from "../../scripts/lib/find-free-port.ts";
import { compileDcd } from "../../shared-schema/src/compile-dcd.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";

const MAIN = join(import.meta.dirname, "../../scripts/contract-check/main.ts");
const run = promisify(execFile);
const NISS = String(SYNTHETIC_DRAFT_RECORD.IDC_PAT);

async function contractCheck(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [MAIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A reply of the HD4DP in front of the emulator, given the request and its body. */
type Override = (body: string) => { status: number; type: string; text: string };

let emulator: Hd4dpEmulator;
let other: Server;
let otherUrl: string;
/** Path (without query) -> how the other HD4DP answers it; the rest goes to the emulator. */
const overrides = new Map<string, Override>();

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  const override = overrides.get(new URL(request.url ?? "/", otherUrl).pathname);
  if (override) {
    const { status, type, text } = override(body);
    response.writeHead(status, { "content-type": type }).end(text);
    return;
  }
  const headers = new Headers();
  for (const name of ["authorization", "content-type", "accept", "idempotency-key"]) {
    const value = request.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  const forwarded = await fetch(emulator.url + request.url, {
    method: request.method,
    headers,
    body: request.method === "GET" ? undefined : body,
  });
  response
    .writeHead(forwarded.status, { "content-type": forwarded.headers.get("content-type") ?? "" })
    .end(await forwarded.text());
}

const json = (status: number, value: unknown) => () => ({
  status,
  type: "application/json",
  text: JSON.stringify(value),
});

beforeAll(async () => {
  emulator = await startHd4dpEmulator({ port: 0, seed: 7 });
  other = createServer((request, response) => void answer(request, response));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  other.closeAllConnections();
  await new Promise<void>((resolve) => other.close(() => resolve()));
  await emulator.close();
});
beforeEach(() => {
  overrides.clear();
  emulator.reset();
});

const against = (url: string) => [
  "--base-url",
  `${url}/proxy`,
  "--organization",
  EMULATED_ORGANIZATION,
  "--token-url",
  `${url}/oauth/token`,
  "--client-id",
  DEV_CLIENT_ID,
  "--client-secret",
  DEV_CLIENT_SECRET,
];

describe("npm run contract-check", () => {
  it("finds the emulator as assumed, call by call, after one synthetic draft", async () => {
    const { code, stdout, stderr } = await contractCheck(...against(emulator.url));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("All 6 calls as assumed.");
    expect(lines.slice(0, -1)).toEqual([
      `✓ POST ${emulator.url}/oauth/token: as assumed`,
      "✓ GET /api/organizations: as assumed",
      `✓ GET /api/dcd/menu/structure?organization-id=${EMULATED_ORGANIZATION}: as assumed`,
      "✓ GET /api/dcd/payload/definition?dcd-id=SPIN_SURG&version=0.1.0&language-id=en: as assumed",
      expect.stringMatching(/^✓ GET \/api\/dcd\/submit\?.*&dcd-version-id=0\.1\.0&.*: as assumed$/),
      expect.stringMatching(
        /^✓ POST \/api\/dcd\/payload\/submit\?.*&data-src-type=API: as assumed$/,
      ),
    ]);
    const deliveries = emulator.received().deliveries;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      method: "POST",
      dcdId: "SPIN_SURG",
      dcdVersion: SPIN_SURG.version,
      status: "open",
      idempotencyKey: expect.stringMatching(/^contract-check-/),
    });
  });

  it("submits a record that is complete and valid under the bundled DCD", () => {
    const result = compileDcd(SPIN_SURG).validate(SYNTHETIC_DRAFT_RECORD, { today: "2026-06-15" });
    expect(result).toMatchObject({ valid: true, issues: [] });
  });

  it("exits 1 and names each difference field by field, never the draft's data", async () => {
    overrides.set("/proxy/api/organizations", json(200, [{ identifier: 1 }]));
    overrides.set("/proxy/api/dcd/menu/structure", () => ({
      status: 200,
      type: "text/html; charset=utf-8",
      text: "<html>Sign in</html>",
    }));
    // An HD4DP that echoes the NISS as a number where our contract assumes a business key.
    overrides.set(
      "/proxy/api/dcd/payload/submit",
      json(202, { key: "", businessKey: Number(NISS) }),
    );
    const { code, stdout } = await contractCheck(...against(otherUrl));
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    const linesFrom = (head: RegExp) => lines.slice(lines.findIndex((l) => head.test(l)));
    expect(linesFrom(/^✗ GET \/api\/organizations:/).slice(0, 3)).toEqual([
      "✗ GET /api/organizations: 1 difference",
      "  body[0].id: expected string or number, got nothing",
      "  note: body[].identifier is not in our contract",
    ]);
    expect(stdout).toContain(
      `✗ GET /api/dcd/menu/structure?organization-id=${EMULATED_ORGANIZATION}: the reply is not JSON (content-type "text/html; charset=utf-8")`,
    );
    expect(stdout).toMatch(/^✓ GET \/api\/dcd\/payload\/definition\?.*: as assumed$/m);
    expect(linesFrom(/^✗ POST \/api\/dcd\/payload\/submit\?/).slice(0, 3)).toEqual([
      expect.stringMatching(/: 1 difference$/),
      "  body.businessKey: expected string, got a number",
      "  note: body.key is not in our contract",
    ]);
    expect(stdout).toContain("3 of 6 calls differ from the contract we assume");
    expect(stdout).not.toContain(NISS);
  });

  it("reports a token reply by types only, and --json parses", async () => {
    const token = "987654321";
    overrides.set(
      "/oauth/token",
      json(200, { access_token: Number(token), token_type: "MAC", expires_in: "3600", scope: "x" }),
    );
    const { code, stdout } = await contractCheck(...against(otherUrl), "--json");
    expect(code).toBe(1);
    expect(stdout).not.toContain(token);
    const report = JSON.parse(stdout);
    expect(report.asAssumed).toBe(false);
    expect(report.checks).toHaveLength(6);
    expect(report.checks[0]).toEqual({
      call: `POST ${otherUrl}/oauth/token`,
      asAssumed: false,
      differences: [
        "body.access_token: expected string, got a number",
        "body.token_type: expected text matching /^bearer$/i, got a string of 3 characters",
        "body.expires_in: expected number, got a string of 4 characters",
      ],
      notes: ["body.scope is not in our contract"],
    });
    for (const check of report.checks.slice(1)) {
      expect(check).toMatchObject({ asAssumed: false, problem: "not checked: no access token" });
    }
  });

  it("says so when HD4DP cannot be reached", async () => {
    const closed = `http://127.0.0.1:${await findFreePort()}`;
    const { code, stdout } = await contractCheck(
      ...["--base-url", `${closed}/proxy`, "--organization", "x", "--token", "t"],
    );
    expect(code).toBe(1);
    expect(stdout).toContain("✗ GET /api/organizations: no connection (ECONNREFUSED)");
    expect(stdout).toContain("5 of 5 calls differ");
  });

  it("exits 2 with the usage for wrong arguments, 0 for --help", async () => {
    const base = ["--base-url", `${emulator.url}/proxy`, "--organization", "x"];
    for (const [args, message] of [
      [["--organization", "x", "--token", "t"], "--base-url and --organization are required."],
      [[...base, "--token", "t", "--client-id", "c"], "give either --token, or all of"],
      [[...base], "give either --token, or all of"],
      [
        ["--base-url", "hd4dp.example", "--organization", "x", "--token", "t"],
        "is not an http(s) URL",
      ],
      [[...base, "--token", "t", "--verbose"], "--verbose"],
    ] as const) {
      const { code, stdout, stderr } = await contractCheck(...args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain(message);
      expect(stderr).toContain("Usage:");
    }
    const help = await contractCheck("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("npm run contract-check -- --base-url <url> --organization <id>");
    expect(help.stdout).toContain(`--dcd-version    its version (default ${SPIN_SURG.version}`);
    expect(emulator.received().deliveries).toEqual([]);
  });
});
