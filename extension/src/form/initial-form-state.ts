import type { Dcd, DcdRecord, Locale } from "../../../shared-schema/src/dcd.ts";
import { SETTING_FIELDS } from "../adapters/prefill-fields.ts";
import type { ScanResult } from "../adapters/scan-page.ts";
import { uiText } from "../i18n/ui-text.ts";
import type { Settings } from "../settings/settings.ts";
import {
  defaultValues,
  type FormValue,
  type FormValues,
  fromRecord,
  scannedFormValue,
  userFields,
} from "./form-values.ts";

/** A value offered to the surgeon, with where it came from in words. */
export interface Prefill {
  value: FormValue;
  source: string;
}

export interface FormState {
  values: FormValues;
  prefill: Record<string, Prefill>;
}

/** A new form: the DCD's defaults, under the page's values and the author from the settings. */
export function prefillFromScan(
  dcd: Dcd,
  scan: ScanResult,
  settings: Settings,
  locale: Locale,
): FormState {
  const prefill: Record<string, Prefill> = {};
  const known = (name: string) => dcd.fields.some((field) => field.name === name);
  const fromSettings = uiText(locale, "sourceSettings");
  for (const [setting, name] of Object.entries(SETTING_FIELDS)) {
    const value = settings[setting as keyof typeof SETTING_FIELDS];
    if (value && known(name)) prefill[name] = { value, source: fromSettings };
  }
  for (const [name, found] of Object.entries(scan.values)) {
    if (!known(name)) continue;
    const source =
      found.source.kind === "profile"
        ? uiText(locale, "sourceProfile", { name: found.source.detail })
        : uiText(locale, "sourceLabel", { label: found.source.detail });
    prefill[name] = { value: scannedFormValue(dcd, name, found.value), source };
  }
  const values: FormValues = defaultValues(dcd, userFields(dcd));
  for (const [name, { value }] of Object.entries(prefill)) values[name] = value;
  return { values, prefill };
}

/** A reopened draft: its own values, each marked as coming from the draft. */
export function stateFromDraft(dcd: Dcd, record: DcdRecord, locale: Locale): FormState {
  const values = fromRecord(dcd, record);
  const source = uiText(locale, "sourceDraft");
  const prefill: Record<string, Prefill> = {};
  for (const [name, value] of Object.entries(values)) prefill[name] = { value, source };
  return { values, prefill };
}
