import { execFileSync } from "node:child_process";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { EXTENSION_ID } from "../../extension/src/extension-id.ts";
import { packageExtension } from "./package-extension.ts";
import { readSigningKey, SigningKeyError } from "./read-signing-key.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const USAGE = `Usage: npm run package -- [--base-url <url>] [--out <dir>] [--skip-build]
  Builds the extension (Chrome MV3 and Firefox MV3) and writes to --out (default dist/):
  spine-reg-<version>.crx, update.xml, spine-reg-<version>.xpi, spine-reg-latest.xpi, updates.json.
  Key:      SPINE_REG_CRX_KEY (PEM text) or SPINE_REG_CRX_KEY_FILE (outside the repository)
  Base URL: --base-url or SPINE_REG_UPDATE_BASE_URL, where the files will be served`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "base-url": { type: "string" },
      out: { type: "string", default: join(ROOT, "dist") },
      "skip-build": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // Key and URL first: a missing one must not cost two builds.
  const signingKey = await readSigningKey(process.env, ROOT);
  const baseUrl = values["base-url"] ?? process.env.SPINE_REG_UPDATE_BASE_URL;
  if (!baseUrl || !/^https?:\/\/[^/\s]+/.test(baseUrl)) {
    console.error(
      `Where will the files be served? Pass --base-url https://host/path or set SPINE_REG_UPDATE_BASE_URL.\n\n${USAGE}`,
    );
    return 1;
  }
  if (!values["skip-build"]) {
    const wxt = join(ROOT, "node_modules/wxt/bin/wxt.mjs");
    execFileSync(process.execPath, [wxt, "build", "extension"], { cwd: ROOT, stdio: "inherit" });
    execFileSync(process.execPath, [wxt, "build", "extension", "-b", "firefox", "--mv3"], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }
  const outDir = resolve(values.out);
  const result = await packageExtension({
    chromeDir: join(ROOT, "extension/.output/chrome-mv3"),
    firefoxDir: join(ROOT, "extension/.output/firefox-mv3"),
    outDir,
    baseUrl,
    signingKey,
  });
  console.log(
    `spine-reg ${result.version}: Chrome/Edge id ${result.id}, Firefox id ${result.geckoId}`,
  );
  for (const file of result.files) console.log(`  ${relative(process.cwd(), join(outDir, file))}`);
  if (result.id !== EXTENSION_ID) {
    // Not fatal (a hospital may sign with its own key), but everything naming the id must follow.
    console.warn(
      `\nNote: this key gives the id ${result.id}, not ${EXTENSION_ID} (extension/src/extension-id.ts).` +
        "\nUse this id in the policy files (scripts/policy, --config) and in the worker's ALLOWED_ORIGINS.",
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof SigningKeyError || error instanceof Error ? error.message : error,
    );
    process.exit(1);
  },
);
