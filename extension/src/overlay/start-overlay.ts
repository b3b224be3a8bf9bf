import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import { BUILTIN_PROFILES } from "../adapters/builtin-profiles.ts";
import { observePageChanges } from "../adapters/observe-page-changes.ts";
import { preparePageReader } from "../adapters/prepare-page-reader.ts";
import { runInSlices } from "../adapters/run-in-slices.ts";
import { type ScanResult, scanPageInSteps } from "../adapters/scan-page.ts";
import type { PageConfig } from "../messages/extension-message.ts";
import { sendMessage } from "../messages/send-message.ts";
import { createConfigProblemNotice } from "../settings/create-config-problem-notice.ts";
import { resolveLocale } from "../settings/resolve-locale.ts";
import type { UiLocale } from "../settings/settings.ts";
import { createPageReader, type ReadTiming } from "./create-page-reader.ts";
import type { FormHandle } from "./form-module.ts";
import { isReadByParentFrame, markReadsFrames } from "./frame-reading.ts";
import { LAUNCH_TEXT } from "./launch-text.ts";
import { LAUNCHER_CSS } from "./launcher-css.ts";
import { onOpenRegistration } from "./on-open-registration.ts";
import { markOverlayRunning } from "./overlay-presence.ts";
import { SHADOW_ROOT_MODE } from "./shadow-root-mode.ts";
import { whenDocumentParsed } from "./when-document-parsed.ts";

/**
 * Where a slice of reading the page stops, at its next pause (at most 64 text nodes later):
 * well below the 10 ms a slice may hold the page.
 */
const SCAN_SLICE_MS = 3;

/**
 * The page side: reads the chart, shows the launcher when the page is a chart, loads the
 * form on demand. Patient data stays in memory here and is never logged.
 *
 * Started at document_start: settings and configuration problems are asked of the background
 * (the page side never reads storage, which holds the API token) while
 * the page is still loading, and never hold the launcher back (the button within
 * 100 ms of DOMContentLoaded). Until they arrive the page is read with the built-in profiles
 * and the browser's language; they then apply (language, profiles, problems) at once.
 */
