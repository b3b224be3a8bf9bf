import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Hd4dpEmulator,
  type StartHd4dpEmulatorOptions,
  startHd4dpEmulator,
} from "../hd4dp-emulator/start-hd4dp-emulator.ts";
import { findFreePort } from "./find-free-port.ts";
import { readDevVars } from "./read-dev-vars.ts";
import { REPO_ROOT, startWranglerDev, type WranglerDev } from "./start-wrangler-dev.ts";

export interface RelayStack {
  emulator: Hd4dpEmulator;
  worker: WranglerDev;
  /** Stops the worker's process group and the emulator, and deletes the throw-away state. */
  stop(): Promise<void>;
}

export interface StartRelayStackOptions {
  /**
   * The emulator's options (it always gets a free port). With `stateFile` its records
   * outlive the stack: that file is the caller's, never deleted by stop().
   */
  emulator?: Omit<StartHd4dpEmulatorOptions, "port">;
  /** Vars over `.dev.vars.example`; the registry URLs always point at the emulator. */
  vars?: Record<string, string>;
  log?: (line: string) => void;
  /** Another DCD folder for the worker (see startWranglerDev). */
  dcdDirectory?: string;
}

/**
 * The HD4DP emulator and the real worker under `wrangler dev` delivering to it, on free ports
 * with a throw-away Durable Object state: what the end-to-end tests, the fault test and the
 * benchmark run against (other suites may run on this machine at the same time). The
 * developer's own `.dev.vars` is neither read nor touched.
 */
export async function startRelayStack(options: StartRelayStackOptions = {}): Promise<RelayStack> {
  const emulator = await startHd4dpEmulator({ port: 0, ...options.emulator });
  const persistTo = mkdtempSync(join(tmpdir(), "spine-reg-relay-"));
  const cleanUp = async () => {
    await emulator.close();
    rmSync(persistTo, { recursive: true, force: true });
  };
  try {
    const start = async () =>
      startWranglerDev({
        port: await findFreePort(),
        persistTo,
        log: options.log,
        dcdDirectory: options.dcdDirectory,
        vars: {
          ...readDevVars(join(REPO_ROOT, ".dev.vars.example")),
          ...options.vars,
          REGISTRY_URL: `${emulator.url}/proxy`,
          REGISTRY_TOKEN_URL: `${emulator.url}/oauth/token`,
        },
      });
    // A free port can be taken by another suite's process between the check and wrangler's
    // bind (test files run in parallel): such an early exit gets one more try, elsewhere.
    const worker = await start().catch((error: unknown) => {
      if (error instanceof Error && /exited/.test(error.message)) return start();
      throw error;
    });
    return {
      emulator,
      worker,
      stop: async () => {
        await worker.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
