import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";
import rootPackage from "../package.json" with { type: "json" };
import { OPEN_REGISTRATION_COMMAND } from "./src/background/open-registration-command.ts";
import { EXTENSION_PUBLIC_KEY, GECKO_ID } from "./src/extension-id.ts";

// Built from the repository root: `wxt build extension` (root = this folder).
export default defineConfig({
  srcDir: "src",
  // Explicit imports everywhere (easier to read and to review than auto-imports).
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  // extension/ has no package.json of its own: name and version come from the root one.
  zip: {
    artifactTemplate: `spine-register-${rootPackage.version}-{{browser}}.zip`,
    sourcesTemplate: `spine-register-${rootPackage.version}-sources.zip`,
  },
  hooks: {
    // The toolbar button opens the registration on the page (action.onClicked, which a popup
    // would replace). The popup's page stays, behind the button's context menu; its English
    // <title> is no title for the button.
    "build:manifestGenerated": (wxt, manifest) => {
      // A release build has no host access of its own: a hospital's EHR origin is requested
      // at run time from the options page, or granted by policy (no <all_urls> at install).
      // WXT also adds the content script's demo matches here: they go too.
      if (wxt.config.mode === "production") delete manifest.host_permissions;
      if (!manifest.action) return;
      delete manifest.action.default_popup;
      manifest.action.default_title = "__MSG_extName__";
    },
  },
  manifest: ({ browser }) => ({
    name: "__MSG_extName__",
    version: rootPackage.version,
    description: "__MSG_extDescription__",
    default_locale: "en",
    // Chrome/Edge: pins the extension id, so the worker's CORS list can name it.
    ...(browser === "firefox" ? {} : { key: EXTENSION_PUBLIC_KEY }),
    // scripting: the content script is registered at run time for the configured EHR
    // origins only, and the form UI is injected on demand (keeps the page script small).
    // alarms: refresh the status of registrations still travelling to HD4DP.
    // activeTab, contextMenus: the toolbar button, the context menu and the shortcut open the
    // registration on the page shown, on any origin, for that tab only.
    permissions: ["storage", "scripting", "alarms", "activeTab", "contextMenus"],
    // The demo EHR's origins, in the builds for development and for the end-to-end tests
    // only (see the hook above).
    host_permissions: ["http://127.0.0.1/*", "http://localhost/*"],
    optional_host_permissions: ["https://*/*", "http://*/*"],
    storage: { managed_schema: "managed-schema.json" },
    action: { default_title: "__MSG_extName__" },
    // Named, not _execute_action: the same as the toolbar button, without the popup's page.
    commands: {
      [OPEN_REGISTRATION_COMMAND]: {
        suggested_key: { default: "Alt+Shift+R" },
        description: "__MSG_registerThisOperation__",
      },
    },
    ...(browser === "firefox"
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: "128.0" } } }
      : {}),
  }),
});
