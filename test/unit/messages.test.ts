import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMON_LABELS, LANGUAGES, type Labels } from '../../src/i18n.js';
import { MESSAGES, say, sayMoment, sayRefusal } from '../../src/messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every table of texts a person can read, by name. */
const TABLES: Record<string, Readonly<Record<string, Labels>>> = {
  MESSAGES,
  'COMMON_LABELS.refusal': COMMON_LABELS.refusal,
  'COMMON_LABELS.closure': COMMON_LABELS.closure,
  'COMMON_LABELS.caseEvent': COMMON_LABELS.caseEvent,
};

describe('every text a person can read', () => {
  const rows = Object.entries(TABLES).flatMap(([table, entries]) =>
    Object.entries(entries).map(([key, texts]) => [`${table}.${key}`, texts] as const),
  );

  it.each(rows)('%s is written in nb, nn, da and en, none an English fallback', (_key, texts) => {
    for (const lang of LANGUAGES) expect(texts[lang].trim().length, lang).toBeGreaterThan(3);
    for (const lang of ['nb', 'nn', 'da'] as const) expect(texts[lang], lang).not.toBe(texts.en);
    // The same blanks in every language, so that no value goes missing in translation.
    for (const lang of LANGUAGES) expect(placeholders(texts[lang]), lang).toEqual(placeholders(texts.en));
  });

  it('fills in the values, and explains a refusal whatever its reason', () => {
    expect(say('da', 'RATE_LIMITED', { seconds: 12 })).toBe(
      'For mange forespørgsler. Prøv igen om 12 sekunder.',
    );
    expect(sayRefusal('nn', 'OTHER_COUNTRY', 'Helseklage')).toBe(COMMON_LABELS.refusal.OTHER_COUNTRY.nn);
    expect(sayRefusal('en', 'A_REASON_WITHOUT_TEXT', 'Helseklage')).toBe(
      'You may not follow cases at Helseklage here.',
    );
    expect(sayMoment('nb', '2026-06-01T10:05:00Z', 'NO')).toBe('1. juni 2026, 12:05');
    expect(sayMoment('da', '2026-06-01T10:05:00Z', 'DK')).toBe('1. jun. 2026, 12.05');
  });
});

/** Source files, for the check below. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('no English text written in the code where a person reads it', () => {
  // The agencies' event webhook answers agencies, in English.
  const AGENCY_FACING = new Set([join('src', 'routes', 'agency-events.ts')]);

  it('errors and user errors take their text from src/messages.ts', () => {
    const literal = /message: ['`][A-Z]|graphError\(\s*'[A-Z_]+',\s*['`]|unauthenticated\(\s*['`]/;
    const offenders = sources('src')
      .filter((file) => !AGENCY_FACING.has(file))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (literal.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
