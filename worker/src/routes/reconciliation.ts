// POST /v1/reconciliation: a hospital's billed acts (JSON, or its billing export as text/csv)
// -> for each, the eligibility of its code on its date and whether it is registered
// (reconciliation/reconcile-acts.ts), so the billing office sees the acts the insurer would
// refuse before sending the invoice. Nothing of the acts is stored or logged.

import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import {
  DcdSelectorSchema,
  MAX_RECONCILED_ACTS,
  ReconciliationReplySchema,
  ReconciliationRequestSchema,
} from "../../../shared-schema/src/api/api-schemas.ts";
import { billedActFieldsOf } from "../../../shared-schema/src/billed-act-fields.ts";
import type { AppEnv } from "../app-env.ts";
import type { ConfiguredDcd } from "../dcd/load-dcd-catalogue.ts";
import { selectDcd } from "../dcd/select-dcd.ts";
import { ProblemError } from "../errors/problem-error.ts";
import { isJsonType, readJson } from "../middleware/json-body.ts";
import { readBodyText } from "../middleware/read-body-text.ts";
import { keyedHashOf } from "../reconciliation/keyed-hash-of.ts";
import { readBillingCsv } from "../reconciliation/read-billing-csv.ts";
import { type ReconcileInput, reconcileActs } from "../reconciliation/reconcile-acts.ts";
import {
  apiRouter,
  commonErrors,
  jsonReply,
  parseRequest,
  problem,
  security,
} from "./api-router.ts";

/** 5,000 acts with names as JSON: about 1.5 MB. */
export const RECONCILIATION_BODY_LIMIT = 4 * 1024 * 1024;

const CSV_TYPE = /^text\/csv\s*(?:;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

function reconcilableFields(configured: ConfiguredDcd) {
  const found = billedActFieldsOf(configured.dcd);
  if (found.ok) return found.value;
  throw new ProblemError(422, "dcd_not_reconcilable", {
    params: { dcd: configured.dcd.id, field: found.field ?? "–" },
  });
}

type ActsOf = Pick<ReconcileInput, "dcd" | "fields" | "acts" | "badRows">;

async function actsOfCsv(c: Context<AppEnv>, type: string): Promise<ActsOf> {
  const charset = CHARSET.exec(type)?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    throw new ProblemError(415, "reconciliation_media_type");
  }
  const configured = selectDcd(c, parseRequest(DcdSelectorSchema, c.req.query()), 422);
  const fields = reconcilableFields(configured);
  const text = await readBodyText(
    c,
    RECONCILIATION_BODY_LIMIT,
    () => new ProblemError(400, "billing_not_utf8"),
  );
  const read = readBillingCsv(text, fields);
  if (!read.ok) throw new ProblemError(422, read.error.code, { params: read.error.params });
  const { rows, badRows, header } = read.value;
  if (rows.length + badRows.length > MAX_RECONCILED_ACTS) {
    throw new ProblemError(422, "too_many_acts", { params: { max: MAX_RECONCILED_ACTS } });
  }
  return {
    dcd: configured.dcd,
    fields,
    acts: rows,
    badRows: { rows: badRows, columns: header.length },
  };
}

async function actsOfJson(c: Context<AppEnv>): Promise<ActsOf> {
  // This route also takes CSV: its 415 says so.
  if (!isJsonType(c.req.header("Content-Type"))) {
    throw new ProblemError(415, "reconciliation_media_type");
  }
  const body = parseRequest(
    ReconciliationRequestSchema,
    await readJson(c, RECONCILIATION_BODY_LIMIT),
  );
  const { acts, ...selector } = Array.isArray(body) ? { acts: body } : body;
  const configured = selectDcd(c, selector, 422);
  return {
    dcd: configured.dcd,
    fields: reconcilableFields(configured),
    acts: acts.map((act, i) => ({ row: i + 1, act })),
  };
}

// The body is read by the handler, not by the router's validator: it may be JSON or a CSV
// file, each with its own checks. Its schema is documented as the JSON Schema of the same
// zod value the handler parses with.
const route = createRoute({
  method: "post",
  path: "/",
  security,
  description:
    "Billed acts -> for each, the eligibility of its code on its date and its registration status (registered, queued, draft, failed, missing, not_required, invalid), looked up by business key in the hospital's outbox and HD4DP's list of submitted records. Up to 5,000 acts; nothing of them is stored. As text/csv: a billing export (header names in docs/reconciliation.md), the DCD in ?dcd=&version=.",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.toJSONSchema(ReconciliationRequestSchema, { io: "input" }) as object,
        },
        "text/csv": { schema: { type: "string" } },
      },
    },
  },
  responses: {
    200: jsonReply(ReconciliationReplySchema),
    ...commonErrors,
    400: problem("Malformed JSON, or a CSV body that is not UTF-8"),
    413: problem(`Body over ${RECONCILIATION_BODY_LIMIT} bytes`),
    415: problem("Body neither application/json nor text/csv; charset=utf-8"),
    422: problem(
      "Body invalid (see issues), a billing file that cannot be read (which line, which column), more than 5,000 acts, or a DCD that is not configured or cannot be reconciled",
    ),
  },
});

export const reconciliation = apiRouter().openapi(route, async (c) => {
  const type = c.req.header("Content-Type") ?? "";
  const acts = CSV_TYPE.test(type) ? await actsOfCsv(c, type) : await actsOfJson(c);
  const outbox = c.env.OUTBOX.get(c.env.OUTBOX.idFromName(c.var.hospitalId));
  const reply = await reconcileActs({
    ...acts,
    locale: c.var.locale,
    hash: await keyedHashOf(c.var.config),
    match: (dcdId, hashes) => outbox.matchRegistrations(dcdId, hashes),
  });
  return c.json(reply, 200);
});
