/**
 * ALLOWED_ORIGINS' one wildcard: any Firefox extension. Firefox draws each extension's
 * origin, moz-extension://<uuid>, at random per profile, so no exact origin can name the
 * extension on every workstation; web pages can never send such an origin.
 */
export const ANY_FIREFOX_EXTENSION = "moz-extension://*";

const FIREFOX_EXTENSION_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

/** Whether a browser request's Origin header is one the configuration allows. */
export function isAllowedOrigin(allowed: readonly string[], origin: string): boolean {
  if (allowed.includes(origin)) return true;
  return allowed.includes(ANY_FIREFOX_EXTENSION) && FIREFOX_EXTENSION_ORIGIN.test(origin);
}
