// POST /v1/exports/hd4dp-csv: records of the DCD named in the body (default: the default
// DCD) as an HD4DP CSV upload file for the pick-up folder (the fallback when the S2S API is
// not reachable, or the DCD has no S2S item ids). Every record must be valid; otherwise
// 422 lists the issues of each invalid record by its index. A row with STATUS=draft
// becomes an Open record in HD4DP (docs/domain.md §2), so it is checked as a draft, as the CLI
// does (cli/run-validate.ts).

import { createRoute, z } from "@hono/zod-openapi";
import { ExportRequestSchema } from "../../../shared-schema/src/api/api-schemas.ts";
import { encodeHd4dpCsv } from "../../../shared-schema/src/csv/encode-hd4dp-csv.ts";
import type { DcdRecord } from "../../../shared-schema/src/dcd.ts";
import { selectDcd } from "../dcd/select-dcd.ts";
import { ProblemError } from "../errors/problem-error.ts";
import { toPublicIssues } from "../errors/to-public-issues.ts";
import { formatMessage } from "../i18n/messages.ts";
import { jsonBody } from "../middleware/json-body.ts";
import { apiRouter, bodyErrors, commonErrors, jsonRequest, security } from "./api-router.ts";

const route = createRoute({
  method: "post",
  path: "/hd4dp-csv",
  security,
  middleware: [jsonBody()] as const,
  request: { body: jsonRequest(ExportRequestSchema) },
  responses: {
    200: {
      description: "HD4DP CSV upload file",
      content: { "text/csv": { schema: z.string() } },
    },
    ...commonErrors,
    ...bodyErrors,
  },
});

export const exports = apiRouter().openapi(route, async (c) => {
  const body = c.req.valid("json");
  const { dcd, compiled } = selectDcd(c, body, 422);
  const records: DcdRecord[] = [];
  const issues: Record<string, unknown>[] = [];
  body.records.forEach((raw, index) => {
    const result = compiled().validate(raw, {
      locale: c.var.locale,
      draft: raw.STATUS === "draft",
    });
    if (result.valid && result.record) records.push(result.record);
    const errors = result.issues.filter((issue) => issue.severity === "error");
    for (const issue of toPublicIssues(errors, c.var.locale, dcd.id)) {
      issues.push({ record: index, ...issue });
    }
  });
  const dcdParams = { params: { dcd: dcd.id } };
  if (issues.length > 0) {
    throw new ProblemError(422, "record_invalid", { ...dcdParams, extensions: { issues } });
  }
  let csv: string;
  try {
    csv = encodeHd4dpCsv(dcd, records);
  } catch {
    // A valid record the CSV format cannot carry (e.g. a '|' inside a multi value). The
    // encoder's message quotes the value: not echoed, it may be patient data.
    throw new ProblemError(422, "record_invalid", {
      ...dcdParams,
      extensions: {
        issues: [
          {
            field: "(record)",
            code: "csv_unencodable",
            severity: "error",
            message: formatMessage("record_unencodable", c.var.locale).detail,
          },
        ],
      },
    });
  }
  const date = new Date().toISOString().slice(0, 10);
  return c.body(csv, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${dcd.id}-${date}.csv"`,
  });
});
