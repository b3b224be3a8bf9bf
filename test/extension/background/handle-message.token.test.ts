import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleMessage } from "../../../extension/src/background/handle-message.ts";
import { MESSAGE_SENDERS } from "../../../extension/src/background/message-senders.ts";
import type { ExtensionMessage } from "../../../extension/src/messages/extension-message.ts";
import { userSettingsItem } from "../../../extension/src/settings/load-settings.ts";
import { contentScript, EHR_PATTERN } from "./fake-sender.ts";

const USER_TOKEN = "user-token-7f3a9c";
const POLICY_TOKEN = "policy-token-2b8e41";
const PAGE = contentScript("https://ehr.hospital.test/patient/1");
const DCD = { id: "SPIN_SURG", version: "0.1.0" };

/** What the page side sends, with what a form would put in it. */
const PAGE_MESSAGES: ExtensionMessage[] = [
  { type: "page-init" },
  { type: "config-state" },
  { type: "dcd" },
  { type: "eligibility", codes: ["281120"], date: "2025-03-04" },
  { type: "register", dcd: DCD, record: { D_SURG: "2025-03-04" }, status: "submit", pageUrl: "x" },
  { type: "registration", localId: "l1" },
  { type: "key-changes", localId: "l1", dcd: DCD, record: {} },
  { type: "open-options" },
  { type: "load-form" },
  { type: "reconciliation", dcd: DCD, acts: [{ code: "281120", date: "2025-03-04" }] },
];

/** A worker that accepts registrations and refuses the rest; it is asked with the token. */
function worker() {
  const tokens: string[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    tokens.push(String((init.headers as Record<string, string>).authorization));
    if (url.includes("/v1/registrations")) return Response.json({ id: "w1", state: "queued" });
    return Response.json({ title: "Bad", status: 400, detail: "refused" }, { status: 400 });
  });
  return tokens;
}

describe("the API token never reaches the page side", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => vi.unstubAllGlobals());

  for (const [where, setUp, token] of [
    [
      "the user's",
      () => userSettingsItem.setValue({ workerUrl: "https://w.test", apiToken: USER_TOKEN }),
      USER_TOKEN,
    ],
    [
      "the policy's",
      () =>
        fakeBrowser.storage.managed.set({ workerUrl: "https://w.test", apiToken: POLICY_TOKEN }),
      POLICY_TOKEN,
    ],
  ] as const) {
    it(`is in no reply to a content script (${where} token)`, async () => {
      const tokens = worker();
      await setUp();
      await fakeBrowser.storage.managed.set({ ehrOrigins: [EHR_PATTERN] });
      expect(PAGE_MESSAGES.map((m) => m.type).sort()).toEqual(
        Object.entries(MESSAGE_SENDERS)
          .filter(([, senders]) => senders.includes("page"))
          .map(([type]) => type)
          .sort(),
      );
      for (const message of PAGE_MESSAGES) {
        const reply = await handleMessage(message, PAGE);
        expect(JSON.stringify(reply), message.type).not.toContain(token);
      }
      const config = await handleMessage({ type: "config-state" }, PAGE);
      expect(config).toMatchObject({ ok: true, value: { configured: true } });
      expect(config.ok && Object.keys(config.value as object)).not.toContain("apiToken");
      // The background did use it, towards the worker.
      expect(tokens).toContain(`Bearer ${token}`);
    });
  }
});

const SOURCES = resolve(import.meta.dirname, "../../../extension/src");

/** The modules an entry point loads (type-only imports load nothing). */
function moduleGraph(entry: string): Map<string, string> {
  const graph = new Map<string, string>();
  const visit = (path: string) => {
    if (graph.has(path)) return;
    const source = readFileSync(path, "utf8");
    graph.set(path, source);
    const imports = source.matchAll(
      /^(?:import|export)\s+(type\s+)?(?:[^;]*?\sfrom\s+)?"(\.[^"]+)"/gm,
    );
    for (const [, typeOnly, specifier] of imports)
      if (!typeOnly && specifier) visit(resolve(dirname(path), specifier));
  };
  visit(resolve(SOURCES, entry));
  return graph;
}

describe("the page side's code never reads where the token is kept", () => {
  // The form, injected into the content script's world on the first click.
  for (const entry of ["entrypoints/form.ts", "entrypoints/ehr.content.ts"]) {
    it(`${entry} reads no extension storage and no apiToken`, () => {
      const graph = moduleGraph(entry);
      expect(graph.size).toBeGreaterThan(10);
      for (const [path, source] of graph) {
        const name = path.slice(SOURCES.length + 1);
        expect(source, name).not.toMatch(/\bstorage\.(local|managed|sync|session)\b/);
        expect(source, name).not.toMatch(/wxt\/utils\/storage/);
        expect(source, name).not.toMatch(/\.apiToken\b|\bapiToken\s*[,}]/);
      }
    });
  }
});
