import { describe, expect, it } from "vitest";
import { uiPlural } from "../../../extension/src/i18n/ui-plural.ts";

describe("plural texts", () => {
  it("picks each language's form, and `other` for a form the catalogue lacks", () => {
    expect(uiPlural("de", "outboxWaiting", 1)).toMatch(/^1 Registrierung wartet;/);
    expect(uiPlural("de", "outboxWaiting", 2)).toMatch(/^2 Registrierungen warten;/);
    expect(uiPlural("fr", "outboxWaiting", 1)).toMatch(/^1 enregistrement est en attente/);
    // French calls a million "many", which the catalogue does not spell out.
    expect(uiPlural("fr", "outboxWaiting", 1_000_000)).toMatch(
      /^1000000 enregistrements sont en attente/,
    );
  });
});
