import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { compileDcd } from "../../shared-schema/src/compile-dcd.ts";
import { type Field, LOCALES } from "../../shared-schema/src/dcd.ts";
import { MESSAGES } from "../../shared-schema/src/messages.ts";
import { fieldsOfCondition } from "../../shared-schema/src/parse-dcd.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { TODAY, VALID_RECORD } from "./fixtures/valid-record.ts";

// Convention tests: the DCD data is complete and consistent. Each failure says how to fix it.

const allFields = SPIN_SURG.fields.flatMap((f): Field[] =>
  f.type === "repeat" ? [f, ...f.fields] : [f],
);
const names = new Set(SPIN_SURG.fields.map((f) => f.name));

describe("SPIN_SURG as data", () => {
  it("has a semantic version", () => {
    expect(SPIN_SURG.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("labels every field, code and rule message in fr, nl, de and en", () => {
    const missing: string[] = [];
    const texts = [
      ...allFields.map((f) => [`field ${f.name}`, f.label] as const),
      ...SPIN_SURG.codeLists.flatMap((l) =>
        l.items.map((i) => [`code ${l.name}.${i.value}`, i.label] as const),
      ),
      ...SPIN_SURG.rules.map((r) => [`rule ${r.code}@${r.field}`, r.message] as const),
      ...Object.entries(MESSAGES).map(([code, text]) => [`message ${code}`, text] as const),
    ];
    for (const [what, text] of texts) {
      for (const locale of LOCALES) if (!text[locale]?.trim()) missing.push(`${what} (${locale})`);
    }
    expect(missing, "add the missing translations in shared-schema/src/spin-surg-*.ts").toEqual([]);
  });

  it("names only fields and code lists that exist", () => {
    const lists = new Set(SPIN_SURG.codeLists.map((l) => l.name));
    const badLists = allFields
      .filter((f) => "codeList" in f && !lists.has(f.codeList))
      .map((f) => f.name);
    expect(badLists, "define the code list these fields name").toEqual([]);
    const conditions = [
      ...SPIN_SURG.fields.flatMap((f) => (typeof f.required === "object" ? [f.required] : [])),
      ...SPIN_SURG.rules.flatMap((r) => (r.when ? [r.when, r.assert] : [r.assert])),
    ];
    const unknown = [
      ...conditions.flatMap(fieldsOfCondition),
      ...SPIN_SURG.rules.map((r) => r.field),
    ].filter((n) => !names.has(n));
    expect(unknown, "a condition or rule names a field the DCD does not have").toEqual([]);
    const keyFields = [
      ...SPIN_SURG.businessKey.fields,
      ...(SPIN_SURG.businessKey.fallback?.fields ?? []),
    ];
    expect(keyFields.filter((n) => !names.has(n))).toEqual([]);
  });

  it("has unique field names and unique values in each code list", () => {
    expect(new Set(SPIN_SURG.fields.map((f) => f.name)).size).toBe(SPIN_SURG.fields.length);
    for (const list of SPIN_SURG.codeLists) {
      expect(new Set(list.items.map((i) => i.value)).size, list.name).toBe(list.items.length);
    }
  });

  it("changes what it accepts when its data changes, with no code change", () => {
    // The compiler holds no SPIN_SURG knowledge: a rule or a choice added to the data is
    // enforced as such (what importing the official workbook will rely on).
    const urgency = SPIN_SURG.codeLists.find((l) => l.name === "URGENCY");
    if (!urgency) throw new Error("URGENCY list missing");
    const changed = compileDcd({
      ...SPIN_SURG,
      codeLists: [
        ...SPIN_SURG.codeLists.filter((l) => l !== urgency),
        {
          ...urgency,
          items: [
            ...urgency.items,
            { value: "3", label: urgency.items[1]?.label ?? SPIN_SURG.label },
          ],
        },
      ],
      rules: [
        ...SPIN_SURG.rules,
        {
          code: "short_stay",
          field: "D_DISCH",
          severity: "error",
          assert: { compare: [{ field: "D_DISCH" }, "<=", { field: "D_SURG" }] },
          message: { fr: "x", nl: "x", de: "x", en: "x" },
        },
      ],
    });
    const result = changed.validate({ ...VALID_RECORD, CD_URGENCY: "3" }, { today: TODAY });
    expect(result.issues.map((i) => i.code)).toEqual(["short_stay"]);
  });
});

describe("jitless", () => {
  const realFunction = globalThis.Function;
  afterAll(() => {
    globalThis.Function = realFunction;
  });

  it("validates without eval or new Function (Workers and MV3 pages forbid them)", () => {
    z.config({ jitless: true });
    // A fresh compile, so no schema was built (or JIT-compiled) before eval was taken away.
    const dcd = compileDcd(SPIN_SURG);
    globalThis.Function = new Proxy(realFunction, {
      construct() {
        throw new Error("new Function called");
      },
      apply() {
        throw new Error("Function called");
      },
    });
    expect(dcd.validate(VALID_RECORD, { today: TODAY })).toMatchObject({ valid: true });
    expect(dcd.validate({ ...VALID_RECORD, D_ADM: "x" }, { today: TODAY }).valid).toBe(false);
  });
});
