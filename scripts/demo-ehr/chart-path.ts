import type { DemoPatient } from "./demo-patients.ts";

/** Where each layout's chart of a patient is served. */
const CHART_PATHS: Record<DemoPatient["layout"], string> = {
  fr: "/fr/dossier/",
  nl: "/nl/patient/",
  de: "/de/akte/",
  en: "/en/chart/",
};

export function chartPath(patient: DemoPatient): string {
  return `${CHART_PATHS[patient.layout]}${patient.id}`;
}
