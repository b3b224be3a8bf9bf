import { h } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { RegisterPanel } from "../../../extension/src/components/register-panel.tsx";
import { formDcdOf } from "../../../extension/src/form/form-dcd.ts";
import type { ExtensionMessage } from "../../../extension/src/messages/extension-message.ts";
import { DEFAULT_SETTINGS } from "../../../extension/src/settings/settings.ts";
import { TINY_REGISTRY_DCD } from "../fixtures/tiny-registry-dcd.ts";
import { renderInPage } from "../render-in-page.ts";

/** What the form asked the background, and a registration accepted for each `register`. */
function listenAsBackground({ configured = true } = {}) {
  const sent: ExtensionMessage[] = [];
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const m = message as ExtensionMessage;
    sent.push(m);
    const now = new Date().toISOString();
    const reply =
      m.type === "register"
        ? {
            ok: true,
            value: {
              localId: "l1",
              status: m.status,
              state: "queued",
              createdAt: now,
              editedAt: now,
              updatedAt: now,
              pageUrl: m.pageUrl,
              codes: [],
            },
          }
        : m.type === "config-state"
          ? { ok: true, value: { settings: DEFAULT_SETTINGS, problems: [], configured } }
          : { ok: true, value: null };
    sendResponse(reply);
    return true;
  });
  return sent;
}

function openTinyForm() {
  return renderInPage(
    h(RegisterPanel, {
      dcd: formDcdOf({ dcd: TINY_REGISTRY_DCD, origin: "bundled" }),
      locale: "en",
      settings: DEFAULT_SETTINGS,
      pageUrl: "http://ehr.example/chart/1",
      initialScan: { values: {}, isChart: true },
      subscribeScan: () => () => {},
      onClose: () => {},
    }),
  );
}

describe("the form of a DCD other than SPIN_SURG", () => {
  beforeEach(() => fakeBrowser.reset());
  let page: ReturnType<typeof openTinyForm> | undefined;
  afterEach(() => page?.unmount());

  it("renders the DCD's sections, notes, types, defaults and read-only fields", () => {
    page = openTinyForm();
    const { root, control } = page;
    const headings = [...root.querySelectorAll("h3.section")].map((h3) => h3.textContent);
    expect(headings).toEqual(["Visit"]); // "Device" only with a device
    expect(root.querySelector("h2")?.textContent).toBe("Registration: Tiny registry");
    expect(root.querySelector(".note")?.textContent).toContain("Fill this in after the visit.");
    expect(control("VISIT_DATE")?.getAttribute("type")).toBe("date");
    expect(control("VISIT_TIME")?.getAttribute("type")).toBe("time");
    expect(control("VISIT_END")?.getAttribute("type")).toBe("datetime-local");
    expect(page.attribute("WEIGHT", "inputmode")).toBe("decimal");
    expect(control("CENTRE")?.value).toBe("H-001");
    expect(control("CENTRE")?.hasAttribute("disabled")).toBe(true);
    expect(control("VISIT_DATE")?.getAttribute("aria-required")).toBe("true");
    expect(control("PACKS")).toBeNull();
    expect(control("REG_CODE")).toBeNull(); // a system field
    expect(control("PACK_SCORE")?.tagName).toBe("OUTPUT");
  });

  it("shows and hides fields and sections as values change, and filters choices", async () => {
    page = openTinyForm();
    const { root, control, choose, type, click } = page;
    const sites = () =>
      [...(control<HTMLSelectElement>("SITE")?.querySelectorAll("option") ?? [])]
        .map((option) => option.getAttribute("value"))
        .filter(Boolean);
    expect(sites()).toEqual(["S1", "S2", "S3"]);
    await choose("REGION", "VLA");
    expect(sites()).toEqual(["S2", "S3"]);

    await choose("SMOKER", "true");
    expect(control("PACKS")?.getAttribute("aria-required")).toBe("true");
    await type("PACKS", "2");
    expect(control("PACK_SCORE")?.textContent).toBe("40");
    await choose("SMOKER", "false");
    expect(control("PACKS")).toBeNull();
    expect(control("PACK_SCORE")?.textContent).toBe("");

    await choose("HAS_DEVICE", "true");
    expect([...root.querySelectorAll("h3.section")].map((h3) => h3.textContent)).toEqual([
      "Visit",
      "Device",
    ]);
    await click("Add: Device");
    expect(page.attribute("DEVICES[1].DEVICE_KIND", "value")).toBe("pump");
    expect(control("DEVICES[1].DEVICE_OTHER")).toBeNull();
    await choose("DEVICES[1].DEVICE_KIND", "other");
    expect(control("DEVICES[1].DEVICE_OTHER")?.getAttribute("aria-required")).toBe("true");
    await type("DEVICES[1].DEVICE_OTHER", "valve");
    await choose("DEVICES[1].DEVICE_KIND", "pump");
    expect(control("DEVICES[1].DEVICE_OTHER")).toBeNull();
    // At most two entries.
    await click("Add: Device");
    expect([...root.querySelectorAll("button")].some((b) => b.textContent === "Add: Device")).toBe(
      false,
    );
  });

  it("leaves hidden values out of what it sends, and shows them again when asked again", async () => {
    const sent = listenAsBackground();
    page = openTinyForm();
    const { control, choose, type, click } = page;
    await type("VISIT_DATE", "2025-01-02");
    await type("WEIGHT", "71,5");
    await choose("REGION", "BRU");
    await choose("SMOKER", "true");
    await type("PACKS", "2");
    await choose("HAS_DEVICE", "true");
    await click("Add: Device");
    await choose("DEVICES[1].DEVICE_KIND", "other");
    await type("DEVICES[1].DEVICE_OTHER", "valve");
    await choose("DEVICES[1].DEVICE_KIND", "pump");
    await choose("SMOKER", "false");
    await click("Send");
    await page.settle();

    const register = sent.find((m) => m.type === "register");
    expect(register).toMatchObject({ dcd: { id: "TINY_REG", version: "1.2.0" }, status: "submit" });
    expect(register?.type === "register" && register.record).toEqual({
      VISIT_DATE: "2025-01-02",
      WEIGHT: 71.5,
      CENTRE: "H-001",
      REGION: "BRU",
      SMOKER: false,
      HAS_DEVICE: true,
      DEVICES: [{ DEVICE_KIND: "pump" }],
    });

    await choose("SMOKER", "true");
    expect(control("PACKS")?.value).toBe("2");
    await choose("DEVICES[1].DEVICE_KIND", "other");
    expect(control("DEVICES[1].DEVICE_OTHER")?.value).toBe("valve");
  });

  it("asks the background whether it can send: the page side holds no token to look at", async () => {
    const sent = listenAsBackground({ configured: false });
    page = openTinyForm();
    // Preact runs effects after the next frame (a 100 ms timer where there are no frames).
    await new Promise((resolve) => setTimeout(resolve, 150));
    await page.settle();
    expect(sent.map((m) => m.type)).toContain("config-state");
    expect(page.root.textContent).toContain(
      "Set the worker URL and the API token in the extension's options.",
    );
  });
});
