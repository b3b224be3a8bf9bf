import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../worker/src/outbox/backoff-delay.ts";

describe("backoffDelay", () => {
  const options = { baseMs: 100, maxMs: 10_000 };

  it("grows the ceiling exponentially and caps it", () => {
    const ceiling = (attempt: number) => backoffDelay(attempt, options, () => 0.999999);
    expect([1, 2, 3, 4].map(ceiling)).toEqual([99, 199, 399, 799]);
    expect(ceiling(30)).toBe(9999);
  });

  it("uses full jitter: anywhere from 0 to the ceiling", () => {
    expect(backoffDelay(5, options, () => 0)).toBe(0);
    expect(backoffDelay(5, options, () => 0.5)).toBe(800);
  });

  it("never comes back before Retry-After", () => {
    expect(backoffDelay(1, { ...options, retryAfterMs: 5000 }, () => 0.5)).toBe(5000);
    expect(backoffDelay(10, { ...options, retryAfterMs: 10 }, () => 0.5)).toBe(5000);
  });
});
