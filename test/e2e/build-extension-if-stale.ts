import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
// What `npm run build:extension` writes: Chromium's build, and Firefox's.
const MANIFESTS = ["chrome-mv3", "firefox-mv3"].map((dir) =>
  join(ROOT, "extension/.output", dir, "manifest.json"),
);
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

/** vitest globalSetup: the e2e tests load extension/.output, so build it when it is older than its sources. */
export default function buildExtensionIfStale(): void {
  const built = Math.min(
    ...MANIFESTS.map((manifest) => (existsSync(manifest) ? statSync(manifest).mtimeMs : 0)),
  );
  const sources = Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))));
  if (built >= sources) return;
  console.log("[e2e] building the extension (extension/.output is missing or stale)…");
  // Both targets, as `npm run build:extension` builds them.
  execFileSync("npm", ["run", "--silent", "build:extension"], { cwd: ROOT, stdio: "inherit" });
}
