import { defineContentScript } from "wxt/utils/define-content-script";
import { startOverlay } from "../overlay/start-overlay.ts";

export default defineContentScript({
  // Registered at run time by the background for the configured EHR origins only
  // (background/sync-content-scripts.ts), and injected into tabs already open on them or
  // where the user asks for the registration (background/inject-overlay.ts); these demo
  // origins go to host_permissions.
  matches: ["http://127.0.0.1/*", "http://localhost/*"],
  registration: "runtime",
  runAt: "document_start",
  main: (ctx) => startOverlay(ctx),
});
