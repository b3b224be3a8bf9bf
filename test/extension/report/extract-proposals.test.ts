import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLINICAL_CONCEPTS } from "../../../extension/src/report/clinical-concepts.ts";
import { extractProposals } from "../../../extension/src/report/extract-proposals.ts";
import type { Dcd, Translations } from "../../../shared-schema/src/dcd.ts";
import { parseDcd } from "../../../shared-schema/src/parse-dcd.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";

const pairs = (text: string, dcd: Dcd = SPIN_SURG) =>
  extractProposals(text, dcd).map(({ field, value }) => `${field}=${value}`);

describe("proposals from an operative report", () => {
  it("reads French, with the sentence each proposal comes from", () => {
    const text =
      "Indication : hernie discale L4-L5 droite. Voie postérieure, sous microscope.\n" +
      "Discectomie L4-L5. Pas de navigation, aucun implant.";
    expect(extractProposals(text, SPIN_SURG)).toEqual([
      { field: "CD_PATHOLOGY", value: "1", source: "Indication : hernie discale L4-L5 droite." },
      { field: "CD_LEVEL_FROM", value: "L4", source: "Discectomie L4-L5." },
      { field: "CD_LEVEL_TO", value: "L5", source: "Discectomie L4-L5." },
      { field: "CD_APPROACH", value: "2", source: "Voie postérieure, sous microscope." },
      { field: "CD_PROCEDURE", value: "2", source: "Discectomie L4-L5." },
      { field: "CD_TECH", value: "1", source: "Voie postérieure, sous microscope." },
    ]);
  });

  it("reads Dutch", () => {
    expect(
      pairs(
        "Isthmische spondylolisthesis L5-S1. TLIF L5-S1 met pedikelschroeven, twee staven en een kooi, met navigatie.",
      ),
    ).toEqual([
      "CD_PATHOLOGY=4",
      "CD_LEVEL_FROM=L5",
      "CD_LEVEL_TO=S1",
      "CD_APPROACH=4",
      "CD_PROCEDURE=3",
      "CD_TECH=3",
      "FL_IMPLANT=true",
      "IMPLANT.CD_IMPL_TYPE=1",
      "IMPLANT.CD_IMPL_TYPE=2",
      "IMPLANT.CD_IMPL_TYPE=3",
    ]);
  });

  it("reads German, compounds and vertebral-body counts included", () => {
    expect(
      pairs(
        "Osteoporotische Kompressionsfraktur LWK 1. Perkutane Ballonkyphoplastie LWK 1 mit PMMA-Zement.",
      ),
    ).toEqual([
      "CD_PATHOLOGY=7",
      "CD_LEVEL_FROM=L1",
      "CD_LEVEL_TO=L1",
      "CD_APPROACH=5",
      "CD_PROCEDURE=7",
      "FL_IMPLANT=true",
      "IMPLANT.CD_IMPL_TYPE=6",
    ]);
  });

  it("reads English, abbreviations included", () => {
    expect(
      pairs("C5-6 disc herniation. ACDF C5-6 with a PEEK cage and an anterior plate. IONM."),
    ).toEqual([
      "CD_PATHOLOGY=1",
      "CD_LEVEL_FROM=C5",
      "CD_LEVEL_TO=C6",
      "CD_APPROACH=1",
      "CD_PROCEDURE=2",
      "CD_PROCEDURE=3",
      "CD_TECH=5",
      "FL_IMPLANT=true",
      "IMPLANT.CD_IMPL_TYPE=3",
      "IMPLANT.CD_IMPL_TYPE=4",
    ]);
  });

  it("takes the operated levels from the sentences of the operation, not the navigation's reference", () => {
    const text =
      "Référence de navigation fixée sur l'épineuse de L3. Arthrodèse postérolatérale L4-L5 avec vis pédiculaires.";
    expect(pairs(text).filter((pair) => pair.startsWith("CD_LEVEL"))).toEqual([
      "CD_LEVEL_FROM=L4",
      "CD_LEVEL_TO=L5",
    ]);
  });

  it("gives a field of one value what the report says first", () => {
    expect(pairs("Spondylolisthésis dégénératif avec sténose canalaire.")).toEqual([
      "CD_PATHOLOGY=3",
    ]);
  });

  it("says an implant was used when the report names none in particular", () => {
    expect(pairs("Instrumentation L4-S1.")).toEqual([
      "CD_LEVEL_FROM=L4",
      "CD_LEVEL_TO=S1",
      "FL_IMPLANT=true",
    ]);
  });

  it("never throws, and proposes only codes of the DCD, each from a sentence of the text", () => {
    const words = CLINICAL_CONCEPTS.flatMap((concept) => Object.values(concept.terms).flat());
    const reportish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            ...words,
            "L4-L5",
            "L3 à L5",
            "BWK 4 bis",
            "pas de",
            "geen",
            "ohne",
            "no",
          ),
          fc.string({ maxLength: 8 }),
          fc.constantFrom(".", ",", ";", ":", "\n", "(", ")", "-", "/"),
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(" "));
    const spinSurgFields = new Map(SPIN_SURG.fields.map((field) => [field.name, field]));
    fc.assert(
      fc.property(fc.oneof(reportish, fc.string({ unit: "binary", maxLength: 300 })), (text) => {
        for (const { field: path, value, source } of extractProposals(text, SPIN_SURG)) {
          expect(text).toContain(source);
          const [name, inner] = path.split(".");
          const outer = spinSurgFields.get(name as string);
          const field =
            outer?.type === "repeat" ? outer.fields.find((f) => f.name === inner) : outer;
          if (field?.type === "bool") expect(value).toBe("true");
          else {
            const list = SPIN_SURG.codeLists.find(
              (candidate) => field && "codeList" in field && candidate.name === field.codeList,
            );
            expect(list?.items.map((item) => item.value)).toContain(value);
          }
        }
      }),
    );
  });
});

