import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, type CDPSession, chromium, type Worker } from "playwright-core";

/** The build for the tests: the release build but for an open shadow root (see shadow-root-mode.ts). */
export const EXTENSION_DIR = resolve(import.meta.dirname, "../../extension/.output/chrome-mv3-e2e");
/** The release build itself. */
export const RELEASE_EXTENSION_DIR = resolve(
  import.meta.dirname,
  "../../extension/.output/chrome-mv3",
);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface LaunchedExtension {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** The profile: give it to launchExtension again to start the browser again with it. */
  userDataDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/**
 * Debian's Chromium with the built extension, headless. Only a persistent context loads an
 * unpacked MV3 extension headless (docs/stack.md); every run gets its own profile directory,
 * unless it starts the browser again on the profile of an earlier run.
 */
export async function launchExtension(
  options: {
    locale?: string;
    /** Another build, e.g. the baseline of a benchmark. */
    extensionDir?: string;
    /** The profile of an earlier run, closed with keepProfile. */
    userDataDir?: string;
    /** Runs as soon as the browser has started, before its extension's background is ready. */
    atStart?: (context: BrowserContext) => Promise<void>;
    /**
     * Installs the extension after atStart, into the running browser, as a policy's
     * force-install lands on a browser already open (DevTools' Extensions domain).
     */
    installAfterStart?: boolean;
    /** More command-line switches for Chromium. */
    args?: string[];
  } = {},
): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), "spine-e2e-")));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.locale ?? "fr-BE",
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      ...(options.installAfterStart ? [] : [`--load-extension=${extensionDir}`]),
      // The DevTools protocol may install the extension, and click its toolbar button.
      "--enable-unsafe-extension-debugging",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      `--lang=${options.locale ?? "fr-BE"}`,
      ...(options.args ?? []),
    ],
  });
  await options.atStart?.(context);
  if (options.installAfterStart) {
    const cdp = await browserSession(context);
    await cdp.send("Extensions.loadUnpacked", { path: extensionDir });
    await cdp.detach();
  }
  let serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  // The content script is registered at run time: wait until the background has applied the
  // settings once (a build older than lastEhrOrigins: until it has registered the script).
  // Asked of the latest worker: the one started by an install may be replaced at once.
  await waitFor(async () => {
    serviceWorker = context.serviceWorkers().at(-1) ?? serviceWorker;
    return serviceWorker.evaluate(
      async () =>
        (await chrome.scripting.getRegisteredContentScripts()).length > 0 ||
        "lastEhrOrigins" in (await chrome.storage.local.get("lastEhrOrigins")),
    );
  });
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    userDataDir,
    close: async ({ keepProfile = false } = {}) => {
      await context.close();
      if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The browser's own DevTools session (not a page's): Extensions, Target. */
export async function browserSession(context: BrowserContext): Promise<CDPSession> {
  const browser = context.browser();
  if (!browser) throw new Error("no browser behind this context");
  return browser.newBrowserCDPSession();
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A check may never answer (a worker that the browser is replacing): then it is a no.
    const answer = Promise.race([
      check().catch(() => false),
      new Promise<false>((r) => setTimeout(() => r(false), 5_000)),
    ]);
    if (await answer) return;
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
