// Every reply a worker test receives is held to what /openapi.json says of it: its status is
// one the route documents, and its body parses with the schema documented for that status
// and media type (the same zod values the routes are defined with). A reply that differs
// fails the test that received it.

import { ProblemSchema } from "../../../shared-schema/src/api/api-schemas.ts";
import { createApp } from "../../../worker/src/app.ts";

interface Documented {
  method: string;
  pattern: RegExp;
  path: string;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

interface Parser {
  safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } };
}

const ROUTES: Documented[] = createApp().openAPIRegistry.definitions.flatMap((definition) =>
  definition.type === "route"
    ? [
        {
          method: definition.route.method.toUpperCase(),
          path: definition.route.path,
          pattern: new RegExp(`^${definition.route.path.replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
          responses: definition.route.responses as Documented["responses"],
        },
      ]
    : [],
);

const isParser = (schema: unknown): schema is Parser =>
  typeof (schema as Parser | undefined)?.safeParse === "function";

function fail(what: string, detail: string): never {
  throw new Error(`undocumented reply: ${what}: ${detail}`);
}

/** Throws when `response` is not what the route of `method` `url` documents. */
export async function checkDocumentedReply(
  method: string,
  url: string,
  response: Response,
): Promise<void> {
  // A CORS preflight is the browser's protocol, answered before any route.
  if (method === "OPTIONS") return;
  const path = new URL(url).pathname;
  const what = `${method} ${path} -> ${response.status}`;
  const type = response.headers.get("Content-Type")?.split(";")[0]?.trim() ?? "";
  const route = ROUTES.find((r) => r.method === method && r.pattern.test(path));
  // No route (404, or 405 for another method): the app's own problem.
  const documented = route
    ? (route.responses[String(response.status)] ?? fail(what, `${route.path} has no such status`))
    : { content: { "application/problem+json": { schema: ProblemSchema } } };
  if (method === "HEAD" || response.status === 304) return;
  const schema = documented.content?.[type]?.schema;
  if (schema === undefined) fail(what, `no ${type || "body"} documented for this status`);
  // Text bodies (CSV) are documented as strings; the JSON Schema of reconciliation's request
  // is for requests only.
  if (!isParser(schema)) return;
  const text = await response.clone().text();
  const body = type.endsWith("json") ? JSON.parse(text) : text;
  const parsed = schema.safeParse(body);
  if (!parsed.success) fail(what, JSON.stringify(parsed.error?.issues).slice(0, 1000));
}
