// `spine-reg reconcile` against a stand-in worker (a local HTTP server answering GET /v1/dcd
// and POST /v1/reconciliation by the code of each act): batches, outputs, exit codes. The
// real worker's answers are tested in test/worker/reconciliation.test.ts, and the whole
// chain in test/e2e/reconciliation.e2e.test.ts.

import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../cli/main.ts";
import spinSurg from "../../shared-schema/dcds/SPIN_SURG-0.1.0.json" with { type: "json" };
import {
  type ReconciledAct,
  ReconciliationStatusSchema,
} from "../../shared-schema/src/api/api-schemas.ts";
import type { BilledAct } from "../../shared-schema/src/billed-act-fields.ts";
import { makeNiss } from "../support/synthetic-niss.ts";

const TOKEN = "cli-test-token-0123";
/** What the stand-in answers per code. */
const ANSWERS: Record<string, Partial<ReconciledAct>> = {
  "281116": { decision: "required", status: "registered", registrationCode: "206.26.000001.11" },
  "281120": { decision: "required", status: "missing" },
  "224674": { decision: "exempt", status: "not_required" },
  "999999": { decision: "unknown", status: "missing" },
};

let server: Server;
let url: string;
let dir: string;
const batches: number[] = [];
const languages: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spine-reg-reconcile-"));
  server = createServer(async (request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      return reply(401, { title: "Unauthorized", detail: "Unknown API token." });
    }
    languages.push(String(request.headers["accept-language"]));
    if (request.url === "/v1/dcd") return reply(200, spinSurg);
    let text = "";
    for await (const chunk of request) text += chunk;
    const { acts } = JSON.parse(text) as { acts: BilledAct[] };
    batches.push(acts.length);
    reply(200, {
      dcd: { id: "SPIN_SURG", version: "0.1.0" },
      registry: "read",
      counts: Object.fromEntries(ReconciliationStatusSchema.options.map((s) => [s, 0])),
      acts: acts.map((act, i) => ({
        row: i + 1,
        code: act.code,
        date: act.date.split("/").reverse().join("-"),
        ...ANSWERS[act.code],
        ...(ANSWERS[act.code]?.status === "registered"
          ? { registeredAt: "2026-03-03T10:00:00.000Z" }
          : {}),
      })),
    });
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
});

function sink() {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(...argv: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(["reconcile", ...argv], out.stream, err.stream);
  return { code, stdout: out.text(), stderr: err.text() };
}

async function billingFile(name: string, codes: string[], extra = ""): Promise<string> {
  const lines = ["Nom;Prénom;INSZ;Prestatiedatum;Nomenclatuurcode;RIZIV"];
  codes.forEach((code, i) => {
    const niss = makeNiss("1980-01-01", (i % 998) + 1);
    lines.push(`Peeters;Anna;${niss};0${1 + (i % 9)}/03/2026;${code};12345625580`);
  });
  const path = join(dir, name);
  await writeFile(path, `${lines.join("\r\n")}\r\n${extra}`);
  return path;
}

const auth = () => ["--worker", url, "--token", TOKEN];

describe("spine-reg reconcile", () => {
  it("exit 0 and a summary when every act that needs a registration has one", async () => {
    const file = await billingFile("ok.csv", ["281116", "224674", "281116"]);
    const { code, stdout, stderr } = await run(file, ...auth(), "--locale", "fr");
    expect(code).toBe(0);
    expect(stdout).toContain("3 prestations");
    expect(stdout).toContain("Enregistrée: 2");
    expect(stdout).toContain("Non requise: 1");
    expect(stdout).toContain("Chaque prestation à enregistrer est enregistrée");
    // Not a terminal: no progress bar.
    expect(stderr).toBe("");
    expect(languages.at(-1)).toBe("fr");
  });

  it("exit 1 when one is missing; --json gives one object per row, summary on stderr", async () => {
    const file = await billingFile(
      "missing.csv",
      ["281116", "281120", "999999"],
      "x;y;z;a;b;c;d\n",
    );
    const { code, stdout, stderr } = await run(file, ...auth(), "--json");
    expect(code).toBe(1);
    const rows = JSON.parse(stdout);
    expect(rows).toEqual([
      {
        row: 1,
        code: "281116",
        date: "2026-03-01",
        decision: "required",
        status: "registered",
        registrationCode: "206.26.000001.11",
      },
      { row: 2, code: "281120", date: "2026-03-02", decision: "required", status: "missing" },
      { row: 3, code: "999999", date: "2026-03-03", decision: "unknown", status: "missing" },
      { row: 4, status: "invalid", reason: "row:row_length" },
    ]);
    expect(stderr).toContain("1 act that needs a registration is missing or failed");
    expect(stderr).toContain("1 unregistered act has a code the eligibility table does not know");
    // Nothing of the patients in the output.
    expect(stdout).not.toContain("Peeters");
  });

  it("sends at most 5,000 acts per request", async () => {
    batches.length = 0;
    const file = await billingFile(
      "big.csv",
      Array.from({ length: 5001 }, () => "224674"),
    );
    const { code } = await run(file, ...auth());
    expect(code).toBe(0);
    expect(batches).toEqual([5000, 1]);
  });

  it("writes the CSV and the HTML report; names only with --with-names", async () => {
    const file = await billingFile("report.csv", ["281116", "281120"]);
    const html = join(dir, "report.html");
    const csv = join(dir, "report-out.csv");
    await run(file, ...auth(), "--out", html, "--csv", csv, "--locale", "nl");
    const page = await readFile(html, "utf8");
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain("Ontbreekt");
    expect(page).toContain("<svg");
    expect(page).not.toContain("Peeters");
    expect(page).not.toMatch(/<(?:link|img)\b|src=|href=|url\(/);
    const text = await readFile(csv, "utf8");
    expect(text.startsWith("\ufeffGegevensrij;Regel;Datum;Code;")).toBe(true);
    expect(text).toContain("206.26.000001.11");
    expect(text).not.toContain("Peeters");

    await run(file, ...auth(), "--out", html, "--with-names");
    expect(await readFile(html, "utf8")).toContain("Peeters Anna");
  });

  it("--columns maps the headers it does not know", async () => {
    const path = join(dir, "own.csv");
    await writeFile(path, "Patient,Jour,Acte,Dr\n93051822361,02/03/2026,281116,12345625580\n");
    const { code, stdout } = await run(
      path,
      ...auth(),
      "--json",
      "--columns",
      "niss=Patient,date=Jour,code=Acte,nihii=Dr",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0]).toMatchObject({ row: 1, code: "281116", status: "registered" });
  });

  it("exit 2 for bad arguments, an unreadable file, a file without the columns, a refusal", async () => {
    const file = await billingFile("any.csv", ["281116"]);
    expect((await run(file)).code).toBe(2);
    expect((await run(file, ...auth(), "--locale", "es")).code).toBe(2);
    expect((await run(file, ...auth(), "--columns", "patient=X")).code).toBe(2);
    const missing = await run(join(dir, "nope.csv"), ...auth());
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain("it does not exist");
    const noCodes = join(dir, "no-codes.csv");
    await writeFile(noCodes, "NISS;Date;RIZIV\n");
    const columns = await run(noCodes, ...auth());
    expect(columns.code).toBe(2);
    expect(columns.stderr).toContain("No column was recognised for: code");
    const refused = await run(file, "--worker", url, "--token", "wrong-token-0000");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("401");
  });
});
