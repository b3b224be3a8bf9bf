import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkPolicyConfig } from "./check-policy-config.ts";
import { generateManagedSchema } from "./generate-managed-schema.ts";
import { generatePolicyFiles, json } from "./generate-policy-files.ts";
import {
  EXAMPLE_CONFIG_PATH,
  MANAGED_SCHEMA_PATH,
  REPO_ROOT,
  readPolicyConfig,
} from "./policy-config.ts";

const USAGE = `Usage: node scripts/policy/main.ts [--config <file.json>] [--out <dir>] [--check]
  Writes extension/public/managed-schema.json from the settings schema
  (extension/src/settings/settings-schema.ts), and the ready-made policy files (Windows .reg
  and JSON, macOS .mobileconfig, Linux and Firefox JSON) from it and a configuration.
  --config  default scripts/policy/example-config.json (copy it for a real hospital)
  --out     default docs/policy
  --check   write nothing; exit 1 when the files in --out differ from a fresh run`;

/** Writes (or checks) the managed schema and the policy files; returns the paths written. */
export function writePolicyFiles(
  options: { config?: string; out?: string; check?: boolean } = {},
): string[] {
  const config = readPolicyConfig(options.config ?? EXAMPLE_CONFIG_PATH);
  const schema = generateManagedSchema();
  const errors = checkPolicyConfig(config, schema);
  if (errors.length > 0)
    throw new Error(`The configuration is not valid:\n  ${errors.join("\n  ")}`);
  const out = resolve(options.out ?? join(REPO_ROOT, "docs/policy"));
  const files = new Map([[MANAGED_SCHEMA_PATH, json(schema)]]);
  for (const [name, content] of generatePolicyFiles(config, schema))
    files.set(join(out, name), content);
  const stale: string[] = [];
  for (const [path, content] of files) {
    const name = relative(REPO_ROOT, path);
    if (options.check) {
      if (!isSameFile(name, readOrEmpty(path), content)) stale.push(name);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  if (stale.length > 0)
    throw new Error(`Out of date (run: node scripts/policy/main.ts): ${stale.join(", ")}`);
  return [...files.keys()];
}

/**
 * JSON files are compared by value: the repository's formatter (biome) may lay them out
 * differently from JSON.stringify. Every other file must be byte for byte the same.
 */
export function isSameFile(name: string, committed: string, generated: string): boolean {
  if (!name.endsWith(".json")) return committed === generated;
  try {
    return JSON.stringify(JSON.parse(committed)) === JSON.stringify(JSON.parse(generated));
  } catch {
    return false;
  }
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      config: { type: "string" },
      out: { type: "string" },
      check: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  try {
    const written = writePolicyFiles(values);
    if (!values.check)
      for (const path of written) console.log(`wrote ${relative(process.cwd(), path)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
