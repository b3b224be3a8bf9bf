import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTENSION_ID } from "../../extension/src/extension-id.ts";
import { type DemoEhr, startDemoEhr } from "../../scripts/demo-ehr/start-demo-ehr.ts";
import { readManagedSchema } from "../../scripts/policy/policy-config.ts";
import {
  type ManagedSchema,
  validateManagedValue,
} from "../../scripts/policy/validate-managed-value.ts";
import { type LaunchedExtension, launchExtension, waitFor } from "./launch-extension.ts";
import { openOverlay, shot } from "./overlay-page.ts";

// Deployment by policy in Debian's Chromium: a policy file in its managed folder
// configures the extension through chrome.storage.managed. The folder is shared by every
// Chromium on this machine, so the file has a random name and is always removed.
const POLICY_DIR = "/etc/chromium/policies/managed";
const POLICY_FILE = join(POLICY_DIR, `spine-reg-e2e-${randomBytes(6).toString("hex")}.json`);
const TOKEN = "policy-e2e-token";
const AUTHOR_GROUP = "neurochirurgie-e2e";

interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

let ehr: DemoEhr;
let worker: Server;
let workerUrl: string;
const seen: SeenRequest[] = [];
let browser: LaunchedExtension;

function writePolicy(policy: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({ "3rdparty": { extensions: { [EXTENSION_ID]: policy } } }, null, 2),
  );
}

function policyValues(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    workerUrl,
    apiToken: TOKEN,
    authorGroup: AUTHOR_GROUP,
    language: "auto",
    ehrOrigins: ["http://127.0.0.1/*"],
    ...overrides,
  };
}

async function managedStorage(): Promise<Record<string, unknown>> {
  return browser.serviceWorker.evaluate(() => chrome.storage.managed.get(null));
}

/** chrome://policy re-reads the policy files on "Reload policies": a change without reinstall. */
async function reloadPolicies(): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto("chrome://policy");
  await page.locator("#reload-policies").click();
  await page.waitForTimeout(1000);
  await shot(page, "policy-0-chrome-policy");
  // The page is built of custom elements: collect the text of their shadow roots too.
  const text = await page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim())
        parts.push(node.textContent.trim());
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(document.body);
    return parts.join(" | ");
  });
  await page.close();
  return text;
}

