import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findDemoPatient } from "../../scripts/demo-ehr/demo-patients.ts";
import { clickToolbarButton } from "./click-toolbar-button.ts";
import {
  browserSession,
  configureExtension,
  EXTENSION_DIR,
  type LaunchedExtension,
  launchExtension,
  waitFor,
} from "./launch-extension.ts";
import { overlay, shot } from "./overlay-page.ts";
import { E2E_TOKEN, type E2eStack, startE2eStack } from "./start-e2e-stack.ts";

// The overlay where the user needs it: on a chart already open when the extension arrives
// (installed into a running browser, updated, the browser started again), and on any page
// where the user clicks the toolbar button, although no EHR origin of the settings covers it.
// `*.test` hosts reach the demo EHR's server on an origin the extension holds no host
// permission for: only the click's activeTab grant lets it read them.
const HOSTS = "--host-resolver-rules=MAP *.test 127.0.0.1";
const EHR_ORIGINS = ["http://127.0.0.1/*"];

let stack: E2eStack;
let browser: LaunchedExtension | undefined;

const dubois = findDemoPatient("fr-dubois");
if (!dubois) throw new Error("demo patient missing");
const chartPath = "/fr/dossier/fr-dubois";
const chartUrl = () => `${stack.ehr.url}${chartPath}`;
/** The demo EHR's server under another host name: same pages, another origin. */
const elsewhere = (host: string, path: string) =>
  `http://${host}.test:${new URL(stack.ehr.url).port}${path}`;

beforeAll(async () => {
  stack = await startE2eStack();
});

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

afterAll(async () => {
  await stack?.stop();
});

async function configure(launched: LaunchedExtension): Promise<void> {
  await configureExtension(launched.serviceWorker, {
    workerUrl: stack.worker.url,
    apiToken: E2E_TOKEN,
    language: "auto",
    ehrOrigins: EHR_ORIGINS,
  });
  await waitFor(async () =>
    launched.serviceWorker.evaluate(
      async (origins) =>
        JSON.stringify((await chrome.scripting.getRegisteredContentScripts())[0]?.matches) ===
        JSON.stringify(origins),
      EHR_ORIGINS,
    ),
  );
}

/** The launcher shows, once, and opens the form prefilled from the chart. */
async function expectOverlayPrefilled(page: Page): Promise<void> {
  const o = overlay(page);
  await o.launcher.waitFor({ state: "visible", timeout: 20_000 });
  expect(await o.root.count()).toBe(1);
  await o.launcher.click();
  await expect.poll(() => o.field("IDC_PAT").inputValue()).toBe(dubois?.niss);
}

async function grantedOrigins(launched: LaunchedExtension): Promise<string[]> {
  const { activeTabGrants } = await launched.serviceWorker.evaluate(() =>
    chrome.storage.session.get("activeTabGrants"),
  );
  return Object.values(activeTabGrants ?? {}) as string[];
}

describe("a chart open before the extension runs gets the overlay", () => {
  it("installed into the running browser, then updated, then the browser started again", async () => {
    let chart: Page | undefined;
    browser = await launchExtension({
      args: [HOSTS],
      installAfterStart: true,
      atStart: async (context) => {
        chart = await context.newPage();
        await chart.goto(chartUrl());
      },
    });
    if (!chart) throw new Error("no chart page");
    await configure(browser);
    await expectOverlayPrefilled(chart);
    await shot(chart, "open-before-1-installed");

    // An update (the extension installed again over itself): the copy in the page is
    // orphaned, it can no longer reach the background. The new background's copy takes the
    // page over: one overlay, that talks to the new background.
    await chart
      .locator("[data-spine-register]")
      .evaluate((host) => host.setAttribute("data-e2e-before-update", ""));
    const restarted = browser.context.waitForEvent("serviceworker", { timeout: 20_000 });
    const cdp = await browserSession(browser.context);
    await cdp.send("Extensions.loadUnpacked", { path: EXTENSION_DIR });
    await cdp.detach();
    browser = { ...browser, serviceWorker: await restarted };
    await chart
      .locator("[data-spine-register]:not([data-e2e-before-update])")
      .waitFor({ state: "attached", timeout: 20_000 });
    await expectOverlayPrefilled(chart);

    // The browser started again, the chart opened first thing.
    const { userDataDir } = browser;
    await browser.close({ keepProfile: true });
    browser = await launchExtension({
      args: [HOSTS],
      userDataDir,
      atStart: async (context) => {
        chart = context.pages()[0] ?? (await context.newPage());
        await chart.goto(chartUrl());
      },
    });
    await expectOverlayPrefilled(chart);
    await shot(chart, "open-before-2-restarted");
  });
});

describe("the toolbar button opens the registration on any page", () => {
  it("reads a chart of an origin no setting names, a plain page, and forgets the grant", async () => {
    browser = await launchExtension({ args: [HOSTS] });
    await configure(browser);
    const page = await browser.context.newPage();

    // A chart on an origin of no setting: no overlay until the user asks for it.
    const chartElsewhere = elsewhere("ehr-elsewhere", chartPath);
    await page.goto(chartElsewhere);
    await page.waitForTimeout(1000);
    expect(await overlay(page).root.count()).toBe(0);
    await clickToolbarButton(browser, page);
    const o = overlay(page);
    await expect
      .poll(() => o.field("IDC_PAT").inputValue(), { timeout: 20_000 })
      .toBe(dubois?.niss);
    expect(await o.field("TX_PAT_LAST_NAM").inputValue()).toBe("DUBOIS");
    expect(await grantedOrigins(browser)).toEqual([new URL(chartElsewhere).origin]);
    // The form's own requests pass the background's sender check on the granted tab.
    await expect.poll(() => o.banner.textContent()).toContain("281120: Enregistrement obligatoire");
    await expect.poll(() => o.banner.textContent()).not.toContain("Vérification");
    await shot(page, "toolbar-1-unconfigured-chart");

    // A page that is no chart: the form opens all the same, with nothing to prefill.
    const plain = elsewhere("plain", "/");
    await page.goto(plain);
    await expect.poll(() => grantedOrigins(browser as LaunchedExtension)).toEqual([]);
    await clickToolbarButton(browser, page);
    await o.field("IDC_PAT").waitFor({ timeout: 20_000 });
    expect(await o.field("IDC_PAT").inputValue()).toBe("");
    expect(await grantedOrigins(browser)).toEqual([new URL(plain).origin]);
    await shot(page, "toolbar-2-plain-page");

    // To a configured chart: the grant of the page left is over; the button opens the form
    // of the overlay already there, without a second copy.
    await page.goto(chartUrl());
    await expect.poll(() => grantedOrigins(browser as LaunchedExtension)).toEqual([]);
    await o.launcher.waitFor({ state: "visible", timeout: 20_000 });
    await o.root.evaluate((host) => host.setAttribute("data-e2e-first", ""));
    await clickToolbarButton(browser, page);
    await expect.poll(() => o.field("IDC_PAT").inputValue()).toBe(dubois?.niss);
    expect(await page.locator("[data-spine-register][data-e2e-first]").count()).toBe(1);
    expect(await o.root.count()).toBe(1);
  });
});
