import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
// Chromium's build, and Firefox's (test/e2e/firefox.e2e.test.ts).
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
  const wxt = join(ROOT, "node_modules/wxt/bin/wxt.mjs");
  for (const target of [[], ["-b", "firefox", "--mv3"]]) {
    execFileSync(process.execPath, [wxt, "build", "extension", ...target], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }
}
