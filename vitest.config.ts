import { defineConfig } from "vitest/config";

// One vitest project per runtime: Node here, and one config file per other runtime
// (workerd for the worker, WXT's fake browser for the extension, Chromium end to end).
export default defineConfig({
  test: {
    // One line per file and the summary: no test listed for being slow (these machines are
    // shared and noisy; speed is the benchmarks' business, `npm run bench`).
    slowTestThreshold: 600_000,
    // Most of the suite waits (browsers, wrangler dev, the fault run's retry windows) rather
    // than computes: three files at a time on these 2-core machines, not vitest's default of
    // one, take npm test from about 430 s to 330 s.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: "node",
          // Shared 2-core machines: spawning processes can take seconds under load.
          testTimeout: 30_000,
          include: [
            "test/shared-schema/**/*.test.ts",
            "test/cli/**/*.test.ts",
            "test/scripts/**/*.test.ts",
            "test/outbox/**/*.test.ts",
            "test/api/**/*.test.ts",
          ],
        },
      },
      "test/*/vitest.config.ts",
    ],
  },
});
