import { parseHTML } from "linkedom";
import { type ComponentChild, render } from "preact";

/**
 * Renders Preact into a linkedom page made the global document (Preact creates elements
 * through it), and gives what a test needs to act on it as the surgeon would.
 */
export function renderInPage(node: ComponentChild) {
  const { document, window } = parseHTML("<!doctype html><html><body><div></div></body></html>");
  (globalThis as { document?: unknown }).document = document;
  const root = document.querySelector("div") as unknown as HTMLElement;
  render(node, root);
  /** Preact renders state changes after a microtask/timeout: wait for them. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const fire = async (element: Element, type: string) => {
    element.dispatchEvent(new window.Event(type, { bubbles: true }));
    await settle();
  };
  const control = <T extends Element = HTMLInputElement>(name: string): T | null =>
    root.querySelector<T & Element>(`[name="${name}"]`) as T | null;
  return {
    root,
    settle,
    control,
    /**
     * A control's attribute (any case: linkedom keeps Preact's `inputMode` as written), or
     * for a select, its value (Preact writes it as an attribute where no setter exists).
     */
    attribute: (name: string, attribute: string): string | undefined => {
      const element = control<Element>(name);
      const found = [...(element?.attributes ?? [])].find(
        (a) => a.name.toLowerCase() === attribute,
      );
      return found?.value;
    },
    /** Types into a text-like input. */
    type: async (name: string, value: string) => {
      const input = control(name);
      if (!input) throw new Error(`no control named ${name}`);
      input.value = value;
      await fire(input, "input");
    },
    /** Picks an option of a select, or ticks a radio button or a checkbox. */
    choose: async (name: string, value: string) => {
      const select = control<HTMLSelectElement>(name);
      if (select?.tagName === "SELECT") {
        // linkedom's select has no value setter: the value the change event reads, for once.
        Object.defineProperty(select, "value", { value, configurable: true });
        await fire(select, "change");
        delete (select as { value?: string }).value;
        return;
      }
      const box = root.querySelector<HTMLInputElement>(`[name="${name}"][value="${value}"]`);
      if (!box) throw new Error(`no choice ${value} of ${name}`);
      box.checked = !box.checked || box.type === "radio";
      await fire(box, "change");
    },
    click: async (text: string) => {
      const button = [...root.querySelectorAll("button")].find((b) => b.textContent === text);
      if (!button) throw new Error(`no button ${text}`);
      await fire(button, "click");
    },
    unmount: () => render(null, root),
  };
}
