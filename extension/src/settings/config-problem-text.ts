import type { ConfigProblem } from "./find-config-problems.ts";
import type { SettingKey, UiLocale } from "./settings.ts";

interface ProblemText {
  title: string;
  missing: string;
  invalid: string;
  /** Host access to the EHR pages not granted yet: only the user's click grants it. */
  notGranted: string;
  askGrant: string;
  /** Whom to ask: the hospital's IT sets the policy, so only they can fix a policy value. */
  askIt: string;
  askUser: string;
  names: Record<SettingKey, string>;
}

// Kept apart from i18n/ui-text.ts: the content script shows these and must stay small.
const TEXT: Record<UiLocale, ProblemText> = {
  en: {
    title: "Spine registration is not configured correctly:",
    missing: "{name} is missing",
    invalid: "{name} is not valid",
    notGranted: "access to the EHR pages is not granted yet",
    askGrant: "Open the extension's options and click “Allow access”.",
    askIt:
      "These settings come from your hospital's policy: please contact your hospital's IT department.",
    askUser: "Correct it in the extension's options, or ask your hospital's IT department.",
    names: {
      workerUrl: "the server URL",
      apiToken: "the API token",
      authorGroup: "the author group",
      author: "the default author",
      dcd: "the registry definition (DCD)",
      language: "the language",
      ehrOrigins: "the EHR addresses",
      profiles: "an EHR profile",
      draftRetentionDays: "the draft retention period",
    },
  },
  fr: {
    title: "L'enregistrement Spine n'est pas configuré correctement :",
    missing: "{name} manque",
    invalid: "{name} n'est pas valide",
    notGranted: "l'accès aux pages du DPI n'est pas encore autorisé",
    askGrant: "Ouvrez les options de l'extension et cliquez sur « Autoriser l'accès ».",
    askIt:
      "Ces paramètres viennent de la stratégie de votre hôpital : contactez le service informatique de l'hôpital.",
    askUser:
      "Corrigez-le dans les options de l'extension, ou demandez au service informatique de l'hôpital.",
    names: {
      workerUrl: "l'URL du serveur",
      apiToken: "le jeton d'API",
      authorGroup: "le groupe d'auteurs",
      author: "l'auteur par défaut",
      dcd: "la définition du registre (DCD)",
      language: "la langue",
      ehrOrigins: "les adresses du DPI",
      profiles: "un profil DPI",
      draftRetentionDays: "la durée de conservation des brouillons",
    },
  },
  nl: {
    title: "De Spine-registratie is niet correct ingesteld:",
    missing: "{name} ontbreekt",
    invalid: "{name} is ongeldig",
    notGranted: "de toegang tot de EPD-pagina's is nog niet toegestaan",
    askGrant: "Open de opties van de extensie en klik op „Toegang toestaan”.",
    askIt:
      "Deze instellingen komen uit het beleid van uw ziekenhuis: neem contact op met de IT-dienst van het ziekenhuis.",
    askUser:
      "Verbeter het in de opties van de extensie, of vraag het aan de IT-dienst van het ziekenhuis.",
    names: {
      workerUrl: "de server-URL",
      apiToken: "het API-token",
      authorGroup: "de auteursgroep",
      author: "de standaardauteur",
      dcd: "de registerdefinitie (DCD)",
      language: "de taal",
      ehrOrigins: "de EPD-adressen",
      profiles: "een EPD-profiel",
      draftRetentionDays: "de bewaartermijn van concepten",
    },
  },
  de: {
    title: "Die Spine-Registrierung ist nicht richtig eingerichtet:",
    missing: "{name} fehlt",
    invalid: "{name} ist ungültig",
    notGranted: "der Zugriff auf die KIS-Seiten ist noch nicht erlaubt",
    askGrant: "Öffnen Sie die Optionen der Erweiterung und klicken Sie auf „Zugriff erlauben“.",
    askIt:
      "Diese Einstellungen stammen aus der Richtlinie Ihres Krankenhauses: Wenden Sie sich an die IT-Abteilung des Krankenhauses.",
    askUser:
      "Korrigieren Sie es in den Optionen der Erweiterung, oder fragen Sie die IT-Abteilung des Krankenhauses.",
    names: {
      workerUrl: "die Server-URL",
      apiToken: "das API-Token",
      authorGroup: "die Autorengruppe",
      author: "der Standardautor",
      dcd: "die Registerdefinition (DCD)",
      language: "die Sprache",
      ehrOrigins: "die KIS-Adressen",
      profiles: "ein KIS-Profil",
      draftRetentionDays: "die Aufbewahrungsdauer der Entwürfe",
    },
  },
};

export interface ConfigProblemMessage {
  title: string;
  /** One line per problem, e.g. "the API token is missing". */
  lines: string[];
  /** Whom to ask. */
  ask: string;
}

/** The problems in the user's language, saying whom to ask. */
export function describeConfigProblems(
  problems: readonly ConfigProblem[],
  locale: UiLocale,
): ConfigProblemMessage {
  const text = TEXT[locale];
  const lines = problems.map((problem) => {
    const line = text[problem.reason].replace("{name}", text.names[problem.key]);
    const sentence = line.charAt(0).toUpperCase() + line.slice(1);
    return problem.detail ? `${sentence} (${problem.detail})` : sentence;
  });
  // A policy value only IT can fix; host access only the user's own click can grant.
  const others = problems.filter((problem) => problem.reason !== "notGranted");
  const asks: string[] = [];
  if (others.length > 0)
    asks.push(others.some((problem) => problem.source === "policy") ? text.askIt : text.askUser);
  if (others.length < problems.length) asks.push(text.askGrant);
  const ask = asks.join(" ");
  return { title: text.title, lines, ask };
}
