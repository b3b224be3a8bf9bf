// The worker's tests run inside workerd (the runtime of `wrangler dev` and production)
// through the Cloudflare vitest plugin, with the bindings of wrangler.toml. The secrets are
// test values here, so no .dev.vars is needed; HD4DP is a fetch double (support/fake-registry.ts).

import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineProject } from "vitest/config";
import { TEST_BINDINGS } from "./support/test-bindings.ts";

export default defineProject({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: fileURLToPath(new URL("../../wrangler.toml", import.meta.url)) },
      miniflare: { bindings: TEST_BINDINGS },
    }),
  ],
  test: {
    name: "worker",
    // The first request of a file loads workerd and the bundle: give it room.
    testTimeout: 30_000,
    include: ["test/worker/**/*.test.ts"],
    root: fileURLToPath(new URL("../..", import.meta.url)),
  },
});
