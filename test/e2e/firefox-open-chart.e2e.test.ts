import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTENSION_ID } from "../../extension/src/extension-id.ts";
import { findDemoPatient } from "../../scripts/demo-ehr/demo-patients.ts";
import { firefoxOverlay } from "./firefox-overlay-page.ts";
import { launchFirefox } from "./launch-firefox.ts";
import { SCREENSHOTS } from "./overlay-page.ts";
import { E2E_TOKEN, type E2eStack, startE2eStack } from "./start-e2e-stack.ts";

// Firefox ESR: a chart already open when the extension is installed by policy into the
// running browser gets the overlay, without a reload.
let stack: E2eStack;
let firefox: Browser | undefined;

beforeAll(async () => {
  stack = await startE2eStack({
    allowedOrigins: [`chrome-extension://${EXTENSION_ID}`, "moz-extension://*"],
  });
});

afterAll(async () => {
  await firefox?.close();
  await stack?.stop();
});

describe("the extension in Firefox ESR, installed while a chart is open", () => {
  it("shows the overlay on that chart", async () => {
    const dubois = findDemoPatient("fr-dubois");
    if (!dubois) throw new Error("demo patient missing");
    let chart: Page | undefined;
    firefox = await launchFirefox(
      {
        workerUrl: stack.worker.url,
        apiToken: E2E_TOKEN,
        language: "fr",
        ehrOrigins: ["http://127.0.0.1/*"],
      },
      {
        beforeInstall: async (browser) => {
          chart = await browser.newPage();
          await chart.goto(`${stack.ehr.url}/fr/dossier/fr-dubois`);
        },
      },
    );
    if (!chart) throw new Error("no chart page");
    const o = firefoxOverlay(chart);
    await chart.waitForSelector(o.inside(".launcher"), { visible: true, timeout: 30_000 });
    expect(await chart.$$eval("[data-spine-register]", (hosts) => hosts.length)).toBe(1);
    await chart.click(o.inside(".launcher"));
    await chart.waitForSelector(o.inside('[name="IDC_PAT"]'), { timeout: 20_000 });
    expect(await o.valueOf("IDC_PAT")).toBe(dubois.niss);
    await chart.screenshot({ path: join(SCREENSHOTS, "firefox-open-before-install.png") });
  });
});
