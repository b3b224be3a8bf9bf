// The Hono environment shared by the app and its sub-apps.

import type { Locale } from "../../shared-schema/src/dcd.ts";
import type { WorkerConfig } from "./config/load-config.ts";
import type { DcdCatalogue } from "./dcd/load-dcd-catalogue.ts";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    locale: Locale;
    requestId: string;
    config: WorkerConfig;
    dcds: DcdCatalogue;
    /** Set by requireAuth on /v1/*. */
    hospitalId: string;
    token: string;
  };
}
