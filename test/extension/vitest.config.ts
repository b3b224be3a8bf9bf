import { resolve } from "node:path";
import { defineProject } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

// Extension unit tests: WXT's plugin wires `wxt/browser` to the in-memory fake browser
// (@webext-core/fake-browser); pages are parsed with linkedom (a WXT dependency).
export default defineProject({
  plugins: [WxtVitest({ root: resolve(import.meta.dirname, "../../extension") })],
  test: {
    name: "extension",
    root: import.meta.dirname,
    include: ["**/*.test.ts", "**/*.test.tsx"],
    environment: "node",
    // Files share their workers, each starting with a fresh fake browser: Preact, zod and the
    // DCD are evaluated once per worker instead of once per file (half the project's time).
    isolate: false,
    setupFiles: ["support/fresh-fake-browser.ts"],
  },
});
