/**
 * Validation of national identity numbers (domain.md §5). Norwegian numbers: check digits with the 2032
 * rule already accepted, D-numbers told apart, synthetic test numbers (month + 80, and NAV's + 40)
 * understood. Danish CPR: format and date only — never modulus 11, which valid numbers fail since 2007.
 */
export type NorwegianIdKind = 'FODSELSNUMMER' | 'D_NUMBER';

export interface NorwegianId {
  kind: NorwegianIdKind;
  birthDate: string;
  /** Skatteetaten/Tenor's synthetic range (month + 80). */
  synthetic: boolean;
}

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0);
}

/** Century from the individual number (Folkeregisteret's table), or null when the combination is impossible. */
function fullYear(yy: number, individual: number): number | null {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  if (individual >= 500 && yy <= 39) return 2000 + yy;
  return null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseNorwegianId(value: string): NorwegianId | null {
  if (!/^\d{11}$/.test(value)) return null;
  const digits = [...value].map(Number);
  const k1 = digits[9] ?? -1;
  const k2 = digits[10] ?? -1;
  // K1: remainder 0 as always; from 2032 also 1, 2 or 3 (validators accept that now).
  const k1Remainder = (weightedSum(digits, K1_WEIGHTS) + k1) % 11;
  if (![0, 1, 2, 3].includes(k1Remainder)) return null;
  if ((weightedSum(digits, K2_WEIGHTS) + k2) % 11 !== 0) return null;

  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const kind: NorwegianIdKind = day > 40 ? 'D_NUMBER' : 'FODSELSNUMMER';
  if (kind === 'D_NUMBER') day -= 40;
  const synthetic = month > 80;
  if (synthetic) month -= 80;
  else if (month > 40) month -= 40;
  const year = fullYear(Number(value.slice(4, 6)), Number(value.slice(6, 9)));
  if (year === null || !isRealDate(year, month, day)) return null;
  return {
    kind,
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    synthetic,
  };
}

export interface Cpr {
  birthDate: string;
  /** The CPR office's fictitious range (day + 60). */
  fictitious: boolean;
  female: boolean;
}

/** Century from digit 7 and the two-digit year (CPR office's table). */
function cprYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

export function parseCpr(value: string): Cpr | null {
  const compact = value.replace('-', '');
  if (!/^\d{10}$/.test(compact)) return null;
  let day = Number(compact.slice(0, 2));
  const month = Number(compact.slice(2, 4));
  const fictitious = day > 60;
  if (fictitious) day -= 60;
  const year = cprYear(Number(compact.slice(4, 6)), Number(compact[6]));
  if (!isRealDate(year, month, day)) return null;
  return {
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    fictitious,
    female: Number(compact[9]) % 2 === 0,
  };
}
