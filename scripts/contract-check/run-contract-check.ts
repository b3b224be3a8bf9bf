// `npm run contract-check`: reads the arguments, runs the calls of check-hd4dp.ts and
// prints the report (or, with --json, the same as JSON for a pipeline).
// Exit 0: every reply as assumed; 1: any difference; 2: wrong arguments.
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { asAssumed } from "./check-call.ts";
import { type CheckOptions, checkHd4dp, type Hd4dpAuth } from "./check-hd4dp.ts";
import { formatReport } from "./format-report.ts";

export const CONTRACT_CHECK_USAGE = `Usage:
  npm run contract-check -- --base-url <url> --organization <id>
      (--token-url <url> --client-id <id> --client-secret <secret> | --token <bearer>)
      [--dcd <id>] [--dcd-version <v>] [--json]
  Compares a real HD4DP with the S2S contract we ASSUME for it
  (worker/src/registry/hd4dp-contract.ts, shared-schema/src/s2s/hd4dp-definition-contract.ts):
  the token, GET /api/organizations, the DCD's menu entry and payload definition, the
  submitted records, and ONE draft ("STATUS": "draft") of a synthetic record of the bundled
  DCD. It prints, call by call and field by field, where HD4DP's replies differ; keys we do
  not model are notes. Tokens and the draft's values are never printed.
  Run it against Healthdata's acceptance environment: the draft stays there as an Open record.

  --base-url       HD4DP's S2S base URL, e.g. https://hd4dp.acceptance.example/proxy
  --organization   the hospital's organization id in HD4DP
  --token-url, --client-id, --client-secret
                   OAuth2 client credentials; the token call is checked too
  --token          a bearer token instead (the token call is then not checked)
  --dcd            the DCD id (default ${SPIN_SURG.id})
  --dcd-version    its version (default ${SPIN_SURG.version}, the bundled DCD's)
  --json           the report as JSON
  Exit 0: every reply as assumed; 1: a difference; 2: wrong arguments.
`;

export async function runContractCheck(
  argv: string[],
  out: Writable = process.stdout,
  err: Writable = process.stderr,
): Promise<number> {
  let read: { options: CheckOptions; json: boolean } | "help";
  try {
    read = readOptions(argv);
  } catch (error) {
    err.write(`contract-check: ${(error as Error).message}\n\n${CONTRACT_CHECK_USAGE}`);
    return 2;
  }
  if (read === "help") {
    out.write(CONTRACT_CHECK_USAGE);
    return 0;
  }
  const results = await checkHd4dp(read.options);
  const ok = results.every(asAssumed);
  out.write(
    read.json
      ? `${JSON.stringify({ asAssumed: ok, checks: results.map((r) => ({ ...r, asAssumed: asAssumed(r) })) }, null, 2)}\n`
      : formatReport(results),
  );
  return ok ? 0 : 1;
}

function readOptions(argv: string[]): { options: CheckOptions; json: boolean } | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      "base-url": { type: "string" },
      organization: { type: "string" },
      "token-url": { type: "string" },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
      token: { type: "string" },
      dcd: { type: "string", default: SPIN_SURG.id },
      "dcd-version": { type: "string", default: SPIN_SURG.version },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return "help";
  if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]}.`);
  const base = values["base-url"];
  const { organization, dcd, token } = values;
  const dcdVersion = values["dcd-version"];
  if (!base || !organization) throw new Error("--base-url and --organization are required.");
  if (!dcd || !dcdVersion) throw new Error("--dcd and --dcd-version cannot be empty.");
  const tokenUrl = values["token-url"];
  const clientId = values["client-id"];
  const clientSecret = values["client-secret"];
  const client = [tokenUrl, clientId, clientSecret];
  let auth: Hd4dpAuth;
  if (token && client.every((value) => value === undefined)) auth = { token };
  else if (token === undefined && tokenUrl && clientId && clientSecret) {
    auth = { tokenUrl: httpUrl("token-url", tokenUrl), clientId, clientSecret };
  } else {
    throw new Error("give either --token, or all of --token-url, --client-id, --client-secret.");
  }
  return {
    options: {
      base: httpUrl("base-url", base).replace(/\/+$/, ""),
      organization,
      auth,
      dcd,
      dcdVersion,
    },
    json: values.json,
  };
}

function httpUrl(option: string, value: string): string {
  const protocol = URL.canParse(value) ? new URL(value).protocol : "";
  if (protocol !== "http:" && protocol !== "https:") {
    throw new Error(`--${option} ${value} is not an http(s) URL.`);
  }
  return value;
}
