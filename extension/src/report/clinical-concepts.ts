import type { Locale } from "../../../shared-schema/src/dcd.ts";

/** `anatomy`: words that only keep a lookalike from matching ("end plate" is no plate). */
export type ConceptKind =
  | "pathology"
  | "procedure"
  | "approach"
  | "device"
  | "technology"
  | "anatomy";

/**
 * A clinical concept of spine surgery and how operative reports say it. It knows no
 * registry: a concept proposes a value where a DCD's code list has an item whose label
 * (in any of its languages) is one of the concept's terms, so another DCD, or a new
 * version of this one, is served by its own labels.
 */
export interface ClinicalConcept {
  id: string;
  kind: ConceptKind;
  /**
   * Per language, and `any` for all (abbreviations, brands). Written as in a report; they
   * are folded like the report. `*word`: also the end of a compound ("*diskektomie" in
   * "Mikrodiskektomie"); `…` between words: up to two words may stand there ("voie
   * d'abord postérieure"). A plural ending (-s, -e, -en, -es...) is understood.
   */
  terms: Partial<Record<Locale | "any", string[]>>;
  /**
   * Names a code list may give it besides its terms, matched against item labels only: a
   * list offers "Posterior", but "posterior" alone in a report is no approach.
   */
  labels?: string[];
  /** Concepts it entails: a TLIF is an interbody fusion through a transforaminal approach. */
  implies?: string[];
  /** Devices in its clause were taken out, not put in ("ablation des vis"). */
  removesDevices?: true;
}

