import type { Page } from "puppeteer-core";
import type { FormStep } from "./overlay-page.ts";

/**
 * The overlay in the page's open shadow root, for Puppeteer (the Firefox test): its `>>>`
 * combinator pierces the shadow root, as Playwright's CSS does in overlay-page.ts.
 */
export function firefoxOverlay(page: Page) {
  const inside = (selector: string) => `[data-spine-register] >>> ${selector}`;
  const textOf = (selector: string) =>
    page.$eval(inside(selector), (element) => element.textContent ?? "");
  return {
    inside,
    textOf,
    valueOf: (name: string) =>
      page.$eval(inside(`[name="${name}"]`), (element) => (element as HTMLInputElement).value),
    /** Waits until the element is there and its text matches. */
    async waitForText(selector: string, expected: string | RegExp) {
      const deadline = Date.now() + 30_000;
      let seen = "(no such element)";
      for (;;) {
        const text = await textOf(selector).catch(() => undefined);
        if (text !== undefined) {
          seen = JSON.stringify(text);
          if (typeof expected === "string" ? text.includes(expected) : expected.test(text)) return;
        }
        if (Date.now() > deadline) throw new Error(`${selector}: ${seen} never matched`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    /** Clicks the overlay's button with that exact name. */
    async clickButton(name: string) {
      for (const button of await page.$$(inside("button"))) {
        if ((await button.evaluate((element) => element.textContent?.trim())) === name) {
          await button.click();
          return;
        }
      }
      throw new Error(`no button "${name}" in the overlay`);
    },
    /** Sets a control as a surgeon would: its value, then the events the form listens to. */
    async set(step: FormStep) {
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
    /** Opens the chart, then the overlay from its launcher. */
    async open(url: string) {
      await page.goto(url);
      await page.waitForSelector(inside(".launcher"), { visible: true, timeout: 20_000 });
      await page.click(inside(".launcher"));
      await page.waitForSelector(inside('[name="IDC_PAT"]'), { timeout: 20_000 });
    },
  };
}
