// The always-on fault modes (parse-faults.ts FAULT_MODES): what a misconfigured path to
// HD4DP answers instead of HD4DP. They strike before the registry sees the call, so
// nothing is stored and no token is checked.
import { jsonMessage } from "./json-message.ts";
import type { FaultMode, Faults } from "./parse-faults.ts";
import { REGISTRY_PATHS, S2S_BASE } from "./registry-paths.ts";

/** Where `redirect` sends every call unless told otherwise: an origin that does not resolve. */
export const REDIRECT_ORIGIN = "https://elsewhere.example";

const LOGIN_PAGE = `<!doctype html>
<html><head><title>Sign in</title></head>
<body><form method="post" action="/login"><input name="username"><input name="password" type="password"><button>Sign in</button></form></body></html>`;

const NOT_FOUND_PAGE = `<!doctype html>
<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>`;

const html = (status: number, page: string) =>
  new Response(page, { status, headers: { "content-type": "text/html; charset=utf-8" } });

export interface ModeAnswer {
  mode: FaultMode;
  response: Response;
}

/** The answer of the first mode that is on for this call, or undefined to let it through. */
export function answerFaultMode(
  faults: Faults,
  request: Request,
  now: number,
): ModeAnswer | undefined {
  const url = new URL(request.url);
  if (faults.redirect) {
    const location = `${faults.redirectOrigin ?? REDIRECT_ORIGIN}${url.pathname}${url.search}`;
    return {
      mode: "redirect",
      response: new Response(null, { status: 302, headers: { location } }),
    };
  }
  if (faults.html200) return { mode: "html200", response: html(200, LOGIN_PAGE) };
  if (faults.forbidden || (faults.forbiddenUntil ?? 0) > now) {
    const text = "injected fault: this client may not use the S2S API";
    return { mode: "forbidden", response: jsonMessage(403, text) };
  }
  if (faults.refuseCredentials) {
    // The shapes of the token desk's own refusals (create-token-desk.ts), RFC 6749 §5.2 and
    // RFC 6750 §3: a client cannot tell these from a deleted S2S client.
    const response =
      url.pathname === REGISTRY_PATHS.token
        ? Response.json(
            { error: "invalid_client", message: "injected fault: unknown client or wrong secret" },
            { status: 401 },
          )
        : jsonMessage(401, "injected fault: access token refused", {
            "www-authenticate": 'Bearer error="invalid_token"',
          });
    return { mode: "refuseCredentials", response };
  }
  const belowBase = url.pathname === S2S_BASE || url.pathname.startsWith(`${S2S_BASE}/`);
  if (faults.notFoundRoot && belowBase) {
    return { mode: "notFoundRoot", response: html(404, NOT_FOUND_PAGE) };
  }
  const submits =
    url.pathname === REGISTRY_PATHS.submit &&
    (request.method === "POST" || request.method === "PUT");
  if (faults.emptyBusinessKey && submits) {
    const response = Response.json({ businessKey: "" }, { status: 202 });
    return { mode: "emptyBusinessKey", response };
  }
  return undefined;
}
