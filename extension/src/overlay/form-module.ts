import type { ScanResult } from "../adapters/scan-page.ts";
import type { Settings, UiLocale } from "../settings/settings.ts";

// The contract between the small content script and the form bundle (entrypoints/form.ts),
// which the background injects into the same isolated world on the first click.

export interface FormOpenOptions {
  /** Where to render, inside the overlay's shadow root. */
  container: HTMLElement;
  scan: ScanResult;
  locale: UiLocale;
  /** Without the API token: the page side never holds it (config-state). */
  settings: Settings;
  pageUrl: string;
  /** A draft to reopen (from the popup). */
  draftLocalId?: string;
  onClose(): void;
}

export interface FormHandle {
  /** The page changed (late rendering, navigation): new values to offer. */
  updateScan(scan: ScanResult): void;
  close(): void;
}

export interface FormModule {
  open(options: FormOpenOptions): FormHandle;
}

declare global {
  // A global of the extension's isolated world, not of the page.
  var __spineRegisterForm: FormModule | undefined;
}
