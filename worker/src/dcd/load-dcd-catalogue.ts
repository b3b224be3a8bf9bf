// The DCDs this worker validates, exports and relays: JSON files (as `spine-reg dcd import`
// or `dcd pull` write them) in its DCD folder, named by DCDS, the default one by DEFAULT_DCD.
// The folder reaches the worker as Workers static assets bound as DCD_FILES (wrangler.toml;
// with workerd, a disk service): hospital IT puts a file in place and deploys, no code
// changes. The worker alone reads the folder (run_worker_first), so it is not served.
// Loaded once per env (the runtime keeps one per isolate) at the first request, each file
// checked with parseDcd; a mistake fails that request with a ConfigError saying what to fix.

import { type CompiledDcd, compileDcd } from "../../../shared-schema/src/compile-dcd.ts";
import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import { DcdFormatError, parseDcd } from "../../../shared-schema/src/parse-dcd.ts";
import type { S2sCodeIds } from "../../../shared-schema/src/s2s/s2s-code-ids.ts";
import {
  type DcdS2sCodeIds,
  s2sCodeIdsOf,
} from "../../../shared-schema/src/s2s/s2s-code-ids-of.ts";
import { ConfigError, type RawConfig } from "../config/load-config.ts";
import { compareVersions } from "./compare-versions.ts";

export interface ConfiguredDcd {
  dcd: Dcd;
  /** Its file in the DCD folder. */
  file: string;
  /** Compiled on first use: compiling every DCD up front would slow the first request. */
  compiled(): CompiledDcd;
  /** The JSON served by GET /v1/dcd and its ETag. */
  document(): Promise<{ body: string; etag: string }>;
  s2s: DcdS2sCodeIds;
  /** The S2S item ids; a ConfigError when a code value has none (CSV export still works). */
  s2sCodeIds(): S2sCodeIds;
}

/** What a request names: both optional (api-schemas.ts). */
export interface DcdSelector {
  dcd?: string | undefined;
  version?: string | undefined;
}

export interface DcdCatalogue {
  dcds: ConfiguredDcd[];
  default: ConfiguredDcd;
  /** Exactly this DCD version, e.g. the one a queued registration was validated with. */
  find(id: string, version: string): ConfiguredDcd | undefined;
  /**
   * The DCD a request asks for. Nothing named: the default. An id alone: the default when it
   * has that id, else the newest configured version. A version alone: of the default's id.
   */
  select(selector: DcdSelector): ConfiguredDcd | undefined;
}

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.json$/;
/** Any host: the binding serves the folder by path. */
const FOLDER_ORIGIN = "https://dcd-files";

const DCDS_FIX =
  'set DCDS in wrangler.toml [vars] to the DCD files of the DCD folder, comma-separated, e.g. "SPIN_SURG-0.1.0.json" (docs/deploy.md, "Putting the official DCD in place").';
const FILE_FIX =
  "put the DCD JSON that 'spine-reg dcd import' or 'spine-reg dcd pull' wrote in the DCD folder ([assets] directory in wrangler.toml) and deploy again, or remove it from DCDS.";

interface Fetcher {
  fetch(request: Request): Promise<Response>;
}

const cache = new WeakMap<object, Promise<DcdCatalogue>>();

/** The checked DCDs of this env; rejects with a ConfigError on a mistake. */
export function loadDcdCatalogue(env: object): Promise<DcdCatalogue> {
  let loading = cache.get(env);
  if (!loading) {
    loading = readCatalogue(env as RawConfig);
    cache.set(env, loading);
    // A failed load (a file missing while a deploy completes, say) is tried again next time.
    loading.catch(() => cache.delete(env));
  }
  return loading;
}

async function readCatalogue(raw: RawConfig): Promise<DcdCatalogue> {
  const folder = raw.DCD_FILES as Partial<Fetcher> | undefined;
  if (typeof folder?.fetch !== "function") {
    throw new ConfigError(
      "DCD_FILES",
      "missing (the binding of the DCD folder)",
      'declare the folder in wrangler.toml: [assets] directory = "shared-schema/dcds", binding = "DCD_FILES", run_worker_first = true; with workerd, bind a disk service of the folder as DCD_FILES (docs/deploy.md).',
    );
  }
  const listed = typeof raw.DCDS === "string" ? raw.DCDS.split(",").map((s) => s.trim()) : [];
  const files = listed.filter((name) => name !== "");
  if (files.length === 0) throw new ConfigError("DCDS", "missing or empty", DCDS_FIX);
  for (const file of files) {
    if (!FILE_NAME.test(file)) {
      throw new ConfigError("DCDS", `holding '${file}', which is not a .json file name`, DCDS_FIX);
    }
  }
  const dcds = await Promise.all(files.map((file) => readDcd(folder as Fetcher, file)));
  dcds.forEach((entry, i) => {
    const twin = dcds.findIndex(
      (other) => other.dcd.id === entry.dcd.id && other.dcd.version === entry.dcd.version,
    );
    if (twin !== i) {
      throw new ConfigError(
        "DCDS",
        `holding ${dcds[twin]?.file} and ${entry.file}, which are both ${entry.dcd.id} ${entry.dcd.version}`,
        "keep one of the two in DCDS.",
      );
    }
  });

  const find = (id: string, version: string) =>
    dcds.find((entry) => entry.dcd.id === id && entry.dcd.version === version);
  const newest = (id: string) =>
    dcds
      .filter((entry) => entry.dcd.id === id)
      .sort((a, b) => compareVersions(a.dcd.version, b.dcd.version))
      .at(-1);
  const defaultDcd = readDefault(raw, dcds, find, newest);
  return {
    dcds,
    default: defaultDcd,
    find,
    select: ({ dcd: id = defaultDcd.dcd.id, version }) => {
      if (version !== undefined) return find(id, version);
      return id === defaultDcd.dcd.id ? defaultDcd : newest(id);
    },
  };
}

