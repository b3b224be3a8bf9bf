// A second registry end to end, with no line of its own in the product: its workbook (the
// Orthopride Hip layout) is imported by the CLI, the worker is configured with the JSON,
// validates and exports CSV with it, and the extension renders its form in Chromium.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORTHOPRIDE_HIP_RECORD } from "../shared-schema/fixtures/orthopride-hip-record.ts";
import { orthoprideHipWorkbook } from "../shared-schema/fixtures/orthopride-hip-workbook.ts";
import { configureExtension, type LaunchedExtension, launchExtension } from "./launch-extension.ts";
import { overlay, shot } from "./overlay-page.ts";
import { E2E_TOKEN, type E2eStack, startE2eStack } from "./start-e2e-stack.ts";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
const DCD_ID = "ORTHOPRIDE_HIP_PRIMO";
const FILE = `${DCD_ID}-1.2.0.json`;

let dir: string;
let stack: E2eStack;
let browser: LaunchedExtension;

async function api(path: string, body: unknown): Promise<Response> {
  return fetch(`${stack.worker.url}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${E2E_TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "second-registry-"));
  const workbook = join(dir, "HD_DCD_SPEC_HDBP0386_ORTHOPRIDE_HIP_Primo-implantatie_v1.2.0.xlsx");
  writeFileSync(workbook, await orthoprideHipWorkbook());
  const dcds = join(dir, "dcds");
  const imported = await run(process.execPath, [
    join(ROOT, "bin/spine-reg.js"),
    "dcd",
    "import",
    workbook,
    "--out",
    join(dir, FILE),
  ]);
  expect(imported.stdout).toContain(DCD_ID);
  // The hospital's DCD folder: ours and the imported one, both named in DCDS.
  mkdirSync(dcds);
  copyFileSync(
    join(ROOT, "shared-schema/dcds/SPIN_SURG-0.1.0.json"),
    join(dcds, "SPIN_SURG-0.1.0.json"),
  );
  copyFileSync(join(dir, FILE), join(dcds, FILE));
  stack = await startE2eStack({
    dcdDirectory: dcds,
    vars: { DCDS: `SPIN_SURG-0.1.0.json,${FILE}`, DEFAULT_DCD: "SPIN_SURG" },
  });
  browser = await launchExtension({ locale: "nl-BE" });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a second registry from its workbook alone", () => {
  it("the worker lists it, validates with it and exports its CSV", async () => {
    const list = await fetch(`${stack.worker.url}/v1/dcds`, {
      headers: { Authorization: `Bearer ${E2E_TOKEN}` },
    });
    const { dcds } = (await list.json()) as { dcds: { id: string; version: string }[] };
    expect(dcds.map((d) => `${d.id}@${d.version}`)).toEqual(["SPIN_SURG@0.1.0", `${DCD_ID}@1.2.0`]);

    const valid = await api("/v1/validate", { dcd: DCD_ID, record: ORTHOPRIDE_HIP_RECORD });
    expect(await valid.json()).toMatchObject({ valid: true });

    // The conditional requirement of the workbook: "other" diagnosis needs its description.
    const broken = await api("/v1/validate", {
      dcd: DCD_ID,
      record: { ...ORTHOPRIDE_HIP_RECORD, CD_DIAGS: "DI0005", CD_LTRLTY: "left" },
    });
    const { valid: ok, issues } = (await broken.json()) as {
      valid: boolean;
      issues: { field: string; code: string }[];
    };
    expect(ok).toBe(false);
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual(
      expect.arrayContaining(["TX_DIAGS_OTH:required", "CD_LTRLTY:invalid_code"]),
    );

    // The same record is not a SPIN_SURG record: the DCD is chosen per request.
    const asSpine = await api("/v1/validate", { record: ORTHOPRIDE_HIP_RECORD });
    expect(await asSpine.json()).toMatchObject({ valid: false });

    const csv = await api("/v1/exports/hd4dp-csv", {
      dcd: DCD_ID,
      records: [ORTHOPRIDE_HIP_RECORD],
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    const [header, row] = text.split("\r\n");
    expect(header?.split(";")).toEqual(
      expect.arrayContaining(["IDC_PAT", "CD_DIAGS", "D_IMPLANT"]),
    );
    expect(row).toContain("04/03/2025");
  });

  it("the extension renders the registry's form from the DCD, in the surgeon's language", async () => {
    await configureExtension(browser.serviceWorker, {
      workerUrl: stack.worker.url,
      apiToken: E2E_TOKEN,
      language: "auto",
      ehrOrigins: ["http://127.0.0.1/*"],
      dcd: { id: DCD_ID },
    });
    const page = await browser.context.newPage();
    await page.goto(`${stack.ehr.url}/fr/dossier/fr-dubois`);
    const o = overlay(page);
    await o.launcher.waitFor({ state: "visible", timeout: 15_000 });
    await o.launcher.click();
    await o.field("CD_DIAGS").waitFor({ timeout: 15_000 });
    // The common Qermid block is prefilled from the chart like SPIN_SURG's.
    await expect.poll(() => o.field("IDC_PAT").inputValue()).not.toBe("");
    // Nothing of SPIN_SURG is left in the form.
    expect(await o.root.locator('[name="CD_LEVEL_FROM"]').count()).toBe(0);
    // A field asked only under a condition appears when it holds.
    expect(await o.root.locator('[name="TX_DIAGS_OTH"]').count()).toBe(0);
    await o.field("CD_DIAGS").selectOption("DI0005");
    await o.field("TX_DIAGS_OTH").waitFor({ timeout: 5_000 });
    await shot(page, "second-registry-form");
    const axe = await new AxeBuilder({ page }).include("[data-spine-register]").analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});
