// Reads and checks the worker's configuration (wrangler.toml [vars] and secrets). A mistake
// is the one legitimate 5xx: the first request gets a 500 problem+json that names the
// variable and says how to fix it, instead of a confusing failure later in the outbox.
// Checked once per env object (the runtime keeps one per isolate).

import type { EncryptionKey } from "../crypto/record-cipher.ts";
import { ANY_FIREFOX_EXTENSION } from "./is-allowed-origin.ts";

export interface ApiToken {
  token: string;
  hospitalId: string;
}

export interface WorkerConfig {
  registryUrl: string;
  registryTokenUrl: string;
  registryClientId: string;
  registryClientSecret: string;
  /** The hospital's organization id in HD4DP; null: the only one HD4DP lists. */
  registryOrganizationId: string | null;
  /** Cloudflare Access service token in front of a tunnelled HD4DP (docs/deploy.md), if any. */
  registryAccess: { clientId: string; clientSecret: string } | null;
  apiTokens: ApiToken[];
  /** The current key first: new values are sealed with it, any of them opens. */
  encryptionKeys: EncryptionKey[];
  /** Raw 32-byte key of the keyed hashes; never rotated. */
  hmacKey: Uint8Array<ArrayBuffer>;
  allowedOrigins: string[];
  retryBaseMs: number;
  retryMaxMs: number;
  /** Longest Retry-After obeyed; a longer one from HD4DP or a proxy is read as this. */
  retryAfterMaxMs: number;
  /** Finished registrations, and failed records, are purged this long after their last change. */
  retentionMs: number;
  /** Most registrations queued per hospital; beyond, a submit is answered 429. */
  queueMax: number;
  registryTimeoutMs: number;
  rateLimitPerMinute: number;
}

/** The configuration as the runtime hands it over: every value a string, maybe missing. */
export type RawConfig = Partial<Record<string, unknown>>;

export class ConfigError extends Error {
  readonly variable: string;
  readonly problem: string;
  readonly fix: string;

  constructor(variable: string, problem: string, fix: string) {
    super(`${variable} is ${problem}. Fix: ${fix}`);
    this.name = "ConfigError";
    this.variable = variable;
    this.problem = problem;
    this.fix = fix;
  }
}

const SECRET_FIX = (name: string, example: string) =>
  `set it with 'wrangler secret put ${name}' (locally in .dev.vars, see .dev.vars.example), e.g. ${example}.`;

const HOSPITAL_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requireString(raw: RawConfig, name: string, example: string): string {
  const value = raw[name];
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigError(name, "missing or empty", SECRET_FIX(name, example));
  }
  return value.trim();
}

function requireUrl(raw: RawConfig, name: string, example: string): string {
  const value = requireString(raw, name, example);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, "not a URL", SECRET_FIX(name, example));
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(name, "not an http(s) URL", SECRET_FIX(name, example));
  }
  return value.replace(/\/+$/, "");
}

function optionalString(raw: RawConfig, name: string): string | null {
  const value = raw[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function optionalInteger(
  raw: RawConfig,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = raw[name];
  if (value === undefined || value === "") return fallback;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(
      name,
      `not an integer between ${min} and ${max}`,
      `set ${name} in wrangler.toml [vars] (or .dev.vars) to a whole number, e.g. "${fallback}".`,
    );
  }
  return n;
}

function parseApiTokens(raw: RawConfig): ApiToken[] {
  const example = `'{"<long random token>":"<hospital id>"}'`;
  const text = requireString(raw, "API_TOKENS", example);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError("API_TOKENS", "not valid JSON", SECRET_FIX("API_TOKENS", example));
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(
      "API_TOKENS",
      "not a JSON object of token -> hospital id",
      SECRET_FIX("API_TOKENS", example),
    );
  }
  const tokens = Object.entries(parsed).map(([token, hospitalId]) => {
    if (token.length < 12 || typeof hospitalId !== "string" || !HOSPITAL_ID.test(hospitalId)) {
      throw new ConfigError(
        "API_TOKENS",
        "holding a token shorter than 12 characters or a hospital id that is not 1-64 letters, digits, '.', '_' or '-'",
        SECRET_FIX("API_TOKENS", example),
      );
    }
    return { token, hospitalId };
  });
  if (tokens.length === 0) {
    throw new ConfigError("API_TOKENS", "an empty object", SECRET_FIX("API_TOKENS", example));
  }
  return tokens;
}

const KEY_EXAMPLE = "the output of 'openssl rand -base64 32'";

function decodeKey(name: string, text: string, fix: string): Uint8Array<ArrayBuffer> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
  } catch {
    throw new ConfigError(name, "not base64", fix);
  }
  if (bytes.length !== 32) {
    throw new ConfigError(name, `${bytes.length} bytes long instead of 32`, fix);
  }
  return bytes;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** `id:base64,id:base64`, the current key first (docs/deploy.md, "Rotating the encryption key"). */
