import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Worker } from "playwright-core";

export const EXTENSION_DIR = resolve(import.meta.dirname, "../../extension/.output/chrome-mv3");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface LaunchedExtension {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension, headless. Only a persistent context loads an
 * unpacked MV3 extension headless (stack.md); every run gets its own profile directory.
 */
export async function launchExtension(
  options: {
    locale?: string /** Another build, e.g. the baseline of a benchmark. */;
    extensionDir?: string;
  } = {},
): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = await mkdtemp(join(tmpdir(), "spine-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.locale ?? "fr-BE",
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      `--lang=${options.locale ?? "fr-BE"}`,
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  // The content script is registered at run time: wait until the background did it.
  await waitFor(async () =>
    serviceWorker.evaluate(
      async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0,
    ),
  );
  return {
    context,
    serviceWorker,
    extensionId,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sets the extension's user settings as the options page would (storage.local). */
export async function configureExtension(
  worker: Worker,
  settings: Record<string, unknown>,
): Promise<void> {
  await worker.evaluate(async (values) => {
    const current = (await chrome.storage.local.get("settings")).settings ?? {};
    await chrome.storage.local.set({ settings: { ...current, ...values } });
  }, settings);
}
