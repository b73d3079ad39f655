/**
 * Synthetic national identity numbers, as domain.md §5 prescribes: Norwegian numbers in Skatteetaten's
 * synthetic range (month + 80) and Danish CPR numbers in the fictitious range (day + 60). The mocks never
 * produce a number that could belong to a real person.
 */
import type { Random } from './random.js';

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: readonly number[], weights: readonly number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return undefined;
  return k;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Individual-number range that encodes the century of birth (Folkeregisteret's rule). */
function individualNumber(random: Random, year: number): number {
  if (year >= 2000) return random.int(500, 999);
  return random.int(0, 499);
}

/**
 * A synthetic fødselsnummer (or D-number when `dNumber`): month + 80, check digits over the modified
 * digits, and K1 with remainder 0 (generators keep the pre-2032 rule).
 */
export function syntheticFodselsnummer(random: Random, birth: Date, dNumber = false): string {
  for (;;) {
    const day = birth.getUTCDate() + (dNumber ? 40 : 0);
    const month = birth.getUTCMonth() + 1 + 80;
    const year = birth.getUTCFullYear();
    const base = `${two(day)}${two(month)}${two(year % 100)}${String(individualNumber(random, year)).padStart(3, '0')}`;
    const digits = [...base].map(Number);
    const k1 = checkDigit(digits, K1_WEIGHTS);
    if (k1 === undefined) continue;
    const k2 = checkDigit([...digits, k1], K2_WEIGHTS);
    if (k2 === undefined) continue;
    return `${base}${k1}${k2}`;
  }
}

/** A fictitious CPR number (day + 60); the last digit's parity encodes sex, as in real numbers. */
export function fictitiousCpr(random: Random, birth: Date, female: boolean): string {
  const day = birth.getUTCDate() + 60;
  const month = birth.getUTCMonth() + 1;
  const year = birth.getUTCFullYear();
  // Digit 7 with the two-digit year gives the century; 4 covers 1937–2036 in the CPR table.
  const seventh = year >= 2000 ? 4 : random.pick([0, 1, 2, 3]);
  const middle = String(random.int(0, 99)).padStart(2, '0');
  const lastChoices = female ? [0, 2, 4, 6, 8] : [1, 3, 5, 7, 9];
  return `${two(day)}${two(month)}${two(year % 100)}${seventh}${middle}${random.pick(lastChoices)}`;
}
