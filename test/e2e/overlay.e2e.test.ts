import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDemoPatient } from "../../scripts/demo-ehr/demo-patients.ts";
import { configureExtension, type LaunchedExtension, launchExtension } from "./launch-extension.ts";
import { fillClinicalPart, openOverlay, overlay, shot } from "./overlay-page.ts";
import { E2E_TOKEN, type E2eStack, startE2eStack } from "./start-e2e-stack.ts";

let stack: E2eStack;
let browser: LaunchedExtension;
const consoleLines: string[] = [];

function patient(id: string) {
  const found = findDemoPatient(id);
  if (!found) throw new Error(`no demo patient ${id}`);
  return found;
}

async function newPage(): Promise<Page> {
  const page = await browser.context.newPage();
  page.on("console", (message) => consoleLines.push(message.text()));
  page.on("pageerror", (error) => consoleLines.push(error.message));
  return page;
}

beforeAll(async () => {
  stack = await startE2eStack();
  browser = await launchExtension({ locale: "fr-BE" });
  await configureExtension(browser.serviceWorker, {
    workerUrl: stack.worker.url,
    apiToken: E2E_TOKEN,
    language: "auto",
    // A release build reads no EHR until told which (the demo EHR is on 127.0.0.1).
    ehrOrigins: ["http://127.0.0.1/*"],
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("the overlay on the demo EHR, against the real worker and the HD4DP emulator", () => {
  it("fr chart: prefilled values with their source, an error fixed, Send, registration code", async () => {
    const dubois = patient("fr-dubois");
    const page = await newPage();
    await page.goto(`${stack.ehr.url}/fr/dossier/fr-dubois`);
    await shot(page, "fr-1-chart");
    const o = await openOverlay(page, `${stack.ehr.url}/fr/dossier/fr-dubois`);

    await expect.poll(() => o.field("IDC_PAT").inputValue()).toBe(dubois.niss);
    expect(await o.field("TX_PAT_LAST_NAM").inputValue()).toBe("DUBOIS");
    expect(await o.field("D_PAT_DOB").inputValue()).toBe("1961-04-23");
    expect(await o.field("CD_PAT_SEX").inputValue()).toBe("248152002");
    expect(await o.field("D_SURG").inputValue()).toBe("2025-03-11");
    expect(await o.field("CD_NOMEN").inputValue()).toBe("281120");
    expect(await o.field("CD_HPIN").inputValue()).toBe(dubois.surgeonNihii);
    await expect.poll(() => o.sourceOf("IDC_PAT").textContent()).toContain("« NISS »");
    // The worker's answer replaces the browser's own decision.
    await expect.poll(() => o.banner.textContent()).toContain("281120: Enregistrement obligatoire");
    await expect.poll(() => o.banner.textContent()).not.toContain("Vérification");
    await shot(page, "fr-2-prefilled");

    const axe = await new AxeBuilder({ page }).include("[data-spine-register]").analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual(
      [],
    );

    // An error: "not applicable" MDT on an elective surgery, reported beside the field.
    await o.field("CD_MDT").selectOption("3");
    await expect.poll(() => o.issuesOf("CD_MDT").textContent()).toContain("urgente");
    expect(await o.field("CD_MDT").getAttribute("aria-invalid")).toBe("true");
    await shot(page, "fr-3-error");

    await fillClinicalPart(o, "2025-02-20");
    await expect.poll(() => o.issuesOf("CD_MDT").textContent()).toBe("");
    await o.button(/^Envoyer$/).click();
    await o.code.waitFor({ timeout: 30_000 });
    expect(await o.status.textContent()).toContain("Envoyé");
    expect(await o.code.textContent()).toMatch(/\S+/);
    await shot(page, "fr-4-sent");
    expect(stack.emulator.received().deliveries.length).toBeGreaterThanOrEqual(1);

    // Keyboard: Escape closes the panel and gives the focus back to the launcher.
    await page.keyboard.press("Escape");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.hasAttribute("data-spine-register")))
      .toBe(true);
    await page.close();
  });

  it("nl chart: late-rendered single-page chart read by the declarative profile", async () => {
    await configureExtension(browser.serviceWorker, { language: "nl" });
    const peeters = patient("nl-peeters");
    const page = await newPage();
    const o = await openOverlay(page, `${stack.ehr.url}/nl/patient/nl-peeters`);
    await expect.poll(() => o.field("IDC_PAT").inputValue()).toBe(peeters.niss);
    expect(await o.field("TX_PAT_FIRST_NAM").inputValue()).toBe("Jan");
    expect(await o.field("CD_NOMEN").inputValue()).toBe("281120 105092");
    await expect.poll(() => o.sourceOf("IDC_PAT").textContent()).toContain("Demo EHR (nl)");
    await expect.poll(() => o.banner.textContent()).toContain("105092: Niet van toepassing");
    expect(await o.banner.textContent()).toContain("281120: Registratie verplicht");
    await shot(page, "nl-1-prefilled");
    await fillClinicalPart(o, "2025-01-15");
    await o.button(/^Verzenden$/).click();
    await o.code.waitFor({ timeout: 30_000 });
    expect(await o.status.textContent()).toContain("Verzonden");
    await shot(page, "nl-2-sent");
    await page.close();
    await configureExtension(browser.serviceWorker, { language: "auto" });
  });

  it("foreign patient: no NISS, names required, residence 9999", async () => {
    const page = await newPage();
    const o = await openOverlay(page, `${stack.ehr.url}/fr/dossier/fr-schneider`);
    expect(await o.field("IDC_PAT").inputValue()).toBe("");
    await expect.poll(() => o.field("CD_PAT_PLC_RESDC").inputValue()).toBe("9999");
    expect(await o.field("TX_PAT_LAST_NAM").inputValue()).toBe("SCHNEIDER");
    expect(await o.field("TX_PAT_FIRST_NAM").inputValue()).toBe("Lukas");
    expect(await o.field("CD_URGENCY").inputValue()).toBe("2");
    await shot(page, "foreign-1-prefilled");
    await fillClinicalPart(o, "2025-03-20");
    // Urgent surgery: "not applicable" MDT is allowed here.
    await o.field("CD_MDT").selectOption("3");
    await o.button(/^Envoyer$/).click();
    await o.code.waitFor({ timeout: 30_000 });
    await shot(page, "foreign-2-sent");
    await page.close();
  });

  it("exempt code: the banner says exempt and the form warns that no registration is required", async () => {
    const page = await newPage();
    const o = await openOverlay(page, `${stack.ehr.url}/fr/dossier/fr-lambert`);
    await expect.poll(() => o.banner.textContent()).toContain("224685: Exempté");
    await expect.poll(() => o.issuesOf("CD_NOMEN").textContent()).not.toBe("");
    expect(await o.root.locator("#f-CD_NOMEN-issues .warning").count()).toBeGreaterThan(0);
    await shot(page, "exempt-1-banner");
    await page.close();
  });

  it("code that needs no registration: the banner says not in scope", async () => {
    const page = await newPage();
    const o = await openOverlay(page, `${stack.ehr.url}/nl/patient/nl-janssens`);
    await expect.poll(() => o.banner.textContent()).toContain("105092: Hors champ");
    expect(await o.root.locator("#f-CD_NOMEN-issues .warning").count()).toBeGreaterThan(0);
    await shot(page, "not-in-scope-1-banner");
    await page.close();
  });

  it("emulator down: the registration waits as queued, then becomes Sent once it is back", async () => {
    const page = await newPage();
    const o = await openOverlay(page, `${stack.ehr.url}/nl/patient/nl-janssens`);
    // The surgeon adds the spine act that the chart's billing was missing.
    await o.field("CD_NOMEN").fill("105092 281120");
    await fillClinicalPart(o, "2025-05-01");
    stack.emulator.setFaults({ down: true });
    await o.button(/^Envoyer$/).click();
    await expect
      .poll(() => o.status.textContent(), { timeout: 20_000 })
      .toContain("file d'attente")
      .catch(async (error: unknown) => {
        await shot(page, "down-failure");
        throw error;
      });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await o.status.textContent()).toContain("file d'attente");
    await shot(page, "down-1-queued");
    stack.emulator.setFaults({});
    await o.code.waitFor({ timeout: 60_000 });
    expect(await o.status.textContent()).toContain("Envoyé");
    await shot(page, "down-2-sent");
    await page.close();
  });

  it("changing a business-key field of a sent registration asks first: the registry would keep both", async () => {
    const page = await newPage();
    const o = await openOverlay(page, `${stack.ehr.url}/fr/dossier/fr-dubois`);
    await fillClinicalPart(o, "2025-02-20");
    await o.button(/^Envoyer$/).click();
    await o.code.waitFor({ timeout: 30_000 });
    const deliveries = stack.emulator.received().deliveries.length;

    // The surgery date is part of SPIN_SURG's business key (IDC_PAT, D_SURG, CD_HPIN).
    await o.field("D_SURG").fill("2025-03-12");
    await o.button(/^Envoyer$/).click();
    const dialog = o.root.getByRole("alertdialog");
    await dialog.waitFor({ timeout: 15_000 });
    expect(await dialog.textContent()).toContain("Modifier un champ d'identification");
    expect(await dialog.textContent()).toContain(
      "le registre gardera l'ancien enregistrement ET en créera un nouveau",
    );
    expect(await dialog.textContent()).toContain("Date de l'intervention");
    // The safe choice has the focus.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelector("[data-spine-register]")?.shadowRoot?.activeElement?.textContent,
        ),
      )
      .toBe("Annuler");
    await shot(page, "key-change-1-confirm");

    // Cancel: nothing is sent, the sent registration stays as it was.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(stack.emulator.received().deliveries.length).toBe(deliveries);
    expect(await o.status.textContent()).toContain("Envoyé");
    await shot(page, "key-change-2-cancelled");

    // A change outside the business key is a correction of the same record: no question.
    await o.field("D_SURG").fill("2025-03-11");
    await o.field("D_MDT").fill("2025-02-21");
    await o.button(/^Envoyer$/).click();
    await expect.poll(() => o.status.textContent(), { timeout: 30_000 }).toContain("Envoyé");
    expect(await dialog.count()).toBe(0);
    await page.close();
  });

  it("popup: a saved draft is reopened in its chart with the values the surgeon entered", async () => {
    const page = await newPage();
    const o = await openOverlay(page, `${stack.ehr.url}/fr/dossier/fr-lambert`);
    await o.field("CD_MDT").selectOption("1");
    await o.field("D_MDT").fill("2025-01-15");
    await o.button(/^Enregistrer le brouillon$/).click();
    await expect
      .poll(() => o.status.textContent(), { timeout: 30_000 })
      .toMatch(/Ouvert|file d'attente/);
    await shot(page, "draft-1-saved");
    await page.close();

    const popup = await newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const draft = popup.locator("li", { has: popup.getByRole("button", { name: "Rouvrir" }) });
    await draft.first().waitFor({ timeout: 15_000 });
    expect(await draft.first().textContent()).toContain("brouillon");
    await shot(popup, "draft-2-popup");
    const reopened = browser.context.waitForEvent("page");
    await draft.first().getByRole("button", { name: "Rouvrir" }).click();
    const chart = await reopened;
    chart.on("console", (message) => consoleLines.push(message.text()));
    const again = overlay(chart);
    // The overlay opens by itself on the draft, with what was entered and never on the page.
    await again.field("D_MDT").waitFor({ timeout: 20_000 });
    await expect.poll(() => again.field("D_MDT").inputValue()).toBe("2025-01-15");
    expect(await again.field("CD_MDT").inputValue()).toBe("1");
    expect(chart.url()).toBe(`${stack.ehr.url}/fr/dossier/fr-lambert`);
    await shot(chart, "draft-3-reopened");
    await chart.close();
  });

  it("popup: lists the registrations of this browser with their state and code", async () => {
    const page = await newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => page.locator("li[data-state=sent]").count()).toBeGreaterThanOrEqual(4);
    await shot(page, "popup-1-list");
    await page.close();
  });

  it("popup and options page: axe reports no violations", async () => {
    for (const path of ["popup.html", "options.html"]) {
      const page = await newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.locator("main h1").waitFor();
      if (path === "popup.html") await page.locator("li[data-state]").first().waitFor();
      const axe = await new AxeBuilder({ page }).analyze();
      expect(
        axe.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
      ).toEqual([]);
      await shot(page, `axe-${path.replace(".html", "")}`);
      await page.close();
    }
  });

  it("wrote no patient data to the console", () => {
    const dubois = patient("fr-dubois");
    const secrets = [dubois.niss ?? "", "DUBOIS", "Dubois", "Peeters", "Schneider", "61.04.23"];
    for (const line of consoleLines)
      for (const secret of secrets) expect(line).not.toContain(secret);
  });
});
