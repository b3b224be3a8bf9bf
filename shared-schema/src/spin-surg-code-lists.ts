import type { CodeItem, CodeList, Translations } from "./dcd.ts";
import { same, t } from "./translations.ts";

// Code lists of SPIN_SURG 0.1.0 (shared/spec/dcd-spin-surg.md). Values are the registry's
// code values; labels are shown to the surgeon in the language of the UI.

function item(value: string, label: Translations, exclusive?: boolean): CodeItem {
  return exclusive ? { value, label, exclusive } : { value, label };
}

const YES = t("Oui", "Ja", "Ja", "Yes");
const NO = t("Non", "Nee", "Nein", "No");
const OTHER = t("Autre", "Andere", "Andere", "Other");

const LEVELS = [
  ...Array.from({ length: 8 }, (_, i) => `C${i}`),
  ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `L${i + 1}`),
  "S1",
  "S2",
];

export const SPIN_SURG_CODE_LISTS: CodeList[] = [
  {
    name: "SEX",
    items: [
      item("248153007", t("Masculin", "Mannelijk", "Männlich", "Male")),
      item("248152002", t("Féminin", "Vrouwelijk", "Weiblich", "Female")),
      item("32570681000036106", t("Indéterminé", "Onbepaald", "Unbestimmt", "Indeterminate")),
      item("261665006", t("Inconnu", "Onbekend", "Unbekannt", "Unknown")),
    ],
  },
  {
    name: "RESIDENCE",
    format: "be-postcode",
    items: [
      item(
        "9999",
        t(
          "Ne vit pas en Belgique",
          "Woont niet in België",
          "Wohnt nicht in Belgien",
          "Not living in Belgium",
        ),
      ),
      item("999", t("Donnée manquante", "Ontbrekend gegeven", "Fehlende Angabe", "Missing data")),
    ],
  },
  { name: "NOMENCLATURE", format: "nomenclature", items: [] },
  {
    name: "URGENCY",
    items: [
      item("1", t("Programmée", "Gepland", "Geplant", "Elective")),
      item(
        "2",
        t("Urgente (< 24 h)", "Dringend (< 24 u)", "Dringend (< 24 Std.)", "Urgent (< 24 h)"),
      ),
    ],
  },
  {
    name: "MDT",
    items: [
      item("1", YES),
      item("2", NO),
      item(
        "3",
        t(
          "Non applicable (urgence)",
          "Niet van toepassing (dringend)",
          "Nicht zutreffend (Notfall)",
          "Not applicable (urgent)",
        ),
      ),
    ],
  },
  {
    name: "PATHOLOGY",
    items: [
      item("1", t("Hernie discale", "Discushernia", "Bandscheibenvorfall", "Disc herniation")),
      item("2", t("Sténose spinale", "Spinale stenose", "Spinalkanalstenose", "Spinal stenosis")),
      item(
        "3",
        t(
          "Spondylolisthésis dégénératif",
          "Degeneratieve spondylolisthesis",
          "Degenerative Spondylolisthese",
          "Degenerative spondylolisthesis",
        ),
      ),
      item(
        "4",
        t(
          "Spondylolisthésis isthmique",
          "Isthmische spondylolisthesis",
          "Isthmische Spondylolisthese",
          "Isthmic spondylolisthesis",
        ),
      ),
      item(
        "5",
        t(
          "Discopathie dégénérative",
          "Degeneratieve discopathie",
          "Degenerative Bandscheibenerkrankung",
          "Degenerative disc disease",
        ),
      ),
      item("6", t("Déformation", "Deformiteit", "Deformität", "Deformity")),
      item(
        "7",
        t("Fracture / traumatisme", "Fractuur / trauma", "Fraktur / Trauma", "Fracture / trauma"),
      ),
      item("8", t("Tumeur", "Tumor", "Tumor", "Tumour")),
      item("9", t("Infection", "Infectie", "Infektion", "Infection")),
      item(
        "10",
        t(
          "Échec chirurgical / révision",
          "Gefaalde chirurgie / revisie",
          "Fehlgeschlagene Operation / Revision",
          "Failed surgery / revision",
        ),
      ),
      item("99", OTHER),
    ],
  },
  { name: "LEVEL", items: LEVELS.map((level) => item(level, same(level))) },
  { name: "YN", items: [item("1", YES), item("0", NO)] },
  {
    name: "ASA",
    items: ["I", "II", "III", "IV", "V"].map((g, i) => item(String(i + 1), same(`ASA ${g}`))),
  },
  {
    name: "APPROACH",
    items: [
      item("1", t("Antérieure", "Anterieur", "Anterior", "Anterior")),
      item("2", t("Postérieure", "Posterieur", "Posterior", "Posterior")),
      item("3", t("Latérale", "Lateraal", "Lateral", "Lateral")),
      item(
        "4",
        t(
          "Postérolatérale / transforaminale",
          "Posterolateraal / transforaminaal",
          "Posterolateral / transforaminal",
          "Posterolateral / transforaminal",
        ),
      ),
      item("5", t("Percutanée", "Percutaan", "Perkutan", "Percutaneous")),
    ],
  },
  {
    name: "PROCEDURE",
    items: [
      item("1", t("Décompression", "Decompressie", "Dekompression", "Decompression")),
      item("2", t("Discectomie", "Discectomie", "Diskektomie", "Discectomy")),
      item(
        "3",
        t(
          "Arthrodèse intersomatique",
          "Intersomatische fusie",
          "Interkorporelle Fusion",
          "Interbody fusion",
        ),
      ),
      item(
        "4",
        t(
          "Arthrodèse postérolatérale",
          "Posterolaterale fusie",
          "Posterolaterale Fusion",
          "Posterolateral fusion",
        ),
      ),
      item(
        "5",
        t(
          "Instrumentation sans arthrodèse",
          "Instrumentatie zonder fusie",
          "Instrumentierung ohne Fusion",
          "Instrumentation without fusion",
        ),
      ),
      item(
        "6",
        t("Arthroplastie discale", "Discusprothese", "Bandscheibenprothese", "Disc arthroplasty"),
      ),
      item(
        "7",
        t(
          "Vertébroplastie / cyphoplastie",
          "Vertebroplastie / kyfoplastie",
          "Vertebroplastie / Kyphoplastie",
          "Vertebroplasty / kyphoplasty",
        ),
      ),
      item("8", t("Ostéotomie", "Osteotomie", "Osteotomie", "Osteotomy")),
      item("9", t("Résection tumorale", "Tumorresectie", "Tumorresektion", "Tumour resection")),
      item(
        "10",
        t(
          "Retrait de matériel",
          "Verwijdering van materiaal",
          "Materialentfernung",
          "Removal of instrumentation",
        ),
      ),
      item("99", OTHER),
    ],
  },
  {
    name: "TECH",
    items: [
      item("1", t("Microscope", "Microscoop", "Mikroskop", "Microscope")),
      item("2", t("Endoscope", "Endoscoop", "Endoskop", "Endoscope")),
      item("3", t("Navigation", "Navigatie", "Navigation", "Navigation")),
      item("4", t("Robot", "Robot", "Roboter", "Robot")),
      item("5", t("Neuromonitoring", "Neuromonitoring", "Neuromonitoring", "Neuromonitoring")),
    ],
  },
  {
    name: "IMPLANT",
    items: [
      item("1", t("Vis pédiculaire", "Pedikelschroef", "Pedikelschraube", "Pedicle screw")),
      item("2", t("Tige", "Staaf", "Stab", "Rod")),
      item(
        "3",
        t("Cage intersomatique", "Intersomatische kooi", "Interkorporeller Cage", "Interbody cage"),
      ),
      item("4", t("Plaque", "Plaat", "Platte", "Plate")),
      item("5", t("Prothèse discale", "Discusprothese", "Bandscheibenprothese", "Disc prosthesis")),
      item("6", t("Ciment", "Cement", "Zement", "Cement")),
      item("99", OTHER),
    ],
  },
  {
    name: "COMPL",
    items: [
      item("0", t("Aucune", "Geen", "Keine", "None"), true),
      item("1", t("Brèche durale", "Durascheur", "Duraverletzung", "Dural tear")),
      item(
        "2",
        t(
          "Lésion radiculaire",
          "Letsel van een zenuwwortel",
          "Nervenwurzelverletzung",
          "Nerve root injury",
        ),
      ),
      item("3", t("Lésion vasculaire", "Vasculair letsel", "Gefäßverletzung", "Vascular injury")),
      item("4", t("Erreur de niveau", "Verkeerd niveau", "Falsche Höhe", "Wrong level")),
      item(
        "5",
        t("Perte sanguine > 1 l", "Bloedverlies > 1 l", "Blutverlust > 1 l", "Blood loss > 1 l"),
      ),
      item("99", OTHER),
    ],
  },
];
