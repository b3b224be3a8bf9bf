const FR_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** `2025-03-11` -> `11/03/2025` (or with another separator). */
export function formatDmy(iso: string, separator = "/"): string {
  const [year, month, day] = iso.split("-");
  return [day, month, year].join(separator);
}

/** `2025-03-11` -> `11 mars 2025`. */
export function formatFrLong(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return `${day} ${FR_MONTHS[month - 1]} ${year}`;
}
