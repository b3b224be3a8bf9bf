import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { GECKO_ID } from "../../extension/src/extension-id.ts";
import { firefoxPolicies } from "../../scripts/policy/firefox-policies.ts";

const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const EXTENSION_DIR = resolve(import.meta.dirname, "../../extension/.output/firefox-mv3-e2e");

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi (Playwright drives only its own
 * patched Firefox, which cannot be downloaded here), with the built extension installed and
 * configured as a hospital would: by enterprise policy, in the shape `npm run policy` writes
 * (minus the forced install from the hospital's server).
 *
 * Firefox reads its one policies.json, in its installation's distribution folder, once at
 * start-up: the file is there only while Firefox starts, and a file already there is put back
 * at once.
 */
export async function launchFirefox(
  settings: Record<string, unknown>,
  options: {
    /** Runs in the browser before the extension is installed (pages already open). */
    beforeInstall?: (browser: Browser) => Promise<void>;
    /** Host names answered by 127.0.0.1 (origins that no setting names, for instance). */
    localHosts?: string[];
  } = {},
): Promise<Browser> {
  const policyFile = join(dirname(realpathSync(FIREFOX)), "distribution/policies.json");
  const previous = existsSync(policyFile) ? readFileSync(policyFile) : undefined;
  writeFileSync(policyFile, JSON.stringify(firefoxPolicies(GECKO_ID, settings)));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      // WebDriver BiDi may run script in Firefox's own window: the toolbar button is there.
      args: ["--remote-allow-system-access"],
      extraPrefsFirefox: {
        "intl.accept_languages": "fr-BE, fr",
        ...(options.localHosts ? { "network.dns.localDomains": options.localHosts.join(",") } : {}),
      },
    });
  } finally {
    if (previous) writeFileSync(policyFile, previous);
    else rmSync(policyFile, { force: true });
  }
  try {
    await options.beforeInstall?.(browser);
    await browser.installExtension(EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}
