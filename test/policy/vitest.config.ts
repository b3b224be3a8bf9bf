import { defineProject } from "vitest/config";

// Deployment by policy and self-hosted packaging: plain Node, no browser.
export default defineProject({
  test: {
    name: "policy",
    root: import.meta.dirname,
    include: ["**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});
