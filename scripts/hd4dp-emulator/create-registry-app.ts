// The emulated HD4DP itself, as HTTP (worker/src/registry/hd4dp-contract.ts): the token
// endpoint, the organizations it serves, submit / correct / list records, and the DCD
// definition reads (answer-definition-read.ts), every /proxy call behind a bearer token.
// The faults and the control routes sit in front of it (create-hd4dp-emulator-app.ts).
import { Hono } from "hono";
import type { Dcd } from "../../shared-schema/src/dcd.ts";
import type {
  Organization,
  SubmittedListTarget,
} from "../../worker/src/registry/hd4dp-contract.ts";
import {
  answerDefinitionRead,
  EMULATED_ORGANIZATION,
  isDefinitionPath,
} from "./answer-definition-read.ts";
import type { DefinitionReplies } from "./create-definition-replies.ts";
import type { RegistryBook } from "./create-registry-book.ts";
import type { TokenDesk } from "./create-token-desk.ts";
import type { Answer } from "./emulator-state-schema.ts";
import { jsonMessage } from "./json-message.ts";
import { REGISTRY_PATHS, S2S_BASE } from "./registry-paths.ts";

const ORGANIZATIONS: Organization[] = [{ id: EMULATED_ORGANIZATION, name: "Emulated hospital" }];

export type RegistryCounter = "tokensIssued" | "unauthorized" | "replayed";

export interface RegistryAppOptions {
  book: RegistryBook;
  tokens: TokenDesk;
  dcds: Dcd[];
  definitions: DefinitionReplies;
  count(counter: RegistryCounter): void;
}

function toResponse(answer: Answer): Response {
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

const notAllowed = (allow: string) => jsonMessage(405, `use ${allow}`, { allow });

export function createRegistryApp(options: RegistryAppOptions): Hono {
  const { book, tokens, dcds, definitions, count } = options;
  const app = new Hono();

  app.post(REGISTRY_PATHS.token, async (c) => {
    const answer = await tokens.issue(c.req.raw);
    if (answer.status === 200) count("tokensIssued");
    return toResponse(answer);
  });
  app.all(REGISTRY_PATHS.token, () => notAllowed("POST"));

  app.use(`${S2S_BASE}/*`, async (c, next) => {
    const denied = tokens.check(c.req.header("authorization") ?? null);
    if (!denied) return next();
    count("unauthorized");
    return toResponse(denied);
  });

  /**
   * The organization and DCD a call names, with the DCD's latest version, or the reply that
   * refuses it: 400 for what is missing, 404 for what this HD4DP does not serve (never a
   * record rejection: the record is not at fault).
   */
  function targetOf(
    query: URLSearchParams,
  ): { target: SubmittedListTarget; latest: string } | Response {
    const missing = ["organization-id", "dcd-id"].filter((name) => !query.get(name));
    if (missing.length > 0)
      return jsonMessage(400, `missing query parameter ${missing.join(", ")}`);
    const organizationId = query.get("organization-id") ?? "";
    const dcdId = query.get("dcd-id") ?? "";
    const dcdVersion = query.get("dcd-version-id") || undefined;
    if (!ORGANIZATIONS.some((o) => o.id === organizationId)) {
      return jsonMessage(404, `no organization ${organizationId} in this HD4DP`);
    }
    const versions = dcds.filter((d) => d.id === dcdId).map((d) => d.version);
    const latest = versions.at(-1);
    if (latest === undefined) return jsonMessage(404, `no DCD ${dcdId} in this HD4DP`);
    if (dcdVersion !== undefined && !versions.includes(dcdVersion)) {
      return jsonMessage(404, `no version ${dcdVersion} of DCD ${dcdId} in this HD4DP`);
    }
    return { target: { organizationId, dcdId, dcdVersion }, latest };
  }

  app.get(REGISTRY_PATHS.organizations, () => Response.json(ORGANIZATIONS));
  app.all(REGISTRY_PATHS.organizations, () => notAllowed("GET"));

  const submit = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const named = targetOf(url.searchParams);
    if (named instanceof Response) return named;
    if (url.searchParams.get("data-src-type") !== "API") {
      return jsonMessage(400, "data-src-type must be API");
    }
    const correctionOf = url.searchParams.get("business-key") ?? undefined;
    if (request.method === "PUT" && !correctionOf) {
      return jsonMessage(400, "a correction (PUT) names the record's business-key");
    }
    if (request.method === "POST" && correctionOf !== undefined) {
      return jsonMessage(400, "business-key is for a correction (PUT)");
    }
    if (!request.headers.get("content-type")?.includes("application/json")) {
      return jsonMessage(415, "expected Content-Type: application/json");
    }
    let fields: unknown;
    try {
      fields = JSON.parse(await request.text());
    } catch {
      // Not JSON.parse's message: it quotes the body, which may hold a NISS.
      return jsonMessage(400, "malformed JSON: the body is not a valid JSON document");
    }
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
      return jsonMessage(400, "the body must be a JSON object keyed by field technical names");
    }
    // Without a version, the latest one (the published behaviour of the submit call).
    const dcdVersion = named.target.dcdVersion ?? named.latest;
    const dcd = dcds.find((d) => d.id === named.target.dcdId && d.version === dcdVersion);
    if (!dcd) return jsonMessage(404, `no version ${dcdVersion} of DCD ${named.target.dcdId}`);
    const { answer, replayed } = await book.submit({
      method: request.method,
      path: url.pathname,
      dcd,
      target: { ...named.target, dcdVersion },
      fields: fields as Record<string, unknown>,
      idempotencyKey: request.headers.get("idempotency-key"),
      correctionOf,
    });
    if (replayed) count("replayed");
    return toResponse(answer);
  };
  app.on(["POST", "PUT"], REGISTRY_PATHS.submit, (c) => submit(c.req.raw));
  app.all(REGISTRY_PATHS.submit, () => notAllowed("POST, PUT"));

  app.get(REGISTRY_PATHS.submittedList, (c) => {
    const query = new URL(c.req.url).searchParams;
    const named = targetOf(query);
    if (named instanceof Response) return named;
    const withData = query.get("incl-submit-data") === "true";
    return Response.json(book.submitted({ ...named.target, withData }));
  });
  app.all(REGISTRY_PATHS.submittedList, () => notAllowed("GET"));

  app.all(`${S2S_BASE}/*`, (c) => {
    const url = new URL(c.req.url);
    const below = url.pathname.slice(S2S_BASE.length);
    if (!isDefinitionPath(below))
      return jsonMessage(404, `no route for ${c.req.method} ${url.pathname}`);
    if (c.req.method !== "GET") return notAllowed("GET");
    return toResponse(answerDefinitionRead(definitions, below, url.searchParams));
  });

  app.notFound((c) =>
    jsonMessage(404, `no route for ${c.req.method} ${new URL(c.req.url).pathname}`),
  );
  return app;
}
