import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import spinSurg from "../../shared-schema/dcds/SPIN_SURG-0.1.0.json" with { type: "json" };

const ROOT = resolve(import.meta.dirname, "../..");
const SOURCES = join(ROOT, "extension/src");

/**
 * The only places that may name a DCD's fields: they map what an EHR page (or the settings)
 * holds to technical names. Everything else renders and validates from the DCD it is given.
 */
const ALLOWED = [
  "extension/src/adapters/field-labels.ts",
  "extension/src/adapters/prefill-fields.ts",
  "extension/src/adapters/scan-page.ts",
  "extension/src/adapters/builtin-profiles.ts",
  "extension/src/adapters/profiles/",
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const fields: { name: string; fields?: { name: string }[] }[] = spinSurg.fields;
const names = fields.flatMap((field) => [
  field.name,
  ...(field.fields ?? []).map((inner) => inner.name),
]);
// A whole technical name, not part of a longer one (TX_AUTHOR is not in TX_AUTHOR_GR).
const NAME = new RegExp(`(?<![A-Za-z0-9_])(?:${names.join("|")})(?![A-Za-z0-9_])`, "g");

describe("the extension is DCD-agnostic", () => {
  it("reads SPIN_SURG's field names from the JSON", () => {
    expect(names).toContain("D_SURG");
    expect(names).toContain("MS_IMPL_QTY");
  });

  it("names no SPIN_SURG field outside the EHR label tables, profiles and page scanner", () => {
    const found: string[] = [];
    for (const file of filesUnder(SOURCES)) {
      const path = relative(ROOT, file);
      if (ALLOWED.some((allowed) => path === allowed || path.startsWith(allowed))) continue;
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, index) => {
          for (const match of line.matchAll(NAME)) found.push(`${path}:${index + 1}: ${match[0]}`);
        });
    }
    expect(
      found,
      "These lines name a field of SPIN_SURG, so the product would not serve another registry " +
        "without a code change. Render and validate from the DCD the form is given (its fields, " +
        "sections, conditions); a mapping of what an EHR page holds to a technical name belongs " +
        "in a profile (adapters/profiles/) or the label table (adapters/field-labels.ts, " +
        "adapters/prefill-fields.ts):\n",
    ).toEqual([]);
  });
});
