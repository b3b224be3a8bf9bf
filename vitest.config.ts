import { defineConfig } from "vitest/config";

// npm test runs three files at a time (--maxWorkers=3, package.json: one value for every
// project, which vitest requires of projects run together): most of the suite waits
// (browsers, wrangler dev, the fault run's retry windows) rather than computes, and on these
// 2-core machines that takes npm test from about 430 s to 330 s.
//
// One vitest project per runtime: Node here, and one config file per other runtime
// (workerd for the worker, WXT's fake browser for the extension, Chromium end to end).
export default defineConfig({
  test: {
    // One line per file and the summary: no test listed for being slow (these machines are
    // shared and noisy; speed is the benchmarks' business, `npm run bench`).
    slowTestThreshold: 600_000,
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
