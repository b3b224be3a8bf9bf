import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { GECKO_ID } from "../../extension/src/extension-id.ts";
import { firefoxPolicies } from "../../scripts/policy/firefox-policies.ts";

export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
export const FIREFOX_EXTENSION_DIR = resolve(
  import.meta.dirname,
  "../../extension/.output/firefox-mv3",
);

export interface LaunchedFirefox {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi (Playwright drives only its own
 * patched Firefox, which cannot be downloaded here), with the built extension installed and
 * configured as a hospital would: by enterprise policy. Firefox reads one policies.json,
 * in its installation's distribution folder: a file already there is put back afterwards.
 *
 * The policy also pins the extension's internal UUID, so that its origin,
 * moz-extension://<uuid>, is known to the worker's ALLOWED_ORIGINS.
 */
export async function launchFirefox(options: {
  uuid: string;
  settings: Record<string, unknown>;
}): Promise<LaunchedFirefox> {
  const policyFile = join(dirname(realpathSync(FIREFOX)), "distribution/policies.json");
  const previous = existsSync(policyFile) ? readFileSync(policyFile) : undefined;
  const restore = () => {
    if (previous) writeFileSync(policyFile, previous);
    else rmSync(policyFile, { force: true });
  };
  // As `npm run policy` writes it for a hospital, minus the forced install from its server.
  writeFileSync(
    policyFile,
    JSON.stringify(
      firefoxPolicies({ geckoId: GECKO_ID, geckoUuid: options.uuid }, options.settings),
    ),
  );
  try {
    const browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: { "intl.accept_languages": "fr-BE, fr" },
    });
    try {
      await browser.installExtension(FIREFOX_EXTENSION_DIR);
    } catch (error) {
      await browser.close();
      throw error;
    }
    return {
      browser,
      close: async () => {
        await browser.close();
        restore();
      },
    };
  } catch (error) {
    restore();
    throw error;
  }
}
