import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDemoPatient } from "../../scripts/demo-ehr/demo-patients.ts";
import { type LaunchedFirefox, launchFirefox } from "./launch-firefox.ts";
import { clinicalPart, SCREENSHOTS } from "./overlay-page.ts";
import { E2E_TOKEN, type E2eStack, startE2eStack } from "./start-e2e-stack.ts";

// The extension's Firefox build (MV3) in Debian's Firefox ESR, configured by enterprise
// policy, against the real worker under `wrangler dev` and the HD4DP emulator.
const UUID = "5c1f2a4e-0b7d-4c55-9a51-3a8f0f6d2b10";
const OTHER_UUID = "0d6a7c1e-93b4-4f0a-8e2d-6b5c4a3f2e10";

let stack: E2eStack;
let firefox: LaunchedFirefox | undefined;

beforeAll(async () => {
  stack = await startE2eStack({ allowedOrigins: [`moz-extension://${UUID}`] });
});

afterAll(async () => {
  await firefox?.close();
  await stack?.stop();
});

async function start(uuid: string): Promise<Page> {
  await firefox?.close();
  firefox = await launchFirefox({
    uuid,
    settings: { workerUrl: stack.worker.url, apiToken: E2E_TOKEN, language: "fr" },
  });
  return firefox.browser.newPage();
}

/** The overlay in the page's open shadow root, through Puppeteer's `>>>` combinator. */
function overlay(page: Page) {
  const inside = (selector: string) => `[data-spine-register] >>> ${selector}`;
  const textOf = (selector: string) =>
    page.$eval(inside(selector), (element) => element.textContent ?? "").catch(() => "");
  return {
    inside,
    textOf,
    valueOf: (name: string) =>
      page.$eval(inside(`[name="${name}"]`), (element) => (element as HTMLInputElement).value),
    async waitForText(selector: string, expected: string | RegExp) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const text = await textOf(selector);
        if (typeof expected === "string" ? text.includes(expected) : expected.test(text)) return;
        if (Date.now() > deadline) throw new Error(`${selector}: "${text}" never matched`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    /** Clicks the overlay's button with that exact name. */
    async clickButton(name: string) {
      const buttons = await page.$$(inside("button"));
      for (const button of buttons) {
        if ((await button.evaluate((element) => element.textContent?.trim())) === name) {
          await button.click();
          return;
        }
      }
      throw new Error(`no button "${name}" in the overlay`);
    },
    /** Sets a control as a surgeon would: its value, then the events the form listens to. */
    async set(step: ReturnType<typeof clinicalPart>[number]) {
      if (step.action === "check") {
        await page.click(inside(`[name="${step.name}"][value="${step.value}"]`));
        return;
      }
      await page.$eval(
        inside(`[name="${step.name}"]`),
        (element, value) => {
          const control = element as HTMLInputElement;
          control.value = value;
          control.dispatchEvent(new Event("input", { bubbles: true }));
          control.dispatchEvent(new Event("change", { bubbles: true }));
        },
        step.value,
      );
    },
  };
}

async function openOverlay(page: Page, url: string) {
  await page.goto(url);
  const o = overlay(page);
  await page.waitForSelector(o.inside(".launcher"), { visible: true, timeout: 20_000 });
  await page.click(o.inside(".launcher"));
  await page.waitForSelector(o.inside('[name="IDC_PAT"]'), { timeout: 20_000 });
  return o;
}

describe("the extension in Firefox ESR", () => {
  it("fr chart: prefilled, checked by the worker, sent, registration code shown", async () => {
    const dubois = findDemoPatient("fr-dubois");
    if (!dubois) throw new Error("demo patient missing");
    const page = await start(UUID);
    const o = await openOverlay(page, `${stack.ehr.url}/fr/dossier/fr-dubois`);

    expect(await o.valueOf("IDC_PAT")).toBe(dubois.niss);
    expect(await o.valueOf("TX_PAT_LAST_NAM")).toBe("DUBOIS");
    expect(await o.valueOf("D_SURG")).toBe("2025-03-11");
    expect(await o.valueOf("CD_NOMEN")).toBe("281120");
    // The worker's answer (its origin allowed), not the browser's own decision.
    await o.waitForText("[data-testid=eligibility]", "281120: Enregistrement obligatoire");
    await o.waitForText("[data-testid=eligibility] .banner-origin", /^$/);

    for (const step of clinicalPart("2025-02-20")) await o.set(step);
    await o.clickButton("Envoyer");
    await o.waitForText("[data-testid=status]", "Envoyé");
    expect(await o.textOf("[data-testid=registration-code]")).toMatch(/\S+/);
    await page.screenshot({ path: join(SCREENSHOTS, "firefox-1-sent.png") });
    expect(stack.emulator.received().deliveries.length).toBeGreaterThanOrEqual(1);
  });

  it("an origin the worker does not allow: the banner says the server refused, and why", async () => {
    const page = await start(OTHER_UUID);
    const o = await openOverlay(page, `${stack.ehr.url}/fr/dossier/fr-dubois`);
    await o.waitForText(
      "[data-testid=eligibility] .banner-origin",
      "le serveur a refusé la vérification",
    );
    expect(await o.textOf("[data-testid=eligibility] .banner-origin")).toContain("ALLOWED_ORIGINS");
    await page.screenshot({ path: join(SCREENSHOTS, "firefox-2-origin-refused.png") });
  });
});
