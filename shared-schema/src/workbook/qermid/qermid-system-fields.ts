/**
 * Fields of the common Qermid block that HD4DP or the registry fills, never the user: the
 * registration's keys and codes, the DCD's own coordinates, its status and language.
 */
export const QERMID_SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  "TX_BUSINESS_KEY",
  "TX_REGN_CD",
  "dcd_status",
  "TX_DCD",
  "TX_PROG",
  "TX_PROJ",
  "TX_EVENT",
  "TX_CTNT_LANG_2",
  "TX_REG_NAM",
  "CD_STATUS_REC",
  "CD_DATA_SRC",
  "TX_LANG",
]);

/** Case-insensitively: the workbooks write `dcd_status` and `DCD_STATUS`. */
export function isQermidSystemField(name: string): boolean {
  if (QERMID_SYSTEM_FIELDS.has(name)) return true;
  const upper = name.toUpperCase();
  for (const system of QERMID_SYSTEM_FIELDS) if (system.toUpperCase() === upper) return true;
  return false;
}
