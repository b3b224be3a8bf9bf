import type { EhrProfile } from "./ehr-profile.ts";
import demoEhrNl from "./profiles/demo-ehr-nl.json" with { type: "json" };

/** Profiles shipped with the extension; profiles from settings or policy are tried first. */
export const BUILTIN_PROFILES: readonly EhrProfile[] = [demoEhrNl as EhrProfile];
