// The page reader of this checkout beside the one committed at HEAD, on the same pages, in
// the same page of the same browser: each chart is loaded once per round, both readers are
// imported into it (their TypeScript served with the types stripped, so neither is built),
// prepared as the content script prepares them, then read the page, first cold and then
// warm, the reader that goes first alternating from round to round.
import { readFileSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import { join, resolve, sep } from "node:path";
import type { BrowserContext, Route } from "playwright-core";
import { extractTree } from "./extract-tree.ts";

const ROOT = resolve(import.meta.dirname, "..");
/** The commit whose reader runs beside this checkout's: HEAD, or BENCH_READER_BASELINE. */
export const READER_BASELINE = process.env.BENCH_READER_BASELINE ?? "HEAD";
const PREFIX = "/__reader/";
const WARM_RUNS = 9;

export interface ReaderRun {
  /** How many fields the reading found in registry format. */
  fields: number;
  /** preparePageReader, run to its end, while nothing else is compiled. */
  prepare: number;
  /** The first reading of the page after the preparation (what a page load costs). */
  first: number;
  /** The median of the readings that follow. */
  warm: number;
}

export interface ReaderComparison {
  name: string;
  head: ReaderRun[];
  now: ReaderRun[];
}

type Tree = "head" | "now";

/** Times both readers on each page, `rounds` times; HEAD's commit is returned with them. */
export async function timeReaderBesideHead(
  context: BrowserContext,
  pages: readonly { name: string; url: string }[],
  rounds: number,
): Promise<{ commit: string; pages: ReaderComparison[] }> {
  const head = extractTree(READER_BASELINE);
  const serve = (route: Route) => {
    const path = new URL(route.request().url()).pathname.slice(PREFIX.length);
    const [tree, ...rest] = path.split("/");
    const base = tree === "head" ? head.dir : ROOT;
    const file = resolve(join(base, ...rest));
    if (!file.startsWith(base + sep)) return route.fulfill({ status: 404 });
    const source = readFileSync(file, "utf8");
    return file.endsWith(".json")
      ? route.fulfill({ contentType: "application/json", body: source })
      : route.fulfill({ contentType: "text/javascript", body: stripTypeScriptTypes(source) });
  };
  await context.route(`**${PREFIX}**`, serve);
  const results = pages.map(({ name }) => ({
    name,
    head: [] as ReaderRun[],
    now: [] as ReaderRun[],
  }));
  try {
    for (let round = 0; round <= rounds; round++) {
      for (const [index, { url }] of pages.entries()) {
        const order: Tree[] = round % 2 === 0 ? ["head", "now"] : ["now", "head"];
        const page = await context.newPage();
        await page.goto(url, { waitUntil: "load" });
        const run = await page.evaluate(readInPage, { order, warmRuns: WARM_RUNS, prefix: PREFIX });
        await page.close();
        const result = results[index];
        if (round === 0 || !result) continue; // round 0 warms the browser's caches
        result.head.push(run.head);
        result.now.push(run.now);
      }
    }
  } finally {
    await context.unroute(`**${PREFIX}**`, serve);
    head.remove();
  }
  return { commit: head.commit, pages: results };
}

/** Runs in the page: both readers on its document. */
async function readInPage({
  order,
  warmRuns,
  prefix,
}: {
  order: Tree[];
  warmRuns: number;
  prefix: string;
}): Promise<Record<Tree, ReaderRun>> {
  type Scan = { values: Record<string, unknown> };
  interface Reader {
    scan(): Scan;
    prepare(): void;
  }
  const load = async (tree: Tree): Promise<Reader> => {
    const from = (file: string) => import(`${prefix}${tree}/extension/src/adapters/${file}`);
    const [scanPage, prepare, slices, profiles] = await Promise.all([
      from("scan-page.ts"),
      from("prepare-page-reader.ts"),
      from("run-in-slices.ts"),
      from("builtin-profiles.ts"),
    ]);
    return {
      scan: () => scanPage.scanPage(document, location.href, profiles.BUILTIN_PROFILES),
      prepare: () => slices.runToEnd(prepare.preparePageReader()),
    };
  };
  const readers = { head: await load("head"), now: await load("now") };
  const timed = <T>(work: () => T): [number, T] => {
    const started = performance.now();
    const value = work();
    return [performance.now() - started, value];
  };
  const runs = {} as Record<Tree, ReaderRun>;
  for (const tree of order) {
    const [prepare] = timed(() => readers[tree].prepare());
    runs[tree] = { fields: 0, prepare, first: 0, warm: 0 };
  }
  for (const tree of order) {
    const [first, scan] = timed(() => readers[tree].scan());
    runs[tree].first = first;
    runs[tree].fields = Object.keys(scan.values).length;
  }
  const warm: Record<Tree, number[]> = { head: [], now: [] };
  for (let i = 0; i < warmRuns; i++)
    for (const tree of i % 2 === 0 ? order : [...order].reverse())
      warm[tree].push(timed(() => readers[tree].scan())[0]);
  for (const tree of order) {
    const sorted = [...warm[tree]].sort((a, b) => a - b);
    runs[tree].warm = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  }
  return runs;
}
