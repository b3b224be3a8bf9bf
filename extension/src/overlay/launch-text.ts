import type { UiLocale } from "../settings/settings.ts";

// The launcher's words only: the content script must not carry the whole UI dictionary. It
// names Healthdata, not a registry: the DCD (and its label) is loaded only when the form opens.
export const LAUNCH_TEXT: Record<UiLocale, { launch: string; failed: string }> = {
  fr: { launch: "Enregistrer (Healthdata)", failed: "Le formulaire n'a pas pu être chargé." },
  nl: { launch: "Registreren (Healthdata)", failed: "Het formulier kon niet geladen worden." },
  de: { launch: "Registrieren (Healthdata)", failed: "Das Formular konnte nicht geladen werden." },
  en: { launch: "Register (Healthdata)", failed: "The form could not be loaded." },
};
