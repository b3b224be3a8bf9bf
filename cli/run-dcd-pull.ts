import type { Writable } from "node:stream";
// `spine-reg dcd pull`: reads a DCD's definition from the hospital's HD4DP over its S2S API
// (the ASSUMED shapes of shared-schema/src/s2s/hd4dp-definition-contract.ts): the form, every
// code list it refers to (with HD4DP's item ids, which S2S submissions carry) and its texts in
// fr, nl, de and en. It writes them as a DCD JSON, checked with parseDcd, for the worker's DCD
// folder (docs/deploy.md), and says what the API does not carry (cross-field rules, ...).
// Exit 0: written; 1: HD4DP or the result failed; 2: wrong arguments.

import { writeFile } from "node:fs/promises";
import type { z } from "zod";
import type { Dcd, Locale } from "../shared-schema/src/dcd.ts";
import { DcdFormatError, parseDcd } from "../shared-schema/src/parse-dcd.ts";
import { dcdFromHd4dpDefinition } from "../shared-schema/src/s2s/dcd-from-hd4dp-definition.ts";
import {
  CodelistReplySchema,
  codelistPath,
  type DefinitionComponent,
  LANGUAGE_IDS,
  MenuStructureReplySchema,
  menuStructurePath,
  NOT_CARRIED,
  PayloadDefinitionReplySchema,
  payloadDefinitionPath,
  type TranslationsReply,
  TranslationsReplySchema,
  translationsPath,
} from "../shared-schema/src/s2s/hd4dp-definition-contract.ts";
import { compareVersions } from "../worker/src/dcd/compare-versions.ts";
import {
  readErrorMessage,
  TokenReplySchema,
  tokenRequest,
} from "../worker/src/registry/hd4dp-contract.ts";

import { readArgs, readBaseUrl } from "./read-args.ts";
import { UsageError } from "./usage-error.ts";

export const DCD_PULL_USAGE = `Usage:
  spine-reg dcd pull --hd4dp <base-url> --dcd <id> [--version <v>] [--organization <id>]
      (--token-url <url> --client-id <id> --client-secret <secret> | --token <token>)
      --out <dcd.json>
      Read a DCD's definition, code lists (with HD4DP's item ids) and fr/nl/de/en texts
      from HD4DP's S2S API (<base-url>: e.g. https://hd4dp.hospital.example/proxy) and
      write it as a DCD JSON file. Without --version: the newest active version.
      Exit 0: written; 1: HD4DP's replies or the result cannot be used; 2: wrong arguments.
`;

/** The definition is a few dozen small reads; a stuck HD4DP must not hang the CLI. */
const TIMEOUT_MS = 30_000;

class PullError extends Error {}

/** `argv`: the arguments after `spine-reg dcd pull`. */
export async function runDcdPull(
  argv: string[],
  out: Writable = process.stdout,
  err: Writable = process.stderr,
): Promise<number> {
  const options = readOptions(argv);
  try {
    out.write(await pull(options));
    return 0;
  } catch (error) {
    if (!(error instanceof PullError)) throw error;
    err.write(`spine-reg dcd pull: ${error.message}\n`);
    return 1;
  }
}

interface Options {
  base: string;
  dcd: string;
  version: string | undefined;
  organization: string | undefined;
  auth: { token: string } | { tokenUrl: string; clientId: string; clientSecret: string };
  out: string;
}