export const CLINICAL_CONCEPTS: readonly ClinicalConcept[] = [
  // Pathologies
  {
    id: "disc-herniation",
    kind: "pathology",
    terms: {
      fr: ["hernie", "hernie discale", "herniaire"],
      nl: ["*hernia", "discushernia"],
      de: ["*bandscheibenvorfall", "bandscheibenprolaps", "*prolaps"],
      en: ["herniation", "disc herniation", "herniated disc"],
      any: ["hnp"],
    },
  },
  {
    id: "spinal-stenosis",
    kind: "pathology",
    terms: {
      fr: ["stenose", "stenose spinale", "stenose canalaire", "canal … etroit"],
      nl: ["*stenose", "spinale stenose"],
      de: ["*stenose"],
      en: ["stenosis", "spinal stenosis"],
    },
  },
  {
    id: "degenerative-spondylolisthesis",
    kind: "pathology",
    terms: {
      fr: [
        "spondylolisthesis degeneratif",
        "spondylolisthesis degenerative",
        "pseudo spondylolisthesis",
      ],
      nl: ["degeneratieve spondylolisthesis", "pseudospondylolisthesis"],
      de: ["degenerative spondylolisthese", "pseudospondylolisthese"],
      en: ["degenerative spondylolisthesis"],
    },
  },
  {
    id: "isthmic-spondylolisthesis",
    kind: "pathology",
    terms: {
      fr: ["spondylolisthesis isthmique", "lyse isthmique", "spondylolyse"],
      nl: ["isthmische spondylolisthesis", "spondylolyse"],
      de: ["isthmische spondylolisthese", "spondylolyse"],
      en: ["isthmic spondylolisthesis", "spondylolysis", "pars defect"],
    },
  },
  {
    id: "degenerative-disc-disease",
    kind: "pathology",
    terms: {
      fr: ["discopathie degenerative", "discopathie", "discarthrose"],
      nl: ["degeneratieve discopathie", "discopathie", "discusdegeneratie"],
      de: ["degenerative bandscheibenerkrankung", "osteochondrose", "diskopathie"],
      en: ["degenerative disc disease", "disc degeneration"],
      any: ["ddd"],
    },
  },
  {
    id: "deformity",
    kind: "pathology",
    terms: {
      fr: ["deformation", "deformite", "scoliose", "cyphose"],
      nl: ["deformiteit", "scoliose", "kyfose"],
      de: ["deformitat", "*skoliose", "kyphose"],
      en: ["deformity", "scoliosis", "kyphosis"],
    },
  },
  {
    id: "fracture",
    kind: "pathology",
    terms: {
      fr: ["fracture"],
      nl: ["*fractuur"],
      de: ["*fraktur"],
      en: ["fracture"],
    },
  },
  {
    id: "tumour",
    kind: "pathology",
    terms: {
      fr: ["tumeur", "metastase"],
      nl: ["tumor", "metastase"],
      de: ["tumor", "metastase"],
      en: ["tumour", "tumor", "metastasis", "metastases"],
    },
  },
  {
    id: "infection",
    kind: "pathology",
    terms: {
      fr: ["infection", "spondylodiscite"],
      nl: ["infectie", "spondylodiscitis"],
      de: ["infektion", "spondylodiszitis", "spondylodiscitis"],
      en: ["infection", "spondylodiscitis", "discitis"],
    },
  },
  {
    id: "failed-surgery",
    kind: "pathology",
    terms: {
      fr: ["revision", "reprise chirurgicale", "reprise operatoire", "pseudarthrose"],
      nl: ["revisie", "pseudartrose", "pseudarthrose"],
      de: ["revision", "revisionsoperation", "pseudarthrose"],
      en: ["revision", "revision surgery", "pseudarthrosis", "nonunion", "failed back surgery"],
      any: ["fbss"],
    },
  },

  // Approaches
  {
    id: "posterior-approach",
    kind: "approach",
    terms: {
      fr: ["voie … posterieure", "abord … posterieur", "approche posterieure", "interlamaire"],
      nl: ["posterieure … benadering", "posterieure … toegang", "dorsale benadering"],
      de: ["dorsal", "interlaminar"],
      en: ["posterior … approach", "posterior midline", "posterior incision", "interlaminar"],
    },
    labels: ["posterior", "posterieur"],
  },
  {
    id: "anterior-approach",
    kind: "approach",
    terms: {
      fr: ["voie … anterieure", "abord … anterieur", "approche anterieure"],
      nl: ["anterieure … benadering", "anterieure … toegang", "ventrale benadering"],
      de: ["ventral"],
      en: ["anterior … approach", "anterior cervical", "anterior retroperitoneal"],
      any: ["smith robinson"],
    },
    labels: ["anterior", "anterieur"],
  },
  {
    id: "lateral-approach",
    kind: "approach",
    terms: {
      fr: ["voie … laterale", "abord … lateral", "approche laterale"],
      nl: ["laterale … benadering", "laterale … toegang"],
      de: ["lateral … zugang"],
      en: ["lateral … approach"],
      any: ["transpsoas"],
    },
    labels: ["lateral", "lateraal"],
  },
  {
    id: "transforaminal-approach",
    kind: "approach",
    terms: {
      fr: ["transforaminal", "transforaminale", "voie … posterolaterale", "abord … posterolateral"],
      nl: ["transforaminaal", "transforaminale", "posterolaterale … benadering"],
      de: ["transforaminal", "posterolateral … zugang"],
      en: ["transforaminal", "posterolateral … approach"],
      any: ["wiltse"],
    },
    labels: ["posterolateral", "posterolateraal"],
  },
  {
    id: "percutaneous-approach",
    kind: "approach",
    terms: {
      fr: ["percutane"],
      nl: ["percutaan", "percutane"],
      de: ["perkutan"],
      en: ["percutaneous", "percutaneously"],
    },
  },
  {
    id: "minimally-invasive",
    kind: "approach",
    terms: {
      fr: ["mini invasive", "mini invasif", "minimalement invasive", "minimalement invasif"],
      nl: ["minimaal invasief", "minimaal invasieve", "mini invasieve", "mis"],
      de: ["minimalinvasiv", "minimal invasiv", "mis"],
      en: ["minimally invasive", "mis"],
    },
  },

  // Procedures
  {
    id: "decompression",
    kind: "procedure",
    terms: {
      fr: ["decompression", "recalibrage"],
      nl: ["decompressie"],
      de: ["dekompression"],
      en: ["decompression", "decompressive"],
    },
  },
  {
    id: "laminectomy",
    kind: "procedure",
    terms: {
      fr: ["*laminectomie"],
      nl: ["*laminectomie"],
      de: ["*laminektomie"],
      en: ["*laminectomy"],
    },
    implies: ["decompression", "posterior-approach"],
  },
  {
    // An access to the disc as often as a decompression: only the approach is certain.
    id: "laminotomy",
    kind: "procedure",
    terms: {
      fr: ["*laminotomie", "flavectomie"],
      nl: ["*laminotomie", "flavectomie"],
      de: ["*laminotomie", "flavektomie"],
      en: ["*laminotomy", "flavectomy"],
    },
    implies: ["posterior-approach"],
  },
  {
    id: "foraminotomy",
    kind: "procedure",
    terms: {
      fr: ["*foraminotomie"],
      nl: ["*foraminotomie"],
      de: ["*foraminotomie"],
      en: ["*foraminotomy"],
    },
    implies: ["decompression"],
  },
  {
    id: "discectomy",
    kind: "procedure",
    terms: {
      fr: ["*discectomie", "herniectomie", "exerese … hernie"],
      nl: ["*discectomie", "sequestrectomie", "hernietomie"],
      de: ["*diskektomie", "*nukleotomie", "*sequestrektomie", "bandscheibenausraumung"],
      en: ["*discectomy", "sequestrectomy", "herniectomy"],
    },
  },
  {
    // Done under the microscope by definition (Caspar, Williams).
    id: "microdiscectomy",
    kind: "procedure",
    terms: {
      fr: ["*microdiscectomie"],
      nl: ["*microdiscectomie"],
      de: ["*mikrodiskektomie"],
      en: ["*microdiscectomy"],
    },
    implies: ["discectomy", "microscope"],
  },
  {
    id: "interbody-fusion",
    kind: "procedure",
    terms: {
      fr: ["arthrodese intersomatique", "fusion intersomatique", "greffe intersomatique"],
      nl: ["intersomatische fusie", "interbody fusie"],
      de: ["interkorporelle fusion", "interkorporelle spondylodese"],
      en: ["interbody fusion"],
    },
  },
  {
    id: "tlif",
    kind: "procedure",
    terms: {
      en: ["transforaminal lumbar interbody fusion", "transforaminal interbody fusion"],
      any: ["tlif"],
    },
    implies: ["interbody-fusion", "transforaminal-approach"],
  },
  {
    id: "plif",
    kind: "procedure",
    terms: { en: ["posterior lumbar interbody fusion"], any: ["plif"] },
    implies: ["interbody-fusion", "posterior-approach"],
  },
  {
    id: "alif",
    kind: "procedure",
    terms: { en: ["anterior lumbar interbody fusion"], any: ["alif"] },
    implies: ["interbody-fusion", "anterior-approach"],
  },
  {
    id: "lateral-interbody-fusion",
    kind: "procedure",
    terms: {
      en: [
        "lateral lumbar interbody fusion",
        "extreme lateral interbody fusion",
        "oblique lateral interbody fusion",
      ],
      any: ["xlif", "llif", "dlif", "olif"],
    },
    implies: ["interbody-fusion", "lateral-approach"],
  },
  {
    id: "acdf",
    kind: "procedure",
    terms: { en: ["anterior cervical discectomy and fusion"], any: ["acdf"] },
    implies: ["discectomy", "interbody-fusion", "anterior-approach"],
  },
  {
    // A fusion of the posterior elements is done from behind.
    id: "posterolateral-fusion",
    kind: "procedure",
    terms: {
      fr: [
        "arthrodese posterolaterale",
        "arthrodese postero laterale",
        "greffe posterolaterale",
        "arthrodese posterieure",
        "greffe intertransversaire",
      ],
      nl: ["posterolaterale fusie", "posterieure fusie", "intertransversale fusie"],
      de: [
        "posterolaterale fusion",
        "posterolaterale spondylodese",
        "dorsale spondylodese",
        "dorsolaterale spondylodese",
      ],
      en: [
        "posterolateral fusion",
        "posterior spinal fusion",
        "posterior fusion",
        "intertransverse fusion",
      ],
      any: ["plf", "psf"],
    },
    implies: ["posterior-approach"],
  },
  {
    id: "instrumentation-without-fusion",
    kind: "procedure",
    terms: {
      fr: ["instrumentation sans arthrodese", "stabilisation dynamique"],
      nl: ["instrumentatie zonder fusie", "dynamische stabilisatie"],
      de: ["instrumentierung ohne fusion", "dynamische stabilisierung"],
      en: ["instrumentation without fusion", "dynamic stabilization", "dynamic stabilisation"],
      any: ["dynesys"],
    },
    implies: ["implant"],
  },
  {
    // A fracture fixed through the skin is not fused.
    id: "percutaneous-fixation",
    kind: "procedure",
    terms: {
      fr: ["osteosynthese percutanee"],
      nl: ["percutane fixatie"],
      en: ["percutaneous fixation"],
    },
    implies: ["instrumentation-without-fusion", "percutaneous-approach"],
  },
  {
    id: "disc-arthroplasty",
    kind: "procedure",
    terms: {
      fr: ["arthroplastie discale", "arthroplastie"],
      nl: ["discusarthroplastie", "discusvervanging"],
      de: ["bandscheibenendoprothetik"],
      en: ["disc arthroplasty", "disc replacement", "arthroplasty"],
      any: ["tdr"],
    },
    implies: ["disc-prosthesis"],
  },
  {
    id: "vertebral-augmentation",
    kind: "procedure",
    terms: {
      fr: ["*vertebroplastie", "*cyphoplastie", "*kyphoplastie"],
      nl: ["*vertebroplastie", "*kyfoplastie", "*kyphoplastie"],
      de: ["*vertebroplastie", "*kyphoplastie"],
      en: ["*vertebroplasty", "*kyphoplasty"],
    },
    implies: ["cement"],
  },
  {
    id: "osteotomy",
    kind: "procedure",
    terms: {
      fr: ["*osteotomie"],
      nl: ["*osteotomie"],
      de: ["*osteotomie"],
      en: ["*osteotomy"],
      any: ["pso", "spo"],
    },
  },
  {
    id: "tumour-resection",
    kind: "procedure",
    terms: {
      fr: ["resection tumorale", "exerese tumorale", "resection … tumeur", "exerese … tumeur"],
      nl: ["tumorresectie", "tumorexcisie", "resectie … tumor"],
      de: ["tumorresektion", "tumorentfernung", "tumorexstirpation"],
      en: ["tumour resection", "tumor resection", "resection … tumour", "resection … tumor"],
    },
  },
  {
    id: "implant-removal",
    kind: "procedure",
    terms: {
      fr: ["ablation … materiel", "retrait … materiel", "retrait de materiel"],
      nl: ["verwijdering … materiaal", "verwijdering … staven", "materiaalverwijdering"],
      de: ["*materialentfernung", "*metallentfernung"],
      en: [
        "removal of instrumentation",
        "hardware removal",
        "removal … hardware",
        "hardware … removed",
      ],
    },
    removesDevices: true,
  },

  // Technology
  {
    id: "microscope",
    kind: "technology",
    terms: {
      fr: ["*microscope", "microscopique"],
      nl: ["*microscoop", "microscopisch"],
      de: ["*mikroskop", "mikroskopisch", "mikrochirurgisch"],
      en: ["microscope", "microscopic", "microscopically"],
    },
  },
  {
    id: "endoscope",
    kind: "technology",
    terms: {
      fr: ["endoscope", "*endoscopique"],
      nl: ["endoscoop", "*endoscopisch"],
      de: ["endoskop", "*endoskopisch"],
      en: ["endoscope", "*endoscopic"],
    },
  },
  {
    id: "navigation",
    kind: "technology",
    terms: {
      fr: ["*navigation", "navigue", "naviguee"],
      nl: ["*navigatie", "genavigeerd"],
      de: ["*navigation", "navigiert"],
      en: ["*navigation", "navigated"],
      any: ["stealthstation"],
    },
  },
  {
    id: "robot",
    kind: "technology",
    terms: {
      fr: ["robot", "robotique", "robotise"],
      nl: ["robot", "robotgeassisteerd", "robotgestuurd"],
      de: ["roboter", "roboterassistiert", "robotergestutzt"],
      en: ["robot", "robotic", "robotically"],
      any: ["mazor", "excelsiusgps", "cirq"],
    },
  },
  {
    id: "neuromonitoring",
    kind: "technology",
    terms: {
      fr: [
        "monitorage … neurophysiologique",
        "monitoring neurophysiologique",
        "potentiels evoques",
      ],
      en: ["neurophysiological monitoring"],
      any: ["*neuromonitoring", "ionm"],
    },
  },

  // Devices
  {
    id: "pedicle-screw",
    kind: "device",
    terms: {
      fr: ["vis … pediculaire", "vissage pediculaire", "vis transpediculaire"],
      nl: ["*pedikelschroef", "*pedikelschroeven", "transpediculaire schroeven"],
      de: ["*pedikelschraube", "transpedikulare schrauben"],
      en: ["pedicle screw", "transpedicular screw"],
    },
  },
  {
    id: "rod",
    kind: "device",
    terms: { fr: ["tige"], nl: ["staaf", "staven"], de: ["stab"], en: ["rod"] },
  },
  {
    // A cage holds the disc space open for a fusion across it.
    id: "interbody-cage",
    kind: "device",
    terms: {
      fr: ["cage", "cage intersomatique"],
      nl: ["*kooi", "cage", "intersomatische kooi"],
      de: ["*cage", "interkorporeller cage"],
      en: ["cage", "interbody cage"],
    },
    implies: ["interbody-fusion"],
  },
  {
    id: "plate",
    kind: "device",
    terms: { fr: ["plaque"], nl: ["plaat", "platen"], de: ["platte"], en: ["plate"] },
  },
  {
    id: "disc-prosthesis",
    kind: "device",
    terms: {
      fr: ["prothese discale", "prothese … disque"],
      nl: ["*discusprothese", "kunstdiscus"],
      de: ["*bandscheibenprothese"],
      en: ["disc prosthesis", "artificial disc"],
    },
    implies: ["disc-arthroplasty"],
  },
  {
    id: "cement",
    kind: "device",
    terms: {
      fr: ["ciment", "cimente", "cimentee"],
      nl: ["cement", "botcement", "gecementeerd"],
      de: ["*zement", "*zementaugmentiert"],
      en: ["cement", "cemented"],
      any: ["pmma"],
    },
  },
  {
    // Says an implant was used, not which.
    id: "implant",
    kind: "device",
    terms: {
      fr: ["implant", "materiel", "instrumentation"],
      nl: ["implantaat", "implantaten", "instrumentatie", "osteosynthesemateriaal"],
      de: ["implantat", "*instrumentierung"],
      en: ["implant", "instrumentation", "hardware"],
    },
  },
  {
    // Not a plate: the faces of a vertebral body ("end plate preparation").
    id: "endplate",
    kind: "anatomy",
    terms: { en: ["end plate"] },
  },
];
