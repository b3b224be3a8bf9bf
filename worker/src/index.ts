// The worker's entry point: the Hono app for HTTP and the outbox Durable Object class.
import "../../shared-schema/src/jitless-zod.ts";

import { createApp } from "./app.ts";

export { Outbox } from "./durable-objects/outbox.ts";

const app = createApp();

export default { fetch: app.fetch } satisfies ExportedHandler<Env>;
