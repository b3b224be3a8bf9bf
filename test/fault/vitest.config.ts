import { defineProject } from "vitest/config";

// The fault-injection test of issue 3: the real worker under `wrangler dev` against the HD4DP
// emulator failing 30% of calls, restarted once. Minutes, not milliseconds: generous timeouts.
export default defineProject({
  test: {
    name: "fault",
    include: ["**/*.test.ts"],
    environment: "node",
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
