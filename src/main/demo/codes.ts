/**
 * Check characters of the codes demo data carries, computed the way the real registries do, so
 * every demo code passes the desk's own validators (and a scanner reads every barcode).
 */
import { USCC_CHARSET, usccCheckChar } from '../../shared/validators/uscc';
import type { Rng } from './random';

/** GB 11714 organisation code: 8 characters + a mod-11 check character (10 → X, 11 → 0). */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function orgValue(ch: string): number {
  const c = ch.charCodeAt(0);
  return c <= 57 ? c - 48 : c - 55; // '0'..'9' → 0..9, 'A'..'Z' → 10..35
}

export function orgCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A unified social credit code (GB 32100): 9 (registered by market regulation) + 1 (enterprise) +
 * the 6-digit division code + a GB 11714 organisation code (new-style "MA…") + the mod-31 check.
 */
export function makeUscc(rng: Rng, division: string): string {
  let body = 'MA';
  for (let i = 0; i < 6; i++) body += USCC_CHARSET[rng.int(0, USCC_CHARSET.length - 1)];
  const org = body + orgCodeCheck(body);
  const first17 = `91${division}${org}`;
  return first17 + usccCheckChar(first17);
}

/** EAN-13 check digit of 12 digits: weights 1,3,1,3… from the left. */
export function ean13Check(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

export function isEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13Check(code.slice(0, 12)) === code[12];
}

/** A Chinese mobile number (1[3-9]xxxxxxxxx) from real operator prefixes. */
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '166', '171', '173', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187',
  '188', '189', '191', '193', '195', '198', '199',
] as const;

export function makeMobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** A landline in canonical form: area code, dash, a local number of 8 digits (7 outside big cities). */
export function makeLandline(rng: Rng, areaCode: string): string {
  const digits = areaCode.length === 3 ? 8 : rng.chance(0.8) ? 8 : 7;
  return `${areaCode}-${rng.int(2, 8)}${rng.digits(digits - 1)}`;
}
