// Every message the worker itself writes (problem titles and details), in the four
// languages of Belgian users (domain.md §5). One catalogue, so a missing translation is a
// type error and a convention test can check the placeholders. Validation issues come
// translated from shared-schema; only the worker's own words live here.
// Never put patient data in a placeholder: callers pass ids, names of headers, limits.

import type { Locale } from "../../../shared-schema/src/dcd.ts";

export interface MessageText {
  title: string;
  detail: string;
}

export const MESSAGES = {
  malformed_json: {
    en: { title: "Malformed JSON", detail: "The request body is not valid JSON." },
    fr: { title: "JSON mal formé", detail: "Le corps de la requête n'est pas du JSON valide." },
    nl: { title: "Ongeldige JSON", detail: "De body van het verzoek is geen geldige JSON." },
    de: { title: "Fehlerhaftes JSON", detail: "Der Anfragetext ist kein gültiges JSON." },
  },
  idempotency_key_missing: {
    en: {
      title: "Idempotency-Key required",
      detail:
        "Send an Idempotency-Key header (1 to 200 visible characters, e.g. a UUID) so that a retried request is not registered twice.",
    },
    fr: {
      title: "Idempotency-Key requis",
      detail:
        "Envoyez un en-tête Idempotency-Key (1 à 200 caractères visibles, p. ex. un UUID) pour qu'une requête répétée ne soit pas enregistrée deux fois.",
    },
    nl: {
      title: "Idempotency-Key vereist",
      detail:
        "Stuur een Idempotency-Key-header (1 tot 200 zichtbare tekens, bv. een UUID) zodat een herhaald verzoek niet twee keer wordt geregistreerd.",
    },
    de: {
      title: "Idempotency-Key erforderlich",
      detail:
        "Senden Sie einen Idempotency-Key-Header (1 bis 200 sichtbare Zeichen, z. B. eine UUID), damit eine wiederholte Anfrage nicht doppelt registriert wird.",
    },
  },
  request_invalid: {
    en: {
      title: "Invalid request",
      detail: "The request body does not have the expected shape; see issues.",
    },
    fr: {
      title: "Requête invalide",
      detail: "Le corps de la requête n'a pas la forme attendue ; voir issues.",
    },
    nl: {
      title: "Ongeldig verzoek",
      detail: "De body van het verzoek heeft niet de verwachte vorm; zie issues.",
    },
    de: {
      title: "Ungültige Anfrage",
      detail: "Der Anfragetext hat nicht die erwartete Form; siehe issues.",
    },
  },
  record_invalid: {
    en: {
      title: "Invalid registration",
      detail: "The record does not satisfy the {dcd} rules; nothing was stored. See issues.",
    },
    fr: {
      title: "Enregistrement invalide",
      detail: "Le dossier ne respecte pas les règles {dcd} ; rien n'a été enregistré. Voir issues.",
    },
    nl: {
      title: "Ongeldige registratie",
      detail:
        "Het record voldoet niet aan de regels van {dcd}; er is niets opgeslagen. Zie issues.",
    },
    de: {
      title: "Ungültige Registrierung",
      detail:
        "Der Datensatz erfüllt die Regeln von {dcd} nicht; es wurde nichts gespeichert. Siehe issues.",
    },
  },
  record_unencodable: {
    en: {
      title: "Record cannot be encoded",
      detail:
        "The record is valid, but a value cannot be written in HD4DP's format (e.g. a code without a registry id, or a '|' inside a multiple-choice value).",
    },
    fr: {
      title: "Dossier impossible à encoder",
      detail:
        "Le dossier est valide, mais une valeur ne peut pas être écrite au format de HD4DP (p. ex. un code sans identifiant au registre, ou un '|' dans une valeur à choix multiple).",
    },
    nl: {
      title: "Record kan niet worden gecodeerd",
      detail:
        "Het record is geldig, maar een waarde kan niet in het formaat van HD4DP worden geschreven (bv. een code zonder register-id, of een '|' in een meerkeuzewaarde).",
    },
    de: {
      title: "Datensatz nicht kodierbar",
      detail:
        "Der Datensatz ist gültig, aber ein Wert kann nicht im Format von HD4DP geschrieben werden (z. B. ein Code ohne Register-ID oder ein '|' in einem Mehrfachauswahlwert).",
    },
  },
  unknown_field_withheld: {
    en: {
      title: "Unknown field",
      detail:
        "The record holds a field that does not exist in {dcd}. Its name is not repeated here: it does not look like a field name and may hold patient data. Remove it.",
    },
    fr: {
      title: "Champ inconnu",
      detail:
        "Le dossier contient un champ qui n'existe pas dans {dcd}. Son nom n'est pas répété ici : il ne ressemble pas à un nom de champ et pourrait contenir des données du patient. Retirez-le.",
    },
    nl: {
      title: "Onbekend veld",
      detail:
        "Het record bevat een veld dat niet bestaat in {dcd}. De naam wordt hier niet herhaald: hij lijkt niet op een veldnaam en kan patiëntgegevens bevatten. Verwijder het.",
    },
    de: {
      title: "Unbekanntes Feld",
      detail:
        "Der Datensatz enthält ein Feld, das es in {dcd} nicht gibt. Sein Name wird hier nicht wiederholt: Er sieht nicht wie ein Feldname aus und könnte Patientendaten enthalten. Entfernen Sie es.",
    },
  },
  dcd_unknown: {
    en: {
      title: "Unknown DCD",
      detail:
        "This worker has no DCD {requested}. It has: {configured} (GET /v1/dcds). Name one of them in dcd and version, or leave them out for the default.",
    },
    fr: {
      title: "DCD inconnu",
      detail:
        "Ce worker n'a pas de DCD {requested}. Il a : {configured} (GET /v1/dcds). Indiquez l'un d'eux dans dcd et version, ou omettez-les pour le DCD par défaut.",
    },
    nl: {
      title: "Onbekende DCD",
      detail:
        "Deze worker heeft geen DCD {requested}. Hij heeft: {configured} (GET /v1/dcds). Vermeld er een in dcd en version, of laat ze weg voor de standaard-DCD.",
    },
    de: {
      title: "Unbekannte DCD",
      detail:
        "Dieser Worker hat keine DCD {requested}. Er hat: {configured} (GET /v1/dcds). Nennen Sie eine davon in dcd und version, oder lassen Sie sie weg für die Standard-DCD.",
    },
  },
  unauthorized: {
    en: {
      title: "Authentication required",
      detail: "Send a valid API token as 'Authorization: Bearer <token>'.",
    },
    fr: {
      title: "Authentification requise",
      detail: "Envoyez un jeton d'API valide : 'Authorization: Bearer <jeton>'.",
    },
    nl: {
      title: "Authenticatie vereist",
      detail: "Stuur een geldig API-token als 'Authorization: Bearer <token>'.",
    },
    de: {
      title: "Authentifizierung erforderlich",
      detail: "Senden Sie ein gültiges API-Token als 'Authorization: Bearer <Token>'.",
    },
  },
  origin_forbidden: {
    en: {
      title: "Origin not allowed",
      detail:
        "The token is valid, but requests from the origin {origin} are not allowed. Ask the administrator to add it to ALLOWED_ORIGINS.",
    },
    fr: {
      title: "Origine non autorisée",
      detail:
        "Le jeton est valide, mais les requêtes de l'origine {origin} ne sont pas autorisées. Demandez à l'administrateur de l'ajouter à ALLOWED_ORIGINS.",
    },
    nl: {
      title: "Oorsprong niet toegestaan",
      detail:
        "Het token is geldig, maar verzoeken van de oorsprong {origin} zijn niet toegestaan. Vraag de beheerder ze toe te voegen aan ALLOWED_ORIGINS.",
    },
    de: {
      title: "Herkunft nicht erlaubt",
      detail:
        "Das Token ist gültig, aber Anfragen von der Herkunft {origin} sind nicht erlaubt. Bitten Sie den Administrator, sie zu ALLOWED_ORIGINS hinzuzufügen.",
    },
  },
  not_found: {
    en: { title: "Not found", detail: "There is no resource at {path}; see /openapi.json." },
    fr: {
      title: "Introuvable",
      detail: "Il n'y a pas de ressource à {path} ; voir /openapi.json.",
    },
    nl: { title: "Niet gevonden", detail: "Er is geen resource op {path}; zie /openapi.json." },
    de: {
      title: "Nicht gefunden",
      detail: "Unter {path} gibt es keine Ressource; siehe /openapi.json.",
    },
  },
  registration_not_found: {
    en: {
      title: "Registration not found",
      detail: "No registration {id} exists for your hospital.",
    },
    fr: {
      title: "Enregistrement introuvable",
      detail: "Aucun enregistrement {id} n'existe pour votre hôpital.",
    },
    nl: {
      title: "Registratie niet gevonden",
      detail: "Er bestaat geen registratie {id} voor uw ziekenhuis.",
    },
    de: {
      title: "Registrierung nicht gefunden",
      detail: "Für Ihr Krankenhaus existiert keine Registrierung {id}.",
    },
  },
  method_not_allowed: {
    en: { title: "Method not allowed", detail: "{path} accepts only: {allow}." },
    fr: { title: "Méthode non autorisée", detail: "{path} accepte uniquement : {allow}." },
    nl: { title: "Methode niet toegestaan", detail: "{path} accepteert alleen: {allow}." },
    de: { title: "Methode nicht erlaubt", detail: "{path} akzeptiert nur: {allow}." },
  },
  idempotency_conflict: {
    en: {
      title: "Idempotency-Key reused",
      detail:
        "This Idempotency-Key was already used with a different body. Use a new key for a new registration.",
    },
    fr: {
      title: "Idempotency-Key réutilisé",
      detail:
        "Cet Idempotency-Key a déjà été utilisé avec un autre contenu. Utilisez une nouvelle clé pour un nouvel enregistrement.",
    },
    nl: {
      title: "Idempotency-Key hergebruikt",
      detail:
        "Deze Idempotency-Key werd al gebruikt met een andere inhoud. Gebruik een nieuwe sleutel voor een nieuwe registratie.",
    },
    de: {
      title: "Idempotency-Key wiederverwendet",
      detail:
        "Dieser Idempotency-Key wurde bereits mit einem anderen Inhalt verwendet. Verwenden Sie für eine neue Registrierung einen neuen Schlüssel.",
    },
  },
  registration_delivered: {
    en: {
      title: "Registration already delivered",
      detail:
        "Registration {id} is already in the registry ({state}). A sent registration is corrected by submitting the complete record again with the same business key, or withdrawn in HD4DP itself.",
    },
    fr: {
      title: "Enregistrement déjà transmis",
      detail:
        "L'enregistrement {id} est déjà dans le registre ({state}). Un enregistrement envoyé se corrige en soumettant à nouveau le dossier complet avec la même clé métier, ou se retire dans HD4DP même.",
    },
    nl: {
      title: "Registratie al afgeleverd",
      detail:
        "Registratie {id} staat al in het register ({state}). Een verzonden registratie corrigeert u door het volledige record opnieuw in te dienen met dezelfde business key, of trekt u in via HD4DP zelf.",
    },
    de: {
      title: "Registrierung bereits übermittelt",
      detail:
        "Die Registrierung {id} ist bereits im Register ({state}). Eine gesendete Registrierung wird korrigiert, indem der vollständige Datensatz mit demselben Business Key erneut eingereicht wird, oder in HD4DP selbst zurückgezogen.",
    },
  },
  delivery_in_progress: {
    en: {
      title: "Delivery in progress",
      detail: "Registration {id} is being sent to the registry right now; retry in a few seconds.",
    },
    fr: {
      title: "Transmission en cours",
      detail:
        "L'enregistrement {id} est en cours d'envoi au registre ; réessayez dans quelques secondes.",
    },
    nl: {
      title: "Aflevering bezig",
      detail:
        "Registratie {id} wordt nu naar het register verzonden; probeer het over enkele seconden opnieuw.",
    },
    de: {
      title: "Übermittlung läuft",
      detail:
        "Die Registrierung {id} wird gerade an das Register gesendet; versuchen Sie es in einigen Sekunden erneut.",
    },
  },
  payload_too_large: {
    en: { title: "Payload too large", detail: "The request body exceeds {limit} bytes." },
    fr: {
      title: "Contenu trop volumineux",
      detail: "Le corps de la requête dépasse {limit} octets.",
    },
    nl: {
      title: "Inhoud te groot",
      detail: "De body van het verzoek is groter dan {limit} bytes.",
    },
    de: { title: "Inhalt zu groß", detail: "Der Anfragetext überschreitet {limit} Bytes." },
  },
  unsupported_media_type: {
    en: {
      title: "Unsupported media type",
      detail: "Send the body as JSON with 'Content-Type: application/json'.",
    },
    fr: {
      title: "Type de média non pris en charge",
      detail: "Envoyez le corps en JSON avec 'Content-Type: application/json'.",
    },
    nl: {
      title: "Mediatype niet ondersteund",
      detail: "Stuur de body als JSON met 'Content-Type: application/json'.",
    },
    de: {
      title: "Nicht unterstützter Medientyp",
      detail: "Senden Sie den Text als JSON mit 'Content-Type: application/json'.",
    },
  },
  rate_limited: {
    en: {
      title: "Too many requests",
      detail: "This token may send {limit} requests per minute; retry after {retryAfter} s.",
    },
    fr: {
      title: "Trop de requêtes",
      detail: "Ce jeton peut envoyer {limit} requêtes par minute ; réessayez dans {retryAfter} s.",
    },
    nl: {
      title: "Te veel verzoeken",
      detail:
        "Dit token mag {limit} verzoeken per minuut sturen; probeer opnieuw na {retryAfter} s.",
    },
    de: {
      title: "Zu viele Anfragen",
      detail:
        "Dieses Token darf {limit} Anfragen pro Minute senden; erneut versuchen nach {retryAfter} s.",
    },
  },
  config_invalid: {
    en: {
      title: "Worker misconfigured",
      detail: "Configuration variable {variable} is {problem}. Fix: {fix}",
    },
    fr: {
      title: "Worker mal configuré",
      detail: "La variable de configuration {variable} est {problem}. Correction : {fix}",
    },
    nl: {
      title: "Worker verkeerd geconfigureerd",
      detail: "Configuratievariabele {variable} is {problem}. Oplossing: {fix}",
    },
    de: {
      title: "Worker falsch konfiguriert",
      detail: "Die Konfigurationsvariable {variable} ist {problem}. Behebung: {fix}",
    },
  },
  internal: {
    en: {
      title: "Internal error",
      detail: "An unexpected error occurred; it was logged with the request id {requestId}.",
    },
    fr: {
      title: "Erreur interne",
      detail:
        "Une erreur inattendue s'est produite ; elle a été journalisée avec l'identifiant {requestId}.",
    },
    nl: {
      title: "Interne fout",
      detail: "Er trad een onverwachte fout op; ze werd gelogd met request-id {requestId}.",
    },
    de: {
      title: "Interner Fehler",
      detail:
        "Ein unerwarteter Fehler ist aufgetreten; er wurde mit der Anfrage-ID {requestId} protokolliert.",
    },
  },
} satisfies Record<string, Record<Locale, MessageText>>;

export type MessageCode = keyof typeof MESSAGES;

export type MessageParams = Record<string, string | number>;

/** The message `code` in `locale`, with `{name}` placeholders filled from `params`. */
export function formatMessage(code: MessageCode, locale: Locale, params: MessageParams = {}) {
  const text: MessageText = MESSAGES[code][locale];
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  return { title: fill(text.title), detail: fill(text.detail) };
}
