/**
 * The overlay's shadow root is closed to the EHR page's scripts: they cannot read the form
 * (patient values, what the surgeon types) through `host.shadowRoot`. Only the build made for
 * the end-to-end tests (`--mode e2e`) opens it, because Playwright can only reach into open
 * roots; a test of the release build checks that the page sees no root there. (That build
 * also has host access to the demo EHR, see wxt.config.ts.)
 */
export const SHADOW_ROOT_MODE: "open" | "closed" =
  import.meta.env.MODE === "e2e" ? "open" : "closed";
