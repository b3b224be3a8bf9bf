// The worker's entry point: the Hono app for HTTP and the outbox Durable Object class.

import { z } from "zod";
import { createApp } from "./app.ts";

// Workers forbid eval/new Function, which zod's JIT uses for fast object parsing.
z.config({ jitless: true });

export { Outbox } from "./durable-objects/outbox.ts";

const app = createApp();

export default { fetch: app.fetch } satisfies ExportedHandler<Env>;
