// Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and
// Jitter"): a random delay in [0, min(max, base * 2^(attempt-1))], so that many
// registrations failing together do not retry together. A Retry-After from the registry
// is a floor: we never come back earlier than it asked.

export function backoffDelay(
  attempt: number,
  options: { baseMs: number; maxMs: number; retryAfterMs?: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, options.retryAfterMs ?? 0);
}
