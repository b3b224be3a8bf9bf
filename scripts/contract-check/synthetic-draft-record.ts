// The one record `npm run contract-check` submits to a real HD4DP, as a draft: complete and
// valid under the bundled SPIN_SURG (the required fields and optional ones of every kind, a
// repeat block included, so that each kind of value is encoded once), and made up: a
// checksum-valid NISS and NIHII of nobody we know, an invented author. Healthdata's
// acceptance environment does not forward test data, and a draft is never sent on.

import type { DcdRecord } from "../../shared-schema/src/dcd.ts";
import { makeNiss, syntheticNihii } from "../demo-ehr/synthetic-niss.ts";

export const SYNTHETIC_DRAFT_RECORD: DcdRecord = {
  TX_AUTHOR: "contract-check@hospital.example",
  CD_HPIN: syntheticNihii(90210, "480"),
  // Odd day counter: a man, as CD_PAT_SEX says (a mismatch would be a warning).
  IDC_PAT: makeNiss("1971-02-03", 1),
  TX_IDC_PAT_INT: "CONTRACT-CHECK-1",
  D_PAT_DOB: "1971-02-03",
  CD_PAT_SEX: "248153007",
  CD_PAT_PLC_RESDC: "1000",
  D_ADM: "2025-03-10",
  D_SURG: "2025-03-11",
  D_DISCH: "2025-03-14",
  CD_NOMEN: ["281116"],
  CD_URGENCY: "1",
  CD_MDT: "1",
  D_MDT: "2025-02-10",
  CD_PATHOLOGY: "3",
  CD_LEVEL_FROM: "L4",
  CD_LEVEL_TO: "L5",
  CD_PREV_SURG: "0",
  CD_ASA: "2",
  CD_APPROACH: ["2"],
  CD_PROCEDURE: ["1", "3"],
  CD_TECH: ["1"],
  FL_IMPLANT: true,
  IMPLANT: [
    { CD_IMPL_TYPE: "1", MS_IMPL_QTY: 4, TX_IMPL_REF: "REF-CONTRACT-CHECK" },
    { CD_IMPL_TYPE: "2", MS_IMPL_QTY: 2 },
  ],
  CD_COMPL_PEROP: ["0"],
  MS_BLOOD_LOSS: 250,
  MS_DURATION: 140,
};
