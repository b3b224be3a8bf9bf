// The fault test's view of the worker from outside, as a hospital system and hospital IT
// have it: register (retrying like a hospital system would), read a registration, read the
// outbox's health. Only the HTTP API: nothing here reaches into the worker.
import { validSpinSurgRecord } from "../support/valid-spin-surg-record.ts";

const AUTHORIZATION = { Authorization: "Bearer local-dev-token" };

export interface RegistrationView {
  id: string;
  state: string;
  businessKey?: string;
  registrationCode?: string;
  attempts: number;
  error?: { code: string };
}

/** The `outbox` part of GET /healthz with a token (worker/src/routes/health.ts). */
export interface OutboxHealthView {
  queued: number;
  failed: number;
  needsIt: { code: string; since: string; nextProbeAt: string } | null;
  rateLimitedUntil: string | null;
  waiting: { dcdUnavailable: number; keyMissing: number };
  sealedWithOldKeys: number;
}

export interface RelayClient {
  /** Registers validSpinSurgRecord(i); resolves with the registration id. */
  submit(i: number): Promise<string>;
  read(id: string): Promise<RegistrationView>;
  health(): Promise<OutboxHealthView>;
  /** POSTs repeated after a 5xx, a 429 or no answer: reported, not hidden. */
  readonly retries: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createRelayClient(baseUrl: string): RelayClient {
  let retries = 0;
  const get = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: AUTHORIZATION });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return response.json();
  };
  return {
    get retries() {
      return retries;
    },
    // Same Idempotency-Key, same body on every try: a repeat is never a second registration.
    async submit(i) {
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await fetch(`${baseUrl}/v1/registrations`, {
            method: "POST",
            headers: {
              ...AUTHORIZATION,
              "Content-Type": "application/json",
              "Idempotency-Key": `fault-test-${i}`,
            },
            body: JSON.stringify({ record: validSpinSurgRecord(i), status: "submit" }),
          });
          const body = (await response.json()) as { id?: string; detail?: string };
          if (response.status === 202 && body.id) return body.id;
          if (response.status < 500 && response.status !== 429) {
            throw new Error(`registration ${i}: HTTP ${response.status} ${body.detail ?? ""}`);
          }
        } catch (error) {
          if (error instanceof Error && error.message.startsWith("registration ")) throw error;
          if (attempt >= 10) throw error;
        }
        retries++;
        await sleep(200 * attempt);
      }
    },
    read: async (id) => (await get(`/v1/registrations/${id}`)) as RegistrationView,
    health: async () => ((await get("/healthz")) as { outbox: OutboxHealthView }).outbox,
  };
}
