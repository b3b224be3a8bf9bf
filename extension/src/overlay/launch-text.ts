import type { UiLocale } from "../settings/settings.ts";

// The launcher's words only: the content script must not carry the whole UI dictionary.
export const LAUNCH_TEXT: Record<UiLocale, { launch: string; failed: string }> = {
  fr: { launch: "Enregistrer (Spine)", failed: "Le formulaire n'a pas pu être chargé." },
  nl: { launch: "Registreren (Spine)", failed: "Het formulier kon niet geladen worden." },
  de: { launch: "Registrieren (Spine)", failed: "Das Formular konnte nicht geladen werden." },
  en: { launch: "Register (Spine)", failed: "The form could not be loaded." },
};
