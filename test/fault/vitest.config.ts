import { defineProject } from "vitest/config";

// The fault-injection test: the real worker under `wrangler dev` against the HD4DP emulator
// failing 30% of calls and, in turn, each fault of the hospital's side, restarted twice; and
// the check of its storage scan. Minutes, not milliseconds: generous timeouts.
export default defineProject({
  test: {
    name: "fault",
    include: ["**/*.test.ts"],
    environment: "node",
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