export async function startOverlay(ctx: ContentScriptContext): Promise<void> {
  markOverlayRunning(ctx);
  markReadsFrames();
  // The background may ask at once (it may have injected this copy to open the registration):
  // the answer waits until the page can be read and the launcher's UI exists.
  let ready: (open: (anyPage: boolean) => boolean) => void = () => {};
  const opener = new Promise<(anyPage: boolean) => boolean>((resolve) => {
    ready = resolve;
  });
  onOpenRegistration(ctx, async (anyPage) => (await opener)(anyPage));

  let config: PageConfig | undefined;
  const configLoaded = sendMessage({ type: "config-state" }).then((reply) => {
    if (reply.ok) config = reply.value;
    return config;
  });
  // The reader is compiled while the page loads, in short tasks (skipped or cut short if the
  // page is parsed first: the first reading then compiles the rest).
  const preparing = new AbortController();
  let prepareSlices: number[] | undefined;
  const prepare = setTimeout(() => {
    void runInSlices(preparePageReader(), { sliceMs: 0, signal: preparing.signal }).then((run) => {
      prepareSlices = run?.slices;
    });
  }, 0);
  await whenDocumentParsed(ctx);
  clearTimeout(prepare);
  preparing.abort();
  if (ctx.isInvalid) return;
  if (isReadByParentFrame()) {
    ready(() => false);
    return;
  }
  // Asked once the page is parsed, as before document_start: by then the background that
  // opened this tab for a draft (popup "Reopen") has noted which draft it is.
  const reopen = sendMessage({ type: "page-init" });

  const localeNow = (): UiLocale =>
    resolveLocale(config?.settings.language ?? "auto", navigator.languages ?? [navigator.language]);
  let locale = localeNow();
  let scan: ScanResult | undefined;
  let form: FormHandle | undefined;
  /** The user asked for the registration on this page: it stays although no chart is read. */
  let requested = false;
  let button: HTMLButtonElement | undefined;
  let panel: HTMLElement | undefined;
  let notice: HTMLElement | undefined;
  // How the first reading went, slice by slice (no patient data): read by
  // bench/extension.bench.ts.
  let firstTiming: ReadTiming | undefined;
  const noteTiming = (host: HTMLElement | undefined) => {
    if (!host || !firstTiming) return;
    host.dataset.scanMs = firstTiming.ms.toFixed(2);
    host.dataset.scanSlices = firstTiming.slices.map((ms) => ms.toFixed(2)).join(" ");
    if (prepareSlices)
      host.dataset.prepareSlices = prepareSlices.map((ms) => ms.toFixed(2)).join(" ");
  };

  const ui = await createShadowRootUi(ctx, {
    name: "spine-register-overlay",
    position: "inline",
    anchor: "body",
    append: "last",
    css: LAUNCHER_CSS,
    mode: SHADOW_ROOT_MODE,
    // Keystrokes typed in the form must not trigger the EHR's own shortcuts.
    isolateEvents: true,
    onMount(container, _shadow, host) {
      host.setAttribute("data-spine-register", "");
      noteTiming(host);
      button = document.createElement("button");
      button.type = "button";
      button.className = "launcher";
      button.setAttribute("aria-haspopup", "dialog");
      button.setAttribute("aria-expanded", "false");
      button.addEventListener("click", () => void openForm());
      panel = document.createElement("div");
      container.append(button, panel);
      notice = undefined;
      showConfig();
      // What `ui.mounted` returns: without a value it stays falsy, and every rescan would
      // mount the launcher again and a reopened draft would never open.
      return true;
    },
    onRemove() {
      form?.close();
      form = undefined;
    },
  });
  if (ctx.isInvalid) return;

  // Reading the page: in slices, the launcher shown as soon as what was read makes the page
  // a chart; a reading of a page that changes meanwhile is dropped, and the page read again
  // once it has settled (late rendering, single-page navigation). Released with the content
  // script (extension update, unload).
  const reader = createPageReader({
    steps: () =>
      scanPageInSteps(document, location.href, [
        ...(config?.settings.profiles ?? []),
        ...BUILTIN_PROFILES,
      ]),
    sliceMs: SCAN_SLICE_MS,
    signal: ctx.signal,
    onProgress: (isChart) => {
      if (isChart && !ctx.isInvalid) mount();
    },
    onRead: (read) => {
      scan = read;
      update();
    },
    onTiming: (timing) => {
      if (firstTiming) return;
      firstTiming = timing;
      noteTiming(ui.shadowHost);
    },
  });
  observePageChanges(document.body, () => reader.read(), {
    signal: ctx.signal,
    ignore: () => ui.shadowHost,
    onEachChange: () => reader.discard(),
  });
  ctx.addEventListener(window, "wxt:locationchange", () => reader.read());
  reader.read();
  ready((anyPage) => {
    if (form) return true;
    if (!anyPage && !reader.readNow().isChart) return false;
    if (isReadByParentFrame()) return false;
    requested = true;
    mount();
    void openForm();
    return true;
  });

  /**
   * Shows the launcher, unless the parent frame's overlay started meanwhile (both injected
   * at once into a page already open): that one reads this frame.
   */
  function mount() {
    if (!ui.mounted && !isReadByParentFrame()) ui.mount();
  }

  /** The launcher's words, and a wrong or incomplete configuration said, never silent. */
  function showConfig() {
    if (!button) return;
    button.textContent = LAUNCH_TEXT[locale].launch;
    button.lang = locale;
    if (!config || notice || config.problems.length === 0) return;
    notice = createConfigProblemNotice(config.problems, locale);
    button.parentElement?.append(notice);
  }

  async function openForm(draftLocalId?: string) {
    if (!button || !panel) return;
    if (form) return;
    button.setAttribute("aria-busy", "true");
    const loaded = await configLoaded;
    locale = localeNow();
    showConfig();
    if (loaded && !globalThis.__spineRegisterForm) await sendMessage({ type: "load-form" });
    if (!loaded || !globalThis.__spineRegisterForm) {
      button.removeAttribute("aria-busy");
      const error = document.createElement("p");
      error.className = "launch-error";
      error.setAttribute("role", "alert");
      error.textContent = LAUNCH_TEXT[locale].failed;
      panel.replaceChildren(error);
      return;
    }
    button.removeAttribute("aria-busy");
    if (form) return;
    // The form starts from the page as it is now, read at once: one version of the page.
    const current = reader.readNow();
    if (!ui.mounted) return; // no longer a chart: the launcher went with it
    button.hidden = true;
    button.setAttribute("aria-expanded", "true");
    form = globalThis.__spineRegisterForm.open({
      container: panel,
      scan: current,
      locale,
      settings: loaded.settings,
      pageUrl: location.href,
      ...(draftLocalId ? { draftLocalId } : {}),
      onClose() {
        form = undefined;
        requested = false;
        if (!button) return;
        button.hidden = false;
        button.setAttribute("aria-expanded", "false");
        // After the panel's removal has settled, or the browser's focus fix-up wins.
        const launcher = button;
        setTimeout(() => launcher.focus(), 0);
        update();
      },
    });
  }

  function update() {
    if (ctx.isInvalid || !scan) return;
    if (scan.isChart) mount();
    else if (!scan.isChart && ui.mounted && !form && !requested) ui.remove();
    form?.updateScan(scan);
  }

  const loaded = await configLoaded;
  if (ctx.isInvalid) return;
  locale = localeNow();
  showConfig();
  // Profiles from settings or policy may recognise what the built-in ones did not.
  if (loaded && loaded.settings.profiles.length > 0) reader.read();

  const init = await reopen;
  if (ctx.isInvalid || !init.ok || !init.value.reopenLocalId) return;
  // A draft reopened from the popup: open it on the page as it is now.
  if (reader.readNow().isChart) void openForm(init.value.reopenLocalId);
}
