/**
 * A valid NISS for a synthetic patient: birth date YYMMDD + a 3-digit counter (odd male,
 * even female) + 97 - (first 9 digits mod 97), with the digit 2 prefixed for births from
 * 2000 on (domain.md §3). Demo data only: these people do not exist.
 */
export function syntheticNiss(birthDate: string, counter: number): string {
  const [year, month, day] = birthDate.split("-");
  const first9 = `${year?.slice(2)}${month}${day}${String(counter).padStart(3, "0")}`;
  const base = Number((year ?? "").startsWith("2") ? `2${first9}` : first9);
  return `${first9}${String(97 - (base % 97)).padStart(2, "0")}`;
}

/** A physician NIHII: 1 + 5-digit sequence + check (97 - first 6 mod 97) + qualification. */
export function syntheticNihii(sequence: number, qualification: string): string {
  const first6 = `1${String(sequence).padStart(5, "0")}`;
  return `${first6}${String(97 - (Number(first6) % 97)).padStart(2, "0")}${qualification}`;
}
