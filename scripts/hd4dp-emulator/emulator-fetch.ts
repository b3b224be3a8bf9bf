// `fetch` against the emulator app without a socket (workerd tests): the app's replies
// pass through, and its socket faults (socket-fault-reply.ts) become what a real fetch
// does then, so the worker's client meets the same failures as against the Node runner.
import { socketFaultOf } from "./socket-fault-reply.ts";

export interface FetchingApp {
  fetch(request: Request): Response | Promise<Response>;
}

/**
 * Like `fetch(request)`: rejects with the reason of `signal` as soon as it aborts (even
 * while the app is still busy, e.g. with injected latency); "drop" and "down" reject with
 * `TypeError("Network connection lost")`; "timeout" waits for the abort, or after the hold
 * rejects with the TypeError (the Node runner then resets the connection too).
 */
export async function emulatorFetch(
  app: FetchingApp,
  request: Request,
  signal: AbortSignal | null | undefined = request.signal,
): Promise<Response> {
  signal?.throwIfAborted();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal?.reason);
  });
  signal?.addEventListener("abort", onAbort, { once: true });
  let hold: ReturnType<typeof setTimeout> | undefined;
  const answer = async (): Promise<Response> => {
    const response = await app.fetch(request);
    const fault = socketFaultOf(response);
    if (fault === undefined) return response;
    await response.body?.cancel();
    if (fault.kind === "timeout") {
      await new Promise((resolve) => {
        hold = setTimeout(resolve, fault.holdMs);
      });
    }
    throw new TypeError("Network connection lost");
  };
  try {
    return await Promise.race([aborted, answer()]);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    if (hold !== undefined) clearTimeout(hold);
  }
}