function readOptions(argv: string[]): Options {
  const { values, positionals } = readArgs(argv, {
    hd4dp: { type: "string" },
    dcd: { type: "string" },
    version: { type: "string" },
    organization: { type: "string" },
    "token-url": { type: "string" },
    "client-id": { type: "string" },
    "client-secret": { type: "string" },
    token: { type: "string" },
    out: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}.`);
  const { hd4dp, dcd, out, token } = values;
  if (!hd4dp || !dcd || !out) throw new UsageError("--hd4dp, --dcd and --out are required.");
  const client = [values["token-url"], values["client-id"], values["client-secret"]];
  let auth: Options["auth"];
  if (token !== undefined && client.every((v) => v === undefined)) auth = { token };
  else if (token === undefined && client.every((v) => v)) {
    const [tokenUrl = "", clientId = "", clientSecret = ""] = client;
    auth = { tokenUrl, clientId, clientSecret };
  } else {
    throw new UsageError(
      "give either --token, or all of --token-url, --client-id, --client-secret.",
    );
  }
  return {
    base: readBaseUrl("hd4dp", hd4dp),
    dcd,
    version: values.version,
    organization: values.organization,
    auth,
    out,
  };
}

async function send(url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    throw new PullError(
      `${what}: ${timedOut ? "no answer in time" : "HD4DP cannot be reached"} (${url}).`,
    );
  }
}

async function accessToken(auth: Options["auth"]): Promise<string> {
  if ("token" in auth) return auth.token;
  const response = await send(
    auth.tokenUrl,
    tokenRequest(auth.clientId, auth.clientSecret),
    "Getting a token",
  );
  if (response.status !== 200) {
    throw new PullError(
      `the token endpoint answered HTTP ${response.status}: ${await readErrorMessage(response)}. Check --client-id and --client-secret.`,
    );
  }
  const parsed = TokenReplySchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new PullError("the token endpoint's reply is not an OAuth2 token.");
  return parsed.data.access_token;
}

async function pull(options: Options): Promise<string> {
  const token = await accessToken(options.auth);
  const read = async <S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> => {
    const what = `GET ${path}`;
    const response = await send(
      options.base + path,
      { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } },
      what,
    );
    if (response.status !== 200) {
      throw new PullError(`${what}: HTTP ${response.status}, ${await readErrorMessage(response)}.`);
    }
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) {
      const first = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".") || "(reply)"}: ${i.message}`);
      throw new PullError(
        `${what}: the reply does not have the shape this tool assumes (shared-schema/src/s2s/hd4dp-definition-contract.ts): ${first.join("; ")}.`,
      );
    }
    return parsed.data;
  };

  const menu = await read(menuStructurePath(options.organization), MenuStructureReplySchema);
  const listed = menu.dataCollections.find((entry) => entry.dcdId === options.dcd);
  if (!listed) {
    const offered = menu.dataCollections.map((entry) => entry.dcdId).join(", ") || "none";
    throw new PullError(
      `HD4DP does not offer ${options.dcd} to organization ${menu.organizationId} (it offers: ${offered}).`,
    );
  }
  const version = options.version ?? newestActive(listed.versions);
  if (version === undefined) throw new PullError(`${options.dcd} has no active version in HD4DP.`);

  const definition = await read(
    payloadDefinitionPath(options.dcd, version, "en"),
    PayloadDefinitionReplySchema,
  );
  const codelistIds = [...new Set(codelistIdsOf(definition.components))];
  const codelists = await Promise.all(
    codelistIds.map((id) => read(codelistPath(id), CodelistReplySchema)),
  );
  const translations = Object.fromEntries(
    await Promise.all(
      LANGUAGE_IDS.map(async (lang) => [
        lang,
        await read(translationsPath(options.dcd, version, lang), TranslationsReplySchema),
      ]),
    ),
  ) as Record<Locale, TranslationsReply>;

  const source = `Pulled from HD4DP (${options.base}) on ${new Date().toISOString().slice(0, 10)} with spine-reg dcd pull. Not carried by HD4DP's API, so absent: ${NOT_CARRIED.join("; ")}.`;
  const built = dcdFromHd4dpDefinition({ definition, codelists, translations }, source);
  let dcd: Dcd;
  try {
    dcd = parseDcd(built.dcd, `The DCD built from HD4DP's ${options.dcd} ${version}`);
  } catch (error) {
    if (!(error instanceof DcdFormatError)) throw error;
    throw new PullError(`${error.message}\nNothing was written.`);
  }
  try {
    await writeFile(options.out, `${JSON.stringify(dcd, null, 2)}\n`);
  } catch (error) {
    throw new PullError(`cannot write ${options.out}: ${(error as Error).message}`);
  }

  const blocks = dcd.fields.filter((field) => field.type === "repeat");
  const inner = blocks.reduce((n, block) => n + block.fields.length, 0);
  const items = dcd.codeLists.reduce((n, list) => n + list.items.length, 0);
  const missingTexts = LANGUAGE_IDS.filter((lang) => built.untranslated[lang].length > 0).map(
    (lang) => `${lang} lacks ${built.untranslated[lang].length} (the English text is used)`,
  );
  return [
    `Pulled ${dcd.id} ${dcd.version} from ${options.base} into ${options.out}.`,
    `  ${dcd.fields.length} fields, of which ${blocks.length} repeat ${blocks.length === 1 ? "block" : "blocks"} (${inner} fields inside), ${dcd.sections?.length ?? 0} sections.`,
    `  ${dcd.codeLists.length} code lists with ${items} items, each with its HD4DP item id (what the worker relays).`,
    `  Texts in ${LANGUAGE_IDS.join(", ")}${missingTexts.length > 0 ? `; ${missingTexts.join("; ")}` : ""}.`,
    "Not available over HD4DP's API, so not in the file (import the official workbook with",
    "'spine-reg dcd import' for them):",
    ...NOT_CARRIED.map((what) => `  - ${what}`),
    "",
  ].join("\n");
}

function codelistIdsOf(components: DefinitionComponent[]): number[] {
  return components.flatMap((c) => [
    ...(c.codelistId === undefined ? [] : [c.codelistId]),
    ...codelistIdsOf(c.components ?? []),
  ]);
}

/** The highest active version, e.g. 1.10.0 over 1.9.2. */
function newestActive(versions: { version: string; active: boolean }[]): string | undefined {
  return versions
    .filter((v) => v.active)
    .map((v) => v.version)
    .sort(compareVersions)
    .at(-1);
}
