// HD4DP shows registration codes like `206.24.000214.88` (docs/domain.md §2). Their meaning is not
// published; ASSUMED here: 3-digit project prefix, 2-digit year, 6-digit sequence, and two
// mod-97 check digits, which yields the same 3.2.6.2 shape.
export function formatRegistrationCode(prefix: string, year: number, sequence: number): string {
  const yy = String(year % 100).padStart(2, "0");
  const seq = String(sequence % 1_000_000).padStart(6, "0");
  const check = 97 - (Number(`${prefix}${yy}${seq}`) % 97);
  return `${prefix}.${yy}.${seq}.${String(check).padStart(2, "0")}`;
}
