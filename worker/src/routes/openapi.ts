// GET /openapi.json: the OpenAPI 3.1 document of the routes, generated from their
// definitions (@hono/zod-openapi: the schemas that validate the requests and type the
// replies), with the default DCD's record schema in the bodies that carry records (another
// configured DCD's records: GET /v1/dcd?dcd=).

import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import { recordJsonSchema } from "../../../shared-schema/src/record-json-schema.ts";
import type { AppEnv } from "../app-env.ts";
import type { DcdCatalogue } from "../dcd/load-dcd-catalogue.ts";
import { apiRouter, jsonReply } from "./api-router.ts";

type Document = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;

/** The bodies that carry records, and under which key. */
const RECORD_BODIES = [
  ["/v1/validate", "record"],
  ["/v1/registrations", "record"],
  ["/v1/exports/hd4dp-csv", "records"],
] as const;

/** The document of `app`'s routes, records as `dcd` defines them. */
export function buildOpenApiDocument(app: OpenAPIHono<AppEnv>, dcd: Dcd): Document {
  const document = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Spine registration worker",
      version: "1.0.0",
      description: `Eligibility, validation and durable relay of registrations to HD4DP v2, for the DCDs of GET /v1/dcds; records below are those of the default, ${dcd.id} ${dcd.version}. Messages follow Accept-Language (fr, nl, de, en).`,
    },
  });
  const record = recordJsonSchema(dcd);
  for (const [path, key] of RECORD_BODIES) {
    const body = document.paths?.[path]?.post?.requestBody;
    const schema = body && "content" in body ? body.content["application/json"]?.schema : undefined;
    const properties = schema && "properties" in schema ? schema.properties : undefined;
    if (!properties?.[key]) throw new Error(`${path}: no ${key} in the documented body`);
    properties[key] = key === "record" ? record : { type: "array", items: record };
  }
  return document;
}

/** The document's route, for the app it documents (routes are added to it before). */
export function openapiRouter(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
  });
  const documents = new WeakMap<DcdCatalogue, Document>();
  const route = createRoute({
    method: "get",
    path: "/",
    responses: { 200: jsonReply(z.record(z.string(), z.unknown()), "This document") },
  });
  return apiRouter().openapi(route, (c) => {
    let document = documents.get(c.var.dcds);
    if (!document) {
      document = buildOpenApiDocument(app, c.var.dcds.default.dcd);
      documents.set(c.var.dcds, document);
    }
    return c.json(document as unknown as Record<string, unknown>, 200);
  });
}
