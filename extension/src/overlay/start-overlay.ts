import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import { BUILTIN_PROFILES } from "../adapters/builtin-profiles.ts";
import { observePageChanges } from "../adapters/observe-page-changes.ts";
import { preparePageReader } from "../adapters/prepare-page-reader.ts";
import { defaultLabelDictionary } from "../adapters/read-by-labels.ts";
import { runInSlices } from "../adapters/run-in-slices.ts";
import { type ScanResult, scanPageInSteps } from "../adapters/scan-page.ts";
import { sendMessage } from "../messages/send-message.ts";
import { createConfigProblemNotice } from "../settings/create-config-problem-notice.ts";
import type { ConfigProblem } from "../settings/find-config-problems.ts";
import { loadConfigProblems } from "../settings/load-config-problems.ts";
import { loadSettings } from "../settings/load-settings.ts";
import { resolveLocale } from "../settings/resolve-locale.ts";
import { DEFAULT_SETTINGS, type Settings, type UiLocale } from "../settings/settings.ts";
import type { FormHandle } from "./form-module.ts";
import { LAUNCH_TEXT } from "./launch-text.ts";
import { LAUNCHER_CSS } from "./launcher-css.ts";
import { whenDocumentParsed } from "./when-document-parsed.ts";

/** The longest the page's main thread is held by one slice of reading it (target: 10 ms). */
const SCAN_SLICE_MS = 4;

interface Config {
  settings: Settings;
  problems: ConfigProblem[];
}

/**
 * The page side: reads the chart, shows the launcher when the page is a chart, loads the
 * form on demand. Patient data stays in memory here and is never logged.
 *
 * Started at document_start: settings and configuration problems are read from storage while
 * the page is still loading, and never hold the launcher back (issue 4: button within
 * 100 ms of DOMContentLoaded). Until they arrive the page is read with the built-in profiles
 * and the browser's language; they then apply (language, profiles, problems) at once.
 */
export async function startOverlay(ctx: ContentScriptContext): Promise<void> {
  let config: Config | undefined;
  const configLoaded = Promise.all([loadSettings(), loadConfigProblems()]).then(
    ([{ settings }, problems]) => {
      config = { settings, problems };
      return config;
    },
  );
  // Ready before the page is: the first scan is on the way to the launcher. The reader is
  // also compiled while the page loads, in a task of its own (skipped if the page is parsed
  // first: the scan then compiles it).
  defaultLabelDictionary();
  let prepareMs: number | undefined;
  const prepare = setTimeout(() => {
    prepareMs = preparePageReader().ms;
  }, 0);
  await whenDocumentParsed(ctx);
  clearTimeout(prepare);
  if (ctx.isInvalid) return;
  // Asked once the page is parsed, as before document_start: by then the background that
  // opened this tab for a draft (popup "Reopen") has noted which draft it is.
  const reopen = sendMessage({ type: "page-init" });

  const settingsNow = () => config?.settings ?? DEFAULT_SETTINGS;
  const localeNow = (): UiLocale =>
    resolveLocale(settingsNow().language, navigator.languages ?? [navigator.language]);
  let locale = localeNow();
  let scan: ScanResult | undefined;
  let form: FormHandle | undefined;
  let button: HTMLButtonElement | undefined;
  let panel: HTMLElement | undefined;
  let notice: HTMLElement | undefined;
  // How the first reading held the main thread, slice by slice, and how long it took from
  // start to end (no patient data): read by bench/extension.bench.ts.
  let scanTiming: { ms: string; slices: string } | undefined;
  const noteTiming = (host: HTMLElement | undefined) => {
    if (!host || !scanTiming) return;
    host.dataset.scanMs = scanTiming.ms;
    host.dataset.scanSlices = scanTiming.slices;
    if (prepareMs !== undefined) host.dataset.prepareMs = prepareMs.toFixed(2);
  };

  const ui = await createShadowRootUi(ctx, {
    name: "spine-register-overlay",
    position: "inline",
    anchor: "body",
    append: "last",
    css: LAUNCHER_CSS,
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

  // Reading the page, in slices so that a large page is never held long (issue 4); a newer
  // reading (the page changed again) replaces one still under way. The launcher shows as
  // soon as what was read makes the page a chart; the form waits for the whole reading.
  let reading: AbortController | undefined;
  const readPage = () => {
    reading?.abort();
    reading = new AbortController();
    const steps = scanPageInSteps(document, location.href, [
      ...settingsNow().profiles,
      ...BUILTIN_PROFILES,
    ]);
    return runInSlices(steps, {
      sliceMs: SCAN_SLICE_MS,
      signal: AbortSignal.any([ctx.signal, reading.signal]),
      onSlice: (isChart) => {
        if (isChart && !ui.mounted) ui.mount();
      },
    });
  };

  const scanStarted = performance.now();
  const firstRead = readPage();
  const read = await firstRead;
  if (!read) return;
  scan = read.value;
  scanTiming = {
    ms: (performance.now() - scanStarted).toFixed(2),
    slices: read.slices.map((ms) => ms.toFixed(2)).join(" "),
  };
  noteTiming(ui.shadowHost);

  /** The launcher's words, and a wrong or incomplete configuration said, never silent (issue 5). */
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
    const { settings } = await configLoaded;
    const current = scan ?? (await firstRead)?.value;
    if (!current) return;
    locale = localeNow();
    showConfig();
    if (!globalThis.__spineRegisterForm) {
      const reply = await sendMessage({ type: "load-form" });
      if (!reply.ok || !globalThis.__spineRegisterForm) {
        button.removeAttribute("aria-busy");
        const error = document.createElement("p");
        error.className = "launch-error";
        error.setAttribute("role", "alert");
        error.textContent = LAUNCH_TEXT[locale].failed;
        panel.replaceChildren(error);
        return;
      }
    }
    button.removeAttribute("aria-busy");
    if (form) return;
    button.hidden = true;
    button.setAttribute("aria-expanded", "true");
    form = globalThis.__spineRegisterForm.open({
      container: panel,
      scan: current,
      locale,
      settings,
      pageUrl: location.href,
      ...(draftLocalId ? { draftLocalId } : {}),
      onClose() {
        form = undefined;
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
    if (scan.isChart && !ui.mounted) ui.mount();
    else if (!scan.isChart && ui.mounted && !form) ui.remove();
    form?.updateScan(scan);
  }
  update();

  // Late rendering and single-page navigation: rescan when the page changes (not when the
  // overlay itself does), released with the content script (extension update, unload).
  const rescan = async () => {
    const read = await readPage();
    if (!read) return; // replaced by a newer reading, or the content script is gone
    scan = read.value;
    update();
  };
  observePageChanges(document.body, () => void rescan(), {
    signal: ctx.signal,
    ignore: () => ui.shadowHost,
  });
  ctx.addEventListener(window, "wxt:locationchange", () => void rescan());

  const loaded = await configLoaded;
  if (ctx.isInvalid) return;
  locale = localeNow();
  showConfig();
  // Profiles from settings or policy may recognise what the built-in ones did not.
  if (loaded.settings.profiles.length > 0) await rescan();

  const init = await reopen;
  if (init.ok && init.value.reopenLocalId && ui.mounted) void openForm(init.value.reopenLocalId);
}
