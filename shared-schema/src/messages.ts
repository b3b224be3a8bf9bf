import type { Translations } from "./dcd.ts";
import { t } from "./translations.ts";

/**
 * Messages of the checks every DCD gets from its field types and formats. Rule messages live
 * with the rules in the DCD. Each says which field ({field}), what is wrong and how to fix it.
 */
export const MESSAGES = {
  required: t(
    "{field} est obligatoire : complétez-le.",
    "{field} is verplicht: vul het in.",
    "{field} ist ein Pflichtfeld: bitte ausfüllen.",
    "{field} is required: fill it in.",
  ),
  unknown_field: t(
    "Le champ {name} n'existe pas dans {dcd} : retirez-le ou corrigez son nom.",
    "Het veld {name} bestaat niet in {dcd}: verwijder het of verbeter de naam.",
    "Das Feld {name} gibt es in {dcd} nicht: entfernen Sie es oder korrigieren Sie den Namen.",
    "The field {name} does not exist in {dcd}: remove it or correct its name.",
  ),
  invalid_type: t(
    "{field} doit être {expected}.",
    "{field} moet {expected} zijn.",
    "{field} muss {expected} sein.",
    "{field} must be {expected}.",
  ),
  too_long: t(
    "{field} dépasse {max} caractères : raccourcissez-le.",
    "{field} is langer dan {max} tekens: maak het korter.",
    "{field} ist länger als {max} Zeichen: bitte kürzen.",
    "{field} is longer than {max} characters: shorten it.",
  ),
  out_of_range: t(
    "{field} doit être compris entre {min} et {max}.",
    "{field} moet tussen {min} en {max} liggen.",
    "{field} muss zwischen {min} und {max} liegen.",
    "{field} must be between {min} and {max}.",
  ),
  invalid_date: t(
    "{field} n'est pas une date valide : utilisez AAAA-MM-JJ (jj/mm/aaaa dans un CSV).",
    "{field} is geen geldige datum: gebruik JJJJ-MM-DD (dd/mm/jjjj in een CSV).",
    "{field} ist kein gültiges Datum: verwenden Sie JJJJ-MM-TT (tt/mm/jjjj in einer CSV).",
    "{field} is not a valid date: use YYYY-MM-DD (dd/mm/yyyy in a CSV).",
  ),
  // No message quotes the value itself: a misread EHR field can put a NISS or a name in any
  // field, and messages travel in API error bodies and logs of other systems.
  invalid_code: t(
    "{field} : cette valeur n'est pas dans la liste : choisissez-en une.",
    "{field}: deze waarde staat niet in de lijst: kies er een.",
    "{field}: dieser Wert steht nicht in der Liste: wählen Sie einen.",
    "{field}: this value is not in the list: choose one.",
  ),
  invalid_postcode: t(
    "{field} n'est pas un code postal belge (1000 à 9992), ni 9999 (ne vit pas en Belgique) ni 999 (inconnu).",
    "{field} is geen Belgische postcode (1000 tot 9992), noch 9999 (woont niet in België) noch 999 (onbekend).",
    "{field} ist keine belgische Postleitzahl (1000 bis 9992), weder 9999 (wohnt nicht in Belgien) noch 999 (unbekannt).",
    "{field} is not a Belgian postcode (1000 to 9992), nor 9999 (not living in Belgium) nor 999 (unknown).",
  ),
  invalid_nomenclature: t(
    "{field} : un code n'est pas un code de nomenclature valide (6 chiffres, le dernier étant le chiffre de contrôle) : vérifiez-le sur la facture.",
    "{field}: een code is geen geldige nomenclatuurcode (6 cijfers, het laatste is het controlecijfer): controleer hem op de factuur.",
    "{field}: ein Code ist kein gültiger Nomenklaturcode (6 Ziffern, die letzte ist die Prüfziffer): prüfen Sie ihn auf der Rechnung.",
    "{field}: a code is not a valid nomenclature code (6 digits, the last one a check digit): check it on the bill.",
  ),
  duplicate_value: t(
    "{field} : une valeur est présente deux fois : gardez-en une.",
    "{field}: een waarde staat er twee keer in: hou er één.",
    "{field}: ein Wert kommt zweimal vor: behalten Sie einen.",
    "{field}: a value appears twice: keep one.",
  ),
  exclusive_value: t(
    "{field} : « {label} » exclut toute autre valeur : retirez-la ou retirez les autres.",
    "{field}: '{label}' sluit elke andere waarde uit: verwijder het of verwijder de andere.",
    "{field}: „{label}“ schließt jeden anderen Wert aus: entfernen Sie ihn oder die anderen.",
    '{field}: "{label}" excludes every other value: remove it or remove the others.',
  ),
  too_few_items: t(
    "{field} : au moins {min, plural, one {# entrée} other {# entrées}} : ajoutez-en.",
    "{field}: minstens {min, plural, one {# invoer} other {# invoeren}}: voeg er toe.",
    "{field}: mindestens {min, plural, one {# Eintrag} other {# Einträge}}: fügen Sie welche hinzu.",
    "{field}: at least {min, plural, one {# entry} other {# entries}} needed: add one.",
  ),
  too_many_items: t(
    "{field} : au plus {max} entrées : retirez-en.",
    "{field}: hoogstens {max} invoeren: verwijder er.",
    "{field}: höchstens {max} Einträge: entfernen Sie welche.",
    "{field}: at most {max} entries: remove some.",
  ),
  too_many_values: t(
    "{field} : au plus {max} valeurs : retirez-en.",
    "{field}: hoogstens {max} waarden: verwijder er.",
    "{field}: höchstens {max} Werte: entfernen Sie welche.",
    "{field}: at most {max} values: remove some.",
  ),
  not_relevant: t(
    "{field} n'est pas demandé vu les autres réponses : videz-le, ou changez la réponse qui l'exclut.",
    "{field} wordt niet gevraagd gezien de andere antwoorden: maak het leeg, of wijzig het antwoord dat het uitsluit.",
    "{field} wird angesichts der anderen Antworten nicht abgefragt: leeren Sie es oder ändern Sie die Antwort, die es ausschließt.",
    "{field} is not asked given the other answers: empty it, or change the answer that excludes it.",
  ),
  not_in_filtered_choices: t(
    "{field} : cette valeur n'est pas proposée vu les autres réponses : choisissez-en une de la liste affichée.",
    "{field}: deze waarde wordt niet aangeboden gezien de andere antwoorden: kies er een uit de getoonde lijst.",
    "{field}: dieser Wert wird angesichts der anderen Antworten nicht angeboten: wählen Sie einen aus der angezeigten Liste.",
    "{field}: this value is not offered given the other answers: choose one of the list shown.",
  ),
  invalid_time: t(
    "{field} n'est pas une heure valide : utilisez HH:MM (24 h).",
    "{field} is geen geldig tijdstip: gebruik UU:MM (24 u).",
    "{field} ist keine gültige Uhrzeit: verwenden Sie HH:MM (24 Std.).",
    "{field} is not a valid time: use HH:MM (24-hour clock).",
  ),
  invalid_datetime: t(
    "{field} n'est pas une date et heure valide : utilisez AAAA-MM-JJTHH:MM (jj/mm/aaaa hh:mm dans un CSV).",
    "{field} is geen geldige datum en tijd: gebruik JJJJ-MM-DDTUU:MM (dd/mm/jjjj uu:mm in een CSV).",
    "{field} ist kein gültiges Datum mit Uhrzeit: verwenden Sie JJJJ-MM-TTTHH:MM (tt/mm/jjjj hh:mm in einer CSV).",
    "{field} is not a valid date and time: use YYYY-MM-DDTHH:MM (dd/mm/yyyy hh:mm in a CSV).",
  ),
  invalid_email: t(
    "{field} n'est pas une adresse e-mail valide (nom@domaine.be).",
    "{field} is geen geldig e-mailadres (naam@domein.be).",
    "{field} ist keine gültige E-Mail-Adresse (name@domain.be).",
    "{field} is not a valid e-mail address (name@domain.be).",
  ),
  niss_format: t(
    "{field} doit compter 11 chiffres (p. ex. 85.04.02-169.32 ou 85040216932).",
    "{field} moet 11 cijfers tellen (bv. 85.04.02-169.32 of 85040216932).",
    "{field} muss 11 Ziffern haben (z. B. 85.04.02-169.32 oder 85040216932).",
    "{field} must have 11 digits (e.g. 85.04.02-169.32 or 85040216932).",
  ),
  niss_checksum: t(
    "{field} : les chiffres de contrôle sont faux : recopiez le numéro depuis la carte d'identité ou la vignette.",
    "{field}: de controlecijfers kloppen niet: neem het nummer over van de identiteitskaart of het klevertje.",
    "{field}: die Prüfziffern stimmen nicht: übernehmen Sie die Nummer vom Personalausweis oder der Vignette.",
    "{field}: the check digits are wrong: copy the number from the identity card or the sticker.",
  ),
  niss_date: t(
    "{field} contient une date de naissance impossible : vérifiez les six premiers chiffres.",
    "{field} bevat een onmogelijke geboortedatum: controleer de eerste zes cijfers.",
    "{field} enthält ein unmögliches Geburtsdatum: prüfen Sie die ersten sechs Ziffern.",
    "{field} holds an impossible birth date: check the first six digits.",
  ),
  nihii_format: t(
    "{field} doit compter 11 chiffres (numéro INAMI complet avec la qualification).",
    "{field} moet 11 cijfers tellen (volledig RIZIV-nummer met kwalificatie).",
    "{field} muss 11 Ziffern haben (vollständige LIKIV-Nummer mit Qualifikation).",
    "{field} must have 11 digits (the full NIHII number with its qualification).",
  ),
  nihii_checksum: t(
    "{field} : les chiffres de contrôle sont faux : vérifiez le numéro INAMI.",
    "{field}: de controlecijfers kloppen niet: controleer het RIZIV-nummer.",
    "{field}: die Prüfziffern stimmen nicht: prüfen Sie die LIKIV-Nummer.",
    "{field}: the check digits are wrong: check the NIHII number.",
  ),
  nihii_profession: t(
    "{field} n'est pas un numéro de médecin (il doit commencer par 1).",
    "{field} is geen artsennummer (het moet met 1 beginnen).",
    "{field} ist keine Arztnummer (sie muss mit 1 beginnen).",
    "{field} is not a physician's number (it must start with 1).",
  ),
} satisfies Record<string, Translations>;

