// `node bench/extension.bench.ts` (Node >= 22): the extension measured in Debian's headless
// Chromium: content-script size, DOMContentLoaded -> launcher button visible on a
// 5,000-element chart, and the adapter's scan time, each beside the page's own load time.
// The reader runs in slices (extension/src/adapters/run-in-slices.ts): the scan target
// applies to the longest slice, the time the page is held at once; the whole reading (all
// slices, and the wall time to its result) and the reader's one-off preparation while the
// page loads are printed beside it. Two charts: the demo chart with every label (the reader
// stops once every field is found) and the foreign patient's chart, which has no postcode
// label, so the reader reads every text node of the page.
//
// The machines are shared and noisy, so every variant runs in its own browser at the same
// time and the page loads are interleaved (round i starts with variant i), the first round
// is a warm-up, and medians are reported with their quartiles. Variants: the page without
// any extension (its own load time), the extension as built, and optionally another build
// side by side (`BENCH_BASELINE=<dir of a chrome-mv3 build>`, e.g. a copy made before a
// change). Then the page reader alone, this checkout's beside the one committed at HEAD, on
// the same 5,000-element charts in the same browser (bench/time-reader-beside-head.ts): the
// French chart with every label, the foreign patient's, and the German and English charts
// whose labels are worded unlike the DCD's.

import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { type BrowserContext, chromium } from "playwright-core";
import { startDemoEhr } from "../scripts/demo-ehr/start-demo-ehr.ts";
import buildExtensionIfStale from "../test/e2e/build-extension-if-stale.ts";
import {
  CHROMIUM,
  configureExtension,
  EXTENSION_DIR,
  launchExtension,
  waitFor,
} from "../test/e2e/launch-extension.ts";
import {
  READER_BASELINE,
  type ReaderComparison,
  timeReaderBesideHead,
} from "./time-reader-beside-head.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BASELINE = process.env.BENCH_BASELINE ? resolve(process.env.BENCH_BASELINE) : undefined;
const TARGET_ELEMENTS = 5_000;
const TARGETS = { contentKb: 25, formKb: 60, buttonMs: 100, scanMs: 10 };

/** How the first reading of a page held the main thread (it runs in slices). */
interface ScanTiming {
  /** The longest slice: how long the page was held at once. */
  longest: number;
  /** All slices together. */
  busy: number;
  /** From the reading's start to its result, the page's own work between slices included. */
  wall: number;
  slices: number;
}

interface PageRun extends ScanTiming {
  domContentLoaded: number;
  load: number;
  /** The page's first frame after DOMContentLoaded, laid out: no button can show earlier. */
  frameAfterDcl: number;
  buttonAfterDcl: number;
  /** Compiling the reader on a sample chart while the page loads: its longest task. */
  prepare: number;
}

interface Run extends PageRun {
  /** The same chart without one field's label: the reader walks every text node. */
  full: PageRun;
}

interface Variant {
  name: string;
  dir?: string;
  context: BrowserContext;
  close(): Promise<void>;
  runs: Run[];
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] ?? 0;
  const high = sorted[Math.ceil(at)] ?? 0;
  return low + (high - low) * (at - Math.floor(at));
};
const median = (values: number[]) => quantile(values, 0.5);
const ms = (values: number[], digits = 1) =>
  values.length === 0
    ? "–"
    : `${median(values).toFixed(digits)} ms (${quantile(values, 0.25).toFixed(digits)}–${quantile(values, 0.75).toFixed(digits)})`;

buildExtensionIfStale();
const gzipKb = (dir: string, file: string) =>
  gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024;

