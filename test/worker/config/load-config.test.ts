import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../../worker/src/config/load-config.ts";
import { TEST_BINDINGS } from "../support/test-bindings.ts";

function errorOf(overrides: Record<string, unknown>): ConfigError {
  try {
    parseConfig({ ...TEST_BINDINGS, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("reads the test configuration", () => {
    const config = parseConfig(TEST_BINDINGS);
    expect(config.registryUrl).toBe("https://hd4dp.test/proxy");
    expect(config.encryptionKeys.map((key) => [key.id, key.raw.length])).toEqual([
      ["t2", 32],
      ["t1", 32],
    ]);
    expect(config.hmacKey).toHaveLength(32);
    expect(config.retryAfterMaxMs).toBe(1000);
    expect(config.retentionMs).toBe(30 * 86_400_000);
    expect(config.queueMax).toBe(10_000);
    expect(config.registryOrganizationId).toBeNull();
    expect(config.apiTokens).toContainEqual({
      token: "token-hospital-a-0123456789",
      hospitalId: "hospital-a",
    });
    expect(config.allowedOrigins).toHaveLength(2);
    expect(config.retryBaseMs).toBe(20);
  });

  it("reads the committed .dev.vars.example values", () => {
    const config = parseConfig({
      REGISTRY_URL: "http://127.0.0.1:8788/proxy",
      REGISTRY_TOKEN_URL: "http://127.0.0.1:8788/oauth/token",
      REGISTRY_CLIENT_ID: "local-dev-client",
      REGISTRY_CLIENT_SECRET: "local-dev-secret",
      API_TOKENS: '{"local-dev-token":"demo-hospital"}',
      ENCRYPTION_KEYS: "dev1:ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=",
      HMAC_KEY: "ZGV2LW9ubHktaG1hYy1rZXktbm90LWZvci1wcm9kISE=",
      ALLOWED_ORIGINS: "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    });
    expect(config.apiTokens).toEqual([{ token: "local-dev-token", hospitalId: "demo-hospital" }]);
    expect(config.retryMaxMs).toBe(3_600_000);
  });

  it.each([
    ["REGISTRY_CLIENT_SECRET", { REGISTRY_CLIENT_SECRET: "  " }],
    ["REGISTRY_TOKEN_URL", { REGISTRY_TOKEN_URL: "ftp://x" }],
    ["API_TOKENS", { API_TOKENS: "[]" }],
    ["API_TOKENS", { API_TOKENS: "{}" }],
    ["API_TOKENS", { API_TOKENS: '{"short":"h"}' }],
    ["API_TOKENS", { API_TOKENS: '{"long-enough-token":"bad id!"}' }],
    ["ENCRYPTION_KEYS", { ENCRYPTION_KEYS: "k1:!!!" }],
    ["ENCRYPTION_KEYS", { ENCRYPTION_KEYS: btoa("no id here, thirty-two bytes long") }],
    [
      "ENCRYPTION_KEYS",
      { ENCRYPTION_KEYS: `k1:${btoa("a".repeat(32))},k1:${btoa("b".repeat(32))}` },
    ],
    ["ENCRYPTION_KEYS", { ENCRYPTION_KEYS: undefined, ENCRYPTION_KEY: btoa("a".repeat(32)) }],
    ["HMAC_KEY", { HMAC_KEY: btoa("short") }],
    ["RETRY_AFTER_MAX_MS", { RETRY_AFTER_MAX_MS: "10" }],
    ["RETENTION_DAYS", { RETENTION_DAYS: "0" }],
    ["QUEUE_MAX", { QUEUE_MAX: "many" }],
    ["ALLOWED_ORIGINS", { ALLOWED_ORIGINS: undefined }],
    ["ALLOWED_ORIGINS", { ALLOWED_ORIGINS: "chrome-extension://abc/path" }],
    ["REGISTRY_TIMEOUT_MS", { REGISTRY_TIMEOUT_MS: "0" }],
    ["RETRY_MAX_MS", { RETRY_BASE_MS: "500", RETRY_MAX_MS: "100" }],
  ])("names %s when it is wrong", (variable, overrides) => {
    const error = errorOf(overrides);
    expect(error.variable).toBe(variable);
    expect(error.fix.length).toBeGreaterThan(10);
  });

  it("reads several encryption keys, the current one first", () => {
    const config = parseConfig({
      ...TEST_BINDINGS,
      ENCRYPTION_KEYS: ` k2:${btoa("b".repeat(32))} , k1:${btoa("a".repeat(32))}`,
      REGISTRY_ORGANIZATION_ID: " 71000436 ",
    });
    expect(config.encryptionKeys.map((key) => key.id)).toEqual(["k2", "k1"]);
    expect(config.registryOrganizationId).toBe("71000436");
  });

  it("allows moz-extension://* (any Firefox extension: their origins differ per profile)", () => {
    const allowed = "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,moz-extension://*";
    expect(parseConfig({ ...TEST_BINDINGS, ALLOWED_ORIGINS: allowed }).allowedOrigins).toEqual(
      allowed.split(","),
    );
  });

  it("allows an empty ALLOWED_ORIGINS (no browser client)", () => {
    expect(parseConfig({ ...TEST_BINDINGS, ALLOWED_ORIGINS: "" }).allowedOrigins).toEqual([]);
  });
});
