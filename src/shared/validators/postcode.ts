/** Chinese postal code: six digits. The first digit is not range-checked on purpose (kept simple). */
export function isPostcode(s: string): boolean {
  return /^\d{6}$/.test(s.trim());
}
