import { h } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { OutboxHealth as Health } from "../../../extension/src/api/worker-client.ts";
import { OutboxHealth } from "../../../extension/src/components/outbox-health.tsx";
import type { ExtensionMessage, Reply } from "../../../extension/src/messages/extension-message.ts";
import type { UiLocale } from "../../../extension/src/settings/settings.ts";
import { renderInPage } from "../render-in-page.ts";

const ALL_WELL: Health = {
  queued: 0,
  failed: 0,
  needsIt: null,
  rateLimitedUntil: null,
  waiting: { dcdUnavailable: 0, keyMissing: 0 },
  sealedWithOldKeys: 0,
};

const NEEDS_IT: Health["needsIt"] = {
  code: "forbidden",
  title: "HD4DP refuses the worker (HTTP 403)",
  detail: "Ask HD4DP to allow the worker's account.",
  since: new Date(2026, 11, 2, 10, 0).toISOString(),
  nextProbeAt: new Date(2026, 11, 2, 10, 5).toISOString(),
};

/** The background, answering `outbox-health` with `reply`; resolves once it has. */
function answerHealth(reply: Reply<Health>) {
  return new Promise<void>((answered) => {
    fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      if ((message as ExtensionMessage).type !== "outbox-health") return false;
      sendResponse(reply);
      answered();
      return true;
    });
  });
}

async function show(reply: Reply<Health>, locale: UiLocale = "en") {
  const answered = answerHealth(reply);
  const page = renderInPage(h(OutboxHealth, { locale }));
  await answered;
  await page.settle();
  return page;
}

describe("the outbox's health in the popup and the options page", () => {
  beforeEach(() => fakeBrowser.reset());
  let page: Awaited<ReturnType<typeof show>> | undefined;
  afterEach(() => page?.unmount());
  const alert = () => page?.root.querySelector('[role="alert"]');

  it("alerts when deliveries wait for IT: what, since when, and how many wait", async () => {
    page = await show({ ok: true, value: { ...ALL_WELL, queued: 12, needsIt: NEEDS_IT } });
    expect(alert()?.querySelector("strong")?.textContent).toBe(
      "HD4DP refuses the worker (HTTP 403)",
    );
    expect(alert()?.textContent).toContain("Ask HD4DP to allow the worker's account.");
    expect(alert()?.textContent).toContain("Since 02 Dec 2026, 10:00.");
    expect(alert()?.textContent).toContain(
      "12 registrations are waiting; nothing is lost, they are sent once this is fixed.",
    );
    expect(alert()?.querySelector("ul")).toBeNull();
  });

  it("speaks of one registration in the singular, and of none as each language does", async () => {
    page = await show({ ok: true, value: { ...ALL_WELL, queued: 1, needsIt: NEEDS_IT } });
    expect(alert()?.textContent).toContain("1 registration is waiting; nothing is lost, it is");
    page.unmount();
    fakeBrowser.reset();
    page = await show({ ok: true, value: { ...ALL_WELL, queued: 0, needsIt: NEEDS_IT } }, "fr");
    expect(alert()?.textContent).toContain("0 enregistrement est en attente");
    page.unmount();
    fakeBrowser.reset();
    page = await show({ ok: true, value: { ...ALL_WELL, queued: 0, needsIt: NEEDS_IT } }, "nl");
    expect(alert()?.textContent).toContain("0 registraties wachten");
  });

  it("counts the registrations waiting for a DCD version or a key, with or without a pause", async () => {
    const waiting = { dcdUnavailable: 2, keyMissing: 1 };
    page = await show({ ok: true, value: { ...ALL_WELL, queued: 5, needsIt: NEEDS_IT, waiting } });
    const lines = () => [...(alert()?.querySelectorAll("li") ?? [])].map((li) => li.textContent);
    expect(lines()).toEqual([
      "2 registrations wait for their registry definition (DCD) version to be configured on the server again.",
      "1 registration waits for a key missing from the server's configuration.",
    ]);
    page.unmount();
    fakeBrowser.reset();
    page = await show({
      ok: true,
      value: { ...ALL_WELL, queued: 1, waiting: { ...waiting, dcdUnavailable: 0 } },
    });
    expect(alert()?.querySelector("strong")?.textContent).toBe(
      "Registrations wait for the hospital's IT department:",
    );
    expect(lines()).toEqual([
      "1 registration waits for a key missing from the server's configuration.",
    ]);
  });

  it("says calmly when deliveries resume after HD4DP asked to slow down", async () => {
    const until = new Date(2026, 11, 2, 14, 30).toISOString();
    page = await show(
      { ok: true, value: { ...ALL_WELL, queued: 3, rateLimitedUntil: until } },
      "fr",
    );
    expect(alert()).toBeNull();
    expect(page.root.querySelector('[role="status"]')?.textContent).toBe(
      "HD4DP a demandé de ralentir : les envois reprennent à 14:30.",
    );
  });

  it("shows nothing when all is well, or when the worker is not configured", async () => {
    page = await show({ ok: true, value: { ...ALL_WELL, queued: 4 } });
    expect(page.root.innerHTML).toBe("");
    page.unmount();
    fakeBrowser.reset();
    page = await show({ ok: false, error: { kind: "config", message: "not configured" } });
    expect(page.root.innerHTML).toBe("");
  });

  it("says when the worker cannot be reached, refuses the token, or answers garbage", async () => {
    const text = () => page?.root.querySelector('[data-testid="outbox-health"]')?.textContent;
    page = await show({ ok: false, error: { kind: "unreachable", message: "worker unreachable" } });
    expect(text()).toBe(
      "The server cannot be reached: whether registrations reach HD4DP is unknown.",
    );
    page.unmount();
    fakeBrowser.reset();
    page = await show({
      ok: false,
      error: { kind: "worker", status: 401, message: "Unknown API token" },
    });
    expect(text()).toBe(
      "The server refused to tell the state of deliveries to HD4DP: Unknown API token",
    );
    page.unmount();
    fakeBrowser.reset();
    page = await show({
      ok: false,
      error: {
        kind: "worker",
        status: 200,
        message: "Unexpected reply from the worker for GET /healthz",
      },
    });
    expect(text()).toBe(
      "The server's answer about deliveries to HD4DP could not be read: Unexpected reply from the worker for GET /healthz",
    );
  });
});
