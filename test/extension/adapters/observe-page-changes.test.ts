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

  it("says at once that the page changed, and once more when it has settled", async () => {
    const doc = parsePage("<html><body><main id='app'></main></body></html>");
    const controller = new AbortController();
    const events: string[] = [];
    observePageChanges(doc.body, () => events.push("settled"), {
      signal: controller.signal,
      delayMs: 200,
      onEachChange: () => events.push("changed"),
    });
    doc.body.append(doc.createElement("p"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(["changed"]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(events).toEqual(["changed", "settled"]);
    controller.abort();
  });

  it("ignores the overlay's own changes", async () => {
    // linkedom's records name the observed node as their target, not the changed one, so
    // this test hands the observer records shaped as a browser makes them.
    const doc = parsePage("<html><body><div id='host'></div></body></html>");
    const host = doc.getElementById("host") as HTMLElement;
    let deliver: ((records: Partial<MutationRecord>[]) => void) | undefined;
    const real = globalThis.MutationObserver;
    globalThis.MutationObserver = class {
      constructor(callback: (records: Partial<MutationRecord>[]) => void) {
        deliver = callback;
      }
      observe() {}
      disconnect() {}
    } as unknown as typeof MutationObserver;
    const controller = new AbortController();
    const calls: string[] = [];
    try {
      observePageChanges(doc.body, () => calls.push("settled"), {
        signal: controller.signal,
        ignore: () => host,
        delayMs: 5,
        onEachChange: () => calls.push("changed"),
      });
    } finally {
      globalThis.MutationObserver = real;
    }
    const none = [] as unknown as NodeList;
    const list = (...nodes: Node[]) => nodes as unknown as NodeList;
    const button = doc.createElement("button");
    // Inside the overlay, and the overlay's own host put on the page: not page changes.
    deliver?.([{ target: host, addedNodes: list(button), removedNodes: none }]);
    deliver?.([{ target: doc.body, addedNodes: list(host), removedNodes: none }]);
    await settle();
    expect(calls).toEqual([]);
    // The page's own change, even in the same batch as the overlay's.
    deliver?.([
      { target: host, addedNodes: list(button), removedNodes: none },
      { target: doc.body, addedNodes: list(doc.createElement("p")), removedNodes: none },
    ]);
    await settle();
    expect(calls).toEqual(["changed", "settled"]);
    controller.abort();
  });

  it("rescans once a same-origin frame has loaded, and when its chart changes", async () => {
    const doc = parsePage("<html><body><iframe id='chart'></iframe></body></html>");
    const frame = doc.getElementById("chart") as HTMLIFrameElement;
    const controller = new AbortController();
    const observed: Node[] = [];
    let calls = 0;
    // linkedom loads no frames: the frame's document is given, the observer says what it watches.
    const real = globalThis.MutationObserver;
    globalThis.MutationObserver = class {
      observe(node: Node) {
        observed.push(node);
      }
      disconnect() {}
    } as unknown as typeof MutationObserver;
    try {
      observePageChanges(doc.body, () => calls++, { signal: controller.signal, delayMs: 5 });
    } finally {
      globalThis.MutationObserver = real;
    }
    const chart = parsePage("<html><body><p>Dossier</p></body></html>");
    Object.defineProperty(frame, "contentDocument", { value: chart });
    // linkedom has no capture phase: bubbling brings the load to the body, as capturing does.
    const { Event } = frame.ownerDocument.defaultView as Window & typeof globalThis;
    frame.dispatchEvent(new Event("load", { bubbles: true }));
    await settle();
    expect(calls).toBe(1);
    expect(observed).toEqual([doc.body, chart]);
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
