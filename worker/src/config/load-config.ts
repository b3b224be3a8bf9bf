// Reads and checks the worker's configuration (wrangler.toml [vars] and secrets). A mistake
// is the one legitimate 5xx: the first request gets a 500 problem+json that names the
// variable and says how to fix it, instead of a confusing failure later in the outbox.
// Checked once per env object (the runtime keeps one per isolate).

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
  /** Cloudflare Access service token in front of a tunnelled HD4DP (docs/deploy.md), if any. */
  registryAccess: { clientId: string; clientSecret: string } | null;
  apiTokens: ApiToken[];
  /** Raw 32-byte AES-256 key. */
  encryptionKey: Uint8Array<ArrayBuffer>;
  allowedOrigins: string[];
  retryBaseMs: number;
  retryMaxMs: number;
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

function parseEncryptionKey(raw: RawConfig): Uint8Array<ArrayBuffer> {
  const example = "the output of 'openssl rand -base64 32'";
  const text = requireString(raw, "ENCRYPTION_KEY", example);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
  } catch {
    throw new ConfigError("ENCRYPTION_KEY", "not base64", SECRET_FIX("ENCRYPTION_KEY", example));
  }
  if (bytes.length !== 32) {
    throw new ConfigError(
      "ENCRYPTION_KEY",
      `${bytes.length} bytes long instead of 32`,
      SECRET_FIX("ENCRYPTION_KEY", example),
    );
  }
  return bytes;
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
    registryAccess: parseRegistryAccess(raw),
    apiTokens: parseApiTokens(raw),
    encryptionKey: parseEncryptionKey(raw),
    allowedOrigins: parseAllowedOrigins(raw),
    retryBaseMs,
    retryMaxMs,
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
