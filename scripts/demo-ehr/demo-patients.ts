import { makeNiss, syntheticNihii } from "./synthetic-niss.ts";

// Synthetic patients of the demo EHR. Every NISS has a valid checksum and every name is
// invented; codes come from shared-schema's illustrative eligibility table (281116/281120
// required, 224685 exempt, 105092 consultation not in art. 14 n)).

export interface DemoPatient {
  id: string;
  layout: "fr" | "nl" | "de" | "en";
  niss?: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  sex: "male" | "female";
  postcode?: string;
  city: string;
  country: string;
  hospitalNumber: string;
  surgeonName: string;
  surgeonNihii: string;
  admission: string;
  surgery: string;
  discharge: string;
  urgent: boolean;
  codes: { code: string; label: string }[];
  /** The operative report as dictated, one sentence per line (synthetic). */
  report?: string[];
}

const SURGEON_FR = { surgeonName: "Dr Hélène Martin", surgeonNihii: syntheticNihii(23456, "780") };
const SURGEON_NL = { surgeonName: "Dr. Pieter Claes", surgeonNihii: syntheticNihii(34567, "780") };
const HERNIA_FR = { code: "281120", label: "Cure chirurgicale d'une hernie discale cervicale" };
const HERNIA_NL = {
  code: "281120",
  label: "Heelkundige behandeling van een cervicale discushernia",
};

export const DEMO_PATIENTS: DemoPatient[] = [
  {
    id: "fr-dubois",
    layout: "fr",
    niss: makeNiss("1961-04-23", 124),
    lastName: "Dubois",
    firstName: "Claire",
    birthDate: "1961-04-23",
    sex: "female",
    postcode: "1348",
    city: "Louvain-la-Neuve",
    country: "Belgique",
    hospitalNumber: "P-2025-00817",
    ...SURGEON_FR,
    admission: "2025-03-10",
    surgery: "2025-03-11",
    discharge: "2025-03-14",
    urgent: false,
    codes: [HERNIA_FR],
    report: [
      "Indication : hernie discale C5-C6 droite avec névralgie cervico-brachiale C6.",
      "Abord cervical antérieur droit selon Smith-Robinson.",
      "Discectomie C5-C6 sous microscope opératoire, exérèse de la hernie.",
      "Mise en place d'une cage intersomatique. Pas de brèche durale.",
    ],
  },
  {
    id: "nl-peeters",
    layout: "nl",
    niss: makeNiss("1975-11-02", 57),
    lastName: "Peeters",
    firstName: "Jan",
    birthDate: "1975-11-02",
    sex: "male",
    postcode: "2000",
    city: "Antwerpen",
    country: "België",
    hospitalNumber: "H0047112",
    ...SURGEON_NL,
    admission: "2025-02-03",
    surgery: "2025-02-04",
    discharge: "2025-02-06",
    urgent: false,
    codes: [HERNIA_NL, { code: "105092", label: "Raadpleging wervelkolom, orthopedist" }],
  },
  {
    id: "fr-schneider",
    layout: "fr",
    lastName: "Schneider",
    firstName: "Lukas",
    birthDate: "1980-07-15",
    sex: "male",
    city: "Aachen",
    country: "Allemagne",
    hospitalNumber: "P-2025-01377",
    ...SURGEON_FR,
    admission: "2025-04-01",
    surgery: "2025-04-01",
    discharge: "2025-04-04",
    urgent: true,
    codes: [
      { code: "281116", label: "Cure chirurgicale d'une hernie discale cervicale (ambulatoire)" },
    ],
  },
  {
    id: "fr-lambert",
    layout: "fr",
    niss: makeNiss("1948-09-30", 212),
    lastName: "Lambert",
    firstName: "Sophie",
    birthDate: "1948-09-30",
    sex: "female",
    postcode: "5000",
    city: "Namur",
    country: "Belgique",
    hospitalNumber: "P-2025-00502",
    ...SURGEON_FR,
    admission: "2025-01-20",
    surgery: "2025-01-20",
    discharge: "2025-01-22",
    urgent: true,
    codes: [{ code: "224685", label: "Traitement non sanglant d'une fracture vertébrale" }],
  },
  {
    id: "nl-janssens",
    layout: "nl",
    niss: makeNiss("1990-01-17", 33),
    lastName: "Janssens",
    firstName: "Luc",
    birthDate: "1990-01-17",
    sex: "male",
    postcode: "9000",
    city: "Gent",
    country: "België",
    hospitalNumber: "H0051208",
    ...SURGEON_NL,
    admission: "2025-05-12",
    surgery: "2025-05-12",
    discharge: "2025-05-12",
    urgent: false,
    codes: [{ code: "105092", label: "Raadpleging wervelkolom, orthopedist" }],
  },
];

/**
 * The patients of the German and English charts, whose labels are worded unlike the DCD's
 * (read by the generic label reader); apart from DEMO_PATIENTS, the French and Dutch charts
 * that every end-to-end test goes through.
 */
export const MORE_DEMO_PATIENTS: DemoPatient[] = [
  {
    id: "de-schmitz",
    layout: "de",
    niss: makeNiss("1958-11-07", 46),
    lastName: "Schmitz",
    firstName: "Anna",
    birthDate: "1958-11-07",
    sex: "female",
    postcode: "4700",
    city: "Eupen",
    country: "Belgien",
    hospitalNumber: "E-2025-0311",
    surgeonName: "Dr. Markus Heinen",
    surgeonNihii: syntheticNihii(45678, "780"),
    admission: "2025-06-02",
    surgery: "2025-06-03",
    discharge: "2025-06-06",
    urgent: false,
    codes: [{ code: "281120", label: "Operative Behandlung einer zervikalen Bandscheibenhernie" }],
    report: [
      "Diagnose: zervikaler Bandscheibenvorfall C5/6 rechts mit Radikulopathie C6.",
      "Ventraler Zugang zur Halswirbelsäule von rechts.",
      "Mikrochirurgische Diskektomie C5/6 unter dem Operationsmikroskop.",
      "Einsetzen eines intersomatischen Cage. Kein Duraleck.",
    ],
  },
  {
    id: "en-carter",
    layout: "en",
    niss: makeNiss("1986-09-14", 77),
    lastName: "Carter",
    firstName: "James",
    birthDate: "1986-09-14",
    sex: "male",
    postcode: "1050",
    city: "Ixelles",
    country: "Belgium",
    hospitalNumber: "EN-448210",
    surgeonName: "Dr. Emma Lewis",
    surgeonNihii: syntheticNihii(56789, "780"),
    admission: "2025-07-14",
    surgery: "2025-07-15",
    discharge: "2025-07-17",
    urgent: true,
    codes: [
      { code: "281116", label: "Surgical treatment of a cervical disc herniation (day case)" },
      { code: "281120", label: "Surgical treatment of a cervical disc herniation" },
    ],
    report: [
      "Indication: cervical disc herniation C6-C7 on the left with C7 radiculopathy.",
      "Anterior cervical approach on the right.",
      "Discectomy C6-C7 under the operating microscope, removal of the herniated fragment.",
      "Insertion of an interbody cage. No dural tear.",
    ],
  },
];

export function findDemoPatient(id: string): DemoPatient | undefined {
  return [...DEMO_PATIENTS, ...MORE_DEMO_PATIENTS].find((patient) => patient.id === id);
}
