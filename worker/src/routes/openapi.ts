// GET /openapi.json: the OpenAPI 3.1 document, generated from the zod schemas the routes
// validate with (schemas/api-schemas.ts) and the default DCD's record schema (another
// configured DCD's records: GET /v1/dcd?dcd=). A test checks that every mounted route is
// documented here.

import { Hono } from "hono";
import { z } from "zod";
import { recordJsonSchema } from "../../../shared-schema/src/record-json-schema.ts";
import type { AppEnv } from "../app-env.ts";
import type { ConfiguredDcd, DcdCatalogue } from "../dcd/load-dcd-catalogue.ts";
import { BODY_LIMIT_BYTES } from "../middleware/read-json-body.ts";
import {
  DcdListReplySchema,
  DcdSelectorSchema,
  EligibilityReplySchema,
  EligibilityRequestSchema,
  ExportRequestSchema,
  HealthReplySchema,
  IdempotencyKeySchema,
  ProblemSchema,
  ReconciliationReplySchema,
  ReconciliationRequestSchema,
  RegistrationAcceptedSchema,
  RegistrationRequestSchema,
  RegistrationViewSchema,
  ValidateReplySchema,
  ValidateRequestSchema,
} from "../schemas/api-schemas.ts";
import { RECONCILIATION_BODY_LIMIT } from "./reconciliation.ts";

const input = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input" });
const output = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "output" });

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const json = (schema: object, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});

const jsonBody = (schema: object) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** Errors every authenticated JSON route may answer. */
const authErrors = {
  "401": problem("Missing or unknown API token"),
  "403": problem("Valid token, browser origin not in ALLOWED_ORIGINS"),
  "429": problem("Too many requests for this token (Retry-After)"),
};
const bodyErrors = {
  "400": problem("Malformed JSON"),
  "413": problem(`Body over ${BODY_LIMIT_BYTES} bytes`),
  "415": problem("Body not sent as application/json"),
  "422": problem("Body or record invalid (see issues), or a DCD not configured (see configured)"),
};

function buildDocument({ dcd }: ConfiguredDcd) {
  const recordSchema = recordJsonSchema(dcd);
  const withRecord = (schema: z.ZodType, key: "record" | "records") => {
    const doc = input(schema) as { properties: Record<string, unknown> };
    doc.properties[key] =
      key === "record" ? recordSchema : { ...(doc.properties[key] as object), items: recordSchema };
    return doc;
  };
  const security = [{ bearer: [] }];
  return {
    openapi: "3.1.0",
    info: {
      title: "Spine registration worker",
      version: "1.0.0",
      description: `Eligibility, validation and durable relay of registrations to HD4DP v2, for the DCDs of GET /v1/dcds; records below are those of the default, ${dcd.id} ${dcd.version}. Messages follow Accept-Language (fr, nl, de, en).`,
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Problem: output(ProblemSchema) },
    },
    paths: {
      "/healthz": { get: { responses: { "200": json(output(HealthReplySchema)) } } },
      "/openapi.json": { get: { responses: { "200": json({ type: "object" }) } } },
      "/v1/dcd": {
        get: {
          security,
          description:
            "A configured DCD (default: the default DCD), with an ETag (If-None-Match -> 304).",
          parameters: Object.entries(
            (input(DcdSelectorSchema) as { properties: Record<string, object> }).properties,
          ).map(([name, schema]) => ({ name, in: "query", required: false, schema })),
          responses: {
            "200": json({ type: "object" }),
            "304": { description: "Not modified" },
            "404": problem("No such DCD here; `configured` lists those there are"),
            "422": problem("dcd or version malformed"),
            ...authErrors,
          },
        },
      },
      "/v1/dcds": {
        get: {
          security,
          description: "The configured DCDs, the default one, and which can be relayed.",
          responses: { "200": json(output(DcdListReplySchema)), ...authErrors },
        },
      },
      "/v1/eligibility": {
        post: {
          security,
          requestBody: jsonBody(input(EligibilityRequestSchema)),
          responses: { "200": json(output(EligibilityReplySchema)), ...authErrors, ...bodyErrors },
        },
      },
      "/v1/validate": {
        post: {
          security,
          requestBody: jsonBody(withRecord(ValidateRequestSchema, "record")),
          responses: { "200": json(output(ValidateReplySchema)), ...authErrors, ...bodyErrors },
        },
      },
      "/v1/registrations": {
        post: {
          security,
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: true,
              schema: input(IdempotencyKeySchema),
              description: "Same key + same body -> same id; same key + other body -> 409.",
            },
          ],
          requestBody: jsonBody(withRecord(RegistrationRequestSchema, "record")),
          responses: {
            "202": json(output(RegistrationAcceptedSchema), "Stored in the outbox"),
            "409": problem("Idempotency-Key reused with another body"),
            ...authErrors,
            ...bodyErrors,
          },
        },
      },
      "/v1/registrations/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          security,
          description:
            "The delivery state. For a delivered registration, asks HD4DP (at most once a minute) whether it was withdrawn there.",
          responses: {
            "200": json(output(RegistrationViewSchema)),
            "404": problem("No such registration for this hospital"),
            ...authErrors,
          },
        },
        delete: {
          security,
          description:
            "Deletes a registration not delivered yet. Once delivered: 409 (corrections and withdrawals go through the registry).",
          responses: {
            "200": json(output(RegistrationViewSchema)),
            "404": problem("No such registration for this hospital"),
            "409": problem("Already delivered, or being delivered"),
            ...authErrors,
          },
        },
      },
      "/v1/reconciliation": {
        post: {
          security,
          description:
            "Billed acts -> for each, the eligibility of its code on its date and its registration status (registered, queued, draft, failed, missing, not_required, invalid), looked up by business key in the hospital's outbox and HD4DP's list of submitted records. Up to 5,000 acts; nothing of them is stored. As text/csv: a billing export (header names in docs/reconciliation.md), the DCD in ?dcd=&version=.",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: input(ReconciliationRequestSchema) },
              "text/csv": { schema: { type: "string" } },
            },
          },
          responses: {
            "200": json(output(ReconciliationReplySchema)),
            ...authErrors,
            ...bodyErrors,
            "400": problem("Malformed JSON, or a CSV body that is not UTF-8"),
            "413": problem(`Body over ${RECONCILIATION_BODY_LIMIT} bytes`),
            "415": problem("Body neither application/json nor text/csv; charset=utf-8"),
            "422": problem(
              "Body invalid (see issues), a billing file that cannot be read (which line, which column), more than 5,000 acts, or a DCD that is not configured or cannot be reconciled",
            ),
          },
        },
      },
      "/v1/exports/hd4dp-csv": {
        post: {
          security,
          requestBody: jsonBody(withRecord(ExportRequestSchema, "records")),
          responses: {
            "200": {
              description: "HD4DP CSV upload file",
              content: { "text/csv": { schema: { type: "string" } } },
            },
            ...authErrors,
            ...bodyErrors,
          },
        },
      },
    },
  };
}

const documents = new WeakMap<DcdCatalogue, ReturnType<typeof buildDocument>>();

export const openapi = new Hono<AppEnv>().get("/", (c) => {
  let document = documents.get(c.var.dcds);
  if (!document) {
    document = buildDocument(c.var.dcds.default);
    documents.set(c.var.dcds, document);
  }
  return c.json(document);
});
