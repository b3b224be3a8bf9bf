import { FIELD_LABELS } from "./field-labels.ts";
import { normalizeLabel, normalizeText } from "./normalize-text.ts";

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
  return { fields, maxLength };
}

let cachedDictionary: LabelDictionary | undefined;
const defaultDictionary = (): LabelDictionary => {
  cachedDictionary ??= createLabelDictionary(FIELD_LABELS);
  return cachedDictionary;
};
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
  dictionary: LabelDictionary = defaultDictionary(),
): Map<string, LabelledValue> {
  const found = new Map<string, LabelledValue>();
  const maxLength = dictionary.maxLength;
  const doc = root.ownerDocument ?? (root as Document);
  const start = "body" in root && root.body ? root.body : root;
  const walker = doc.createTreeWalker(start, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.nodeValue ?? "";
    // Cheap rejections first: most text of a chart is neither a label nor "label: value".
    const colon = data.indexOf(":");
    if (data.length > maxLength + 8 && (colon < 0 || colon > maxLength + 8)) continue;
    const element = node.parentElement;
    if (!element || SKIPPED.has(element.tagName)) continue;
    const text = data.trim();
    if (text === "") continue;

    // "Label: value" in a single text node.
    const inner = text.indexOf(":");
    if (inner > 0 && inner < text.length - 1) {
      const key = normalizeLabel(text.slice(0, inner), maxLength);
      const field = key === undefined ? undefined : dictionary.fields.get(key);
      if (field && !found.has(field)) {
        found.set(field, { raw: text.slice(inner + 1).trim(), label: text.slice(0, inner).trim() });
        continue;
      }
    }
    const key = normalizeLabel(text, maxLength);
    const field = key === undefined ? undefined : dictionary.fields.get(key);
    if (!field || found.has(field)) continue;
    const raw = valueBesideLabel(element);
    if (raw !== undefined && raw.trim() !== "") {
      found.set(field, { raw, label: text.replace(/[\s:*]+$/, "") });
    }
  }
  return found;
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
