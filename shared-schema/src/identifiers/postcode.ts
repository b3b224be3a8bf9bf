// Belgian postal codes: 4 digits from 1000 (Brussels) to 9992 (Middelburg, the highest in use).
// 9999, which HD4DP uses for "not living in Belgium" (docs/domain.md §3), is deliberately not one.

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** True for exactly 4 digits in 1000..9992 (no spaces, no sign). */
export function isBelgianPostcode(value: string): boolean {
  if (value.length !== 4) return false;
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const c = value.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return false;
    n = n * 10 + (c - DIGIT_0);
  }
  return n >= 1000 && n <= 9992;
}