const t = (en: string, fr: string, nl: string, de: string): Translations => ({ fr, nl, de, en });
const same = (text: string) => t(text, text, text, text);

/**
 * A registry that is not SPIN_SURG, in its own words: levels as a list of every level
 * operated, a technique list with a minimally invasive item, devices in a block asked under
 * a yes/no field, bounds whose rule says the first field is the caudal one, and one list
 * that two fields share.
 */
const OTHER_REGISTRY = parseDcd(
  {
    id: "OTHER_SPINE",
    version: "2.0.0",
    label: same("Other spine registry"),
    source: "test fixture",
    fields: [
      {
        name: "LOWEST",
        type: "code",
        codeList: "VERTEBRAE",
        required: false,
        label: same("Lowest"),
      },
      { name: "HIGHEST", type: "code", codeList: "VERTEBRAE", required: false, label: same("Top") },
      {
        name: "OPERATED",
        type: "multi",
        codeList: "VERTEBRAE",
        required: false,
        label: same("Operated vertebrae"),
      },
      {
        name: "TECHNIQUE",
        type: "multi",
        codeList: "TECHNIQUES",
        required: false,
        label: same("Technique"),
      },
      { name: "SIDE_A", type: "code", codeList: "SIDES", required: false, label: same("Side A") },
      { name: "SIDE_B", type: "code", codeList: "SIDES", required: false, label: same("Side B") },
      { name: "HAS_DEVICES", type: "bool", required: false, label: same("Devices") },
      {
        name: "DEVICES",
        type: "repeat",
        required: false,
        relevant: { field: "HAS_DEVICES", equals: true },
        minItems: 1,
        maxItems: 5,
        label: same("Device"),
        fields: [
          { name: "KIND", type: "code", codeList: "KINDS", required: true, label: same("Kind") },
        ],
      },
    ],
    codeLists: [
      {
        name: "VERTEBRAE",
        items: ["L1", "L2", "L3", "L4", "L5", "S1"].map((value) => ({
          value,
          label: same(value),
        })),
      },
      {
        name: "TECHNIQUES",
        items: [
          {
            value: "MIS",
            label: t("Minimally invasive", "Mini-invasive", "Minimaal invasief", "Minimalinvasiv"),
          },
          {
            value: "NAV",
            label: t("Computer navigation", "Navigation", "Navigatie", "Navigation"),
          },
        ],
      },
      { name: "SIDES", items: [{ value: "P", label: same("Posterior") }] },
      {
        name: "KINDS",
        items: [
          {
            value: "PS",
            label: t("Pedicle screw", "Vis pédiculaire", "Pedikelschroef", "Pedikelschraube"),
          },
          { value: "X", label: same("Other") },
        ],
      },
    ],
    rules: [
      {
        code: "order",
        field: "LOWEST",
        severity: "error",
        assert: {
          compare: [{ field: "LOWEST", ordinal: true }, ">=", { field: "HIGHEST", ordinal: true }],
        },
        message: same("order"),
      },
    ],
    businessKey: { fields: ["LOWEST"] },
  },
  "extract-proposals.test.ts",
);

describe("proposals for a DCD other than SPIN_SURG", () => {
  it("follows that DCD's own fields, labels and rules", () => {
    expect(
      pairs(
        "Mini-invasive Dekompression L3 bis L5 von dorsal, navigiert, mit Pedikelschrauben.",
        OTHER_REGISTRY,
      ),
    ).toEqual([
      "LOWEST=L5",
      "HIGHEST=L3",
      "OPERATED=L3",
      "OPERATED=L4",
      "OPERATED=L5",
      "TECHNIQUE=MIS",
      "TECHNIQUE=NAV",
      "HAS_DEVICES=true",
      "DEVICES.KIND=PS",
    ]);
  });
});
