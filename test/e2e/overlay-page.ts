import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Locator, Page } from "playwright-core";

export const SCREENSHOTS = resolve(import.meta.dirname, "../../test-results/e2e");
mkdirSync(SCREENSHOTS, { recursive: true });

/** The overlay inside the page (Playwright's CSS pierces the open shadow root). */
export function overlay(page: Page) {
  const root = page.locator("[data-spine-register]");
  return {
    root,
    launcher: root.locator(".launcher"),
    field: (name: string): Locator => root.locator(`[name="${name}"]`).first(),
    choice: (name: string, value: string): Locator =>
      root.locator(`[name="${name}"][value="${value}"]`),
    issuesOf: (name: string): Locator => root.locator(`#f-${name}-issues`),
    sourceOf: (name: string): Locator => root.locator(`#f-${name}-source`),
    banner: root.locator("[data-testid=eligibility]"),
    status: root.locator("[data-testid=status]"),
    code: root.locator("[data-testid=registration-code]"),
    button: (name: RegExp): Locator => root.getByRole("button", { name }),
  };
}

export async function openOverlay(page: Page, url: string): Promise<ReturnType<typeof overlay>> {
  await page.goto(url);
  const o = overlay(page);
  await o.launcher.waitFor({ state: "visible", timeout: 15_000 });
  await o.launcher.click();
  await o.field("IDC_PAT").waitFor({ timeout: 15_000 });
  return o;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** One entry of the form: a choice in a list, a date typed, or a box/radio ticked. */
export interface FormStep {
  action: "select" | "fill" | "check";
  name: string;
  value: string;
}

/**
 * The clinical part no EHR page holds, as the surgeon enters it: an elective posterior
 * discectomy at C5-C6 without implant, MDT held before surgery.
 */
export function clinicalPart(mdtDate: string): FormStep[] {
  return [
    { action: "select", name: "CD_MDT", value: "1" },
    { action: "fill", name: "D_MDT", value: mdtDate },
    { action: "select", name: "CD_PATHOLOGY", value: "1" },
    { action: "select", name: "CD_LEVEL_FROM", value: "C5" },
    { action: "select", name: "CD_LEVEL_TO", value: "C6" },
    { action: "select", name: "CD_PREV_SURG", value: "0" },
    { action: "check", name: "CD_APPROACH", value: "2" },
    { action: "check", name: "CD_PROCEDURE", value: "2" },
    { action: "check", name: "FL_IMPLANT", value: "false" },
    { action: "check", name: "CD_COMPL_PEROP", value: "0" },
  ];
}

export async function fillClinicalPart(
  o: ReturnType<typeof overlay>,
  mdtDate: string,
): Promise<void> {
  for (const step of clinicalPart(mdtDate)) {
    if (step.action === "select") await o.field(step.name).selectOption(step.value);
    else if (step.action === "fill") await o.field(step.name).fill(step.value);
    else await o.choice(step.name, step.value).check();
  }
}
