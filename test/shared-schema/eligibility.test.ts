import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../shared-schema/src/dcd.ts";
import {
  decideEligibilities,
  decideEligibility,
  ELIGIBILITY_REASONS,
  type EligibilityTable,
} from "../../shared-schema/src/eligibility.ts";
import {
  ELIGIBILITY_TABLE,
  type EligibilityEntry,
} from "../../shared-schema/src/eligibility-table.ts";
import { ELIGIBILITY_TABLE_SCHEMA } from "../../shared-schema/src/eligibility-table-schema.ts";
import { isNomenclatureCode } from "../../shared-schema/src/identifiers/nomenclature.ts";
import { hospitalisedCodeOf } from "../support/nomenclature-codes.ts";

/** A decision "required", the one that a registration must follow. */
const requiresRegistration = (...args: Parameters<typeof decideEligibility>) =>
  decideEligibility(...args).decision === "required";

const EXEMPT_PAIRS: [string, string][] = [
  ["224674", "224685"],
  ["225853", "225864"],
  ["225875", "225886"],
];
const AFTER_START = "2024-06-01";
const TABLE_CODES = new Set(ELIGIBILITY_TABLE.entries.map((entry) => entry.code));

function entry(overrides: Partial<EligibilityEntry>): EligibilityEntry {
  return {
    code: "101010",
    article: "14n",
    decision: "required",
    validFrom: "2022-09-01",
    source: "test",
    ...overrides,
  };
}

/** The template with {code} filled in and {article} standing for any text. */
function filledPattern(template: string, code: string): RegExp {
  const quote = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = template
    .split("{article}")
    .map((part) => part.split("{code}").map(quote).join(quote(code)))
    .join(".+");
  return new RegExp(`^${pattern}$`);
}

function table(entries: EligibilityEntry[]): EligibilityTable {
  return { version: "test", source: "test", validFrom: "2022-09-01", entries };
}

describe("decideEligibility: codes in the table", () => {
  it.each(EXEMPT_PAIRS.flat())("%s is exempt (art. 14 n) § 1, II. A)", (code) => {
    const result = decideEligibility(code, { date: AFTER_START });
    expect(result).toEqual({
      code,
      decision: "exempt",
      reasonCode: "exempt",
      article: "14n",
      reason: `${code} is exempt: art. 14 n) § 1, II. A (non-bloody treatment of fractures and luxations) needs no registration.`,
    });
    expect(requiresRegistration(code, { date: AFTER_START })).toBe(false);
  });

  it("an art. 14 n) code of the table is required", () => {
    for (const code of ["281116", "281120"]) {
      const result = decideEligibility(code, { date: AFTER_START });
      expect(result).toMatchObject({
        code,
        decision: "required",
        reasonCode: "required",
        article: "14n",
      });
      expect(result.reason).toContain(code);
      expect(result.reason).toContain("art. 14 n)");
      expect(requiresRegistration(code, { date: AFTER_START })).toBe(true);
    }
  });

  it("a code of another article in the table is not in scope", () => {
    const result = decideEligibility("105092", { date: AFTER_START });
    expect(result).toEqual({
      code: "105092",
      decision: "not_in_scope",
      reasonCode: "not_in_scope",
      article: "2",
      reason: "Act 105092 needs no Spine registration: it falls under art. 2, not art. 14 n).",
    });
    expect(requiresRegistration("105092", { date: AFTER_START })).toBe(false);
  });

  it("the table wins over an article stated by the caller", () => {
    expect(decideEligibility("224674", { date: AFTER_START, article: "2" }).decision).toBe(
      "exempt",
    );
    expect(decideEligibility("105092", { date: AFTER_START, article: "14n" }).decision).toBe(
      "not_in_scope",
    );
  });

  it("property: whatever article is stated, a table code gets the table's decision", () => {
    const tableEntry = fc.constantFrom(...ELIGIBILITY_TABLE.entries);
    fc.assert(
      fc.property(tableEntry, fc.string(), (e, article) => {
        expect(decideEligibility(e.code, { date: AFTER_START, article }).decision).toBe(e.decision);
      }),
    );
  });
});

