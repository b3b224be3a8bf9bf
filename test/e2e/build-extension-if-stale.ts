import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
// What `npm run build:extension:e2e` writes (Chromium's build and Firefox's, with the
// overlay's shadow root open to the tests), and the release build for Chromium, whose closed
// root one test checks.
const BUILDS = [
  { dir: "chrome-mv3-e2e", script: "build:extension:e2e" },
  { dir: "firefox-mv3-e2e", script: "build:extension:e2e" },
  { dir: "chrome-mv3", script: "build:extension:chrome" },
];
const manifestOf = (dir: string) => join(ROOT, "extension/.output", dir, "manifest.json");
const SOURCES = [
  "extension/src",
  "extension/public",
  "extension/wxt.config.ts",
  "shared-schema/src",
];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * vitest globalSetup: the e2e tests load extension/.output, so each build they load is made
 * again when it is missing or older than its sources.
 */
export default function buildExtensionIfStale(): void {
  const sources = Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))));
  const stale = BUILDS.filter(({ dir }) => {
    const manifest = manifestOf(dir);
    return !existsSync(manifest) || statSync(manifest).mtimeMs < sources;
  });
  for (const script of new Set(stale.map((build) => build.script))) {
    console.log(`[e2e] npm run ${script} (extension/.output is missing or stale)…`);
    execFileSync("npm", ["run", "--silent", script], { cwd: ROOT, stdio: "inherit" });
  }
}
