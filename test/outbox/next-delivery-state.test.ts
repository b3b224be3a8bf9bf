// The outbox's delivery policy, played without workerd: every kind of reply HD4DP (or a
// proxy, or the network) can give, at every stage, against the rules the hospital relies on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AttemptOutcome,
  type DeliveryContext,
  NEEDS_IT_PROBE_MAX_MS,
  nextDeliveryState,
  type Stage,
} from "../../worker/src/outbox/next-delivery-state.ts";

const NOW = Date.UTC(2026, 11, 2, 10, 0, 0);
const POLICY = { retryBaseMs: 2000, retryMaxMs: 3_600_000, retryAfterMaxMs: 3_600_000 };
const NISS = "93051822361";

function context(overrides: Partial<DeliveryContext> = {}): DeliveryContext {
  return {
    now: NOW,
    attempts: 1,
    draft: false,
    pauseCount: 0,
    policy: POLICY,
    random: () => 0.5,
    ...overrides,
  };
}

function reply(
  status: number,
  body: unknown = "",
  headers: Record<string, string> = {},
  stage: Stage = "submit",
): AttemptOutcome {
  return {
    kind: "reply",
    stage,
    status,
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

const rejection = {
  errors: [{ field: "D_SURG", code: "required", message: `D_SURG missing for ${NISS}` }],
};

const stage = fc.constantFrom<Stage>("token", "organizations", "submit", "correction");
const body = fc.oneof(
  fc.string(),
  fc.constant(JSON.stringify(rejection)),
  fc.constant(JSON.stringify({ businessKey: "BK-1", registrationCode: "206.26.000001.00" })),
  fc.constant(JSON.stringify({ businessKey: "" })),
  fc.constant(`<html>login ${NISS}</html>`),
  fc.json(),
);
const headers = fc.record(
  {
    "retry-after": fc.oneof(
      fc.nat({ max: 10 ** 9 }).map(String),
      fc.constant("Thu, 01 Jan 2099 00:00:00 GMT"),
      fc.string(),
    ),
    location: fc.oneof(fc.webUrl(), fc.string()),
  },
  { requiredKeys: [] },
);
const outcome: fc.Arbitrary<AttemptOutcome> = fc.oneof(
  fc.record({
    kind: fc.constant("reply" as const),
    stage,
    status: fc.integer({ min: 100, max: 599 }),
    headers,
    body,
  }),
  fc.record({ kind: fc.constant("timeout" as const), stage }),
  fc.record({
    kind: fc.constant("network" as const),
    stage,
    cause: fc.constantFrom("dns" as const, "tls" as const, "connection" as const),
  }),
);
const contexts = fc.record({
  now: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  attempts: fc.integer({ min: 1, max: 1000 }),
  draft: fc.boolean(),
  pauseCount: fc.nat({ max: 10_000 }),
  policy: fc.constant(POLICY),
  random: fc.double({ min: 0, max: 0.999_999, noNaN: true }).map((r) => () => r),
});

describe("nextDeliveryState", () => {
  it("fails a record only when HD4DP's contract says it rejected that record", () => {
    fc.assert(
      fc.property(outcome, contexts, (o, c) => {
        const decision = nextDeliveryState(o, c);
        if (decision.kind !== "failed") return;
        expect(o.kind).toBe("reply");
        if (o.kind !== "reply") return;
        expect(["submit", "correction"]).toContain(o.stage);
        expect([400, 422]).toContain(o.status);
        expect(JSON.parse(o.body).errors.length).toBeGreaterThan(0);
      }),
    );
  });

  it("never waits longer than the Retry-After cap or the backoff ceiling", () => {
    fc.assert(
      fc.property(outcome, contexts, (o, c) => {
        const decision = nextDeliveryState(o, c);
        if (decision.kind === "retry") {
          expect(decision.at).toBeGreaterThanOrEqual(c.now);
          expect(decision.at).toBeLessThanOrEqual(c.now + POLICY.retryMaxMs);
        }
        if (decision.kind === "pause") {
          expect(decision.until).toBeGreaterThanOrEqual(c.now);
          const cap = decision.needsIt ? NEEDS_IT_PROBE_MAX_MS : POLICY.retryAfterMaxMs;
          expect(decision.until).toBeLessThanOrEqual(c.now + cap);
        }
      }),
    );
  });

  it("counts as delivered only a readable acceptance, with a business key unless a draft", () => {
    fc.assert(
      fc.property(outcome, contexts, (o, c) => {
        const decision = nextDeliveryState(o, c);
        if (decision.kind !== "delivered") return;
        expect(o.kind === "reply" && o.status >= 200 && o.status < 300).toBe(true);
        expect(decision.state).toBe(c.draft ? "open" : "sent");
        if (!c.draft) expect(decision.businessKey).toMatch(/\S/);
      }),
    );
  });

  it("keeps nothing HD4DP wrote in the error, but the names of rejected fields", () => {
    fc.assert(
      fc.property(outcome, contexts, (o, c) => {
        const decision = nextDeliveryState(o, c);
        if (!("error" in decision)) return;
        for (const value of Object.values(decision.error.params)) {
          expect(String(value)).toMatch(/^[A-Za-z0-9_.:/, ?\-[\]]*$/);
          expect(String(value)).not.toContain(NISS);
        }
      }),
    );
  });

  it("is a function of its inputs", () => {
    fc.assert(
      fc.property(outcome, contexts, (o, c) => {
        expect(nextDeliveryState(o, c)).toEqual(nextDeliveryState(o, c));
      }),
    );
  });
});

describe("nextDeliveryState, case by case", () => {
  it("sends a submission with its business key and registration code", () => {
    expect(
      nextDeliveryState(reply(202, { businessKey: "BK", registrationCode: "206.1" }), context()),
    ).toEqual({
      kind: "delivered",
      state: "sent",
      businessKey: "BK",
      registrationCode: "206.1",
    });
    expect(nextDeliveryState(reply(202, { businessKey: "" }), context({ draft: true }))).toEqual({
      kind: "delivered",
      state: "open",
      businessKey: null,
    });
  });

  it.each([
    [reply(401), "credentials_refused"],
    [reply(400, "", {}, "token"), "credentials_refused"],
    [reply(403), "forbidden"],
    [reply(403, "", {}, "token"), "forbidden"],
    [reply(404), "api_not_found"],
    [reply(405), "api_not_found"],
    [reply(302, "", { location: "https://elsewhere.example/proxy?x=1" }), "redirected"],
    [reply(200, "<html>login</html>"), "reply_unreadable"],
    [reply(200, "<html/>", {}, "token"), "reply_unreadable"],
    [reply(202, { businessKey: "" }), "empty_business_key"],
    [reply(204), "reply_unreadable"],
    [reply(400, { message: "bad" }), "registry_refused"],
    [reply(409), "registry_refused"],
    [reply(200, [{ id: "a" }, { id: "b" }], {}, "organizations"), "organization_unknown"],
    [{ kind: "network", stage: "submit", cause: "dns" } as const, "registry_dns"],
    [{ kind: "network", stage: "token", cause: "tls" } as const, "registry_tls"],
  ])("pauses the hospital for IT on %j (%s), failing nothing", (o, code) => {
    const decision = nextDeliveryState(o, context());
    expect(decision).toMatchObject({ kind: "pause", needsIt: true, error: { code } });
  });

  it("keeps the origin of a redirect, never its path", () => {
    const decision = nextDeliveryState(
      reply(307, "", { location: `https://elsewhere.example/p/${NISS}` }),
      context(),
    );
    expect(decision).toMatchObject({
      error: { params: { location: "https://elsewhere.example" } },
    });
  });

  it.each([
    [reply(500), "registry_error"],
    [reply(503), "registry_error"],
    [reply(408), "registry_error"],
    [{ kind: "timeout", stage: "submit" } as const, "registry_timeout"],
    [{ kind: "network", stage: "submit", cause: "connection" } as const, "registry_connection"],
  ])("retries only the record on %j (%s)", (o, code) => {
    expect(nextDeliveryState(o, context())).toMatchObject({ kind: "retry", error: { code } });
  });

  it("caps a Retry-After of a year at the configured maximum, and pauses the hospital", () => {
    const decision = nextDeliveryState(reply(429, "", { "retry-after": "31536000" }), context());
    expect(decision).toEqual({
      kind: "pause",
      until: NOW + POLICY.retryAfterMaxMs,
      needsIt: false,
      error: { code: "rate_limited", params: { stage: "submit", status: 429, seconds: 3600 } },
    });
    expect(nextDeliveryState(reply(503, "", { "retry-after": "3" }), context())).toMatchObject({
      kind: "pause",
      until: NOW + 3000,
    });
  });

  it("probes less often the longer IT takes, at most once a minute", () => {
    const until = (pauseCount: number) => {
      const d = nextDeliveryState(reply(403), context({ pauseCount }));
      return d.kind === "pause" ? d.until - NOW : Number.NaN;
    };
    expect([0, 1, 2, 5, 50].map(until)).toEqual([2000, 4000, 8000, 60_000, 60_000]);
  });

  it("fails a record HD4DP rejects, naming the fields and keeping its words apart", () => {
    const decision = nextDeliveryState(reply(422, rejection), context());
    expect(decision).toEqual({
      kind: "failed",
      error: {
        code: "registry_rejected",
        params: { stage: "submit", status: 422, fields: "D_SURG" },
      },
      detail: `D_SURG: D_SURG missing for ${NISS}`,
    });
  });

  it("answers a correction of a key HD4DP no longer holds with a resubmission", () => {
    expect(nextDeliveryState(reply(404, "", {}, "correction"), context())).toEqual({
      kind: "resubmit",
    });
  });
});
