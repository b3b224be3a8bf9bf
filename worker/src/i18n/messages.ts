// Every message the worker itself writes (problem titles and details), in the four
// languages of Belgian users (docs/domain.md §5). One catalogue, so a missing translation is a
// type error and a convention test can check the placeholders. Validation issues come
// translated from shared-schema; only the worker's own words live here.
// Never put patient data in a placeholder: callers pass ids, names of headers, limits.

import type { Locale } from "../../../shared-schema/src/dcd.ts";
import {
  formatMessage as fill,
  type MessageParams,
} from "../../../shared-schema/src/i18n/format-message.ts";

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
  queue_full: {
    en: {
      title: "Outbox full",
      detail:
        "{queued} registrations already wait for HD4DP; nothing was stored. Hospital IT: see GET /healthz for why they wait, then register again.",
    },
    fr: {
      title: "File d'envoi pleine",
      detail:
        "{queued} enregistrements attendent déjà HD4DP ; rien n'a été enregistré. IT de l'hôpital : voyez GET /healthz pour savoir pourquoi, puis enregistrez à nouveau.",
    },
    nl: {
      title: "Wachtrij vol",
      detail:
        "{queued} registraties wachten al op HD4DP; er is niets opgeslagen. IT van het ziekenhuis: zie GET /healthz waarom ze wachten, registreer daarna opnieuw.",
    },
    de: {
      title: "Warteschlange voll",
      detail:
        "{queued} Registrierungen warten bereits auf HD4DP; nichts wurde gespeichert. IT des Krankenhauses: Siehe GET /healthz, warum sie warten, und registrieren Sie dann erneut.",
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
  reconciliation_media_type: {
    en: {
      title: "Unsupported media type",
      detail:
        "Send the billed acts as JSON ('Content-Type: application/json') or as a billing export ('Content-Type: text/csv; charset=utf-8').",
    },
    fr: {
      title: "Type de média non pris en charge",
      detail:
        "Envoyez les prestations facturées en JSON ('Content-Type: application/json') ou comme export de facturation ('Content-Type: text/csv; charset=utf-8').",
    },
    nl: {
      title: "Mediatype niet ondersteund",
      detail:
        "Stuur de aangerekende verstrekkingen als JSON ('Content-Type: application/json') of als facturatie-export ('Content-Type: text/csv; charset=utf-8').",
    },
    de: {
      title: "Nicht unterstützter Medientyp",
      detail:
        "Senden Sie die abgerechneten Leistungen als JSON ('Content-Type: application/json') oder als Abrechnungsexport ('Content-Type: text/csv; charset=utf-8').",
    },
  },
  too_many_acts: {
    en: {
      title: "Too many acts",
      detail: "Send at most {max} acts per request; split the billing file into parts.",
    },
    fr: {
      title: "Trop de prestations",
      detail: "Envoyez au plus {max} prestations par requête ; découpez le fichier de facturation.",
    },
    nl: {
      title: "Te veel verstrekkingen",
      detail: "Stuur ten hoogste {max} verstrekkingen per verzoek; splits het facturatiebestand.",
    },
    de: {
      title: "Zu viele Leistungen",
      detail:
        "Senden Sie höchstens {max} Leistungen pro Anfrage; teilen Sie die Abrechnungsdatei auf.",
    },
  },
  dcd_not_reconcilable: {
    en: {
      title: "Billed acts cannot be matched with {dcd}",
      detail:
        "The business key of {dcd} holds {field}, which a billed act does not carry (a NISS, a date, a nomenclature code, a NIHII number, names or a birth date); or {dcd} does not decide eligibility on billed codes. Reconcile with another DCD (dcd).",
    },
    fr: {
      title: "Les prestations facturées ne peuvent être rapprochées de {dcd}",
      detail:
        "La clé métier de {dcd} contient {field}, qu'une prestation facturée ne porte pas (NISS, date, code de nomenclature, numéro INAMI, noms ou date de naissance) ; ou {dcd} ne décide pas de l'éligibilité sur les codes facturés. Rapprochez avec un autre DCD (dcd).",
    },
    nl: {
      title: "Aangerekende verstrekkingen kunnen niet vergeleken worden met {dcd}",
      detail:
        "De business key van {dcd} bevat {field}, dat een aangerekende verstrekking niet heeft (INSZ, datum, nomenclatuurcode, RIZIV-nummer, namen of geboortedatum); of {dcd} beslist niet over de registratieplicht op basis van aangerekende codes. Vergelijk met een andere DCD (dcd).",
    },
    de: {
      title: "Abgerechnete Leistungen können nicht mit {dcd} abgeglichen werden",
      detail:
        "Der Geschäftsschlüssel von {dcd} enthält {field}, das eine abgerechnete Leistung nicht trägt (NISS, Datum, Nomenklaturcode, LIKIV-Nummer, Namen oder Geburtsdatum); oder {dcd} entscheidet die Registrierungspflicht nicht anhand abgerechneter Codes. Gleichen Sie mit einem anderen DCD ab (dcd).",
    },
  },
  billing_not_utf8: {
    en: {
      title: "Billing file not UTF-8",
      detail:
        "Send the billing file as UTF-8 text (spine-reg reconcile reads Windows-1252 files itself).",
    },
    fr: {
      title: "Fichier de facturation non UTF-8",
      detail:
        "Envoyez le fichier de facturation en texte UTF-8 (spine-reg reconcile lit lui-même les fichiers Windows-1252).",
    },
    nl: {
      title: "Facturatiebestand niet in UTF-8",
      detail:
        "Stuur het facturatiebestand als UTF-8-tekst (spine-reg reconcile leest zelf Windows-1252-bestanden).",
    },
    de: {
      title: "Abrechnungsdatei nicht in UTF-8",
      detail:
        "Senden Sie die Abrechnungsdatei als UTF-8-Text (spine-reg reconcile liest Windows-1252-Dateien selbst).",
    },
  },
  billing_empty: {
    en: {
      title: "Empty billing file",
      detail: "The file is empty: its first line must be a header naming the columns.",
    },
    fr: {
      title: "Fichier de facturation vide",
      detail: "Le fichier est vide : sa première ligne doit être un en-tête nommant les colonnes.",
    },
    nl: {
      title: "Leeg facturatiebestand",
      detail: "Het bestand is leeg: de eerste regel moet een kopregel met de kolomnamen zijn.",
    },
    de: {
      title: "Leere Abrechnungsdatei",
      detail: "Die Datei ist leer: Ihre erste Zeile muss eine Kopfzeile mit den Spaltennamen sein.",
    },
  },
  billing_unterminated_quote: {
    en: {
      title: "Unreadable billing file",
      detail:
        "The quoted value that starts on line {line} has no closing double quote: add it, and write a double quote inside a value as two.",
    },
    fr: {
      title: "Fichier de facturation illisible",
      detail:
        "La valeur entre guillemets qui commence à la ligne {line} n'a pas de guillemet fermant : ajoutez-le, et écrivez un guillemet dans une valeur en le doublant.",
    },
    nl: {
      title: "Onleesbaar facturatiebestand",
      detail:
        "De waarde tussen aanhalingstekens die op regel {line} begint, heeft geen afsluitend aanhalingsteken: voeg het toe, en schrijf een aanhalingsteken in een waarde dubbel.",
    },
    de: {
      title: "Unlesbare Abrechnungsdatei",
      detail:
        "Der Wert in Anführungszeichen, der in Zeile {line} beginnt, hat kein schließendes Anführungszeichen: Fügen Sie es hinzu, und schreiben Sie ein Anführungszeichen in einem Wert doppelt.",
    },
  },
  billing_columns_missing: {
    en: {
      title: "Columns missing in the billing file",
      detail:
        "No column was recognised for: {missing}. Rename the header (docs/reconciliation.md lists the names recognised), or map it with spine-reg reconcile --columns.",
    },
    fr: {
      title: "Colonnes manquantes dans le fichier de facturation",
      detail:
        "Aucune colonne reconnue pour : {missing}. Renommez l'en-tête (docs/reconciliation.md liste les noms reconnus), ou indiquez-la avec spine-reg reconcile --columns.",
    },
    nl: {
      title: "Kolommen ontbreken in het facturatiebestand",
      detail:
        "Geen kolom herkend voor: {missing}. Hernoem de kopregel (docs/reconciliation.md somt de herkende namen op), of wijs ze aan met spine-reg reconcile --columns.",
    },
    de: {
      title: "Spalten fehlen in der Abrechnungsdatei",
      detail:
        "Keine Spalte erkannt für: {missing}. Benennen Sie die Kopfzeile um (docs/reconciliation.md nennt die erkannten Namen), oder ordnen Sie sie mit spine-reg reconcile --columns zu.",
    },
  },
  billing_column_unknown: {
    en: {
      title: "Column not in the billing file",
      detail: "The header has no column “{column}”: check its name in the file's first line.",
    },
    fr: {
      title: "Colonne absente du fichier de facturation",
      detail:
        "L'en-tête n'a pas de colonne « {column} » : vérifiez son nom dans la première ligne du fichier.",
    },
    nl: {
      title: "Kolom niet in het facturatiebestand",
      detail:
        "De kopregel heeft geen kolom “{column}”: controleer de naam in de eerste regel van het bestand.",
    },
    de: {
      title: "Spalte nicht in der Abrechnungsdatei",
      detail:
        "Die Kopfzeile hat keine Spalte „{column}“: Prüfen Sie ihren Namen in der ersten Zeile der Datei.",
    },
  },
  billing_column_twice: {
    en: {
      title: "Two columns for the same value",
      detail:
        "Both “{first}” and “{second}” read as {role}: say which one with spine-reg reconcile --columns {role}=<header>, or rename the other.",
    },
    fr: {
      title: "Deux colonnes pour la même valeur",
      detail:
        "« {first} » et « {second} » se lisent toutes deux comme {role} : indiquez laquelle avec spine-reg reconcile --columns {role}=<en-tête>, ou renommez l'autre.",
    },
    nl: {
      title: "Twee kolommen voor dezelfde waarde",
      detail:
        "Zowel “{first}” als “{second}” lezen als {role}: zeg welke met spine-reg reconcile --columns {role}=<kop>, of hernoem de andere.",
    },
    de: {
      title: "Zwei Spalten für denselben Wert",
      detail:
        "Sowohl „{first}“ als auch „{second}“ werden als {role} gelesen: Geben Sie mit spine-reg reconcile --columns {role}=<Kopf> an, welche, oder benennen Sie die andere um.",
    },
  },
  billing_row_length: {
    en: {
      title: "Row not read",
      detail:
        "Line {line} has {cells} values but the header has {columns} columns: quote the values that hold the separator.",
    },
    fr: {
      title: "Ligne non lue",
      detail:
        "La ligne {line} a {cells} valeurs mais l'en-tête a {columns} colonnes : mettez entre guillemets les valeurs qui contiennent le séparateur.",
    },
    nl: {
      title: "Rij niet gelezen",
      detail:
        "Regel {line} heeft {cells} waarden maar de kopregel {columns} kolommen: zet waarden met het scheidingsteken tussen aanhalingstekens.",
    },
    de: {
      title: "Zeile nicht gelesen",
      detail:
        "Zeile {line} hat {cells} Werte, die Kopfzeile aber {columns} Spalten: Setzen Sie Werte mit dem Trennzeichen in Anführungszeichen.",
    },
  },
  delivery_registry_error: {
    en: {
      title: "HD4DP answered an error (HTTP {status})",
      detail:
        "A temporary fault of HD4DP: the registration is retried automatically, nothing is lost.",
    },
    fr: {
      title: "HD4DP a répondu par une erreur (HTTP {status})",
      detail:
        "Panne passagère de HD4DP : l'enregistrement est réessayé automatiquement, rien n'est perdu.",
    },
    nl: {
      title: "HD4DP antwoordde met een fout (HTTP {status})",
      detail:
        "Tijdelijke storing van HD4DP: de registratie wordt automatisch opnieuw geprobeerd, er gaat niets verloren.",
    },
    de: {
      title: "HD4DP antwortete mit einem Fehler (HTTP {status})",
      detail:
        "Vorübergehende Störung von HD4DP: Die Registrierung wird automatisch wiederholt, nichts geht verloren.",
    },
  },
  delivery_registry_timeout: {
    en: {
      title: "HD4DP did not answer in time",
      detail:
        "Retried automatically, nothing is lost. If it lasts, hospital IT checks that HD4DP runs.",
    },
    fr: {
      title: "HD4DP n'a pas répondu à temps",
      detail:
        "Réessayé automatiquement, rien n'est perdu. Si cela dure, l'IT de l'hôpital vérifie que HD4DP fonctionne.",
    },
    nl: {
      title: "HD4DP antwoordde niet op tijd",
      detail:
        "Wordt automatisch opnieuw geprobeerd, er gaat niets verloren. Duurt het, dan controleert de IT van het ziekenhuis of HD4DP draait.",
    },
    de: {
      title: "HD4DP hat nicht rechtzeitig geantwortet",
      detail:
        "Wird automatisch wiederholt, nichts geht verloren. Hält es an, prüft die IT des Krankenhauses, ob HD4DP läuft.",
    },
  },
  delivery_registry_connection: {
    en: {
      title: "HD4DP could not be reached",
      detail:
        "Retried automatically, nothing is lost. If it lasts, hospital IT checks that HD4DP runs and that the worker can reach it.",
    },
    fr: {
      title: "HD4DP est injoignable",
      detail:
        "Réessayé automatiquement, rien n'est perdu. Si cela dure, l'IT de l'hôpital vérifie que HD4DP fonctionne et que le worker peut l'atteindre.",
    },
    nl: {
      title: "HD4DP is onbereikbaar",
      detail:
        "Wordt automatisch opnieuw geprobeerd, er gaat niets verloren. Duurt het, dan controleert de IT van het ziekenhuis of HD4DP draait en bereikbaar is voor de worker.",
    },
    de: {
      title: "HD4DP ist nicht erreichbar",
      detail:
        "Wird automatisch wiederholt, nichts geht verloren. Hält es an, prüft die IT des Krankenhauses, ob HD4DP läuft und für den Worker erreichbar ist.",
    },
  },
  delivery_rate_limited: {
    en: {
      title: "HD4DP asked to slow down",
      detail: "Deliveries resume in {seconds} s by themselves; nothing to do.",
    },
    fr: {
      title: "HD4DP demande de ralentir",
      detail: "Les envois reprennent d'eux-mêmes dans {seconds} s ; rien à faire.",
    },
    nl: {
      title: "HD4DP vraagt om te vertragen",
      detail: "De verzendingen hervatten vanzelf over {seconds} s; niets te doen.",
    },
    de: {
      title: "HD4DP bittet, langsamer zu senden",
      detail: "Die Übermittlung läuft in {seconds} s von selbst weiter; nichts zu tun.",
    },
  },
  delivery_credentials_refused: {
    en: {
      title: "HD4DP refuses the worker's credentials (HTTP {status})",
      detail:
        "Hospital IT: check REGISTRY_CLIENT_ID, REGISTRY_CLIENT_SECRET and REGISTRY_TOKEN_URL against the client registered in HD4DP. The registrations wait, nothing is lost: they are sent within a minute of the fix.",
    },
    fr: {
      title: "HD4DP refuse les identifiants du worker (HTTP {status})",
      detail:
        "IT de l'hôpital : vérifiez REGISTRY_CLIENT_ID, REGISTRY_CLIENT_SECRET et REGISTRY_TOKEN_URL par rapport au client enregistré dans HD4DP. Les enregistrements attendent, rien n'est perdu : ils partent dans la minute qui suit la correction.",
    },
    nl: {
      title: "HD4DP weigert de inloggegevens van de worker (HTTP {status})",
      detail:
        "IT van het ziekenhuis: controleer REGISTRY_CLIENT_ID, REGISTRY_CLIENT_SECRET en REGISTRY_TOKEN_URL tegenover de client die in HD4DP geregistreerd is. De registraties wachten, er gaat niets verloren: ze vertrekken binnen een minuut na de oplossing.",
    },
    de: {
      title: "HD4DP lehnt die Zugangsdaten des Workers ab (HTTP {status})",
      detail:
        "IT des Krankenhauses: Prüfen Sie REGISTRY_CLIENT_ID, REGISTRY_CLIENT_SECRET und REGISTRY_TOKEN_URL gegen den in HD4DP registrierten Client. Die Registrierungen warten, nichts geht verloren: Sie werden innerhalb einer Minute nach der Behebung gesendet.",
    },
  },
  delivery_forbidden: {
    en: {
      title: "HD4DP refuses the worker this request (HTTP 403)",
      detail:
        "Hospital IT: give the worker's HD4DP client the right to submit to this registry, or renew the Access service token (REGISTRY_ACCESS_CLIENT_ID, REGISTRY_ACCESS_CLIENT_SECRET). The registrations wait, nothing is lost: they are sent within a minute of the fix.",
    },
    fr: {
      title: "HD4DP refuse cette requête au worker (HTTP 403)",
      detail:
        "IT de l'hôpital : donnez au client HD4DP du worker le droit d'envoyer vers ce registre, ou renouvelez le jeton de service Access (REGISTRY_ACCESS_CLIENT_ID, REGISTRY_ACCESS_CLIENT_SECRET). Les enregistrements attendent, rien n'est perdu : ils partent dans la minute qui suit la correction.",
    },
    nl: {
      title: "HD4DP weigert de worker dit verzoek (HTTP 403)",
      detail:
        "IT van het ziekenhuis: geef de HD4DP-client van de worker het recht om naar dit register te versturen, of vernieuw het Access-servicetoken (REGISTRY_ACCESS_CLIENT_ID, REGISTRY_ACCESS_CLIENT_SECRET). De registraties wachten, er gaat niets verloren: ze vertrekken binnen een minuut na de oplossing.",
    },
    de: {
      title: "HD4DP verweigert dem Worker diese Anfrage (HTTP 403)",
      detail:
        "IT des Krankenhauses: Geben Sie dem HD4DP-Client des Workers das Recht, an dieses Register zu senden, oder erneuern Sie das Access-Service-Token (REGISTRY_ACCESS_CLIENT_ID, REGISTRY_ACCESS_CLIENT_SECRET). Die Registrierungen warten, nichts geht verloren: Sie werden innerhalb einer Minute nach der Behebung gesendet.",
    },
  },
  delivery_api_not_found: {
    en: {
      title: "HD4DP's API was not found (HTTP {status})",
      detail:
        "Hospital IT: REGISTRY_URL must be the base URL of HD4DP's S2S API, ending in /proxy (REGISTRY_TOKEN_URL: its token endpoint). The registrations wait, nothing is lost: they are sent within a minute of the fix.",
    },
    fr: {
      title: "L'API de HD4DP est introuvable (HTTP {status})",
      detail:
        "IT de l'hôpital : REGISTRY_URL doit être l'URL de base de l'API S2S de HD4DP, terminée par /proxy (REGISTRY_TOKEN_URL : son point de jeton). Les enregistrements attendent, rien n'est perdu : ils partent dans la minute qui suit la correction.",
    },
    nl: {
      title: "De API van HD4DP werd niet gevonden (HTTP {status})",
      detail:
        "IT van het ziekenhuis: REGISTRY_URL moet de basis-URL van de S2S-API van HD4DP zijn, eindigend op /proxy (REGISTRY_TOKEN_URL: het token-eindpunt). De registraties wachten, er gaat niets verloren: ze vertrekken binnen een minuut na de oplossing.",
    },
    de: {
      title: "Die API von HD4DP wurde nicht gefunden (HTTP {status})",
      detail:
        "IT des Krankenhauses: REGISTRY_URL muss die Basis-URL der S2S-API von HD4DP sein und auf /proxy enden (REGISTRY_TOKEN_URL: ihr Token-Endpunkt). Die Registrierungen warten, nichts geht verloren: Sie werden innerhalb einer Minute nach der Behebung gesendet.",
    },
  },
  delivery_redirected: {
    en: {
      title: "HD4DP redirected the worker to {location}",
      detail:
        "The worker never follows a redirect with patient data. Hospital IT: set REGISTRY_URL and REGISTRY_TOKEN_URL to the address HD4DP answers at directly. The registrations wait, nothing is lost: they are sent within a minute of the fix.",
    },
    fr: {
      title: "HD4DP a redirigé le worker vers {location}",
      detail:
        "Le worker ne suit jamais une redirection avec des données de patient. IT de l'hôpital : mettez dans REGISTRY_URL et REGISTRY_TOKEN_URL l'adresse à laquelle HD4DP répond directement. Les enregistrements attendent, rien n'est perdu : ils partent dans la minute qui suit la correction.",
    },
    nl: {
      title: "HD4DP stuurde de worker door naar {location}",
      detail:
        "De worker volgt nooit een doorverwijzing met patiëntgegevens. IT van het ziekenhuis: zet in REGISTRY_URL en REGISTRY_TOKEN_URL het adres waarop HD4DP rechtstreeks antwoordt. De registraties wachten, er gaat niets verloren: ze vertrekken binnen een minuut na de oplossing.",
    },
    de: {
      title: "HD4DP hat den Worker nach {location} umgeleitet",
      detail:
        "Der Worker folgt nie einer Umleitung mit Patientendaten. IT des Krankenhauses: Tragen Sie in REGISTRY_URL und REGISTRY_TOKEN_URL die Adresse ein, unter der HD4DP direkt antwortet. Die Registrierungen warten, nichts geht verloren: Sie werden innerhalb einer Minute nach der Behebung gesendet.",
    },
  },
  delivery_reply_unreadable: {
    en: {
      title: "HD4DP's reply could not be read (HTTP {status})",
      detail:
        "Something answers in HD4DP's place (a login page, a proxy), or its contract changed. Hospital IT: check REGISTRY_URL and what sits in front of HD4DP. Retrying is safe: nothing is registered twice. The registrations wait, nothing is lost: they are sent within a minute of the fix.",
    },
    fr: {
      title: "La réponse de HD4DP est illisible (HTTP {status})",
      detail:
        "Quelque chose répond à la place de HD4DP (une page de connexion, un proxy), ou son contrat a changé. IT de l'hôpital : vérifiez REGISTRY_URL et ce qui se trouve devant HD4DP. Réessayer est sûr : rien n'est enregistré deux fois. Les enregistrements attendent, rien n'est perdu : ils partent dans la minute qui suit la correction.",
    },
    nl: {
      title: "Het antwoord van HD4DP is onleesbaar (HTTP {status})",
      detail:
        "Iets antwoordt in de plaats van HD4DP (een aanmeldpagina, een proxy), of het contract is gewijzigd. IT van het ziekenhuis: controleer REGISTRY_URL en wat er vóór HD4DP staat. Opnieuw proberen is veilig: niets wordt twee keer geregistreerd. De registraties wachten, er gaat niets verloren: ze vertrekken binnen een minuut na de oplossing.",
    },
    de: {
      title: "Die Antwort von HD4DP ist unlesbar (HTTP {status})",
      detail:
        "Etwas antwortet anstelle von HD4DP (eine Anmeldeseite, ein Proxy), oder der Vertrag hat sich geändert. IT des Krankenhauses: Prüfen Sie REGISTRY_URL und was vor HD4DP steht. Wiederholen ist sicher: Nichts wird doppelt registriert. Die Registrierungen warten, nichts geht verloren: Sie werden innerhalb einer Minute nach der Behebung gesendet.",
    },
  },
  delivery_empty_business_key: {
    en: {
      title: "HD4DP accepted a submission without a business key",
      detail:
        "Not counted as sent: without its business key it could never be corrected. Hospital IT: report it to HD4DP's support. The registrations wait, nothing is lost: they are sent within a minute of the fix.",
    },
    fr: {
      title: "HD4DP a accepté un envoi sans clé métier",
      detail:
        "Pas compté comme envoyé : sans sa clé métier, il ne pourrait jamais être corrigé. IT de l'hôpital : signalez-le au support de HD4DP. Les enregistrements attendent, rien n'est perdu : ils partent dans la minute qui suit la correction.",
    },
    nl: {
      title: "HD4DP aanvaardde een verzending zonder business key",
      detail:
        "Niet als verzonden geteld: zonder business key kan ze nooit verbeterd worden. IT van het ziekenhuis: meld het aan de support van HD4DP. De registraties wachten, er gaat niets verloren: ze vertrekken binnen een minuut na de oplossing.",
    },
    de: {
      title: "HD4DP hat eine Übermittlung ohne Business Key angenommen",
      detail:
        "Nicht als gesendet gezählt: Ohne Business Key könnte sie nie korrigiert werden. IT des Krankenhauses: Melden Sie es dem Support von HD4DP. Die Registrierungen warten, nichts geht verloren: Sie werden innerhalb einer Minute nach der Behebung gesendet.",
    },
  },
  delivery_registry_refused: {
    en: {
      title: "HD4DP refused the request (HTTP {status})",
      detail:
        "Not a rejection of the record itself. Hospital IT: check the worker's HD4DP settings (REGISTRY_URL, REGISTRY_ORGANIZATION_ID) and HD4DP's logs. The registrations wait, nothing is lost: they are sent within a minute of the fix.",
    },
    fr: {
      title: "HD4DP a refusé la requête (HTTP {status})",
      detail:
        "Ce n'est pas un rejet du dossier lui-même. IT de l'hôpital : vérifiez la configuration HD4DP du worker (REGISTRY_URL, REGISTRY_ORGANIZATION_ID) et les journaux de HD4DP. Les enregistrements attendent, rien n'est perdu : ils partent dans la minute qui suit la correction.",
    },
    nl: {
      title: "HD4DP weigerde het verzoek (HTTP {status})",
      detail:
        "Geen weigering van het record zelf. IT van het ziekenhuis: controleer de HD4DP-instellingen van de worker (REGISTRY_URL, REGISTRY_ORGANIZATION_ID) en de logs van HD4DP. De registraties wachten, er gaat niets verloren: ze vertrekken binnen een minuut na de oplossing.",
    },
    de: {
      title: "HD4DP hat die Anfrage abgelehnt (HTTP {status})",
      detail:
        "Keine Ablehnung des Datensatzes selbst. IT des Krankenhauses: Prüfen Sie die HD4DP-Einstellungen des Workers (REGISTRY_URL, REGISTRY_ORGANIZATION_ID) und die Protokolle von HD4DP. Die Registrierungen warten, nichts geht verloren: Sie werden innerhalb einer Minute nach der Behebung gesendet.",
    },
  },
  delivery_registry_dns: {
    en: {
      title: "HD4DP's host name could not be resolved",
      detail:
        "Hospital IT: check the host name in REGISTRY_URL and REGISTRY_TOKEN_URL, and the DNS or tunnel that publishes HD4DP. The registrations wait, nothing is lost: they are sent within a minute of the fix.",
    },
    fr: {
      title: "Le nom d'hôte de HD4DP est introuvable",
      detail:
        "IT de l'hôpital : vérifiez le nom d'hôte dans REGISTRY_URL et REGISTRY_TOKEN_URL, et le DNS ou le tunnel qui publie HD4DP. Les enregistrements attendent, rien n'est perdu : ils partent dans la minute qui suit la correction.",
    },
    nl: {
      title: "De hostnaam van HD4DP kon niet worden opgezocht",
      detail:
        "IT van het ziekenhuis: controleer de hostnaam in REGISTRY_URL en REGISTRY_TOKEN_URL, en de DNS of tunnel die HD4DP publiceert. De registraties wachten, er gaat niets verloren: ze vertrekken binnen een minuut na de oplossing.",
    },
    de: {
      title: "Der Hostname von HD4DP konnte nicht aufgelöst werden",
      detail:
        "IT des Krankenhauses: Prüfen Sie den Hostnamen in REGISTRY_URL und REGISTRY_TOKEN_URL sowie das DNS oder den Tunnel, der HD4DP veröffentlicht. Die Registrierungen warten, nichts geht verloren: Sie werden innerhalb einer Minute nach der Behebung gesendet.",
    },
  },
  delivery_registry_tls: {
    en: {
      title: "The secure connection to HD4DP failed",
      detail:
        "Hospital IT: check HD4DP's TLS certificate (valid, trusted, issued for the host in REGISTRY_URL). The registrations wait, nothing is lost: they are sent within a minute of the fix.",
    },
    fr: {
      title: "La connexion sécurisée à HD4DP a échoué",
      detail:
        "IT de l'hôpital : vérifiez le certificat TLS de HD4DP (valide, reconnu, émis pour l'hôte de REGISTRY_URL). Les enregistrements attendent, rien n'est perdu : ils partent dans la minute qui suit la correction.",
    },
    nl: {
      title: "De beveiligde verbinding met HD4DP mislukte",
      detail:
        "IT van het ziekenhuis: controleer het TLS-certificaat van HD4DP (geldig, vertrouwd, uitgegeven voor de host in REGISTRY_URL). De registraties wachten, er gaat niets verloren: ze vertrekken binnen een minuut na de oplossing.",
    },
    de: {
      title: "Die sichere Verbindung zu HD4DP ist fehlgeschlagen",
      detail:
        "IT des Krankenhauses: Prüfen Sie das TLS-Zertifikat von HD4DP (gültig, vertrauenswürdig, für den Host in REGISTRY_URL ausgestellt). Die Registrierungen warten, nichts geht verloren: Sie werden innerhalb einer Minute nach der Behebung gesendet.",
    },
  },
  delivery_organization_unknown: {
    en: {
      title: "The hospital's organization in HD4DP is not known ({count} listed)",
      detail:
        "Hospital IT: set REGISTRY_ORGANIZATION_ID to the hospital's organization id in HD4DP (GET /api/organizations lists them). The registrations wait, nothing is lost: they are sent within a minute of the fix.",
    },
    fr: {
      title: "L'organisation de l'hôpital dans HD4DP est inconnue ({count} listées)",
      detail:
        "IT de l'hôpital : mettez dans REGISTRY_ORGANIZATION_ID l'identifiant de l'organisation de l'hôpital dans HD4DP (GET /api/organizations les liste). Les enregistrements attendent, rien n'est perdu : ils partent dans la minute qui suit la correction.",
    },
    nl: {
      title: "De organisatie van het ziekenhuis in HD4DP is onbekend ({count} vermeld)",
      detail:
        "IT van het ziekenhuis: zet in REGISTRY_ORGANIZATION_ID het organisatie-id van het ziekenhuis in HD4DP (GET /api/organizations geeft ze). De registraties wachten, er gaat niets verloren: ze vertrekken binnen een minuut na de oplossing.",
    },
    de: {
      title: "Die Organisation des Krankenhauses in HD4DP ist unbekannt ({count} aufgeführt)",
      detail:
        "IT des Krankenhauses: Tragen Sie in REGISTRY_ORGANIZATION_ID die Organisations-ID des Krankenhauses in HD4DP ein (GET /api/organizations listet sie). Die Registrierungen warten, nichts geht verloren: Sie werden innerhalb einer Minute nach der Behebung gesendet.",
    },
  },
  delivery_registry_rejected: {
    en: {
      title: "HD4DP rejected the registration",
      detail:
        "Fields concerned: {fields}. Correct the registration and register it again; HD4DP's own message is in registryMessage.",
    },
    fr: {
      title: "HD4DP a rejeté l'enregistrement",
      detail:
        "Champs concernés : {fields}. Corrigez l'enregistrement et enregistrez-le à nouveau ; le message de HD4DP est dans registryMessage.",
    },
    nl: {
      title: "HD4DP weigerde de registratie",
      detail:
        "Betrokken velden: {fields}. Verbeter de registratie en registreer opnieuw; het bericht van HD4DP staat in registryMessage.",
    },
    de: {
      title: "HD4DP hat die Registrierung abgelehnt",
      detail:
        "Betroffene Felder: {fields}. Korrigieren Sie die Registrierung und registrieren Sie sie erneut; die Meldung von HD4DP steht in registryMessage.",
    },
  },
  delivery_dcd_unavailable: {
    en: {
      title: "The DCD {dcd} {version} is not configured",
      detail:
        "The registration waits, nothing is lost. Hospital IT: put the file of {dcd} {version} back in the DCD folder and in DCDS, then deploy (docs/deploy.md, “Putting the official DCD in place”); it is sent within a minute.",
    },
    fr: {
      title: "Le DCD {dcd} {version} n'est pas configuré",
      detail:
        "L'enregistrement attend, rien n'est perdu. IT de l'hôpital : remettez le fichier de {dcd} {version} dans le dossier des DCD et dans DCDS, puis déployez (docs/deploy.md) ; il part dans la minute.",
    },
    nl: {
      title: "De DCD {dcd} {version} is niet geconfigureerd",
      detail:
        "De registratie wacht, er gaat niets verloren. IT van het ziekenhuis: zet het bestand van {dcd} {version} terug in de DCD-map en in DCDS en deploy (docs/deploy.md); ze vertrekt binnen een minuut.",
    },
    de: {
      title: "Das DCD {dcd} {version} ist nicht konfiguriert",
      detail:
        "Die Registrierung wartet, nichts geht verloren. IT des Krankenhauses: Legen Sie die Datei von {dcd} {version} zurück in den DCD-Ordner und in DCDS und deployen Sie (docs/deploy.md); sie wird innerhalb einer Minute gesendet.",
    },
  },
  delivery_dcd_not_relayable: {
    en: {
      title: "The DCD {dcd} {version} cannot be relayed to HD4DP",
      detail: "The registration waits, nothing is lost. Hospital IT: {problem}. Fix: {fix}",
    },
    fr: {
      title: "Le DCD {dcd} {version} ne peut pas être relayé vers HD4DP",
      detail:
        "L'enregistrement attend, rien n'est perdu. IT de l'hôpital : {problem}. Correction : {fix}",
    },
    nl: {
      title: "De DCD {dcd} {version} kan niet naar HD4DP worden doorgestuurd",
      detail:
        "De registratie wacht, er gaat niets verloren. IT van het ziekenhuis: {problem}. Oplossing: {fix}",
    },
    de: {
      title: "Das DCD {dcd} {version} kann nicht an HD4DP weitergeleitet werden",
      detail:
        "Die Registrierung wartet, nichts geht verloren. IT des Krankenhauses: {problem}. Behebung: {fix}",
    },
  },
  delivery_key_missing: {
    en: {
      title: "The encryption key {keyId} is not configured",
      detail:
        "The registration waits, sealed with a key the worker no longer has. Hospital IT: add {keyId} back to ENCRYPTION_KEYS, after the current key (docs/deploy.md, “Rotating the encryption key”).",
    },
    fr: {
      title: "La clé de chiffrement {keyId} n'est pas configurée",
      detail:
        "L'enregistrement attend, scellé avec une clé que le worker n'a plus. IT de l'hôpital : remettez {keyId} dans ENCRYPTION_KEYS, après la clé actuelle (docs/deploy.md).",
    },
    nl: {
      title: "De encryptiesleutel {keyId} is niet geconfigureerd",
      detail:
        "De registratie wacht, verzegeld met een sleutel die de worker niet meer heeft. IT van het ziekenhuis: zet {keyId} terug in ENCRYPTION_KEYS, na de huidige sleutel (docs/deploy.md).",
    },
    de: {
      title: "Der Schlüssel {keyId} ist nicht konfiguriert",
      detail:
        "Die Registrierung wartet, versiegelt mit einem Schlüssel, den der Worker nicht mehr hat. IT des Krankenhauses: Fügen Sie {keyId} wieder in ENCRYPTION_KEYS ein, nach dem aktuellen Schlüssel (docs/deploy.md).",
    },
  },
  delivery_record_missing: {
    en: { title: "The stored record is missing", detail: "Register it again." },
    fr: { title: "Le dossier enregistré est manquant", detail: "Enregistrez-le à nouveau." },
    nl: { title: "Het opgeslagen record ontbreekt", detail: "Registreer het opnieuw." },
    de: { title: "Der gespeicherte Datensatz fehlt", detail: "Registrieren Sie ihn erneut." },
  },
} satisfies Record<string, Record<Locale, MessageText>>;

export type MessageCode = keyof typeof MESSAGES;

/** The message `code` in `locale`, its placeholders and plurals filled from `params`. */
export function formatMessage(code: MessageCode, locale: Locale, params: MessageParams = {}) {
  const text: MessageText = MESSAGES[code][locale];
  return {
    title: fill(text.title, locale, params),
    detail: fill(text.detail, locale, params),
  };
}