export type MessageCode = keyof typeof MESSAGES;

/** Names of the expected types, for `invalid_type`. */
export const TYPE_NAMES = {
  text: t("un texte", "een tekst", "ein Text", "a text"),
  date: t(
    "une date (AAAA-MM-JJ)",
    "een datum (JJJJ-MM-DD)",
    "ein Datum (JJJJ-MM-TT)",
    "a date (YYYY-MM-DD)",
  ),
  time: t("une heure (HH:MM)", "een tijdstip (UU:MM)", "eine Uhrzeit (HH:MM)", "a time (HH:MM)"),
  datetime: t(
    "une date et heure (AAAA-MM-JJTHH:MM)",
    "een datum en tijd (JJJJ-MM-DDTUU:MM)",
    "ein Datum mit Uhrzeit (JJJJ-MM-TTTHH:MM)",
    "a date and time (YYYY-MM-DDTHH:MM)",
  ),
  integer: t("un nombre entier", "een geheel getal", "eine ganze Zahl", "a whole number"),
  decimal: t("un nombre", "een getal", "eine Zahl", "a number"),
  note: t(
    "rien (texte affiché)",
    "niets (getoonde tekst)",
    "nichts (angezeigter Text)",
    "nothing (a text shown)",
  ),
  calculate: t(
    "une valeur calculée",
    "een berekende waarde",
    "ein berechneter Wert",
    "a computed value",
  ),
  code: t(
    "un code de la liste",
    "een code uit de lijst",
    "ein Code der Liste",
    "a code of the list",
  ),
  multi: t("une liste de codes", "een lijst van codes", "eine Liste von Codes", "a list of codes"),
  bool: t("vrai ou faux", "waar of onwaar", "wahr oder falsch", "true or false"),
  repeat: t(
    "une liste d'entrées",
    "een lijst van invoeren",
    "eine Liste von Einträgen",
    "a list of entries",
  ),
  record: t("un objet JSON", "een JSON-object", "ein JSON-Objekt", "a JSON object"),
} satisfies Record<string, Translations>;
