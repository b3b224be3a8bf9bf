import { defineProject } from "vitest/config";

// End to end: Debian's headless Chromium with the built extension, the demo EHR, the HD4DP
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
  },
});
