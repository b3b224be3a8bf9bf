import { matchUrlGlob } from "../adapters/match-url-glob.ts";

/** scheme://host[:port]/path of a match pattern; the host may start with `*.`. */
const MATCH_PATTERN = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)\//;

/**
 * Whether a match pattern of the settings (`ehrOrigins`, e.g. `https://*.hospital.be/*`)
 * covers a page's origin, as the browser reads it when it injects the content script: `*`
 * as scheme is http or https, `*.host` includes the host itself, and a pattern without a
 * port covers every port. The path is left out on purpose: an EHR that navigates within its
 * own pages keeps its content script, whatever the path.
 */
export function patternCoversOrigin(pattern: string, origin: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  const scheme = url.protocol.slice(0, -1);
  if (pattern === "<all_urls>") return scheme === "http" || scheme === "https";
  const match = MATCH_PATTERN.exec(pattern);
  if (!match) return false;
  const [, patternScheme = "", host = ""] = match;
  if (patternScheme === "*" ? scheme !== "http" && scheme !== "https" : patternScheme !== scheme)
    return false;
  const [, hostGlob = "", port] = /^(.*?)(?::(\d+|\*))?$/.exec(host) ?? [];
  if (port !== undefined && port !== "*" && port !== url.port) return false;
  if (hostGlob.startsWith("*.") && url.hostname === hostGlob.slice(2)) return true;
  return matchUrlGlob(hostGlob, url.hostname);
}
