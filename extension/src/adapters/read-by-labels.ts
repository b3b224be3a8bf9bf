import { createLabelDictionary, type LabelDictionary } from "./create-label-dictionary.ts";
import { FIELD_LABELS } from "./field-labels.ts";
import { type LabelMatch, matchLabel } from "./match-label.ts";
import { runToEnd, type Steps } from "./run-in-slices.ts";
import { sameOriginFrames } from "./same-origin-frames.ts";
import { LABEL_HOLDERS, valueBesideLabel } from "./value-beside-label.ts";
import { UNREAD, valueOfElement } from "./value-of-element.ts";

export interface LabelledValue {
  /** The text (or texts) found beside the label. */
  raw: string;
  /** The label as printed on the page: shown to the surgeon as the value's source. */
  label: string;
}

let cachedDictionary: LabelDictionary | undefined;
/**
 * The labels of FIELD_LABELS, compiled once; the content script asks for it while the page
 * is still loading, so the first reading does not pay for it.
 */
export function defaultLabelDictionary(): LabelDictionary {
  cachedDictionary ??= createLabelDictionary(FIELD_LABELS);
  return cachedDictionary;
}

// SHOW_TEXT, spelled out: the constant is missing from some DOM implementations the unit
// tests use.
const SHOW_TEXT = 4;
/** Texts that are values rather than labels: a select's options, a text area's content. */
const NOT_LABELS = new Set([...UNREAD, "OPTION", "TEXTAREA"]);
/** A label may say this much more than the longest label ("(jj/mm/aaaa)", "du patient"). */
const SLACK = 24;
const CONTROLS = ["input", "select", "textarea"];
// Text nodes read between two pauses: a clock check costs about as much as a few nodes.
const NODES_PER_STEP = 64;

/**
 * The generic reader: finds values by the visible labels beside them, in the page and in
 * its same-origin frames (see valueBesideLabel for where a value may be; "Label: value" in
 * one text; controls named by `aria-label`). Walks text nodes (fast on 5,000-element
 * pages) and never enters shadow roots, so the overlay itself is never read. Each text is
 * the label of one field at most (matchLabel), and each field takes its best label: the
 * one that says least beyond it, the first of equally good ones.
 */
export function readByLabels(
  root: Document | Element,
  dictionary: LabelDictionary = defaultLabelDictionary(),
): Map<string, LabelledValue> {
  return runToEnd(readByLabelsInSteps(root, dictionary));
}

/** readByLabels, pausing every few text nodes with what it found so far (see runInSlices). */
export function* readByLabelsInSteps(
  root: Document | Element,
  dictionary: LabelDictionary = defaultLabelDictionary(),
): Steps<Map<string, LabelledValue>, ReadonlyMap<string, LabelledValue>> {
  const found = new Map<string, LabelledValue>();
  const penalties = new Map<string, number>();
  let exact = 0;
  const limit = dictionary.maxLength + SLACK;
  const matchShort = (text: string): LabelMatch | undefined =>
    text.length <= limit && dictionary.hint.test(text) ? matchLabel(dictionary, text) : undefined;
  const isLabel = (text: string) => matchShort(text) !== undefined;
  const offer = (match: LabelMatch, raw: string | undefined, label: string) => {
    if (raw === undefined || raw.trim() === "") return;
    const known = penalties.get(match.field);
    if (known !== undefined && known <= match.penalty) return;
    found.set(match.field, { raw, label: label.replace(/[\s:*]+$/, "") });
    penalties.set(match.field, match.penalty);
    if (match.penalty === 0) exact++;
  };
  // Once every field has a label that says nothing more, the rest cannot change the result.
  const done = () => exact === dictionary.fieldCount;

  let untilPause = NODES_PER_STEP;
  // The frames are looked for once the page itself has left a field without its label.
  const scopes = function* () {
    yield root;
    if (!done()) yield* sameOriginFrames(root);
  };
  for (const scope of scopes()) {
    const doc = scope.ownerDocument ?? (scope as Document);
    const start = "body" in scope && scope.body ? scope.body : scope;
    const walker = doc.createTreeWalker(start, SHOW_TEXT);
    let lastHolder: Element | undefined;
    // One cheap pass: a length check and one native test of each text against the labels'
    // words; splitting into words only for what passes, the structure only once a label
    // matched.
    for (let node = walker.nextNode(); node && !done(); node = walker.nextNode()) {
      if (--untilPause === 0) {
        untilPause = NODES_PER_STEP;
        yield found;
      }
      const text = node as Text;
      const length = text.length;
      if (length === 0) continue;
      const data = text.data;
      // Only "Label: value" can start a long text, its colon within reach of a label.
      if (length > limit) {
        const colon = data.indexOf(":");
        if (colon < 0 || colon > limit) continue;
      }
      if (!dictionary.hint.test(data)) continue;
      const parent = text.parentElement;
      if (!parent || NOT_LABELS.has(parent.tagName)) continue;
      const trimmed = data.trim();

      // "Label: value" in a single text.
      const colon = trimmed.indexOf(":");
      if (colon > 0 && colon < trimmed.length - 1) {
        const head = trimmed.slice(0, colon).trim();
        const match = matchShort(head);
        if (match) {
          offer(match, trimmed.slice(colon + 1).trim(), head);
          continue;
        }
      }
      if (trimmed.length > limit) continue;

      // A label filling a cell, a <dt>, a <label>, though printed in parts ("<b>Date</b> de
      // naissance"); else the text alone, its value beside it.
      const holder = parent.closest(LABEL_HOLDERS) ?? undefined;
      if (holder && holder === lastHolder) continue;
      const whole = holder ? wholeTextOf(holder, limit) : undefined;
      const asWhole = whole === undefined ? undefined : matchShort(whole);
      if (asWhole) {
        lastHolder = holder;
        offer(asWhole, valueBesideLabel(text, holder, isLabel), whole as string);
        continue;
      }
      const alone = whole === trimmed ? undefined : matchShort(trimmed);
      if (alone) offer(alone, valueBesideLabel(text, undefined, isLabel), trimmed);
    }

    // Controls that carry their label themselves.
    for (const tag of CONTROLS) {
      for (const control of done() ? [] : Array.from(start.getElementsByTagName(tag))) {
        const label = control.getAttribute("aria-label");
        const match = label === null ? undefined : matchShort(label);
        if (match) offer(match, valueOfElement(control), label as string);
      }
    }
  }
  return found;
}

/** The holder's text when it is short enough to be a label (undefined otherwise). */
function wholeTextOf(holder: Element, limit: number): string | undefined {
  const text = holder.textContent ?? "";
  if (text.length > limit * 2) return undefined;
  const whole = text.replace(/\s+/g, " ").trim();
  return whole.length <= limit ? whole : undefined;
}
