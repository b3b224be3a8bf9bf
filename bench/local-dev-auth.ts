/** The bearer token `.dev.vars.example` maps to the demo hospital, in every tree the benches start. */
export const LOCAL_DEV_AUTH = { Authorization: "Bearer local-dev-token" };
