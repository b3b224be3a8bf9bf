import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { FIELD_LABELS } from "../../extension/src/adapters/field-labels.ts";
import { PREFILL_FIELDS } from "../../extension/src/adapters/prefill-fields.ts";
import { SETTING_KEYS } from "../../extension/src/settings/settings.ts";

const extension = (path: string) => resolve(import.meta.dirname, "../../extension", path);

describe("extension conventions", () => {
  it("has labels for every field the adapters read, and reads no field without labels", () => {
    expect(
      Object.keys(FIELD_LABELS).sort(),
      "keep adapters/field-labels.ts and prefill-fields.ts in step",
    ).toEqual(Object.keys(PREFILL_FIELDS).sort());
  });

  it("declares every setting in the managed-storage schema (policy)", () => {
    const schema = JSON.parse(readFileSync(extension("public/managed-schema.json"), "utf8"));
    expect(
      Object.keys(schema.properties).sort(),
      "add the setting to public/managed-schema.json",
    ).toEqual([...SETTING_KEYS].sort());
  });

  it("never asks for <all_urls> at install", () => {
    const config = readFileSync(extension("wxt.config.ts"), "utf8");
    expect(config).not.toMatch(/["'`]<all_urls>["'`]/);
  });

  it("versions every storage item (so a later shape can migrate it)", () => {
    for (const path of [
      "src/settings/load-settings.ts",
      "src/registrations/registration-store.ts",
      "src/background/dcd-cache.ts",
    ]) {
      const source = readFileSync(extension(path), "utf8");
      const items = source.match(/defineItem<[\s\S]*?\);/g) ?? [];
      expect(items.length, path).toBeGreaterThan(0);
      for (const item of items)
        expect(item, `${path}: add { version } to the item`).toMatch(/version:\s*\d+/);
    }
  });

  it("has the extension name in every locale", () => {
    for (const locale of ["en", "fr", "nl", "de"]) {
      const messages = JSON.parse(
        readFileSync(extension(`public/_locales/${locale}/messages.json`), "utf8"),
      );
      expect(messages.extName?.message, locale).toBeTruthy();
    }
  });
});