async function extensionPage(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

beforeAll(async () => {
  ehr = await startDemoEhr({ port: 0, host: "127.0.0.1" });
  // A stand-in worker that records who calls it: the point is where the overlay's requests
  // go and with which token, not what the worker answers (overlay.e2e.test.ts does that).
  worker = createServer((request, response) => {
    seen.push({ path: request.url ?? "", headers: request.headers });
    response.writeHead(503, { "content-type": "application/problem+json" }).end('{"title":"e2e"}');
  });
  await new Promise<void>((resolve) => worker.listen(0, "127.0.0.1", resolve));
  workerUrl = `http://127.0.0.1:${(worker.address() as AddressInfo).port}`;
  writePolicy(policyValues());
  browser = await launchExtension({ locale: "fr-BE" });
});

afterAll(async () => {
  // First of all: other Chromium tests on this machine read the same folder.
  rmSync(POLICY_FILE, { force: true });
  await browser?.close();
  await new Promise((resolve) => worker?.close(resolve));
  await ehr?.close();
});

describe("deployment by policy in Debian's Chromium", () => {
  it("runs with the id the policy files name", () => {
    expect(browser.extensionId).toBe(EXTENSION_ID);
  });

  it("publishes the policy's 3rdparty values in chrome.storage.managed", async () => {
    await waitFor(async () => (await managedStorage()).workerUrl === workerUrl, 30_000);
    const managed = await managedStorage();
    expect(managed).toEqual(policyValues());
    expect(validateManagedValue(readManagedSchema() as ManagedSchema, managed)).toEqual([]);
  });

  it("shows the policy's values locked in the options page", async () => {
    const page = await extensionPage("options.html");
    for (const [key, value] of [
      ["workerUrl", workerUrl],
      ["authorGroup", AUTHOR_GROUP],
    ] as const) {
      await expect.poll(() => page.locator(`#o-${key}`).inputValue()).toBe(value);
      expect(await page.locator(`#o-${key}`).isDisabled()).toBe(true);
      expect(await page.locator(`#o-${key}-locked`).textContent()).toContain(
        "stratégie de votre hôpital",
      );
    }
    // What the policy leaves out stays the user's.
    expect(await page.locator("#o-author").isDisabled()).toBe(false);
    await shot(page, "policy-1-options-locked");
    await page.close();
  });

  it("the overlay uses the policy's author group and calls the policy's worker with its token", async () => {
    const page = await browser.context.newPage();
    const o = await openOverlay(page, `${ehr.url}/fr/dossier/fr-dubois`);
    expect(await o.field("TX_AUTHOR_GR").inputValue()).toBe(AUTHOR_GROUP);
    expect(await o.root.locator("[data-testid=config-problems]").count()).toBe(0);
    await waitFor(async () => seen.some((request) => request.path.startsWith("/v1/")), 15_000);
    const call = seen.find((request) => request.path.startsWith("/v1/"));
    expect(call?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    await shot(page, "policy-2-overlay");
    await page.close();
  });

  it("refuses a value of the wrong type and reports the incomplete configuration, without reinstall", async () => {
    writePolicy(policyValues({ apiToken: 12345 }));
    await reloadPolicies();
    // Chromium drops the value that does not match the schema: storage.onChanged tells the extension.
    await waitFor(async () => !("apiToken" in (await managedStorage())), 30_000);
    const managed = await managedStorage();
    expect(managed.workerUrl).toBe(workerUrl);
    expect(managed.apiToken).toBeUndefined();

    const popup = await extensionPage("popup.html");
    const alert = popup.locator("[data-testid=config-problems]");
    await expect.poll(() => alert.textContent()).toContain("Le jeton d'API manque");
    expect(await alert.textContent()).toContain("service informatique");
    expect(await alert.getAttribute("role")).toBe("alert");
    await shot(popup, "policy-3-popup-incomplete");
    await popup.close();

    const page = await browser.context.newPage();
    await page.goto(`${ehr.url}/fr/dossier/fr-dubois`);
    const notice = page.locator("[data-spine-register] [data-testid=config-problems]");
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain("Le jeton d'API manque");
    expect(await notice.textContent()).toContain("service informatique");
    await shot(page, "policy-4-overlay-incomplete");
    await page.close();
  });

  it("says when the policy's EHR pages still need host access, and offers the one click", async () => {
    // No policy can grant host access (docs/deploy-by-policy.md): the extension must say so.
    const hospitalEhr = "https://ehr.hospital.example/*";
    writePolicy(policyValues({ ehrOrigins: ["http://127.0.0.1/*", hospitalEhr] }));
    await reloadPolicies();
    await waitFor(
      async () => ((await managedStorage()).ehrOrigins as string[] | undefined)?.length === 2,
      30_000,
    );
    await waitFor(
      async () =>
        (await browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}))) === "!",
      15_000,
    );

    const popup = await extensionPage("popup.html");
    const alert = popup.locator("[data-testid=config-problems]");
    await expect.poll(() => alert.textContent()).toContain("n'est pas encore autorisé");
    expect(await alert.textContent()).toContain(hospitalEhr);
    expect(await alert.textContent()).toContain("Autoriser l'accès");
    await shot(popup, "policy-5-popup-host-access");
    await popup.close();

    const options = await extensionPage("options.html");
    const access = options.locator("[data-testid=host-access]");
    await expect.poll(() => access.textContent()).toContain(hospitalEhr);
    expect(await access.textContent()).not.toContain("127.0.0.1");
    await access.getByRole("button", { name: "Autoriser l'accès" }).waitFor();
    await shot(options, "policy-6-options-host-access");
    await options.close();
  });
});
