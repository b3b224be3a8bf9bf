// Convention test: every worker message exists in the four languages with the same
// placeholders, so no language silently loses a detail (or shows a raw "{id}").

import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../shared-schema/src/dcd.ts";
import { formatMessage, MESSAGES, type MessageCode } from "../../../worker/src/i18n/messages.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("MESSAGES", () => {
  for (const code of Object.keys(MESSAGES) as MessageCode[]) {
    it(`${code}: four languages, same placeholders`, () => {
      const english = MESSAGES[code].en;
      for (const locale of LOCALES) {
        const text = MESSAGES[code][locale];
        expect(text.title, `${code}.${locale}.title: translate it`).not.toBe("");
        // Fix: use the same {placeholders} as the English text.
        expect(placeholders(text.detail), `${code}.${locale}.detail`).toEqual(
          placeholders(english.detail),
        );
        expect(placeholders(text.title), `${code}.${locale}.title`).toEqual(
          placeholders(english.title),
        );
        if (locale !== "en")
          expect(text.detail, `${code}.${locale} is still English`).not.toBe(english.detail);
      }
    });
  }

  it("fills placeholders", () => {
    expect(formatMessage("payload_too_large", "de", { limit: 5 }).detail).toBe(
      "Der Anfragetext überschreitet 5 Bytes.",
    );
  });
});
