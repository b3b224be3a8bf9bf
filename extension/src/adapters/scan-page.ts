import { createLabelDictionary, type LabelDictionary } from "./create-label-dictionary.ts";
import type { EhrProfile, FieldRule } from "./ehr-profile.ts";
import { matchUrlGlob } from "./match-url-glob.ts";
import { normalizeValue } from "./normalize-value.ts";
import { CHART_FIELDS, COUNTRY, PREFILL_FIELDS } from "./prefill-fields.ts";
import { type LabelledValue, readByLabelsInSteps } from "./read-by-labels.ts";
import { runToEnd, type Steps } from "./run-in-slices.ts";
import { valueOfElement } from "./value-of-element.ts";

export interface PrefillSource {
  /** Read by a declarative profile, or by the generic label reader. */
  kind: "profile" | "label";
  /** The profile's name, or the label as printed on the page. */
  detail: string;
}

export interface PrefillValue {
  value: string | string[];
  source: PrefillSource;
}

export interface ScanResult {
  /** The profile used, when one matched the URL. */
  profileId?: string;
  /** DCD technical name -> value read from the page (registry formats). */
  values: Record<string, PrefillValue>;
  /** True when the page looks like a patient chart (worth offering the overlay). */
  isChart: boolean;
}

/**
 * Reads the patient, the surgery and the billed codes from an EHR page: the first profile
 * whose URL globs match, then the generic label reader for whatever the profile left out.
 * Pure DOM reading, no network and no storage, so it is cheap to rerun on every mutation.
 */
export function scanPage(doc: Document, url: string, profiles: readonly EhrProfile[]): ScanResult {
  return runToEnd(scanPageInSteps(doc, url, profiles));
}

/**
 * scanPage, pausing now and then on a large page (see runInSlices), each time saying
 * whether what it read so far makes the page a chart.
 */
export function* scanPageInSteps(
  doc: Document,
  url: string,
  profiles: readonly EhrProfile[],
): Steps<ScanResult, boolean> {
  const values: Record<string, PrefillValue> = {};
  // As the result will say: a chart field counts once its value is one the registry takes.
  const isChartSoFar = (labelled?: ReadonlyMap<string, LabelledValue>) =>
    CHART_FIELDS.some((field) => {
      if (values[field] !== undefined) return true;
      const found = labelled?.get(field);
      const kind = PREFILL_FIELDS[field];
      return (
        found !== undefined && kind !== undefined && normalizeValue(kind, found.raw) !== undefined
      );
    });
  const profile = profiles.find((candidate) => candidate.matches.some((g) => matchUrlGlob(g, url)));
  if (profile) for (const _pause of readProfile(doc, profile, values)) yield isChartSoFar();

  const reading = readByLabelsInSteps(doc);
  let step = reading.next();
  for (; !step.done; step = reading.next()) yield isChartSoFar(step.value);
  for (const [field, found] of step.value) {
    if (values[field] || !PREFILL_FIELDS[field]) continue;
    const kind = PREFILL_FIELDS[field];
    const value = kind ? normalizeValue(kind, found.raw) : undefined;
    if (value !== undefined)
      values[field] = { value, source: { kind: "label", detail: found.label } };
  }

  // A country other than Belgium is residence code 9999 (dcd-spin-surg.md), unless the page
  // printed a Belgian postcode.
  const country = values[COUNTRY];
  if (country) {
    if (!values.CD_PAT_PLC_RESDC) values.CD_PAT_PLC_RESDC = country;
    delete values[COUNTRY];
  }
  return {
    ...(profile ? { profileId: profile.id } : {}),
    values,
    isChart: CHART_FIELDS.some((field) => values[field] !== undefined),
  };
}

function* readProfile(
  doc: Document,
  profile: EhrProfile,
  values: Record<string, PrefillValue>,
): Steps<void, unknown> {
  const source = { kind: "profile", detail: profile.name } as const;
  for (const [field, rule] of Object.entries(profile.fields)) {
    const kind = PREFILL_FIELDS[field] ?? "text";
    const raw = yield* readRule(doc, rule);
    if (raw === undefined) continue;
    const value = normalizeValue(kind, raw, rule);
    if (value !== undefined) values[field] = { value, source };
  }
}

function* readRule(doc: Document, rule: FieldRule): Steps<string | string[] | undefined, unknown> {
  if (rule.selector) {
    let elements: Element[];
    try {
      elements = rule.all
        ? Array.from(doc.querySelectorAll(rule.selector))
        : [doc.querySelector(rule.selector)].filter((e): e is Element => e !== null);
    } catch {
      return undefined; // an invalid selector in a profile reads nothing rather than throwing
    }
    if (elements.length === 0) return undefined;
    const texts = elements.map((element) =>
      rule.attribute ? (element.getAttribute(rule.attribute) ?? "") : valueOfElement(element),
    );
    return rule.all ? texts : texts[0];
  }
  if (rule.label && rule.label.length > 0) {
    return (yield* readByLabelsInSteps(doc, dictionaryOf(rule.label))).get("field")?.raw;
  }
  return undefined;
}

// A profile's labels, compiled once per profile (the page is read again at every change).
const dictionaries = new WeakMap<readonly string[], LabelDictionary>();
function dictionaryOf(labels: readonly string[]): LabelDictionary {
  let dictionary = dictionaries.get(labels);
  if (!dictionary) {
    dictionary = createLabelDictionary({ field: labels });
    dictionaries.set(labels, dictionary);
  }
  return dictionary;
}
