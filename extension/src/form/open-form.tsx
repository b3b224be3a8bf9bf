import { render } from "preact";
import type { ScanResult } from "../adapters/scan-page.ts";
import { RegisterPanel } from "../components/register-panel.tsx";
import type { FormHandle, FormOpenOptions } from "../overlay/form-module.ts";
import { PANEL_CSS } from "./panel-css.ts";

/** Renders the panel in the overlay's shadow root; the content script keeps the handle. */
export function openForm(options: FormOpenOptions): FormHandle {
  const style = document.createElement("style");
  style.textContent = PANEL_CSS;
  const root = document.createElement("div");
  options.container.replaceChildren(style, root);

  const listeners = new Set<(scan: ScanResult) => void>();
  const subscribeScan = (listener: (scan: ScanResult) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    render(null, root);
    options.container.replaceChildren();
    options.onClose();
  };
  render(
    <RegisterPanel
      locale={options.locale}
      settings={options.settings}
      pageUrl={options.pageUrl}
      initialScan={options.scan}
      subscribeScan={subscribeScan}
      {...(options.draftLocalId ? { draftLocalId: options.draftLocalId } : {})}
      onClose={close}
    />,
    root,
  );
  return {
    updateScan: (scan) => {
      for (const listener of listeners) listener(scan);
    },
    close,
  };
}
