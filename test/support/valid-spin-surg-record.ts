// Valid SPIN_SURG records for load, fault and end-to-end tests: deterministic per index,
// diverse (foreign patients, urgent cases, implants, several levels and procedures), and
// valid under every rule of docs/dcd-spin-surg.md with no warning. Synthetic
// patients only: checksum-valid NISS numbers made up from the index.
//
// Every index below 30,000 gets its own business key (NISS or names + birth date), so a
// run of N registrations expects N distinct records in the registry.

import { makeNiss, syntheticNihii } from "../../scripts/demo-ehr/synthetic-niss.ts";
import type { DcdRecord, RepeatEntry } from "../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";

const DAY_MS = 86_400_000;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Picks from a list by index, spreading consecutive indexes with a prime stride. */
function pick<T>(list: readonly T[], i: number, stride = 1): T {
  return list[(i * stride) % list.length] as T;
}

// Orthopaedic surgeons (480) and neurosurgeons (580): only they bill art. 14 n) (docs/domain.md §1).
const SURGEONS = [
  syntheticNihii(23456, "480"),
  syntheticNihii(34567, "580"),
  syntheticNihii(45678, "480"),
  syntheticNihii(56789, "580"),
  syntheticNihii(67890, "480"),
  syntheticNihii(78901, "580"),
  syntheticNihii(10293, "480"),
];
const POSTCODES = ["1000", "1050", "2000", "3000", "3500", "4000", "5000", "6000", "8000", "9000"];
const LAST_NAMES = ["Peeters", "Janssens", "Dubois", "Lambert", "Müller", "Dupont", "De Smet"];
const FIRST_NAMES = ["Anna", "Luc", "Marie", "Jan", "Sofie", "Pierre", "Lena", "Noah"];
// LEVEL list order (cranial to caudal), read from the DCD itself.
const LEVELS = (SPIN_SURG.codeLists.find((list) => list.name === "LEVEL")?.items ?? []).map(
  (item) => item.value,
);
// Mostly lumbar, as in practice, with cervical, thoracic and sacral cases in between.
const LEVEL_STARTS = ["L4", "L3", "L5", "C5", "L2", "T11", "C4", "L4", "S1", "T6"];
// Codes that require registration (the table's illustrative art. 14 n) pair), sometimes
// billed beside a consultation code that is out of scope.
const NOMEN = [["281116"], ["281120"], ["281120", "105092"], ["281116", "105114"]];
const PATHOLOGIES = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "99"];
const APPROACHES = [["2"], ["1"], ["4"], ["2", "5"], ["3"], ["1", "2"]];
const PROCEDURES = [
  ["1"],
  ["2"],
  ["1", "3"],
  ["4", "5"],
  ["6"],
  ["1", "4"],
  ["7"],
  ["10"],
  ["8", "3"],
];
const TECHS = [undefined, ["1"], ["3", "5"], ["2"], ["4", "3"]];
const COMPLICATIONS = [["0"], ["0"], ["0"], ["1"], ["2", "5"], ["99"]];

function implants(i: number): RepeatEntry[] {
  const count = 1 + (i % 3);
  return Array.from({ length: count }, (_, k) => {
    const entry: RepeatEntry = {
      CD_IMPL_TYPE: pick(["1", "2", "3", "4", "5", "6", "99"], i + k),
      MS_IMPL_QTY: 1 + ((i + k) % 8),
    };
    if ((i + k) % 2 === 0) entry.TX_IMPL_REF = `REF-${String(i).padStart(5, "0")}-${k}`;
    return entry;
  });
}

/** The i-th synthetic valid SPIN_SURG record (i >= 0). */
export function validSpinSurgRecord(i: number): DcdRecord {
  // A prime stride over 30,000 days (1925..2007) gives each index below 30,000 its own
  // birth date: distinct NISS numbers, hence distinct business keys.
  const birthDate = addDays("1925-01-01", (i * 7919) % 30_000);
  const counter = 1 + (i % 998);
  const surgery = addDays("2024-01-01", (i * 37) % 600); // 2024-01-01..2025-08-23: past
  const urgent = i % 5 === 4;
  const foreign = i % 10 === 7;
  const procedures = pick(PROCEDURES, i, 5);
  // Procedures 5 and 6 need implants (error), fusions 3 and 4 without them warn.
  const implanted = procedures.some((p) => ["3", "4", "5", "6"].includes(p)) || i % 4 === 0;
  const pathology = pick(PATHOLOGIES, i, 3);
  const from = LEVELS.indexOf(pick(LEVEL_STARTS, i, 3));
  const to = Math.min(LEVELS.length - 1, from + (i % 3));

  const record: DcdRecord = {
    CD_HPIN: pick(SURGEONS, i, 3),
    D_PAT_DOB: birthDate,
    CD_PAT_PLC_RESDC: foreign ? "9999" : pick(POSTCODES, i, 7),
    D_ADM: addDays(surgery, -(i % 3)),
    D_SURG: surgery,
    CD_NOMEN: pick(NOMEN, i),
    CD_URGENCY: urgent ? "2" : "1",
    // MDT "3" (not applicable) only for urgent cases; "1" needs a date within the year before.
    CD_MDT: urgent ? pick(["3", "2"], i) : pick(["1", "1", "2"], i),
    CD_PATHOLOGY: pathology,
    CD_LEVEL_FROM: LEVELS[from],
    CD_LEVEL_TO: LEVELS[to],
    CD_PREV_SURG: pathology === "10" ? "1" : "0",
    CD_APPROACH: pick(APPROACHES, i, 5),
    CD_PROCEDURE: procedures,
    FL_IMPLANT: implanted,
    CD_COMPL_PEROP: pick(COMPLICATIONS, i, 7),
  };
  if (foreign) {
    // A foreign patient without NISS: names, birth date and sex identify them (docs/domain.md §3).
    record.TX_PAT_LAST_NAM = pick(LAST_NAMES, i);
    record.TX_PAT_FIRST_NAM = pick(FIRST_NAMES, i, 3);
    record.CD_PAT_SEX = pick(["248153007", "248152002", "261665006"], i);
  } else {
    record.IDC_PAT = makeNiss(birthDate, counter);
    // The counter's parity gives the sex (odd male): agreeing with it avoids a warning.
    record.CD_PAT_SEX = counter % 2 === 1 ? "248153007" : "248152002";
  }
  if (record.CD_MDT === "1") record.D_MDT = addDays(surgery, -(7 + (i % 120)));
  if (pathology === "99") record.TX_PATHOLOGY_OTHER = "Synovial cyst";
  if (implanted) record.IMPLANT = implants(i);
  const tech = pick(TECHS, i, 3);
  if (tech) record.CD_TECH = tech;
  if (i % 3 !== 0) record.D_DISCH = addDays(surgery, i % 6);
  if (i % 2 === 0) record.CD_ASA = String(1 + (i % 4));
  if (i % 3 !== 2) record.MS_BLOOD_LOSS = (i * 53) % 1500;
  if (i % 4 !== 3) record.MS_DURATION = 30 + ((i * 17) % 360);
  if (i % 6 === 1) record.TX_IDC_PAT_INT = `P${String(100_000 + i)}`;
  if (i % 8 === 5) record.TX_AUTHOR = `surgeon${i % 7}@hospital.example`;
  return record;
}
