import { defineProject } from "vitest/config";

// End to end: Debian's headless Chromium and Firefox ESR with the built extension, the demo EHR, the HD4DP
// emulator and the worker under `wrangler dev`. One file at a time: each starts a browser
// and a worker, and two would only fight for the machine's two cores.
export default defineProject({
  test: {
    name: "e2e",
    root: import.meta.dirname,
    include: ["**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["./build-extension-if-stale.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // expect.poll gives up after 1 s by default: too short for a browser on a shared,
    // loaded 2-core machine. Waiting longer never hides a failure, it only waits for it.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