function readDefault(
  raw: RawConfig,
  dcds: ConfiguredDcd[],
  find: (id: string, version: string) => ConfiguredDcd | undefined,
  newest: (id: string) => ConfiguredDcd | undefined,
): ConfiguredDcd {
  const value = typeof raw.DEFAULT_DCD === "string" ? raw.DEFAULT_DCD.trim() : "";
  if (value === "") return dcds[0] as ConfiguredDcd;
  const [id = "", version] = value.split("@");
  const found = version === undefined ? newest(id) : find(id, version);
  if (found) return found;
  const configured = dcds.map((entry) => `${entry.dcd.id}@${entry.dcd.version}`).join(", ");
  throw new ConfigError(
    "DEFAULT_DCD",
    `'${value}', which is not among the configured DCDs (${configured})`,
    "set DEFAULT_DCD in wrangler.toml [vars] to one of them, as <id> (its newest version) or <id>@<version>, or leave it empty for the first file of DCDS.",
  );
}

async function readDcd(folder: Fetcher, file: string): Promise<ConfiguredDcd> {
  let response: Response;
  try {
    response = await folder.fetch(new Request(`${FOLDER_ORIGIN}/${encodeURIComponent(file)}`));
  } catch {
    throw new ConfigError("DCDS", `holding ${file}, which cannot be read`, FILE_FIX);
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    const why =
      response.status === 404 ? "is not in the DCD folder" : `answers HTTP ${response.status}`;
    throw new ConfigError("DCDS", `holding ${file}, which ${why}`, FILE_FIX);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ConfigError("DCDS", `holding ${file}, which is not JSON`, FILE_FIX);
  }
  let dcd: Dcd;
  try {
    dcd = parseDcd(json, file);
  } catch (error) {
    if (!(error instanceof DcdFormatError)) throw error;
    const shown = error.problems.slice(0, 5).join("; ");
    const more = error.problems.length > 5 ? ` and ${error.problems.length - 5} more` : "";
    throw new ConfigError(
      "DCDS",
      `holding ${file}, which is not a usable DCD: ${shown}${more}`,
      "correct the file or import it again ('spine-reg dcd import' or 'spine-reg dcd pull'), then deploy again.",
    );
  }
  return configuredDcd(dcd, file);
}

function configuredDcd(dcd: Dcd, file: string): ConfiguredDcd {
  let compiled: CompiledDcd | undefined;
  let document: Promise<{ body: string; etag: string }> | undefined;
  const s2s = s2sCodeIdsOf(dcd);
  return {
    dcd,
    file,
    compiled: () => {
      compiled ??= compileDcd(dcd);
      return compiled;
    },
    document: () => {
      document ??= (async () => {
        const body = JSON.stringify(dcd);
        const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
        const hex = [...new Uint8Array(digest).slice(0, 16)]
          .map((b) => b.toString(16).padStart(2, "0"))
          .join("");
        return { body, etag: `"${dcd.id}-${dcd.version}-${hex}"` };
      })();
      return document;
    },
    s2s,
    s2sCodeIds: () => {
      if (s2s.missing.length === 0) return s2s.ids;
      const shown = s2s.missing.slice(0, 5).join(", ");
      const more = s2s.missing.length > 5 ? ` and ${s2s.missing.length - 5} more` : "";
      throw new ConfigError(
        "DCDS",
        `holding ${file} (${dcd.id} ${dcd.version}), whose code values have no HD4DP item id to relay them over S2S: ${shown}${more}`,
        "put in its place the DCD pulled from the hospital's HD4DP ('spine-reg dcd pull' keeps the item ids), or give its code-list items their HD4DP ids; meanwhile its records can be exported as CSV (POST /v1/exports/hd4dp-csv).",
      );
    },
  };
}
