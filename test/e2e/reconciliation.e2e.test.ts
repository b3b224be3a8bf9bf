// The billing office's check end to end: acts registered through the worker's API, drafts,
// a rejection by HD4DP, registrations entered directly in HD4DP, one withdrawn there, some
// still waiting in the outbox; then `spine-reg reconcile` on a billing export of 1,000 acts
// that holds them, against the real worker under `wrangler dev` and the HD4DP emulator. Every
// row must get its status; the HTML report is opened in Debian's Chromium, checked with axe.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATED_ORGANIZATION } from "../../scripts/hd4dp-emulator/answer-definition-read.ts";
import {
  DEV_CLIENT_ID,
  DEV_CLIENT_SECRET,
} from "../../scripts/hd4dp-emulator/start-hd4dp-emulator.ts";
import { type RelayStack, startRelayStack } from "../../scripts/lib/start-relay-stack.ts";
import type { ReconciliationStatus } from "../../shared-schema/src/api/api-schemas.ts";
import type { DcdRecord } from "../../shared-schema/src/dcd.ts";
import { decideEligibility } from "../../shared-schema/src/eligibility.ts";
import { toS2sPayload } from "../../shared-schema/src/s2s/to-s2s-payload.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { submitPath } from "../../worker/src/registry/hd4dp-contract.ts";
import { runSpineReg } from "../support/run-spine-reg.ts";
import { validSpinSurgRecord } from "../support/valid-spin-surg-record.ts";
import { CHROMIUM } from "./launch-extension.ts";
import { shot } from "./overlay-page.ts";

const AUTH = { Authorization: "Bearer local-dev-token" };
const ACTS = 1000;

type Kind = "api" | "draft" | "rejected" | "hd4dp" | "withdrawn" | "queued" | "none";

/** Which record goes which way; every other index is billed and never registered. */
function kindOf(i: number): Kind {
  if (i < 40) return "api";
  if (i < 50) return "draft";
  if (i < 60) return i % 10 === 7 ? "none" : "rejected";
  if (i < 70) return "hd4dp";
  if (i < 75) return "withdrawn";
  if (i < 85) return "queued";
  return "none";
}

/**
 * This hospital's HD4DP keys SPIN_SURG records by their discharge date too, which the
 * worker's DCD does not ask for: a record without one is refused there (a rejection of
 * HD4DP's own, the one failure that belongs to a record). Patients without a NISS are keyed
 * by the fallback key, which does not hold it.
 */
const STRICTER_HD4DP = {
  ...SPIN_SURG,
  businessKey: { ...SPIN_SURG.businessKey, fields: [...SPIN_SURG.businessKey.fields, "D_DISCH"] },
};

function recordOf(i: number): DcdRecord {
  const record = validSpinSurgRecord(i);
  if (kindOf(i) === "rejected") delete record.D_DISCH;
  else record.D_DISCH ??= record.D_SURG;
  return record;
}

let stack: RelayStack;
let dir: string;
let browser: Browser | undefined;

async function api(path: string, init: RequestInit = {}) {
  return fetch(`${stack.worker.url}${path}`, {
    ...init,
    headers: { ...AUTH, "Content-Type": "application/json", ...init.headers },
  });
}

