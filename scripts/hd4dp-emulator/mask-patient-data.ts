// What the emulator keeps for inspection must not become a second copy of patient data:
// identifying fields are masked (their presence stays visible, their value does not).
const PATIENT_FIELDS = new Set([
  "IDC_PAT",
  "TX_PAT_LAST_NAM",
  "TX_PAT_FIRST_NAM",
  "D_PAT_DOB",
  "TX_IDC_PAT_INT",
]);

export const MASK = "***";

export function maskPatientData(payload: Record<string, unknown>): Record<string, unknown> {
  const masked: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(payload)) {
    const empty = value === null || value === undefined || value === "";
    masked[field] = PATIENT_FIELDS.has(field) && !empty ? MASK : value;
  }
  return masked;
}