describe("decideEligibility: invalid codes", () => {
  it("a bad check digit is unknown, and says so", () => {
    const result = decideEligibility("224675");
    expect(result).toMatchObject({
      code: "224675",
      decision: "unknown",
      reasonCode: "invalid_check_digit",
    });
    expect(result.reason).toContain("check digit");
    expect(result.article).toBeUndefined();
  });

  it.each(["", "22467", "2246744", "22467a", " 224674"])("%j is unknown (format)", (code) => {
    const result = decideEligibility(code);
    expect(result).toMatchObject({ decision: "unknown", reasonCode: "invalid_format" });
    expect(result.reason).toContain("exactly 6 digits");
  });

  it("stating art. 14 n) does not make an invalid code required", () => {
    expect(decideEligibility("224675", { article: "14n" }).decision).toBe("unknown");
    expect(requiresRegistration("224675", { article: "14n" })).toBe(false);
  });
});

describe("decideEligibility: codes not in the table", () => {
  it("without an article, the answer is unknown and tells who should check", () => {
    expect(TABLE_CODES.has("101010")).toBe(false);
    const result = decideEligibility("101010", { date: AFTER_START });
    expect(result).toEqual({
      code: "101010",
      decision: "unknown",
      reasonCode: "unknown_code",
      reason:
        "Code 101010 is not in the code table for the date of the act, so whether it must be registered is unknown. The surgeon or the billing office should check its article: art. 14 n) acts must be registered.",
    });
  });

  it("property: a 6-digit string not in the table, without article, is never answered as not required", () => {
    const sixDigits = fc
      .integer({ min: 0, max: 999_999 })
      .map((n) => String(n).padStart(6, "0"))
      .filter((code) => !TABLE_CODES.has(code));
    fc.assert(
      fc.property(sixDigits, (code) => {
        const result = decideEligibility(code, { date: AFTER_START });
        expect(result.decision).toBe("unknown");
        expect(result.reasonCode).toBe(
          isNomenclatureCode(code) ? "unknown_code" : "invalid_check_digit",
        );
      }),
    );
  });

  it.each([
    "14n",
    "14 n",
    "14n)",
    "14 n)",
    "art. 14 n)",
    "ART. 14 N)",
    "Art 14n",
    "article 14 n)",
    "artikel 14 n)",
    "  14 n) § 1, II. B  ",
  ])("stated article %j means required", (article) => {
    const result = decideEligibility("101010", { date: AFTER_START, article });
    expect(result).toMatchObject({
      decision: "required",
      reasonCode: "required_stated_article",
      article: "14n",
    });
    expect(result.reason).toContain("art. 14 n)");
    expect(requiresRegistration("101010", { date: AFTER_START, article })).toBe(true);
  });

  it.each(["2", "14", "14m", "14 k)", "114n", "art. 2", "14 nn"])(
    "stated article %j means not in scope",
    (article) => {
      const result = decideEligibility("101010", { date: AFTER_START, article });
      expect(result).toMatchObject({
        decision: "not_in_scope",
        reasonCode: "not_in_scope_stated_article",
        article,
      });
    },
  );

  it("labels a stated article for the reader: 2 -> art. 2, art. 2 unchanged", () => {
    expect(decideEligibility("101010", { date: AFTER_START, article: "2" }).reason).toBe(
      "Code 101010 is not in the code table; the stated article (art. 2) is not art. 14 n): no Spine registration needed.",
    );
    expect(decideEligibility("101010", { date: AFTER_START, article: "art. 2" }).reason).toContain(
      "(art. 2)",
    );
  });

  it("an empty or blank stated article counts as none", () => {
    expect(decideEligibility("101010", { article: "" }).decision).toBe("unknown");
    expect(decideEligibility("101010", { article: "   " }).decision).toBe("unknown");
  });
});

