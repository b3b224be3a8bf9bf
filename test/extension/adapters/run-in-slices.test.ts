import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BUILTIN_PROFILES } from "../../../extension/src/adapters/builtin-profiles.ts";
import {
  runInSlices,
  runToEnd,
  type Steps,
} from "../../../extension/src/adapters/run-in-slices.ts";
import { scanPage, scanPageInSteps } from "../../../extension/src/adapters/scan-page.ts";
import { DEMO_PATIENTS, findDemoPatient } from "../../../scripts/demo-ehr/demo-patients.ts";
import { renderFrChart } from "../../../scripts/demo-ehr/render-fr-chart.ts";
import { parsePage } from "../parse-page.ts";

/** Counts to `n`, pausing after each number with it. */
function* countTo(n: number): Steps<string, number> {
  for (let i = 1; i <= n; i++) yield i;
  return "done";
}

afterEach(() => vi.restoreAllMocks());

describe("runInSlices", () => {
  it("runs steps in slices of the given length, reports progress, ends the task between", async () => {
    // A clock where every reading of it is 1 ms later: each step costs 1 ms.
    let now = 0;
    vi.spyOn(performance, "now").mockImplementation(() => now++);
    const progress: number[] = [];
    const pageRanAfter: number[] = [];
    const run = runInSlices(countTo(10), {
      sliceMs: 4,
      signal: new AbortController().signal,
      onSlice: (counted) => {
        progress.push(counted);
        setTimeout(() => pageRanAfter.push(counted), 0);
      },
    });
    const done = await run;
    expect(done?.value).toBe("done");
    // Each slice stops at the first pause found at or past 4 ms.
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(done?.slices).toHaveLength(progress.length + 1);
    for (const slice of done?.slices ?? []) expect(slice).toBeLessThanOrEqual(5);
    // Node has no scheduler.yield: each slice ends its task, so a task queued during a slice
    // ran before the next slice went on.
    expect(pageRanAfter).toEqual(progress);
  });

  it("stops, without finishing, once its signal aborts", async () => {
    let now = 0;
    vi.spyOn(performance, "now").mockImplementation(() => now++);
    const abort = new AbortController();
    const steps = countTo(100);
    const run = await runInSlices(steps, {
      sliceMs: 2,
      signal: abort.signal,
      onSlice: () => abort.abort(),
    });
    expect(run).toBeUndefined();
    expect(steps.next().value).toBeLessThan(100);
  });

  it("runToEnd runs everything at once", () => {
    expect(runToEnd(countTo(1000))).toBe("done");
  });
});

/** Reads the page in slices; returns the result and the progress said after each slice. */
async function readInSlices(doc: Document, url: string, sliceMs: number) {
  const progress: boolean[] = [];
  const sliced = await runInSlices(scanPageInSteps(doc, url, BUILTIN_PROFILES), {
    sliceMs,
    signal: new AbortController().signal,
    onSlice: (isChart) => progress.push(isChart),
  });
  return { result: sliced?.value, progress };
}

describe("scanPageInSteps", () => {
  it("reads in slices exactly what scanPage reads at once, on charts of any size", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DEMO_PATIENTS.filter((patient) => patient.id.startsWith("fr-"))),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 2 }),
        async (patient, filler, sliceMs) => {
          const doc = parsePage(renderFrChart(patient, filler));
          const url = `http://127.0.0.1:8789/fr/dossier/${patient.id}`;
          const { result, progress } = await readInSlices(doc, url, sliceMs);
          expect(result).toEqual(scanPage(doc, url, BUILTIN_PROFILES));
          // The launcher, shown from the progress, is never shown for a page that is no chart.
          if (progress.includes(true)) expect(result?.isChart).toBe(true);
          // Once read, a chart's labels stay read: the launcher never comes and goes.
          if (progress.includes(true))
            expect(progress.slice(progress.indexOf(true))).not.toContain(false);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("never calls a page a chart for a label whose value the registry cannot take", async () => {
    const doc = parsePage(
      `<html><body><p>NISS : inconnu</p><p>Date de l'intervention : à planifier</p>${"<p>x</p>".repeat(600)}</body></html>`,
    );
    const { result, progress } = await readInSlices(doc, "http://x/", 0);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).not.toContain(true);
    expect(result?.isChart).toBe(false);
  });

  it("pauses on a large chart, already saying it is one after the first slice", async () => {
    // The foreign patient's chart has no postcode label: the reader reads every text node.
    const patient = findDemoPatient("fr-schneider");
    if (!patient) throw new Error("demo patient missing");
    const doc = parsePage(renderFrChart(patient, 2000));
    const { result, progress } = await readInSlices(doc, "http://x/", 0);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every(Boolean)).toBe(true);
    expect(result?.isChart).toBe(true);
  });
});
