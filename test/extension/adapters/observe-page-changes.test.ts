import { describe, expect, it } from "vitest";
import { observePageChanges } from "../../../extension/src/adapters/observe-page-changes.ts";
import { scanPage } from "../../../extension/src/adapters/scan-page.ts";
import { parsePage } from "../parse-page.ts";

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe("observePageChanges (late rendering, single-page navigation)", () => {
  it("rescans once a late-rendered chart has settled", async () => {
    const doc = parsePage("<html><body><main id='app'>Laden…</main></body></html>");
    const controller = new AbortController();
    const scans: boolean[] = [];
    observePageChanges(doc.body, () => scans.push(scanPage(doc, "http://x/", []).isChart), {
      signal: controller.signal,
      delayMs: 10,
    });
    expect(scanPage(doc, "http://x/", []).isChart).toBe(false);
    const app = doc.getElementById("app");
    if (!app) throw new Error("no app");
    app.innerHTML = "<dl><dt>INSZ</dt><dd>75110205780</dd></dl>";
    app.append(doc.createElement("p")); // a burst of changes: one rescan
    await settle();
    expect(scans).toEqual([true]);
    controller.abort();
  });

  it("ignores the overlay's own changes", async () => {
    const doc = parsePage("<html><body><div id='host'></div></body></html>");
    const host = doc.getElementById("host") as HTMLElement;
    const controller = new AbortController();
    let calls = 0;
    observePageChanges(doc.body, () => calls++, {
      signal: controller.signal,
      ignore: () => host,
      delayMs: 5,
    });
    host.append(doc.createElement("button"));
    await settle();
    expect(calls).toBe(0);
    controller.abort();
  });

  it("stops with the content script's signal", async () => {
    const doc = parsePage("<html><body></body></html>");
    const controller = new AbortController();
    let calls = 0;
    observePageChanges(doc.body, () => calls++, { signal: controller.signal, delayMs: 5 });
    controller.abort();
    doc.body.append(doc.createElement("p"));
    await settle();
    expect(calls).toBe(0);
  });
});
