// A billing export's bytes as text: UTF-8 when they are (with or without a BOM), otherwise
// Windows-1252, what Excel and most hospital systems on Windows write as "CSV". Every byte
// sequence decodes in Windows-1252, so this never fails; a file that is neither shows
// unreadable names, not a crash.

export function decodeBillingBytes(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}
