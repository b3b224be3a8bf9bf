import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EXTENSION_ID, GECKO_ID } from "../../extension/src/extension-id.ts";
import { findDemoPatient } from "../../scripts/demo-ehr/demo-patients.ts";
import { clickFirefoxToolbarButton } from "./click-firefox-toolbar-button.ts";
import { firefoxOverlay } from "./firefox-overlay-page.ts";
import { launchFirefox } from "./launch-firefox.ts";
import { clinicalPart, SCREENSHOTS } from "./overlay-page.ts";
import { E2E_TOKEN, type E2eStack, startE2eStack } from "./start-e2e-stack.ts";

// The extension's Firefox build (MV3) in Debian's Firefox ESR, configured by enterprise
// policy, against the real worker under `wrangler dev` and the HD4DP emulator. Firefox
// draws the extension's origin (moz-extension://<uuid>) at random per profile: the worker
// allows it with ALLOWED_ORIGINS' one wildcard, moz-extension://*.
let stack: E2eStack;
let firefox: Browser | undefined;

beforeAll(async () => {
  stack = await startE2eStack({
    allowedOrigins: [`chrome-extension://${EXTENSION_ID}`, "moz-extension://*"],
  });
});

afterEach(async () => {
  await firefox?.close();
  firefox = undefined;
});

afterAll(async () => {
  await stack?.stop();
});

async function openChart(workerUrl: string, url: string, language: "fr" | "de" = "fr") {
  firefox = await launchFirefox({
    workerUrl,
    apiToken: E2E_TOKEN,
    language,
    ehrOrigins: ["http://127.0.0.1/*"],
  });
  const page = await firefox.newPage();
  const o = firefoxOverlay(page);
  await o.open(url);
  return { page, o };
}

describe("the extension in Firefox ESR", () => {
  it("the toolbar button opens the registration on an English chart of an origin no setting names", async () => {
    const carter = findDemoPatient("en-carter");
    if (!carter) throw new Error("demo patient missing");
    firefox = await launchFirefox(
      {
        workerUrl: stack.worker.url,
        apiToken: E2E_TOKEN,
        language: "en",
        ehrOrigins: ["http://127.0.0.1/*"],
      },
      { localHosts: ["ehr-elsewhere.test"] },
    );
    const page = await firefox.newPage();
    const chart = new URL(`${stack.ehr.url}/en/chart/en-carter`);
    chart.hostname = "ehr-elsewhere.test";
    await page.goto(chart.href);
    await page.waitForSelector("h1");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await page.$$eval("[data-spine-register]", (hosts) => hosts.length)).toBe(0);

    await clickFirefoxToolbarButton(firefox, page, GECKO_ID);
    const o = firefoxOverlay(page);
    await page.waitForSelector(o.inside('[name="IDC_PAT"]'), { timeout: 20_000 });
    // Read by the chart's own English words (SSIN, D.O.B., Surgeon (NIHII)).
    expect(await o.valueOf("IDC_PAT")).toBe(carter.niss);
    expect(await o.valueOf("TX_PAT_LAST_NAM")).toBe("CARTER");
    expect(await o.valueOf("D_PAT_DOB")).toBe(carter.birthDate);
    expect(await o.valueOf("CD_HPIN")).toBe(carter.surgeonNihii);
    // The form's requests pass the background's sender check on the granted tab.
    await o.waitForText("[data-testid=eligibility]", "281116: Registration required");
    await o.waitForText(".report-proposals", "Discectomy C6-C7 under the operating microscope");
    await page.screenshot({ path: join(SCREENSHOTS, "firefox-toolbar-english-chart.png") });
  });

  it("fr chart: prefilled, checked by the worker, sent, registration code shown", async () => {
    const dubois = findDemoPatient("fr-dubois");
    if (!dubois) throw new Error("demo patient missing");
    const { page, o } = await openChart(stack.worker.url, `${stack.ehr.url}/fr/dossier/fr-dubois`);

    expect(await o.valueOf("IDC_PAT")).toBe(dubois.niss);
    expect(await o.valueOf("TX_PAT_LAST_NAM")).toBe("DUBOIS");
    expect(await o.valueOf("D_SURG")).toBe("2025-03-11");
    expect(await o.valueOf("CD_NOMEN")).toBe("281120");
    // The worker's answer, not the browser's own decision (which would say so below it).
    await o.waitForText("[data-testid=eligibility]", "281120: Enregistrement obligatoire");
    await o.waitForText("[data-testid=eligibility] .banner-origin", /^$/);

    for (const step of clinicalPart("2025-02-20")) await o.set(step);
    await o.clickButton("Envoyer");
    await o.waitForText("[data-testid=status]", "Envoyé");
    expect(await o.textOf("[data-testid=registration-code]")).toMatch(/\S+/);
    await page.screenshot({ path: join(SCREENSHOTS, "firefox-1-sent.png") });
    expect(stack.emulator.received().deliveries.length).toBeGreaterThanOrEqual(1);
  });

  it("German chart in a portal's frame: one launcher, the report's proposals accepted", async () => {
    const schmitz = findDemoPatient("de-schmitz");
    if (!schmitz) throw new Error("demo patient missing");
    const { page, o } = await openChart(
      stack.worker.url,
      `${stack.ehr.url}/portal/de-schmitz`,
      "de",
    );
    expect(await o.valueOf("IDC_PAT")).toBe(schmitz.niss);
    expect(await o.valueOf("D_SURG")).toBe(schmitz.surgery);
    expect(await o.valueOf("CD_HPIN")).toBe(schmitz.surgeonNihii);
    // The frame's own copy stays quiet: the portal's overlay reads the frame.
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(await frame?.$$eval("[data-spine-register]", (hosts) => hosts.length)).toBe(0);
    expect(await page.$$eval("[data-spine-register]", (hosts) => hosts.length)).toBe(1);

    await o.waitForText(".report-proposals", "Mikrochirurgische Diskektomie C5/6");
    expect(await o.valueOf("CD_LEVEL_FROM")).toBe("");
    await o.clickButton("Alle angezeigten annehmen (9)");
    await o.waitForText(".report-proposals", "Im Formular");
    expect(await o.valueOf("CD_LEVEL_FROM")).toBe("C5");
    expect(await o.valueOf("CD_LEVEL_TO")).toBe("C6");
    await page.screenshot({ path: join(SCREENSHOTS, "firefox-3-portal-proposals.png") });
  });

  it("a worker that allows Chrome's origin only: the banner says it refused, and why", async () => {
    const chromeOnly = await startE2eStack();
    try {
      const { page, o } = await openChart(
        chromeOnly.worker.url,
        `${chromeOnly.ehr.url}/fr/dossier/fr-dubois`,
      );
      const origin = "[data-testid=eligibility] .banner-origin";
      await o.waitForText(origin, "le serveur a refusé la vérification");
      // The worker's own words, naming this Firefox's origin and the setting to change.
      expect(await o.textOf(origin)).toMatch(/moz-extension:\/\/[0-9a-f-]{36}.*ALLOWED_ORIGINS/s);
      await page.screenshot({ path: join(SCREENSHOTS, "firefox-2-origin-refused.png") });
    } finally {
      await firefox?.close();
      firefox = undefined;
      await chromeOnly.stop();
    }
  });
});
