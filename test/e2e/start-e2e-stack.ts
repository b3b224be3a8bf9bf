import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXTENSION_ID } from "../../extension/src/extension-id.ts";
import { type DemoEhr, startDemoEhr } from "../../scripts/demo-ehr/start-demo-ehr.ts";
import {
  type Hd4dpEmulator,
  startHd4dpEmulator,
} from "../../scripts/hd4dp-emulator/start-hd4dp-emulator.ts";
import { findFreePort } from "../../scripts/lib/find-free-port.ts";
import { readDevVars } from "../../scripts/lib/read-dev-vars.ts";
import {
  REPO_ROOT,
  startWranglerDev,
  type WranglerDev,
} from "../../scripts/lib/start-wrangler-dev.ts";

export const E2E_TOKEN = "e2e-extension-token";

export interface E2eStack {
  ehr: DemoEhr;
  emulator: Hd4dpEmulator;
  worker: WranglerDev;
  stop(): Promise<void>;
}

/**
 * The demo EHR, the HD4DP emulator and the real worker under `wrangler dev`, all on free
 * ports (other suites run on this machine at the same time), the worker allowing exactly
 * this extension's origin (CORS).
 */
export async function startE2eStack(): Promise<E2eStack> {
  const ehr = await startDemoEhr({ port: 0, host: "127.0.0.1" });
  const emulator = await startHd4dpEmulator({ port: 0 });
  const persistTo = mkdtempSync(join(tmpdir(), "spine-e2e-worker-"));
  const worker = await startWranglerDev({
    port: await findFreePort(),
    persistTo,
    vars: {
      ...readDevVars(join(REPO_ROOT, ".dev.vars.example")),
      REGISTRY_URL: `${emulator.url}/proxy`,
      REGISTRY_TOKEN_URL: `${emulator.url}/oauth/token`,
      API_TOKENS: JSON.stringify({ [E2E_TOKEN]: "e2e-hospital" }),
      ALLOWED_ORIGINS: `chrome-extension://${EXTENSION_ID}`,
      // Quick retries, so "emulator down, then back" settles within seconds.
      RETRY_BASE_MS: "200",
      RETRY_MAX_MS: "1500",
      REGISTRY_TIMEOUT_MS: "2000",
    },
  });
  return {
    ehr,
    emulator,
    worker,
    stop: async () => {
      await worker.stop();
      await emulator.close();
      await ehr.close();
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}
