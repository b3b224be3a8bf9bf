// The DCD a request names (`dcd`, `version`: query of a GET, fields of a POST body), or the
// configured default; a DCD this worker does not have is the caller's mistake, answered with
// the list of those it has.

import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ProblemError } from "../errors/problem-error.ts";
import type { ConfiguredDcd, DcdSelector } from "./load-dcd-catalogue.ts";

/** `status`: 404 when the DCD is the resource asked for, 422 when it is part of a body. */
export function selectDcd(
  c: Context<AppEnv>,
  selector: DcdSelector,
  status: 404 | 422,
): ConfiguredDcd {
  const catalogue = c.var.dcds;
  const found = catalogue.select(selector);
  if (found) return found;
  const configured = catalogue.dcds.map(({ dcd }) => ({
    id: dcd.id,
    version: dcd.version,
    default: dcd === catalogue.default.dcd,
  }));
  throw new ProblemError(status, "dcd_unknown", {
    params: {
      // Both match technical patterns (api-schemas.ts): a name and a semantic version.
      requested: [selector.dcd ?? catalogue.default.dcd.id, selector.version].join(" ").trim(),
      configured: configured.map((d) => `${d.id} ${d.version}`).join(", "),
    },
    extensions: { configured },
  });
}
