// The calls of `npm run contract-check`, in the order a hospital's worker makes them: the
// token, the organizations, the DCD's definition, the submitted records and one draft. Each
// is compared with the schema our contract ASSUMES for its reply; only the draft writes.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import {
  type MenuStructureReply,
  MenuStructureReplySchema,
  menuStructurePath,
  PayloadDefinitionReplySchema,
  payloadDefinitionPath,
} from "../../shared-schema/src/s2s/hd4dp-definition-contract.ts";
import { s2sCodeIdsOf } from "../../shared-schema/src/s2s/s2s-code-ids-of.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import {
  ORGANIZATIONS_PATH,
  OrganizationsReplySchema,
  RecordRejectionSchema,
  SUBMIT_ACCEPTED_STATUSES,
  type SubmitReply,
  SubmitReplySchema,
  SubmittedListReplySchema,
  submitHeaders,
  submitPath,
  submitPayload,
  submittedListPath,
  TokenReplySchema,
  tokenRequest,
} from "../../worker/src/registry/hd4dp-contract.ts";
import { type Call, type CheckResult, checkCall } from "./check-call.ts";
import type { Secret } from "./describe-issue.ts";
import { describeValue } from "./describe-value.ts";
import { expectValue } from "./expect-value.ts";
import { SYNTHETIC_DRAFT_RECORD } from "./synthetic-draft-record.ts";

export type Hd4dpAuth =
  | { token: string }
  | { tokenUrl: string; clientId: string; clientSecret: string };

export interface CheckOptions {
  /** The S2S base URL, without a trailing slash. */
  base: string;
  organization: string;
  auth: Hd4dpAuth;
  dcd: string;
  dcdVersion: string;
}

/** A token reply is a credential, and a submit reply concerns the record sent. */
const NEVER_QUOTED: Secret = () => true;
/** A business key may hold a NISS (what it is made of is ASSUMED); errors may quote a record. */
const RECORD_DATA: Secret = (path) => path.some((key) => key === "businessKey" || key === "errors");

export async function checkHd4dp(options: CheckOptions): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  let token: string | undefined;
  if ("token" in options.auth) token = options.auth.token;
  else {
    const { tokenUrl, clientId, clientSecret } = options.auth;
    const { origin, pathname } = new URL(tokenUrl);
    const checked = await checkCall({
      call: `POST ${origin}${pathname}`,
      url: tokenUrl,
      init: tokenRequest(clientId, clientSecret),
      statuses: [200],
      schema: TokenReplySchema,
      secret: NEVER_QUOTED,
    });
    results.push(checked.result);
    token = usableToken(checked.body);
  }
  for (const step of steps(options)) {
    results.push(
      token === undefined
        ? { call: step.call, problem: "not checked: no access token", differences: [], notes: [] }
        : await step.run(token),
    );
  }
  return results;
}

/** The token the other calls can go on with, even when its reply differs elsewhere. */
function usableToken(body: unknown): string | undefined {
  const token = (body as { access_token?: unknown } | undefined)?.access_token;
  return typeof token === "string" && token !== "" ? token : undefined;
}

interface Step {
  call: string;
  run(token: string): Promise<CheckResult>;
}

function step<S extends z.ZodType>(
  call: string,
  make: (token: string) => Omit<Call<S>, "call">,
): Step {
  return { call, run: async (token) => (await checkCall({ call, ...make(token) })).result };
}

function steps(options: CheckOptions): Step[] {
  const { base, organization, dcd, dcdVersion } = options;
  const read = <S extends z.ZodType>(
    path: string,
    schema: S,
    expect?: (reply: z.infer<S>) => string[],
  ): Step =>
    step(`GET ${path}`, (token) => ({
      url: base + path,
      init: { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } },
      statuses: [200],
      schema,
      secret: RECORD_DATA,
      expect,
    }));
  const submit = submitPath({ organizationId: organization, dcdId: dcd, dcdVersion });
  return [
    read(ORGANIZATIONS_PATH, OrganizationsReplySchema, (listed) =>
      listed.some((o) => o.id === organization)
        ? []
        : [
            `body: organization ${describeValue(organization)} is not listed (listed: ${few(listed.map((o) => o.id))})`,
          ],
    ),
    read(menuStructurePath(organization), MenuStructureReplySchema, (menu) =>
      menuOffers(menu, options),
    ),
    read(payloadDefinitionPath(dcd, dcdVersion, "en"), PayloadDefinitionReplySchema, (form) => [
      ...expectValue(["dcdId"], dcd, form.dcdId),
      ...expectValue(["version"], dcdVersion, form.version),
      ...expectValue(["languageId"], "en", form.languageId),
    ]),
    read(
      submittedListPath({ organizationId: organization, dcdId: dcd, dcdVersion }),
      SubmittedListReplySchema,
    ),
    step(`POST ${submit}`, (token) => ({
      url: base + submit,
      init: {
        method: "POST",
        headers: submitHeaders(token, `contract-check-${randomUUID()}`),
        body: JSON.stringify(
          submitPayload(SPIN_SURG, s2sCodeIdsOf(SPIN_SURG).ids, SYNTHETIC_DRAFT_RECORD, true),
        ),
      },
      statuses: SUBMIT_ACCEPTED_STATUSES,
      schema: SubmitReplySchema,
      secret: NEVER_QUOTED,
      // A draft is an Open record: no business key, no registration code yet.
      expect: (reply: SubmitReply) => [
        ...expectValue(["businessKey"], "", reply.businessKey, true),
        ...expectValue(["registrationCode"], undefined, reply.registrationCode, true),
      ],
      explainRefusal: (body) => {
        const parsed = RecordRejectionSchema.safeParse(body);
        // Field names and codes only: the messages may quote the record.
        return parsed.success
          ? parsed.data.errors.map(
              (e) =>
                `rejected: ${describeValue(e.field ?? "(the record)")} ${describeValue(e.code)}`,
            )
          : [];
      },
    })),
  ];
}

/** Whether the menu offers the DCD version we check, active, to our organization. */
function menuOffers(menu: MenuStructureReply, options: CheckOptions): string[] {
  const { organization, dcd, dcdVersion } = options;
  const differences = expectValue(["organizationId"], organization, menu.organizationId);
  const at = menu.dataCollections.findIndex((entry) => entry.dcdId === dcd);
  const entry = menu.dataCollections[at];
  if (entry === undefined) {
    const listed = few(menu.dataCollections.map((e) => e.dcdId));
    return [
      ...differences,
      `body.dataCollections: ${describeValue(dcd)} is not listed (listed: ${listed})`,
    ];
  }
  const v = entry.versions.findIndex((version) => version.version === dcdVersion);
  const version = entry.versions[v];
  if (version === undefined) {
    const listed = few(entry.versions.map((e) => e.version));
    return [
      ...differences,
      `body.dataCollections[${at}].versions: ${describeValue(dcdVersion)} is not listed (listed: ${listed})`,
    ];
  }
  const active = ["dataCollections", at, "versions", v, "active"];
  return [...differences, ...expectValue(active, true, version.active)];
}

/** Some of what HD4DP lists instead, each quoted only when short. */
function few(values: unknown[]): string {
  if (values.length === 0) return "none";
  const shown = values.slice(0, 5).map((value) => describeValue(value));
  return values.length > 5 ? `${shown.join(", ")} and ${values.length - 5} more` : shown.join(", ");
}
