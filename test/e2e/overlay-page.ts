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

/**
 * The clinical part no EHR page holds, as the surgeon enters it: an elective posterior
 * discectomy at C5-C6 without implant, MDT held before surgery.
 */
export async function fillClinicalPart(
  o: ReturnType<typeof overlay>,
  mdtDate: string,
): Promise<void> {
  await o.field("CD_MDT").selectOption("1");
  await o.field("D_MDT").fill(mdtDate);
  await o.field("CD_PATHOLOGY").selectOption("1");
  await o.field("CD_LEVEL_FROM").selectOption("C5");
  await o.field("CD_LEVEL_TO").selectOption("C6");
  await o.field("CD_PREV_SURG").selectOption("0");
  await o.choice("CD_APPROACH", "2").check();
  await o.choice("CD_PROCEDURE", "2").check();
  await o.choice("FL_IMPLANT", "false").check();
  await o.choice("CD_COMPL_PEROP", "0").check();
}