async function register(record: DcdRecord, status: "submit" | "draft"): Promise<string> {
  const response = await api("/v1/registrations", {
    method: "POST",
    headers: { "Idempotency-Key": crypto.randomUUID() },
    body: JSON.stringify({ record, status }),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

async function settled(id: string): Promise<{ state: string; businessKey?: string }> {
  for (;;) {
    const view = (await (await api(`/v1/registrations/${id}`)).json()) as {
      state: string;
      businessKey?: string;
    };
    if (view.state !== "queued") return view;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Entered in HD4DP itself (its form, or a CSV upload), not through the worker. */
async function registerInHd4dp(record: DcdRecord): Promise<void> {
  const token = (await (
    await fetch(`${stack.emulator.url}/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: DEV_CLIENT_ID,
        client_secret: DEV_CLIENT_SECRET,
      }),
    })
  ).json()) as { access_token: string };
  const target = {
    organizationId: EMULATED_ORGANIZATION,
    dcdId: SPIN_SURG.id,
    dcdVersion: SPIN_SURG.version,
  };
  const response = await fetch(`${stack.emulator.url}/proxy${submitPath(target)}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token.access_token}`, "Content-Type": "application/json" },
    body: JSON.stringify(toS2sPayload(SPIN_SURG, record)),
  });
  expect(response.status).toBe(202);
}

/** One billing row per billed code, and the status each must get. */
interface BillingLine {
  cells: string[];
  expected: ReconciliationStatus;
}

function billingLines(): BillingLine[] {
  const lines: BillingLine[] = [];
  const statusOf: Record<Kind, ReconciliationStatus> = {
    api: "registered",
    hd4dp: "registered",
    draft: "draft",
    rejected: "failed",
    withdrawn: "missing",
    queued: "queued",
    none: "missing",
  };
  const day = (iso: string) => iso.split("-").reverse().join("/");
  for (let i = 0; lines.length < ACTS - 16; i++) {
    const record = recordOf(i);
    const codes = (record.CD_NOMEN as string[]).slice(0, ACTS - 16 - lines.length);
    for (const code of codes) {
      const decision = decideEligibility(code, { date: String(record.D_SURG) }).decision;
      lines.push({
        cells: [
          String(record.TX_PAT_LAST_NAM ?? "Patient"),
          String(record.TX_PAT_FIRST_NAM ?? "Synthetic"),
          String(record.IDC_PAT ?? ""),
          day(String(record.D_PAT_DOB)),
          day(String(record.D_SURG)),
          code,
          String(record.CD_HPIN),
          "65,40",
        ],
        expected: decision === "required" ? statusOf[kindOf(i)] : "not_required",
      });
    }
  }
  const niss = String(recordOf(1000).IDC_PAT);
  const wrongCheck = `${niss.slice(0, 10)}${(Number(niss[10]) + 1) % 10}`;
  const base = (change: Record<number, string>) =>
    lines[0]?.cells.map((cell, index) => change[index] ?? cell) as string[];
  for (let k = 0; k < 5; k++) {
    lines.push({ cells: base({ 5: "224674" }), expected: "not_required" });
    lines.push({ cells: base({ 2: wrongCheck }), expected: "invalid" });
    lines.push({ cells: base({ 4: "31/02/2025" }), expected: "invalid" });
  }
  lines.push({ cells: [...base({}), "extra;cell"], expected: "invalid" });
  return lines;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reconciliation-e2e-"));
  stack = await startRelayStack({ emulator: { dcds: [STRICTER_HD4DP] } });
  const ids: { i: number; id: string }[] = [];
  for (let i = 0; i < 85; i++) {
    const kind = kindOf(i);
    if (kind === "api" || kind === "rejected" || kind === "withdrawn") {
      ids.push({ i, id: await register(recordOf(i), "submit") });
    } else if (kind === "draft") ids.push({ i, id: await register(recordOf(i), "draft") });
    else if (kind === "hd4dp") await registerInHd4dp(recordOf(i));
  }
  for (const { i, id } of ids) {
    const view = await settled(id);
    if (kindOf(i) === "withdrawn") stack.emulator.withdraw(view.businessKey as string);
  }
  // HD4DP asks the worker to wait an hour: what is registered now stays in the outbox.
  stack.emulator.setFaults({ failRate: 1, mix: { "429": 1 }, retryAfterSeconds: 3600 });
  for (let i = 75; i < 85; i++) await register(recordOf(i), "submit");
  for (;;) {
    const health = (await (await api("/healthz")).json()) as {
      outbox: { rateLimitedUntil: string | null };
    };
    if (health.outbox.rateLimitedUntil !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stack.emulator.setFaults({});
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("spine-reg reconcile on a billing export of 1,000 acts", () => {
  it("gives every act its status, writes the reports, and exits 1 for the missing ones", async () => {
    const lines = billingLines();
    expect(lines).toHaveLength(ACTS);
    const header = "Nom;Prénom;INSZ;Date de naissance;Prestatiedatum;Code INAMI;RIZIV;Montant";
    const csv = [header, ...lines.map((line) => line.cells.join(";"))].join("\r\n");
    // As a Windows billing system writes it.
    const billing = join(dir, "facturation-mars.csv");
    writeFileSync(billing, Buffer.from(`${csv}\r\n`, "latin1"));
    const html = join(dir, "rapport.html");
    const out = join(dir, "rapport.csv");
    const run = await runSpineReg(
      "reconcile",
      billing,
      "--worker",
      stack.worker.url,
      "--token",
      "local-dev-token",
      "--json",
      "--out",
      html,
      "--csv",
      out,
      "--locale",
      "fr",
    );
    expect(run.code, run.stderr).toBe(1);
    const rows = JSON.parse(run.stdout) as { row: number; status: ReconciliationStatus }[];
    expect(rows.map((r) => r.status)).toEqual(lines.map((line) => line.expected));
    const statuses = new Set(rows.map((r) => r.status));
    expect([...statuses].sort()).toEqual(
      ["draft", "failed", "invalid", "missing", "not_required", "queued", "registered"].sort(),
    );
    const registered = JSON.parse(run.stdout).find(
      (r: { status: string }) => r.status === "registered",
    );
    expect(registered.registrationCode).toMatch(/^206\.\d{2}\.\d{6}\.\d{2}$/);
    expect(run.stderr).toMatch(/1\s000 prestations/u);
    expect(readFileSync(out, "utf8")).toContain("Manquante");
    // No patient name or NISS in the report without --with-names.
    const page = readFileSync(html, "utf8");
    expect(page).not.toContain("Synthetic");
    expect(page).not.toContain(String(recordOf(1).IDC_PAT));
  });

  it("the HTML report opens in Chromium: it sorts, filters, and axe finds nothing", async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    // A context of its own: axe opens a page beside this one to gather its results.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "fr-BE",
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`file://${join(dir, "rapport.html")}`);
    await expect.poll(() => page.locator("#shown").textContent()).toMatch(/^1\s000 /u);
    await page.getByRole("checkbox", { name: /Enregistrée/ }).uncheck();
    await expect
      .poll(() => page.locator("tbody tr:not([hidden])").count())
      .toBe(1000 - (await page.locator('tbody tr[data-status="registered"]').count()));
    await page.getByRole("button", { name: "Trier par Statut" }).click();
    expect(await page.locator("th[aria-sort=ascending]").textContent()).toBe("Statut");
    await shot(page, "reconciliation-report");
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual(
      [],
    );
    // Self-contained: the file itself, nothing else.
    expect(requests.filter((url) => !url.startsWith("file://"))).toEqual([]);
  });
});
