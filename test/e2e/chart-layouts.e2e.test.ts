import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDemoPatient } from "../../scripts/demo-ehr/demo-patients.ts";
import { clickToolbarButton } from "./click-toolbar-button.ts";
import {
  configureExtension,
  type LaunchedExtension,
  launchExtension,
  RELEASE_EXTENSION_DIR,
} from "./launch-extension.ts";
import { openOverlay, overlay, shot } from "./overlay-page.ts";
import { E2E_TOKEN, type E2eStack, startE2eStack } from "./start-e2e-stack.ts";

// Charts nobody here wrote the reader for: labelled unlike the DCD (German, English), in a
// frame of a portal, with an operative report the form proposes the clinical part from. In
// Debian's Chromium, against the real worker and the HD4DP emulator.
let stack: E2eStack;
let browser: LaunchedExtension;

function patient(id: string) {
  const found = findDemoPatient(id);
  if (!found) throw new Error(`no demo patient ${id}`);
  return found;
}

const settings = () => ({
  workerUrl: stack.worker.url,
  apiToken: E2E_TOKEN,
  ehrOrigins: ["http://127.0.0.1/*"],
});

beforeAll(async () => {
  stack = await startE2eStack();
  browser = await launchExtension({ locale: "de-BE" });
  await configureExtension(browser.serviceWorker, { ...settings(), language: "auto" });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/**
 * The node id of an element inside the overlay's shadow root, through DevTools (which sees
 * closed roots), or 0 when it is not there.
 */
async function nodeInOverlay(cdp: CDPSession, selector: string): Promise<number> {
  const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
  type DomNode = typeof root;
  const find = (node: DomNode): DomNode | undefined =>
    node.attributes?.includes("data-spine-register")
      ? node
      : [...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]
          .map(find)
          .find((found) => found !== undefined);
  const shadow = find(root)?.shadowRoots?.[0];
  if (!shadow) return 0;
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: shadow.nodeId, selector });
  return nodeId;
}

/** The overlay hosts of the page and of its frames: one launcher per chart. */
async function overlayHosts(page: Page): Promise<number> {
  let hosts = 0;
  for (const frame of page.frames()) hosts += await frame.locator("[data-spine-register]").count();
  return hosts;
}

