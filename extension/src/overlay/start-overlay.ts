import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import { BUILTIN_PROFILES } from "../adapters/builtin-profiles.ts";
import { observePageChanges } from "../adapters/observe-page-changes.ts";
import { defaultLabelDictionary } from "../adapters/read-by-labels.ts";
import { type ScanResult, scanPage } from "../adapters/scan-page.ts";
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
  // Ready before the page is: the first scan is on the way to the launcher.
  defaultLabelDictionary();
  await whenDocumentParsed(ctx);
  if (ctx.isInvalid) return;
  // Asked once the page is parsed, as before document_start: by then the background that
  // opened this tab for a draft (popup "Reopen") has noted which draft it is.
  const reopen = sendMessage({ type: "page-init" });

  const settingsNow = () => config?.settings ?? DEFAULT_SETTINGS;
  const localeNow = (): UiLocale =>
    resolveLocale(settingsNow().language, navigator.languages ?? [navigator.language]);
  let locale = localeNow();
  const scanNow = () =>
    scanPage(document, location.href, [...settingsNow().profiles, ...BUILTIN_PROFILES]);

  const scanStarted = performance.now();
  let scan: ScanResult = scanNow();
  // How long reading the page took (no patient data): read by bench/extension.bench.ts.
  const scanMs = performance.now() - scanStarted;
  let form: FormHandle | undefined;
  let button: HTMLButtonElement | undefined;
  let panel: HTMLElement | undefined;
  let notice: HTMLElement | undefined;

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
      host.dataset.scanMs = scanMs.toFixed(2);
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
      scan,
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
    if (ctx.isInvalid) return;
    if (scan.isChart && !ui.mounted) ui.mount();
    else if (!scan.isChart && ui.mounted && !form) ui.remove();
    form?.updateScan(scan);
  }
  update();

  // Late rendering and single-page navigation: rescan when the page changes (not when the
  // overlay itself does), released with the content script (extension update, unload).
  const rescan = () => {
    scan = scanNow();
    update();
  };
  observePageChanges(document.body, rescan, { signal: ctx.signal, ignore: () => ui.shadowHost });
  ctx.addEventListener(window, "wxt:locationchange", rescan);

  const loaded = await configLoaded;
  if (ctx.isInvalid) return;
  locale = localeNow();
  showConfig();
  // Profiles from settings or policy may recognise what the built-in ones did not.
  if (loaded.settings.profiles.length > 0) rescan();

  const init = await reopen;
  if (init.ok && init.value.reopenLocalId && ui.mounted) void openForm(init.value.reopenLocalId);
}
