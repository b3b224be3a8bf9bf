import { vi } from "vitest";
import type { Browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";

type Script = Browser.scripting.RegisteredContentScript;

/**
 * What WXT's fake browser leaves out: the registered content scripts (in memory), the host
 * permissions held, and scripting.executeScript (each call noted, answered by `inject`).
 */
export function fakeScripting(options: {
  granted?: readonly string[];
  inject?: (injection: Browser.scripting.ScriptInjection<unknown[], unknown>) => unknown;
}) {
  const registered = new Map<string, Script>();
  const injections: Browser.scripting.ScriptInjection<unknown[], unknown>[] = [];
  const granted = new Set(options.granted ?? []);
  vi.spyOn(fakeBrowser.permissions, "contains").mockImplementation(async ({ origins = [] }) =>
    origins.every((origin) => granted.has(origin)),
  );
  vi.spyOn(fakeBrowser.scripting, "getRegisteredContentScripts").mockImplementation(
    async (filter) =>
      [...registered.values()].filter((script) => !filter?.ids || filter.ids.includes(script.id)),
  );
  vi.spyOn(fakeBrowser.scripting, "registerContentScripts").mockImplementation(async (scripts) => {
    for (const script of scripts) {
      if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      registered.set(script.id, script);
    }
  });
  vi.spyOn(fakeBrowser.scripting, "updateContentScripts").mockImplementation(async (scripts) => {
    for (const script of scripts) registered.set(script.id, script);
  });
  vi.spyOn(fakeBrowser.scripting, "unregisterContentScripts").mockImplementation(async (filter) => {
    for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
  });
  vi.spyOn(fakeBrowser.scripting, "executeScript").mockImplementation((async (
    injection: Browser.scripting.ScriptInjection<unknown[], unknown>,
  ) => {
    injections.push(injection);
    return options.inject?.(injection) ?? [];
  }) as never);
  return { registered, injections, granted };
}

/** A frame's answer to the overlay's probe (overlay-presence.ts). */
export function probed(frameId: number, url: string, running = false) {
  return { frameId, documentId: `doc-${frameId}`, result: { running, url } };
}
