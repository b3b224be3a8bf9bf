// The paths the emulator serves, taken from the contract's own path builders so the two
// cannot drift apart: the S2S API lives under /proxy (as on a real HD4DP host), the token
// endpoint beside it.
import {
  ORGANIZATIONS_PATH,
  submitPath,
  submittedListPath,
} from "../../worker/src/registry/hd4dp-contract.ts";

const withoutQuery = (pathAndQuery: string) => pathAndQuery.split("?")[0] ?? pathAndQuery;

export const S2S_BASE = "/proxy";

export const REGISTRY_PATHS = {
  token: "/oauth/token",
  organizations: `${S2S_BASE}${ORGANIZATIONS_PATH}`,
  submit: `${S2S_BASE}${withoutQuery(submitPath({ organizationId: "", dcdId: "", dcdVersion: "" }))}`,
  submittedList: `${S2S_BASE}${withoutQuery(submittedListPath({ organizationId: "", dcdId: "" }))}`,
} as const;
