import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const MANIFEST = join(ROOT, "extension/.output/chrome-mv3/manifest.json");
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
  const built = existsSync(MANIFEST) ? statSync(MANIFEST).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))));
  if (built >= sources) return;
  console.log("[e2e] building the extension (extension/.output is missing or stale)…");
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/wxt/bin/wxt.mjs"), "build", "extension"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
}