function parseEncryptionKeys(raw: RawConfig): EncryptionKey[] {
  const example = `'k2:<${KEY_EXAMPLE}>' (the current key first, older ones after it: 'k2:...,k1:...')`;
  const fix = SECRET_FIX("ENCRYPTION_KEYS", example);
  if (raw.ENCRYPTION_KEYS === undefined && typeof raw.ENCRYPTION_KEY === "string") {
    throw new ConfigError(
      "ENCRYPTION_KEYS",
      "missing (ENCRYPTION_KEY is no longer read)",
      `set ENCRYPTION_KEYS to 'k1:<the value of ENCRYPTION_KEY>' and HMAC_KEY to a new key (${KEY_EXAMPLE}), then delete ENCRYPTION_KEY.`,
    );
  }
  const text = requireString(raw, "ENCRYPTION_KEYS", example);
  const keys = text.split(",").map((entry) => {
    const [id = "", value = "", ...rest] = entry.trim().split(":");
    if (!KEY_ID.test(id) || rest.length > 0) {
      throw new ConfigError(
        "ENCRYPTION_KEYS",
        "holding an entry that is not <id>:<base64 key> with an id of 1-32 letters, digits, '_' or '-'",
        fix,
      );
    }
    return { id, raw: decodeKey("ENCRYPTION_KEYS", value, fix) };
  });
  const ids = keys.map((key) => key.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) {
    throw new ConfigError("ENCRYPTION_KEYS", `naming the key id ${repeated} twice`, fix);
  }
  return keys;
}

function parseHmacKey(raw: RawConfig): Uint8Array<ArrayBuffer> {
  const text = requireString(raw, "HMAC_KEY", KEY_EXAMPLE);
  return decodeKey("HMAC_KEY", text, SECRET_FIX("HMAC_KEY", KEY_EXAMPLE));
}

function parseAllowedOrigins(raw: RawConfig): string[] {
  const value = raw.ALLOWED_ORIGINS;
  const example = `'chrome-extension://<extension id>,${ANY_FIREFOX_EXTENSION}'`;
  if (typeof value !== "string") {
    throw new ConfigError("ALLOWED_ORIGINS", "missing", SECRET_FIX("ALLOWED_ORIGINS", example));
  }
  const origins = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  for (const origin of origins) {
    // Exact origins only, but for Firefox's (see isAllowedOrigin): a wildcard would let any
    // extension, or any page, use a hospital's token.
    if (origin === ANY_FIREFOX_EXTENSION) continue;
    if (origin.includes("*") || !/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        "ALLOWED_ORIGINS",
        `holding '${origin}', which is not an exact origin (scheme://host, no path, no wildcard but ${ANY_FIREFOX_EXTENSION})`,
        SECRET_FIX("ALLOWED_ORIGINS", example),
      );
    }
  }
  return origins;
}

function parseRegistryAccess(raw: RawConfig): WorkerConfig["registryAccess"] {
  const id = raw.REGISTRY_ACCESS_CLIENT_ID;
  const secret = raw.REGISTRY_ACCESS_CLIENT_SECRET;
  const set = (v: unknown) => typeof v === "string" && v.trim() !== "";
  if (!set(id) && !set(secret)) return null;
  if (!set(id) || !set(secret)) {
    const missing = set(id) ? "REGISTRY_ACCESS_CLIENT_SECRET" : "REGISTRY_ACCESS_CLIENT_ID";
    throw new ConfigError(
      missing,
      "missing while its pair is set",
      SECRET_FIX(missing, "the Cloudflare Access service token's value (or remove both)"),
    );
  }
  return { clientId: String(id).trim(), clientSecret: String(secret).trim() };
}

export function parseConfig(raw: RawConfig): WorkerConfig {
  const retryBaseMs = optionalInteger(raw, "RETRY_BASE_MS", 2000, 1, 86_400_000);
  const retryMaxMs = optionalInteger(raw, "RETRY_MAX_MS", 3_600_000, 1, 7 * 86_400_000);
  if (retryMaxMs < retryBaseMs) {
    throw new ConfigError(
      "RETRY_MAX_MS",
      `smaller than RETRY_BASE_MS (${retryBaseMs})`,
      "make RETRY_MAX_MS at least RETRY_BASE_MS in wrangler.toml [vars] or .dev.vars.",
    );
  }
  return {
    registryUrl: requireUrl(raw, "REGISTRY_URL", "https://hd4dp.hospital.example/proxy"),
    registryTokenUrl: requireUrl(
      raw,
      "REGISTRY_TOKEN_URL",
      "https://hd4dp.hospital.example/oauth/token",
    ),
    registryClientId: requireString(raw, "REGISTRY_CLIENT_ID", "the client id HD4DP issued"),
    registryClientSecret: requireString(
      raw,
      "REGISTRY_CLIENT_SECRET",
      "the client secret HD4DP issued",
    ),
    registryOrganizationId: optionalString(raw, "REGISTRY_ORGANIZATION_ID"),
    registryAccess: parseRegistryAccess(raw),
    apiTokens: parseApiTokens(raw),
    encryptionKeys: parseEncryptionKeys(raw),
    hmacKey: parseHmacKey(raw),
    allowedOrigins: parseAllowedOrigins(raw),
    retryBaseMs,
    retryMaxMs,
    retryAfterMaxMs: optionalInteger(raw, "RETRY_AFTER_MAX_MS", 3_600_000, 1000, 7 * 86_400_000),
    retentionMs: optionalInteger(raw, "RETENTION_DAYS", 30, 1, 3650) * 86_400_000,
    queueMax: optionalInteger(raw, "QUEUE_MAX", 10_000, 1, 1_000_000),
    registryTimeoutMs: optionalInteger(raw, "REGISTRY_TIMEOUT_MS", 10_000, 100, 120_000),
    rateLimitPerMinute: optionalInteger(raw, "RATE_LIMIT_PER_MINUTE", 600, 1, 1_000_000),
  };
}

const cache = new WeakMap<object, WorkerConfig>();

/** The checked configuration for this env; throws ConfigError on a mistake. */
export function loadConfig(env: object): WorkerConfig {
  let config = cache.get(env);
  if (!config) {
    config = parseConfig(env as RawConfig);
    cache.set(env, config);
  }
  return config;
}
