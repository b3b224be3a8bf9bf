import { h } from "preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it } from "vitest";
import { DcdForm } from "../../../extension/src/components/dcd-form.tsx";
import { ReportProposals } from "../../../extension/src/components/report-proposals.tsx";
import { formDcdOf } from "../../../extension/src/form/form-dcd.ts";
import type { FormValue, FormValues } from "../../../extension/src/form/form-values.ts";
import { relevantRecord } from "../../../extension/src/form/relevant-record.ts";
import type { Locale } from "../../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import { renderInPage } from "../render-in-page.ts";

const REPORT =
  "Hernie discale L5-S1. Voie postérieure, sous microscope.\nDiscectomie L5-S1, sans navigation.";

/** A click as the page's own window makes it (linkedom refuses the global Event). */
function click(element: Element) {
  const view = element.ownerDocument.defaultView as unknown as typeof globalThis;
  element.dispatchEvent(new view.Event("click", { bubbles: true }));
}

/** The proposals over a form whose values change as the surgeon accepts. */
function openProposals(initial: FormValues = {}, locale: Locale = "en") {
  const state = { values: initial, changes: [] as [string, FormValue][] };
  function Harness() {
    const [values, setValues] = useState(initial);
    state.values = values;
    return h(ReportProposals, {
      dcd: SPIN_SURG,
      locale,
      report: REPORT,
      values,
      onChange: (name: string, value: FormValue) => {
        state.changes.push([name, value]);
        setValues((current) => ({ ...current, [name]: value }));
      },
    });
  }
  const page = renderInPage(h(Harness, {}));
  const byLabel = (label: string) => {
    const button = page.root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
    if (!button) throw new Error(`no button labelled ${label}`);
    return button;
  };
  const press = async (button: HTMLElement) => {
    click(button);
    await page.settle();
  };
  const items = () =>
    [...page.root.querySelectorAll("li")].map((li) => li.querySelector("strong")?.textContent);
  return { ...page, state, byLabel, press, items };
}

describe("the report's proposals in the form", () => {
  let page: ReturnType<typeof openProposals> | undefined;
  afterEach(() => page?.unmount());

  it("shows each proposal with the sentence it comes from, and fills in nothing by itself", () => {
    page = openProposals();
    const section = page.root.querySelector("section");
    const heading = section?.querySelector("h3");
    expect(section?.getAttribute("aria-labelledby")).toBe(heading?.id);
    expect(heading?.textContent).toBe("Proposed from the operative report");
    expect(page.items()).toEqual([
      "Pathology: Disc herniation",
      "Most cranial operated level: L5",
      "Most caudal operated level: S1",
      "Approach: Posterior",
      "Procedure: Discectomy",
      "Technology: Microscope",
    ]);
    const quotes = [...page.root.querySelectorAll("li q")].map((q) => q.textContent);
    expect(quotes[0]).toBe("Hernie discale L5-S1.");
    expect(quotes[3]).toBe("Voie postérieure, sous microscope.");
    expect(page.state.changes).toEqual([]);
  });

  it("fills the field on accept, then moves the keyboard on to the next proposal", async () => {
    page = openProposals();
    let focused: Element | undefined;
    for (const element of page.root.querySelectorAll("button, h3"))
      (element as HTMLElement).focus = function (this: Element) {
        focused = this;
      };
    await page.press(page.byLabel("Accept: Approach: Posterior"));
    expect(page.state.changes).toEqual([["CD_APPROACH", ["2"]]]);
    expect(focused).toBe(page.byLabel("Accept: Procedure: Discectomy"));
    const item = [...page.root.querySelectorAll("li")][3];
    expect(item?.querySelector("button")).toBeNull();
    expect(item?.textContent).toContain("In the form");
    expect(page.root.querySelector('[aria-live="polite"]')?.textContent).toBe(
      "Filled in: Approach: Posterior",
    );
  });

  it("leaves a rejected proposal out of the form, and out of accept all", async () => {
    page = openProposals();
    await page.press(page.byLabel("Reject: Pathology: Disc herniation"));
    expect(page.state.changes).toEqual([]);
    expect([...page.root.querySelectorAll("li")][0]?.textContent).toContain("Rejected");
    const all = [...page.root.querySelectorAll("button")].find((b) =>
      b.textContent?.startsWith("Accept all shown"),
    );
    expect(all?.textContent).toBe("Accept all shown (5)");
    await page.press(all as HTMLElement);
    expect(page.state.values).toEqual({
      CD_LEVEL_FROM: "L5",
      CD_LEVEL_TO: "S1",
      CD_APPROACH: ["2"],
      CD_PROCEDURE: ["2"],
      CD_TECH: ["1"],
    });
    expect(page.root.querySelector("button")).toBeNull();
  });

  it("says what an accepted value replaces, and marks what the form holds already", () => {
    page = openProposals({ CD_LEVEL_FROM: "L4", CD_TECH: ["1"] });
    expect(page.root.textContent).toContain("Most cranial operated level: L5 (replaces L4)");
    const tech = [...page.root.querySelectorAll("li")][5];
    expect(tech?.textContent).toContain("In the form");
  });

  it("speaks the surgeon's language", () => {
    page = openProposals({}, "nl");
    expect(page.root.querySelector("h3")?.textContent).toBe("Voorstellen uit het operatieverslag");
    expect(page.byLabel("Aanvaarden: Benadering: Posterieur").textContent).toBe("Aanvaarden");
  });
});

describe("the form, given the page's operative report", () => {
  it("lists the proposals above the fields, and accepting one ticks the field's box", async () => {
    const dcd = formDcdOf({ dcd: SPIN_SURG, origin: "bundled" });
    function Form() {
      const [values, setValues] = useState<FormValues>({});
      return h(DcdForm, {
        dcd,
        locale: "en",
        values,
        view: relevantRecord(dcd.compiled, values),
        issuesOf: () => [],
        sourceOf: () => undefined,
        report: REPORT,
        onChange: (name: string, value: FormValue) =>
          setValues((current) => ({ ...current, [name]: value })),
        onBlur: () => {},
      });
    }
    const page = renderInPage(h(Form, {}));
    // linkedom keeps a box's state in its attribute.
    const ticked = () =>
      page.root.querySelector('input[name="CD_TECH"][value="1"]')?.hasAttribute("checked");
    expect(page.root.firstElementChild?.tagName).toBe("SECTION");
    expect(ticked()).toBe(false);
    click(
      page.root.querySelector('button[aria-label="Accept: Technology: Microscope"]') as Element,
    );
    await page.settle();
    expect(ticked()).toBe(true);
    page.unmount();
  });
});
