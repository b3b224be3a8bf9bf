import { FIELD_LABELS } from "./field-labels.ts";
import { normalizeLabel, normalizeText } from "./normalize-text.ts";
import { runToEnd, type Steps } from "./run-in-slices.ts";

export interface LabelledValue {
  /** The text (or texts) found beside the label. */
  raw: string;
  /** The label as printed on the page: shown to the surgeon as the value's source. */
  label: string;
}

export interface LabelDictionary {
  /** normalised label -> field */
  fields: ReadonlyMap<string, string>;
  /** The longest normalised label: longer texts are skipped without a lookup. */
  maxLength: number;
  /** How many fields the labels name: once all are found, the rest of the page can wait. */
  fieldCount: number;
  /**
   * Passes every text that could normalise to a label (or start with "Label:"), and few
   * others: one native test rejects most of a page's text without normalising it.
   */
  hint: RegExp;
}

/** normalised label -> field, from a field -> labels table. */
export function createLabelDictionary(
  labels: Readonly<Record<string, readonly string[]>>,
): LabelDictionary {
  const fields = new Map<string, string>();
  let maxLength = 0;
  for (const [field, texts] of Object.entries(labels)) {
    for (const text of texts) {
      const label = normalizeText(text);
      fields.set(label, field);
      maxLength = Math.max(maxLength, label.length);
    }
  }
  return { fields, maxLength, fieldCount: new Set(fields.values()).size, hint: createHint(fields) };
}

// The blanks normalizeLabel collapses into a space, and the accents it drops after a letter.
const BLANKS = "[\\0-\\x20\\xa0]";
const MARKS = "[\\u0300-\\u036f]*";
const HINT_LENGTH = 3;

/**
 * A regular expression matching the start of any text that normalizeLabel could turn into
 * one of the labels, built from their first three characters: a letter
 * may also be written in upper case or as any non-ASCII character (accents, ’ for '),
 * followed by combining accents; a space is any run of blanks; "ae", "oe", "ss" may be
 * one character (æ, œ, ß). Nothing normalizeLabel accepts is ever rejected.
 */
function createHint(fields: ReadonlyMap<string, string>): RegExp {
  const prefixes = new Set<string>();
  for (const label of fields.keys()) prefixes.add(label.slice(0, HINT_LENGTH));
  const alternatives = [...prefixes].map((prefix) => {
    let pattern = "";
    for (let i = 0; i < prefix.length; i++) {
      const pair = prefix.slice(i, i + 2);
      if (pair === "ae" || pair === "oe" || pair === "ss") {
        pattern += `(?:${unitOf(pair[0] as string)}${unitOf(pair[1] as string)}|[\\u0080-\\uffff]${MARKS})`;
        i++;
      } else pattern += unitOf(prefix[i] as string);
    }
    return pattern;
  });
  // Before the label: what String.prototype.trim drops (\\s) and what normalizeLabel drops.
  return new RegExp(`^[\\s\\0-\\x20\\u0300-\\u036f]*(?:${alternatives.join("|")})`);
}

function unitOf(char: string): string {
  if (char === " ") return `${BLANKS}+${MARKS}`;
  // Both cases spelled out: with the `i` flag, V8 would close [\u0080-\uffff] under case
  // folding, several milliseconds of compiling on the first scan.
  const literals = [...new Set([char.toLowerCase(), char.toUpperCase()])]
    .map((c) => c.charCodeAt(0))
    .filter((code) => code < 128)
    .map((code) => `\\x${code.toString(16).padStart(2, "0")}`)
    .join("");
  return `[${literals}\\u0080-\\uffff]${MARKS}`;
}

let cachedDictionary: LabelDictionary | undefined;
/**
 * The fr/nl/de/en labels of FIELD_LABELS, normalised once; the content script asks for it
 * while the page is still loading, so the first scan does not pay for it.
 */
export function defaultLabelDictionary(): LabelDictionary {
  cachedDictionary ??= createLabelDictionary(FIELD_LABELS);
  return cachedDictionary;
}
// SHOW_TEXT, spelled out: the constant is missing from some DOM implementations
// the unit tests use.
const SHOW_TEXT = 4;
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "OPTION", "TEXTAREA"]);

/**
 * The generic reader: finds values by the visible labels in front of them (`<label for>`,
 * `<dt>`/`<dd>`, table header and cell, "Label: value" in one text, or label then next
 * element). Walks text nodes only (fast on 5,000-element pages) and never enters shadow
 * roots, so the overlay itself is never read. The first occurrence of a field wins.
 */
export function readByLabels(
  root: Document | Element,
  dictionary: LabelDictionary = defaultLabelDictionary(),
): Map<string, LabelledValue> {
  return runToEnd(readByLabelsInSteps(root, dictionary));
}

// Text nodes read between two pauses: a clock check costs about as much as a few nodes.
const NODES_PER_STEP = 64;

