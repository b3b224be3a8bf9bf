// The worker's configuration in tests (vitest.config.ts passes it to workerd). Test-only
// values: they guard nothing.

export const TEST_BINDINGS = {
  REGISTRY_URL: "https://hd4dp.test/proxy",
  REGISTRY_TOKEN_URL: "https://hd4dp.test/oauth/token",
  REGISTRY_CLIENT_ID: "test-client",
  REGISTRY_CLIENT_SECRET: "test-secret",
  // Several hospitals, so tests do not share an outbox or a rate-limit window.
  API_TOKENS: JSON.stringify({
    "token-hospital-a-0123456789": "hospital-a",
    "token-hospital-b-0123456789": "hospital-b",
    "token-outbox-0123456789": "hospital-outbox",
    "token-property-0123456789": "hospital-property",
    "token-logs-0123456789": "hospital-logs",
  }),
  // Test-only keys: base64 of 32 bytes.
  // Two encryption keys, as during a rotation: t2 seals, both open.
  ENCRYPTION_KEYS:
    "t2:dGVzdC1vbmx5LWtleS10d28tdGVzdC1vbmx5LWstMzI=,t1:dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LTMyYnk=",
  HMAC_KEY: "dGVzdC1vbmx5LWhtYWMta2V5LXRlc3Qtb25seS0zMmI=",
  ALLOWED_ORIGINS:
    "chrome-extension://abcdefghijklmnopabcdefghijklmnop,moz-extension://0d6e6a4f-7a4b-4f6e-9c1d-2b3c4d5e6f70",
  // Fast retries and timeouts, so retry tests take milliseconds.
  RETRY_BASE_MS: "20",
  RETRY_MAX_MS: "100",
  // The smallest cap of Retry-After: a year-long one ends within a test.
  RETRY_AFTER_MAX_MS: "1000",
  REGISTRY_TIMEOUT_MS: "150",
  RATE_LIMIT_PER_MINUTE: "100000",
  // SPIN_SURG (the default, first) and a second registry (fixtures/), as a hospital would
  // configure two.
  DCDS: "SPIN_SURG-0.1.0.json,second-registry.dcd.json",
};
