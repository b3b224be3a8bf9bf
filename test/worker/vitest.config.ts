// The worker's tests run inside workerd (the runtime of `wrangler dev` and production)
// through the Cloudflare vitest plugin, with the bindings of wrangler.toml. The secrets are
// test values here, so no .dev.vars is needed; HD4DP is a fetch double (support/fake-registry.ts).
// Wrangler reads the secrets that wrangler.toml requires from .dev.vars, or else from .env files
// and the environment: the test values go in the environment, so a clean clone reads them as
// a developer's machine does, with no "Missing required secrets" warning; and wrangler's
// "Using secrets defined in ..." notes (once per test file) are held back, its warnings not.
// The DCD folder is wrangler.toml's (shared-schema/dcds) plus the DCDs of fixtures/, copied
// together into a folder named after their content: the worker reads it through the same
// assets binding. The config may be loaded by several processes at once (other projects'
// runs too), so the folder is filled aside and renamed into place whole.

import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineProject } from "vitest/config";
import { TEST_BINDINGS } from "./support/test-bindings.ts";

function testDcdFolder(): string {
  const files = ["../../shared-schema/dcds", "fixtures"].flatMap((from) => {
    const dir = fileURLToPath(new URL(from, import.meta.url));
    return readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .map((name) => ({ name, path: join(dir, name) }));
  });
  const hash = createHash("sha256");
  for (const file of files) hash.update(file.name).update(readFileSync(file.path));
  const folder = join(tmpdir(), `spine-reg-test-dcds-${hash.digest("hex").slice(0, 16)}`);
  if (existsSync(folder)) return folder;
  const staging = mkdtempSync(join(tmpdir(), "spine-reg-test-dcds-staging-"));
  for (const file of files) copyFileSync(file.path, join(staging, file.name));
  try {
    renameSync(staging, folder);
  } catch {
    // Another process put the same folder in place first.
    rmSync(staging, { recursive: true, force: true });
  }
  return folder;
}

const REQUIRED_SECRETS = [
  "REGISTRY_URL",
  "REGISTRY_TOKEN_URL",
  "REGISTRY_CLIENT_ID",
  "REGISTRY_CLIENT_SECRET",
  "API_TOKENS",
  "ENCRYPTION_KEYS",
  "HMAC_KEY",
  "ALLOWED_ORIGINS",
] as const;
for (const name of REQUIRED_SECRETS) process.env[name] ??= TEST_BINDINGS[name];
process.env.WRANGLER_LOG ??= "warn";

export default defineProject({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: fileURLToPath(new URL("../../wrangler.toml", import.meta.url)) },
      miniflare: {
        bindings: TEST_BINDINGS,
        assets: { directory: testDcdFolder(), binding: "DCD_FILES" },
      },
    }),
  ],
  test: {
    name: "worker",
    // The first request of a file loads workerd and the bundle: give it room.
    testTimeout: 30_000,
    include: ["test/worker/**/*.test.ts"],
    setupFiles: ["test/worker/support/quiet-logs.ts"],
    root: fileURLToPath(new URL("../..", import.meta.url)),
  },
});
