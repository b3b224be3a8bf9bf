// Convention test over every message catalogue of the product (worker, extension, CLI,
// shared-schema, the shipped DCD's rules): each text exists in fr, nl, de and en, is not
// empty, parses in the one message format (format-message.ts) and uses the same
// placeholders as its English text, so no language silently loses a value or shows a raw
// "{id}".

import { describe, expect, it } from "vitest";
import { REPORT_WORDS } from "../../../cli/reconcile/report-words.ts";
import { UI_TEXT } from "../../../extension/src/i18n/ui-text.ts";
import { LOCALES, type Locale, type Translations } from "../../../shared-schema/src/dcd.ts";
import { ELIGIBILITY_REASONS } from "../../../shared-schema/src/eligibility.ts";
import { formatMessage, placeholdersOf } from "../../../shared-schema/src/i18n/format-message.ts";
import { MESSAGES, TYPE_NAMES } from "../../../shared-schema/src/messages.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import { MESSAGES as WORKER_MESSAGES } from "../../../worker/src/i18n/messages.ts";

type Texts = Record<string, Partial<Translations>>;

/** A catalogue written per language (nested objects allowed), as key -> Translations. */
function perKey(trees: Record<Locale, unknown>): Texts {
  const out: Texts = {};
  const walk = (locale: Locale, value: unknown, path: string) => {
    if (typeof value === "string") {
      out[path] ??= {};
      (out[path] as Partial<Translations>)[locale] = value;
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        walk(locale, inner, path ? `${path}.${key}` : key);
      }
    }
  };
  for (const locale of LOCALES) walk(locale, trees[locale], "");
  return out;
}

/** The worker's catalogue: each code's title and detail per language. */
function workerTexts(): Texts {
  const trees = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      Object.fromEntries(Object.entries(WORKER_MESSAGES).map(([code, m]) => [code, m[locale]])),
    ]),
  ) as Record<Locale, unknown>;
  return perKey(trees);
}

const CATALOGUES: Record<string, Texts> = {
  "extension/src/i18n/ui-text.ts": UI_TEXT,
  "worker/src/i18n/messages.ts": workerTexts(),
  "cli/reconcile/report-words.ts": perKey(REPORT_WORDS),
  "shared-schema/src/messages.ts": { ...MESSAGES, ...TYPE_NAMES },
  "shared-schema/src/eligibility.ts": ELIGIBILITY_REASONS,
  "shared-schema/dcds/SPIN_SURG-0.1.0.json (rules)": Object.fromEntries(
    SPIN_SURG.rules.map((rule, i) => [`${i} ${rule.code}`, rule.message]),
  ),
};

describe.each(Object.entries(CATALOGUES))("%s", (_, texts) => {
  it("has every text in fr, nl, de and en, in the message format, with the same placeholders", () => {
    expect(Object.keys(texts).length).toBeGreaterThan(0);
    for (const [key, text] of Object.entries(texts)) {
      const english = placeholdersOf(text.en ?? "");
      for (const locale of LOCALES) {
        const value = text[locale];
        expect(value?.trim(), `${key}.${locale}: translate it`).toBeTruthy();
        // Fix: the same {placeholders} as the English text, plurals as {n, plural, ...}.
        expect([...placeholdersOf(value as string)].sort(), `${key}.${locale}`).toEqual(
          [...english].sort(),
        );
        expect(
          value,
          `${key}.${locale}: write plurals as {n, plural, one {…} other {…}}`,
        ).not.toMatch(/\w\((s|en|e|n|ies)\)/);
      }
    }
  });
});

describe("the worker's catalogue", () => {
  it("is translated, not English in other languages", () => {
    for (const [code, text] of Object.entries(workerTexts())) {
      for (const locale of LOCALES.filter((l) => l !== "en")) {
        if (!code.endsWith(".detail")) continue;
        expect(text[locale], `${code}.${locale} is still English`).not.toBe(text.en);
      }
    }
  });
});

describe("plurals in the catalogues", () => {
  it("read as each language says them", () => {
    const waiting = UI_TEXT.outboxWaiting;
    expect(formatMessage(waiting.de, "de", { n: 1 })).toMatch(/^1 Registrierung wartet;/);
    expect(formatMessage(waiting.de, "de", { n: 2 })).toMatch(/^2 Registrierungen warten;/);
    expect(formatMessage(waiting.fr, "fr", { n: 0 })).toMatch(/^0 enregistrement est en attente/);
    expect(formatMessage(UI_TEXT.errorsSummary.nl, "nl", { n: 1 })).toBe(
      "1 fout te verbeteren vóór verzending.",
    );
  });
});
