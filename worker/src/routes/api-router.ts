// The routes' common ground: a router whose request validation fails the same way on every
// route (422 problem+json listing the issues), and the responses every route documents.

import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";
import { ProblemSchema } from "../../../shared-schema/src/api/api-schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { ProblemError } from "../errors/problem-error.ts";
import { BODY_LIMIT_BYTES, jsonBody } from "../middleware/json-body.ts";
import { toProblemIssues } from "../middleware/to-problem-issues.ts";

/** What a route's validators report: the part (json, query, header...) and the outcome. */
export type ValidationResult = { target: string } & (
  | { success: true }
  | { success: false; error: z.ZodError }
);

/** The answer to a request a route's schemas refuse: 422 listing the issues. */
function invalidRequest(error: z.ZodError): ProblemError {
  return new ProblemError(422, "request_invalid", {
    extensions: { issues: toProblemIssues(error) },
  });
}

/** The routers' hook: a request their validators refuse is an invalid request. */
export function rejectInvalidRequest(result: ValidationResult): undefined {
  if (!result.success) throw invalidRequest(result.error);
  return undefined;
}

/** A part of a request that no validator of the router reads, refused as they refuse it. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}

export function apiRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: rejectInvalidRequest });
}

export const security = [{ bearer: [] }];

export const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

export const jsonReply = <S extends z.ZodType>(schema: S, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonRequest = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** Errors every authenticated route may answer. */
export const commonErrors = {
  401: problem("Missing or unknown API token"),
  403: problem("Valid token, browser origin not in ALLOWED_ORIGINS"),
  429: problem("Too many requests for this token (Retry-After)"),
  500: problem(
    "The worker's configuration or a DCD file cannot be used (which one, and how to fix it), or an unexpected error (its requestId)",
  ),
};

/** Errors of a route that reads a JSON body. */
export const bodyErrors = {
  400: problem("Malformed JSON"),
  413: problem(`Body over ${BODY_LIMIT_BYTES} bytes`),
  415: problem("Body not sent as application/json"),
  422: problem("Body or record invalid (see issues), or a DCD not configured (see configured)"),
};

/** POST / of a JSON body, answered 200 with JSON (eligibility, validation). */
export function jsonPostRoute<Q extends z.ZodType, R extends z.ZodType>(request: Q, reply: R) {
  return createRoute({
    method: "post",
    path: "/",
    security,
    middleware: [jsonBody()] as const,
    request: { body: jsonRequest(request) },
    responses: { 200: jsonReply(reply), ...commonErrors, ...bodyErrors },
  });
}