/** readByLabels, pausing every few text nodes with what it found so far (see runInSlices). */
export function* readByLabelsInSteps(
  root: Document | Element,
  dictionary: LabelDictionary = defaultLabelDictionary(),
): Steps<Map<string, LabelledValue>, ReadonlyMap<string, LabelledValue>> {
  const found = new Map<string, LabelledValue>();
  const maxLength = dictionary.maxLength;
  // A label, or the "Label:" of "Label: value", is never longer than this.
  const limit = maxLength + 8;
  const doc = root.ownerDocument ?? (root as Document);
  const start = "body" in root && root.body ? root.body : root;
  const walker = doc.createTreeWalker(start, SHOW_TEXT);
  // One cheap pass (issue 4: 5,000 elements within 10 ms): one native test of each text
  // against the labels' starts, normalisation only for what passes, and the element (a DOM
  // wrapper) only once a label matched. The first occurrence of a field wins, so once every
  // field is found the rest of the page cannot change the result.
  let untilPause = NODES_PER_STEP;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (found.size === dictionary.fieldCount) break;
    if (--untilPause === 0) {
      untilPause = NODES_PER_STEP;
      yield found;
    }
    const text = node as CharacterData;
    const length = text.length;
    if (length === 0) continue;
    const data = text.data;
    // Only "Label: value" can start a long text, its colon within reach of a label.
    if (length > limit) {
      const colon = data.indexOf(":");
      if (colon < 0 || colon > limit) continue;
    }
    if (!dictionary.hint.test(data)) continue;
    const trimmed = data.trim();
    if (trimmed === "") continue;

    // "Label: value" in a single text node.
    const inner = trimmed.indexOf(":");
    if (inner > 0 && inner < trimmed.length - 1) {
      const field = fieldOf(dictionary, trimmed.slice(0, inner));
      if (field && !found.has(field) && isRead(node)) {
        const label = trimmed.slice(0, inner).trim();
        found.set(field, { raw: trimmed.slice(inner + 1).trim(), label });
        continue;
      }
    }
    const field = fieldOf(dictionary, trimmed);
    if (!field || found.has(field) || !isRead(node)) continue;
    const raw = valueBesideLabel(node.parentElement as Element);
    if (raw !== undefined && raw.trim() !== "") {
      found.set(field, { raw, label: trimmed.replace(/[\s:*]+$/, "") });
    }
  }
  return found;
}

function fieldOf(dictionary: LabelDictionary, text: string): string | undefined {
  const key = normalizeLabel(text, dictionary.maxLength);
  return key === undefined ? undefined : dictionary.fields.get(key);
}

/** Text of scripts, styles, templates and controls is no visible label. */
function isRead(node: Node): boolean {
  const element = node.parentElement;
  return element !== null && !SKIPPED.has(element.tagName);
}

/** The value an element holds: a control's value, a select's option text, or its text. */
export function valueOfElement(element: Element): string {
  // Tag names rather than instanceof: content scripts and test DOMs have other globals.
  if (element.tagName === "SELECT") {
    const select = element as HTMLSelectElement;
    const option = select.selectedOptions?.[0] ?? select.querySelector("option[selected]");
    return option?.textContent?.trim() ?? "";
  }
  if (element.tagName === "INPUT" || element.tagName === "TEXTAREA") {
    return (element as HTMLInputElement).value ?? "";
  }
  return textOf(element);
}

// textContent glues cells and list items together ("281116281120"); keep them apart.
function textOf(element: Element): string {
  if (element.children.length === 0) return element.textContent ?? "";
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue?.trim();
    if (value) parts.push(value);
  }
  return parts.join(" ");
}

function valueBesideLabel(labelElement: Element): string | undefined {
  // A label wrapped in <b>, <span>...: look from the nearest structural element.
  const element =
    labelElement.closest("label, dt, th, td, [role=rowheader], [role=columnheader]") ??
    labelElement;
  if (element.tagName === "LABEL") {
    const id = element.getAttribute("for");
    const control = id
      ? element.ownerDocument.getElementById(id)
      : element.querySelector("input, select, textarea");
    if (control) return valueOfElement(control);
  }
  if (element.tagName === "DT") {
    const dd = nextElement(element, "DD");
    return dd ? valueOfElement(dd) : undefined;
  }
  if (element.tagName === "TH" || element.tagName === "TD") {
    const next = element.nextElementSibling;
    // A header row (label beside another header): the values are in the column below.
    if (next && !(element.tagName === "TH" && next.tagName === "TH")) return valueOfElement(next);
    return columnValue(element);
  }
  // Label then value: the next element, or the parent's next element ("<div><span>Label
  // </span></div><div>value</div>"), at most two levels up.
  let current: Element | null = element;
  for (let level = 0; current && level < 3; level++) {
    const next: Element | null = current.nextElementSibling;
    if (next) return valueOfElement(next);
    const sibling = current.nextSibling?.nodeValue?.trim();
    if (sibling) return sibling;
    current = current.parentElement;
  }
  return undefined;
}

function nextElement(element: Element, tagName: string): Element | undefined {
  for (let next = element.nextElementSibling; next; next = next.nextElementSibling) {
    if (next.tagName === tagName) return next;
  }
  return undefined;
}

// A column header: the values are the cells below it (every row: a list of billed codes).
function columnValue(cell: Element): string | undefined {
  const row = cell.parentElement;
  const table = cell.closest("table");
  if (!row || !table) return undefined;
  const index = Array.prototype.indexOf.call(row.children, cell);
  const rows = Array.from(table.querySelectorAll("tr"));
  const values: string[] = [];
  for (const below of rows.slice(rows.indexOf(row as HTMLTableRowElement) + 1)) {
    if (below.closest("table") !== table) continue; // rows of a nested table
    const target = below.children[index];
    if (target) values.push(valueOfElement(target));
  }
  return values.length > 0 ? values.join(" ") : undefined;
}
