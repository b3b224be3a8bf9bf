import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../shared-schema/src/dcd.ts";
import { formatMessage, placeholdersOf } from "../../../shared-schema/src/i18n/format-message.ts";

const FILES = "{n, plural, =0 {no file} one {# file} other {# files}}";

describe("formatMessage", () => {
  it("fills placeholders, and leaves a missing one visible", () => {
    expect(formatMessage("{field}: {max} at most", "en", { field: "Name", max: 5 })).toBe(
      "Name: 5 at most",
    );
    expect(formatMessage("{field} is required", "en", {})).toBe("{field} is required");
  });

  it("picks plural forms by the locale's rules: French 0 and 1 are one, Dutch 0 is other", () => {
    const fr = "{n, plural, one {# erreur} other {# erreurs}} à corriger";
    expect([0, 1, 2].map((n) => formatMessage(fr, "fr", { n }))).toEqual([
      "0 erreur à corriger",
      "1 erreur à corriger",
      "2 erreurs à corriger",
    ]);
    const nl = "{n, plural, one {# fout} other {# fouten}}";
    expect([0, 1, 2].map((n) => formatMessage(nl, "nl", { n }))).toEqual([
      "0 fouten",
      "1 fout",
      "2 fouten",
    ]);
  });

  it("takes an exact =N form first, and other for a category not spelled out", () => {
    expect(formatMessage(FILES, "en", { n: 0 })).toBe("no file");
    const million = (1_000_000).toLocaleString("fr-BE");
    expect(formatMessage("{n, plural, other {# x}}", "fr", { n: 1_000_000 })).toBe(`${million} x`);
    expect(million).not.toBe("1000000");
  });

  it("fills the placeholders inside a form, # only with the number", () => {
    const template = "{n, plural, one {# act of {who}} other {# acts of {who}}}";
    expect(formatMessage(template, "en", { n: 2, who: "A#1" })).toBe("2 acts of A#1");
    expect(formatMessage(template, "de", {})).toBe("{n}");
  });

  it("shows a malformed template as written; placeholdersOf refuses it", () => {
    for (const [template, problem] of [
      ["{n, plural, one {x}}", /other/],
      ["{n, plural, one {x} other {y}", /unclosed/],
      ["a stray { brace", /unclosed/],
    ] as const) {
      expect(formatMessage(template, "en", { n: 1 })).toBe(template);
      expect(() => placeholdersOf(template)).toThrow(problem);
    }
  });

  it("lists the placeholders, plural arguments and nested ones", () => {
    expect([...placeholdersOf("{a} {n, plural, one {# {b}} other {# {c}}}")].sort()).toEqual([
      "a",
      "b",
      "c",
      "n",
    ]);
  });

  it("property: text without braces comes back unchanged; every value is put in its place", () => {
    const text = fc.string().filter((s) => !s.includes("{") && !s.includes("}"));
    fc.assert(
      fc.property(text, text, fc.constantFrom(...LOCALES), (before, value, locale) => {
        expect(formatMessage(before, locale, { x: value })).toBe(before);
        expect(formatMessage(`${before}{x}`, locale, { x: value })).toBe(before + value);
      }),
    );
  });
});
