import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { dcdJsonSchema } from "../../shared-schema/src/dcd-json-schema.ts";
import { DcdFormatError, parseDcd } from "../../shared-schema/src/parse-dcd.ts";
import { LOGIC_DCD } from "./fixtures/logic-dcd.ts";

const shipped = JSON.parse(
  readFileSync(new URL("../../shared-schema/dcd.schema.json", import.meta.url), "utf8"),
);
const spinSurgJson = JSON.parse(
  readFileSync(new URL("../../shared-schema/dcds/SPIN_SURG-0.1.0.json", import.meta.url), "utf8"),
);

function problemsOf(value: unknown): string[] {
  try {
    parseDcd(value, "test.json");
  } catch (error) {
    if (error instanceof DcdFormatError) return error.problems;
    throw error;
  }
  return [];
}

describe("the DCD format", () => {
  it("ships a JSON Schema equal to the one generated from the zod schema", () => {
    expect(shipped, "run `npm run dcd:schema` and commit shared-schema/dcd.schema.json").toEqual(
      JSON.parse(JSON.stringify(dcdJsonSchema())),
    );
  });

  it("accepts the shipped DCDs with a standard JSON Schema validator, and rejects broken ones", () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(shipped);
    expect(validate(spinSurgJson), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(LOGIC_DCD))), JSON.stringify(validate.errors)).toBe(
      true,
    );
    const broken = structuredClone(spinSurgJson);
    broken.fields[3].type = "numeric";
    expect(validate(broken)).toBe(false);
  });

  it("lists every broken reference with where it is", () => {
    const dcd = structuredClone(LOGIC_DCD);
    dcd.fields.push({
      name: "CD_X",
      type: "code",
      label: dcd.label,
      required: false,
      codeList: "NOPE",
    });
    dcd.fields.push({ name: "D_EVENT", type: "date", label: dcd.label, required: false });
    dcd.rules.push({ ...dcd.rules[0], code: "dangling", when: { filled: "D_MISSING" } } as never);
    expect(problemsOf(dcd)).toEqual([
      "fields.CD_X: names the code list NOPE, not defined",
      "fields: D_EVENT is defined twice: rename or remove one",
      "rules[3] (dangling).when: refers to the field D_MISSING, not defined",
    ]);
  });

  it("says which member of the JSON is malformed", () => {
    const problems = problemsOf({ ...LOGIC_DCD, version: "v1", fields: [] });
    expect(problems.some((p) => p.startsWith("version: a semantic version"))).toBe(true);
    expect(problems.some((p) => p.startsWith("fields:"))).toBe(true);
  });
});
