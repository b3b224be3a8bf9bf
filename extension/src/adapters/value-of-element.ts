// SHOW_TEXT, spelled out: the constant is missing from some DOM implementations the unit
// tests use.
const SHOW_TEXT = 4;
const CONTROLS = "input, select, textarea";
/** Elements whose text the page does not show. */
export const UNREAD = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);

/**
 * The value an element shows: a control's value (a select's chosen options, a checked
 * radio button's or box's label), the controls inside it, or its text.
 */
export function valueOfElement(element: Element): string {
  // Tag names rather than instanceof: content scripts, frames and test DOMs have other globals.
  if (isControl(element)) return valueOfControl(element);
  if (element.children.length === 0) return element.textContent ?? "";
  const controls = element.querySelectorAll(CONTROLS);
  if (controls.length > 0) {
    return Array.from(controls, valueOfControl)
      .filter((value) => value.trim() !== "")
      .join(" ");
  }
  return textOf(element);
}

function isControl(element: Element): boolean {
  return (
    element.tagName === "INPUT" || element.tagName === "SELECT" || element.tagName === "TEXTAREA"
  );
}

function valueOfControl(control: Element): string {
  if (control.tagName === "SELECT") {
    const select = control as HTMLSelectElement;
    const chosen = select.selectedOptions
      ? Array.from(select.selectedOptions)
      : Array.from(select.querySelectorAll("option[selected]"));
    return chosen.map((option) => option.textContent?.trim() ?? "").join(" ");
  }
  const input = control as HTMLInputElement;
  const type = (control.getAttribute("type") ?? "").toLowerCase();
  if (type === "hidden" || type === "password") return "";
  if (type === "radio" || type === "checkbox") {
    const checked = input.checked ?? control.hasAttribute("checked");
    return checked ? labelOfChoice(input) : "";
  }
  return input.value ?? control.getAttribute("value") ?? "";
}

/** What a radio button or box says when checked: its label, else its value. */
function labelOfChoice(input: HTMLInputElement): string {
  const wrapping = input.closest("label");
  const label =
    wrapping ??
    (input.id ? input.ownerDocument.querySelector(`label[for="${cssString(input.id)}"]`) : null);
  const text = label ? textOf(label).trim() : "";
  return text !== "" ? text : (input.getAttribute("value") ?? "");
}

/** A value for a quoted CSS attribute selector. */
export function cssString(value: string): string {
  return value.replace(/["\\]/g, "\\$&");
}

/** The element's texts apart ("281116 281120", not "281116281120"), unshown ones left out. */
export function textOf(element: Element): string {
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (UNREAD.has(node.parentElement?.tagName ?? "")) continue;
    const value = node.nodeValue?.trim();
    if (value) parts.push(value);
  }
  return parts.join(" ");
}