describe("decideEligibility: validity dates", () => {
  it("before 1 Sept 2022 the exempt codes are not in the table", () => {
    expect(decideEligibility("224674", { date: "2022-08-31" })).toMatchObject({
      decision: "unknown",
      reasonCode: "unknown_code",
    });
    expect(decideEligibility("224674", { date: "2022-09-01" }).decision).toBe("exempt");
    expect(decideEligibility("224674", { date: "2022-08-31", article: "14n" }).decision).toBe(
      "required",
    );
  });

  it("validTo is the last day included", () => {
    const custom = table([entry({ code: "101010", validTo: "2023-12-31" })]);
    expect(decideEligibility("101010", { table: custom, date: "2023-12-31" }).decision).toBe(
      "required",
    );
    expect(decideEligibility("101010", { table: custom, date: "2024-01-01" }).decision).toBe(
      "unknown",
    );
  });

  it("picks the entry whose period covers the date when a code has several", () => {
    const custom = table([
      entry({ code: "101010", decision: "required", validTo: "2023-12-31" }),
      entry({ code: "101010", decision: "exempt", validFrom: "2024-01-01" }),
    ]);
    expect(decideEligibility("101010", { table: custom, date: "2023-06-01" }).decision).toBe(
      "required",
    );
    expect(decideEligibility("101010", { table: custom, date: "2024-06-01" }).decision).toBe(
      "exempt",
    );
  });

  it("defaults to today", () => {
    const future = table([entry({ code: "101010", validFrom: "2999-01-01" })]);
    expect(decideEligibility("101010", { table: future }).decision).toBe("unknown");
    const past = table([entry({ code: "101010", validFrom: "2000-01-01" })]);
    expect(decideEligibility("101010", { table: past }).decision).toBe("required");
    expect(decideEligibility("224674").decision).toBe("exempt");
  });

  it("uses the table given instead of the default one", () => {
    const custom = table([entry({ code: "224674", decision: "required" })]);
    expect(decideEligibility("224674", { table: custom, date: AFTER_START }).decision).toBe(
      "required",
    );
    expect(decideEligibility("224685", { table: custom, date: AFTER_START }).decision).toBe(
      "unknown",
    );
  });
});

describe("decideEligibilities", () => {
  it("decides each code in order with the same options", () => {
    const results = decideEligibilities(["224674", "281116", "101010", "22467"], {
      date: AFTER_START,
      locale: "nl",
    });
    expect(results.map((r) => [r.code, r.decision, r.reasonCode])).toEqual([
      ["224674", "exempt", "exempt"],
      ["281116", "required", "required"],
      ["101010", "unknown", "unknown_code"],
      ["22467", "unknown", "invalid_format"],
    ]);
    expect(results[0]?.reason).toBe(ELIGIBILITY_REASONS.exempt.nl.replace("{code}", "224674"));
  });

  it("returns an empty list for no codes", () => {
    expect(decideEligibilities([])).toEqual([]);
  });
});

