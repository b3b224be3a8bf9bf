/** The keyboard shortcut's command: declared in the manifest (wxt.config.ts), heard by the background. */
export const OPEN_REGISTRATION_COMMAND = "open-registration";