/** The same browser and flags as the extension runs, without any extension. */
async function launchPlain(): Promise<Pick<Variant, "context" | "close">> {
  const userDataDir = await mkdtemp(join(tmpdir(), "spine-bench-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: "fr-BE",
    viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The extension, told to read the demo EHR (a release build reads no EHR until told which). */
async function launchReading(dir: string): Promise<Pick<Variant, "context" | "close">> {
  const launched = await launchExtension({ locale: "fr-BE", extensionDir: dir });
  const worker = launched.serviceWorker;
  await configureExtension(worker, { ehrOrigins: ["http://127.0.0.1/*"] });
  await waitFor(() =>
    worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length > 0),
  );
  return launched;
}

async function launchVariant(name: string, dir?: string): Promise<Variant> {
  const launched = dir ? await launchReading(dir) : await launchPlain();
  return {
    name,
    ...(dir ? { dir } : {}),
    context: launched.context,
    close: launched.close,
    runs: [],
  };
}

async function measure(variant: Variant, url: string): Promise<PageRun> {
  const page = await variant.context.newPage();
  // In the page's own world: the first frame in which the launcher (in the open shadow
  // root) has a box, i.e. is painted at the end of that frame; and the page's own first
  // frame after DOMContentLoaded, with the same forced layout.
  await page.addInitScript(() => {
    const w = window as unknown as { __buttonVisibleAt?: number; __frameAfterDcl?: number };
    document.addEventListener("DOMContentLoaded", () =>
      requestAnimationFrame(() => {
        document.body.getBoundingClientRect();
        w.__frameAfterDcl = performance.now();
      }),
    );
    const check = () => {
      const host = document.querySelector("[data-spine-register]");
      const button = host?.shadowRoot?.querySelector(".launcher");
      const box = button?.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) w.__buttonVisibleAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(
    () => (window as unknown as { __frameAfterDcl?: number }).__frameAfterDcl,
  );
  if (variant.dir) {
    await page.waitForFunction(
      () => (window as unknown as { __buttonVisibleAt?: number }).__buttonVisibleAt,
    );
    // The launcher may show before the reading ends: wait for the reading's own figures.
    await page.waitForSelector("[data-spine-register][data-scan-ms]", { state: "attached" });
  }
  const { slices, ...run } = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const host = document.querySelector<HTMLElement>("[data-spine-register]");
    const w = window as unknown as { __buttonVisibleAt?: number; __frameAfterDcl: number };
    const visibleAt = w.__buttonVisibleAt;
    return {
      frameAfterDcl: w.__frameAfterDcl - nav.domContentLoadedEventStart,
      domContentLoaded: nav.domContentLoadedEventStart - nav.startTime,
      load: nav.loadEventEnd - nav.startTime,
      buttonAfterDcl:
        visibleAt === undefined ? Number.NaN : visibleAt - nav.domContentLoadedEventStart,
      // A build that reads in one go (a baseline) has no slices: one slice, all of it.
      slices: (host?.dataset.scanSlices ?? host?.dataset.scanMs ?? "").split(" ").map(Number),
      wall: Number(host?.dataset.scanMs ?? Number.NaN),
      // The preparation's tasks; none when the page was parsed before it was done.
      prepare: Math.max(...(host?.dataset.prepareSlices ?? "NaN").split(" ").map(Number)),
    };
  });
  await page.close();
  const timed = slices.filter((slice) => Number.isFinite(slice));
  if (variant.dir && timed.length === 0) throw new Error(`${variant.name}: no scan figures`);
  return {
    ...run,
    longest: Math.max(...timed),
    busy: timed.reduce((sum, slice) => sum + slice, 0),
    slices: timed.length,
  };
}

const ehr = await startDemoEhr({ port: 0 });
const variants: Variant[] = [];
let elements = 0;
const readerPages: { name: string; url: string }[] = [];
let readers: Awaited<ReturnType<typeof timeReaderBesideHead>> | undefined;
try {
  variants.push(await launchVariant("page alone"));
  if (BASELINE) variants.push(await launchVariant("baseline", BASELINE));
  variants.push(await launchVariant("extension", EXTENSION_DIR));

  // Size the filler so the whole page has about 5,000 elements.
  const probe = await (variants[0] as Variant).context.newPage();
  const sized = async (path: string) => {
    await probe.goto(`${ehr.url}${path}`);
    const base = await probe.evaluate(() => document.getElementsByTagName("*").length);
    return `${ehr.url}${path}?filler=${TARGET_ELEMENTS - base}`;
  };
  const url = await sized("/fr/dossier/fr-dubois");
  // A foreign patient's chart prints no postcode label: nothing lets the reader stop early.
  const fullUrl = await sized("/fr/dossier/fr-schneider");
  readerPages.push(
    { name: "French chart, every label", url },
    { name: "French chart missing a label", url: fullUrl },
    { name: "German chart, labels unlike the DCD's", url: await sized("/de/akte/de-schmitz") },
    { name: "English chart, labels unlike the DCD's", url: await sized("/en/chart/en-carter") },
  );
  await probe.goto(url);
  elements = await probe.evaluate(() => document.getElementsByTagName("*").length);
  await probe.close();

  for (let round = 0; round <= RUNS; round++) {
    for (let k = 0; k < variants.length; k++) {
      const variant = variants[(round + k) % variants.length] as Variant;
      const run = await measure(variant, url);
      const full = variant.dir ? await measure(variant, fullUrl) : run;
      if (round > 0) variant.runs.push({ ...run, full }); // round 0 warms the caches
    }
  }
  readers = await timeReaderBesideHead((variants[0] as Variant).context, readerPages, RUNS);
} finally {
  for (const variant of variants) await variant.close();
  await ehr.close();
}

const page = variants.find((v) => !v.dir) as Variant;
const extension = variants.find((v) => v.name === "extension") as Variant;
const baseline = variants.find((v) => v.name === "baseline");
const pick = (
  variant: Variant | undefined,
  key: keyof PageRun,
  chart: "labelled" | "full" = "labelled",
) =>
  (variant?.runs ?? [])
    .map((run) => (chart === "full" ? run.full : run)[key])
    .filter((value) => Number.isFinite(value));

const contentKb = gzipKb(EXTENSION_DIR, "content-scripts/ehr.js");
const formKb = gzipKb(EXTENSION_DIR, "form.js");
const rows: [string, string, string, string, string][] = [];
const row = (metric: string, now: string, before: string, target: string, met?: boolean) =>
  rows.push([metric, now, before, target, met === undefined ? "" : met ? "met" : "MISSED"]);

row(
  "content script (gzip)",
  `${contentKb.toFixed(1)} KB`,
  baseline?.dir ? `${gzipKb(baseline.dir, "content-scripts/ehr.js").toFixed(1)} KB` : "",
  `≤ ${TARGETS.contentKb} KB`,
  contentKb <= TARGETS.contentKb,
);
row(
  "form injected on click (gzip)",
  `${formKb.toFixed(1)} KB`,
  baseline?.dir ? `${gzipKb(baseline.dir, "form.js").toFixed(1)} KB` : "",
  `≤ ${TARGETS.formKb} KB`,
  formKb <= TARGETS.formKb,
);
row(
  "DOMContentLoaded → button visible",
  ms(pick(extension, "buttonAfterDcl")),
  baseline ? ms(pick(baseline, "buttonAfterDcl")) : "",
  `≤ ${TARGETS.buttonMs} ms`,
  median(pick(extension, "buttonAfterDcl")) <= TARGETS.buttonMs,
);
for (const [chart, title] of [
  ["labelled", "chart with every label"],
  ["full", "chart missing a label (every text node read)"],
] as const) {
  const sliced = (variant: Variant | undefined) =>
    `${ms(pick(variant, "busy", chart), 2)} busy in ${median(pick(variant, "slices", chart))} slice(s), ${ms(pick(variant, "wall", chart), 1)} to the result`;
  row(
    `adapter scan (cold), ${title}: longest slice holding the page`,
    ms(pick(extension, "longest", chart), 2),
    baseline ? ms(pick(baseline, "longest", chart), 2) : "",
    `≤ ${TARGETS.scanMs} ms`,
    median(pick(extension, "longest", chart)) <= TARGETS.scanMs,
  );
  row(
    `  whole reading, ${title}`,
    sliced(extension),
    baseline ? sliced(baseline) : "",
    "",
    undefined,
  );
}
row(
  "DOMContentLoaded → button visible, chart missing a label",
  ms(pick(extension, "buttonAfterDcl", "full")),
  baseline ? ms(pick(baseline, "buttonAfterDcl", "full")) : "",
  `≤ ${TARGETS.buttonMs} ms`,
  median(pick(extension, "buttonAfterDcl", "full")) <= TARGETS.buttonMs,
);
// The preparation's tasks hold the page as the reading's slices do.
row(
  "reader preparation while the page loads (once per page): longest of its tasks",
  `${ms(pick(extension, "prepare"), 2)}, done before DOMContentLoaded in ${pick(extension, "prepare").length} of ${extension.runs.length} loads`,
  baseline ? ms(pick(baseline, "prepare"), 2) : "",
  `≤ ${TARGETS.scanMs} ms`,
  median(pick(extension, "prepare")) <= TARGETS.scanMs,
);
row(
  "page's first frame after DOMContentLoaded, no extension",
  ms(pick(page, "frameAfterDcl")),
  "",
  "",
  undefined,
);
row("page DOMContentLoaded, no extension", ms(pick(page, "domContentLoaded")), "", "", undefined);
row("page load, no extension", ms(pick(page, "load")), "", "", undefined);
row(
  "page DOMContentLoaded, with the extension",
  ms(pick(extension, "domContentLoaded")),
  baseline ? ms(pick(baseline, "domContentLoaded")) : "",
  "",
  undefined,
);

console.log(
  `\nExtension bench: Chromium headless, chart of ${elements} elements, ${RUNS} interleaved runs per variant` +
    ` after a warm-up; median (quartiles)\n`,
);
const header = ["metric", "extension", baseline ? `baseline (${BASELINE})` : "", "target", ""];
const table = [header, ...rows].map((cells) =>
  baseline ? cells : cells.filter((_, c) => c !== 2),
);
const widths = (table[0] ?? []).map((_, c) => Math.max(...table.map((r) => String(r[c]).length)));
for (const [index, cells] of table.entries()) {
  console.log(`| ${cells.map((cell, c) => String(cell).padEnd(widths[c] ?? 0)).join(" | ")} |`);
  if (index === 0) console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
}

if (readers) printReaders(readers.commit, readers.pages);
if (rows.some((r) => r[4] === "MISSED")) process.exitCode = 1;

function printReaders(commit: string, pages: ReaderComparison[]) {
  console.log(
    `\nPage reader alone, this checkout beside ${READER_BASELINE} (${commit.slice(0, 10)}): the same pages in the same` +
      ` browser, ${RUNS} rounds after a warm-up; median (quartiles), ratio = this checkout / ${READER_BASELINE}\n`,
  );
  const table: string[][] = [
    ["page (≈5,000 elements)", "fields read", "measure", READER_BASELINE, "this checkout", "ratio"],
  ];
  for (const { name, head, now } of pages) {
    const of = (runs: typeof head, key: "prepare" | "first" | "warm") => runs.map((r) => r[key]);
    const fields = `${median(head.map((r) => r.fields))} → ${median(now.map((r) => r.fields))}`;
    for (const [key, title] of [
      ["first", "first reading, cold (after its preparation)"],
      ["warm", "reading, warm"],
      ["prepare", "preparation (once per page)"],
    ] as const) {
      const ratio = median(of(now, key)) / median(of(head, key));
      table.push([
        key === "first" ? name : "",
        key === "first" ? fields : "",
        title,
        ms(of(head, key), 2),
        ms(of(now, key), 2),
        `${ratio.toFixed(2)}×`,
      ]);
    }
  }
  const widths = (table[0] ?? []).map((_, c) => Math.max(...table.map((r) => (r[c] ?? "").length)));
  for (const [index, cells] of table.entries()) {
    console.log(`| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" | ")} |`);
    if (index === 0) console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  }
}