describe("charts labelled otherwise, framed, with an operative report", () => {
  it("German chart: prefilled, the report's proposals accepted with their sentence, sent", async () => {
    const schmitz = patient("de-schmitz");
    const page = await browser.context.newPage();
    const o = await openOverlay(page, `${stack.ehr.url}/de/akte/de-schmitz`);
    await expect.poll(() => o.field("IDC_PAT").inputValue()).toBe(schmitz.niss);
    expect(await o.field("D_SURG").inputValue()).toBe(schmitz.surgery);
    expect(await o.field("D_PAT_DOB").inputValue()).toBe(schmitz.birthDate);
    expect(await o.field("CD_NOMEN").inputValue()).toBe("281120");
    expect(await o.field("CD_HPIN").inputValue()).toBe(schmitz.surgeonNihii);
    await expect.poll(() => o.banner.textContent()).toContain("281120: Registrierung");

    // Each proposal with the sentence it was read from; nothing filled in before a click.
    const proposals = o.root.locator(".report-proposals");
    await expect.poll(() => proposals.textContent()).toContain("Vorschläge aus dem OP-Bericht");
    expect(await proposals.textContent()).toContain(
      "Mikrochirurgische Diskektomie C5/6 unter dem Operationsmikroskop.",
    );
    expect(await o.field("CD_LEVEL_FROM").inputValue()).toBe("");
    await shot(page, "de-1-proposals");

    // One rejected (the technique), the others accepted at once.
    await o.button(/^Ablehnen: Technik/).click();
    await expect.poll(() => proposals.textContent()).toContain("Abgelehnt");
    await o.button(/^Alle angezeigten annehmen/).click();
    expect(await o.field("CD_LEVEL_FROM").inputValue()).toBe("C5");
    expect(await o.field("CD_LEVEL_TO").inputValue()).toBe("C6");
    expect(await o.field("CD_PATHOLOGY").inputValue()).toBe("1");
    expect(await o.choice("CD_APPROACH", "1").isChecked()).toBe(true);
    expect(await o.choice("CD_PROCEDURE", "2").isChecked()).toBe(true);
    expect(await o.choice("FL_IMPLANT", "true").isChecked()).toBe(true);
    expect(await o.field("IMPLANT[1].CD_IMPL_TYPE").inputValue()).toBe("3");
    expect(await o.choice("CD_TECH", "1").isChecked()).toBe(false);
    await shot(page, "de-2-accepted");

    // What no report says, as the surgeon enters it.
    await o.field("CD_MDT").selectOption("1");
    await o.field("D_MDT").fill("2025-05-20");
    await o.field("CD_PREV_SURG").selectOption("0");
    await o.field("IMPLANT[1].MS_IMPL_QTY").fill("1");
    await o.choice("CD_COMPL_PEROP", "0").check();
    await o.button(/^Senden$/).click();
    await o.code.waitFor({ timeout: 30_000 });
    expect(await o.status.textContent()).toContain("Gesendet");
    await shot(page, "de-3-sent");
    await page.close();
  });

  it("English chart: read by its own words (SSIN, D.O.B., Surgeon (NIHII))", async () => {
    await configureExtension(browser.serviceWorker, { language: "en" });
    const carter = patient("en-carter");
    const page = await browser.context.newPage();
    const o = await openOverlay(page, `${stack.ehr.url}/en/chart/en-carter`);
    await expect.poll(() => o.field("IDC_PAT").inputValue()).toBe(carter.niss);
    expect(await o.field("TX_PAT_LAST_NAM").inputValue()).toBe("CARTER");
    expect(await o.field("D_PAT_DOB").inputValue()).toBe(carter.birthDate);
    expect(await o.field("D_SURG").inputValue()).toBe(carter.surgery);
    expect(await o.field("CD_NOMEN").inputValue()).toBe("281116 281120");
    expect(await o.field("CD_HPIN").inputValue()).toBe(carter.surgeonNihii);
    await expect
      .poll(() => o.root.locator(".report-proposals").textContent())
      .toContain("Discectomy C6-C7 under the operating microscope");
    await shot(page, "en-1-prefilled");
    await page.close();
    await configureExtension(browser.serviceWorker, { language: "auto" });
  });

  it("a chart in a same-origin frame of a portal: one launcher, the frame's chart read", async () => {
    const dubois = patient("fr-dubois");
    const page = await browser.context.newPage();
    await page.goto(`${stack.ehr.url}/portal/fr-dubois`);
    const o = overlay(page);
    await o.launcher.waitFor({ state: "visible", timeout: 15_000 });
    // Give the frame's own copy the time to start: it must stay quiet.
    await page.frameLocator("iframe").locator("h1, h2").first().waitFor();
    await page.waitForTimeout(500);
    expect(await overlayHosts(page)).toBe(1);
    await o.launcher.click();
    await expect.poll(() => o.field("IDC_PAT").inputValue()).toBe(dubois.niss);
    expect(await o.field("D_SURG").inputValue()).toBe(dubois.surgery);
    expect(await o.field("CD_NOMEN").inputValue()).toBe("281120");
    await expect
      .poll(() => o.root.locator(".report-proposals").textContent())
      .toContain("Discectomie C5-C6 sous microscope opératoire");
    await shot(page, "portal-1-prefilled");
    await page.close();
  });
});

describe("the release build", () => {
  it("has no host access of its own, keeps the overlay's root closed to the page, and works", async () => {
    const release = await launchExtension({
      locale: "fr-BE",
      extensionDir: RELEASE_EXTENSION_DIR,
    });
    try {
      const manifest = await release.serviceWorker.evaluate(() => chrome.runtime.getManifest());
      expect(manifest.host_permissions ?? []).toEqual([]);
      await configureExtension(release.serviceWorker, { ...settings(), language: "fr" });
      const page = await release.context.newPage();
      await page.goto(`${stack.ehr.url}/fr/dossier/fr-dubois`);
      // No access to the demo EHR's origin until granted: the toolbar button grants this tab.
      await page.waitForTimeout(500);
      expect(await page.locator("[data-spine-register]").count()).toBe(0);
      await clickToolbarButton(release, page);
      const host = page.locator("[data-spine-register]");
      await host.waitFor({ state: "attached", timeout: 15_000 });
      // The page's own scripts find the host, but no way into it.
      expect(await host.evaluate((element) => element.shadowRoot === null)).toBe(true);
      // DevTools sees into closed roots: the form the toolbar button opened is there.
      const cdp = await release.context.newCDPSession(page);
      await expect
        .poll(() => nodeInOverlay(cdp, '[name="IDC_PAT"]'), { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(await host.evaluate((element) => element.shadowRoot === null)).toBe(true);
      await shot(page, "release-closed-root");
    } finally {
      await release.close();
    }
  });
});
