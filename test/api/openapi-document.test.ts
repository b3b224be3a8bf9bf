import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { createApp } from "../../worker/src/app.ts";
import { buildOpenApiDocument } from "../../worker/src/routes/openapi.ts";

// The worker's /openapi.json against the OpenAPI 3.1 specification's own schema, with a
// validator that is not the generator (@seriousme/openapi-schema-validator).
const document = buildOpenApiDocument(createApp(), SPIN_SURG);

async function validate(value: unknown) {
  return new Validator().validate(structuredClone(value) as Record<string, unknown>);
}

describe("/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("fails the validator once broken, so the check above can fail", async () => {
    const broken = structuredClone(document) as { paths: Record<string, Record<string, object>> };
    broken.paths["/v1/dcds"] = { get: { responses: "none" } };
    expect((await validate(broken)).valid).toBe(false);
  });

  it("documents the records of the DCD in the bodies that carry them", () => {
    const body = document.paths?.["/v1/validate"]?.post?.requestBody as {
      content: Record<string, { schema: { properties: Record<string, { properties?: object }> } }>;
    };
    const record = body.content["application/json"]?.schema.properties.record;
    expect(Object.keys(record?.properties ?? {})).toEqual(SPIN_SURG.fields.map((f) => f.name));
  });
});