describe("reasons", () => {
  it("every reason exists in the four languages, with distinct texts and the same placeholders", () => {
    for (const [reasonCode, texts] of Object.entries(ELIGIBILITY_REASONS)) {
      const placeholders = (text: string) =>
        [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const locale of LOCALES) {
        expect(texts[locale], `${reasonCode}.${locale}: add the translation`).toMatch(/\S/);
        expect(
          placeholders(texts[locale]),
          `${reasonCode}.${locale}: same placeholders as en`,
        ).toEqual(placeholders(texts.en));
        expect(placeholders(texts[locale]), `${reasonCode}.${locale}`).toContain("code");
      }
      expect(
        new Set(LOCALES.map((locale) => texts[locale])).size,
        `${reasonCode}: untranslated copy`,
      ).toBe(4);
    }
  });

  it("every decision path gives its sentence in the requested locale, placeholders filled", () => {
    const cases: [string, { article?: string }][] = [
      ["224675", {}],
      ["22467", {}],
      ["224674", {}],
      ["281116", {}],
      ["105092", {}],
      ["101010", { article: "14n" }],
      ["101010", { article: "2" }],
      ["101010", {}],
    ];
    const seen = new Set<string>();
    for (const [code, extra] of cases) {
      for (const locale of LOCALES) {
        const result = decideEligibility(code, { ...extra, locale, date: AFTER_START });
        seen.add(result.reasonCode);
        const template = ELIGIBILITY_REASONS[result.reasonCode as keyof typeof ELIGIBILITY_REASONS];
        expect(template, result.reasonCode).toBeDefined();
        expect(result.reason).not.toMatch(/\{(code|article)\}/);
        expect(result.reason).toMatch(filledPattern(template[locale], code));
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(ELIGIBILITY_REASONS).sort());
  });

  it("writes the article the way each language does", () => {
    const de = decideEligibility("281116", { locale: "de", date: AFTER_START });
    expect(de.reason).toContain("unter Art. 14 n)");
    const fr = decideEligibility("281116", { locale: "fr", date: AFTER_START });
    expect(fr.reason).toContain("de l'art. 14 n)");
    expect(fr.reason).toContain("La prestation 281116 doit être enregistrée");
  });

  it("falls back to English for a locale it does not know (e.g. from an HTTP header)", () => {
    const result = decideEligibility("224674", { locale: "it" as "en", date: AFTER_START });
    expect(result.reason).toBe(ELIGIBILITY_REASONS.exempt.en.replace("{code}", "224674"));
  });
});

describe("ELIGIBILITY_TABLE", () => {
  it("passes its own schema", () => {
    const parsed = ELIGIBILITY_TABLE_SCHEMA.safeParse(ELIGIBILITY_TABLE);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.success).toBe(true);
  });

  it("holds only valid nomenclature codes", () => {
    for (const e of ELIGIBILITY_TABLE.entries) {
      expect(isNomenclatureCode(e.code), `${e.code}: fix its check digit`).toBe(true);
    }
  });

  it("holds the six exempt codes, as the three published pairs", () => {
    const exempt = ELIGIBILITY_TABLE.entries
      .filter((e) => e.decision === "exempt")
      .map((e) => e.code);
    expect(exempt.sort()).toEqual(EXEMPT_PAIRS.flat().sort());
    for (const [ambulatory, hospitalised] of EXEMPT_PAIRS) {
      expect(hospitalisedCodeOf(ambulatory)).toBe(hospitalised);
    }
  });

  it("holds every art. 14 n) act as a consistent ambulatory-hospitalised pair", () => {
    const byCode = new Map(ELIGIBILITY_TABLE.entries.map((e) => [e.code, e]));
    const paired = new Set<string>();
    for (const e of ELIGIBILITY_TABLE.entries) {
      const partner = byCode.get(hospitalisedCodeOf(e.code));
      if (partner === undefined) continue;
      expect(partner.decision, `${e.code}-${partner.code}: same decision`).toBe(e.decision);
      expect(partner.article, `${e.code}-${partner.code}: same article`).toBe(e.article);
      paired.add(e.code).add(partner.code);
    }
    const art14n = ELIGIBILITY_TABLE.entries.filter((e) => e.article === "14n").map((e) => e.code);
    for (const code of art14n) expect(paired.has(code), `${code}: add its pair partner`).toBe(true);
  });

  it("says where each entry comes from, and marks the illustrative ones", () => {
    for (const e of ELIGIBILITY_TABLE.entries) {
      expect(e.source.length, e.code).toBeGreaterThan(20);
      if (e.decision !== "exempt") expect(e.source, e.code).toMatch(/ILLUSTRATIVE/);
    }
    expect(ELIGIBILITY_TABLE.source).toMatch(/ASSUMED/);
  });
});

describe("ELIGIBILITY_TABLE_SCHEMA", () => {
  const issuesOf = (value: unknown) =>
    ELIGIBILITY_TABLE_SCHEMA.safeParse(value).error?.issues.map((i) => i.path.join(".")) ?? [];

  it("accepts a minimal valid table", () => {
    expect(issuesOf(table([entry({})]))).toEqual([]);
  });

  it("refuses a code with a wrong check digit or format", () => {
    expect(issuesOf(table([entry({ code: "224675" })]))).toEqual(["entries.0.code"]);
    expect(issuesOf(table([entry({ code: "22467" })]))).toEqual(["entries.0.code"]);
  });

  it("refuses dates not written YYYY-MM-DD, and validTo before validFrom", () => {
    expect(issuesOf(table([entry({ validFrom: "01/09/2022" })]))).toEqual(["entries.0.validFrom"]);
    expect(issuesOf(table([entry({ validTo: "2022-08-31" })]))).toEqual(["entries.0.validTo"]);
  });

  it("refuses an unknown decision and missing fields", () => {
    expect(issuesOf(table([entry({ decision: "unknown" as "required" })]))).toEqual([
      "entries.0.decision",
    ]);
    expect(issuesOf({ version: "x", source: "y", validFrom: "2022-09-01" })).toEqual(["entries"]);
    expect(issuesOf(table([entry({ source: "" })]))).toEqual(["entries.0.source"]);
  });

  it("refuses one code twice over overlapping periods, accepts disjoint periods", () => {
    expect(issuesOf(table([entry({}), entry({ validFrom: "2024-01-01" })]))).toEqual([
      "entries.1.code",
    ]);
    expect(
      issuesOf(table([entry({ validTo: "2023-12-31" }), entry({ validFrom: "2024-01-01" })])),
    ).toEqual([]);
  });
});
