import { EXTENSION_ID } from "../../extension/src/extension-id.ts";
import { type DemoEhr, startDemoEhr } from "../../scripts/demo-ehr/start-demo-ehr.ts";
import type { Hd4dpEmulator } from "../../scripts/hd4dp-emulator/start-hd4dp-emulator.ts";
import { startRelayStack } from "../../scripts/lib/start-relay-stack.ts";
import type { WranglerDev } from "../../scripts/lib/start-wrangler-dev.ts";

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
 * this extension's origin (CORS), or the given origins.
 */
export async function startE2eStack(
  options: { allowedOrigins?: string[]; dcdDirectory?: string; vars?: Record<string, string> } = {},
): Promise<E2eStack> {
  const ehr = await startDemoEhr({ port: 0, host: "127.0.0.1" });
  const relay = await startRelayStack({
    dcdDirectory: options.dcdDirectory,
    vars: {
      ...options.vars,
      API_TOKENS: JSON.stringify({ [E2E_TOKEN]: "e2e-hospital" }),
      ALLOWED_ORIGINS: (options.allowedOrigins ?? [`chrome-extension://${EXTENSION_ID}`]).join(","),
      // Quick retries, so "emulator down, then back" settles within seconds.
      RETRY_BASE_MS: "200",
      RETRY_MAX_MS: "1500",
      REGISTRY_TIMEOUT_MS: "2000",
    },
  }).catch(async (error: unknown) => {
    await ehr.close();
    throw error;
  });
  return {
    ehr,
    emulator: relay.emulator,
    worker: relay.worker,
    stop: async () => {
      await relay.stop();
      await ehr.close();
    },
  };
}
