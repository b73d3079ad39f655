import { describe, expect, it } from 'vitest';
import { fictitiousCpr, syntheticFodselsnummer } from '../../mocks/seed/ids.js';
import { Random } from '../../mocks/seed/random.js';
import { parseCpr, parseNorwegianId } from '../../src/auth/national-id.js';

describe('Norwegian national identity numbers', () => {
  it('accepts the synthetic examples of domain.md', () => {
    for (const id of ['15838510075', '03878010778', '24899210022']) {
      expect(parseNorwegianId(id)).toMatchObject({ kind: 'FODSELSNUMMER', synthetic: true });
    }
    expect(parseNorwegianId('15838510075')?.birthDate).toBe('1985-03-15');
  });

  it('rejects a wrong check digit, a wrong length and an impossible date', () => {
    expect(parseNorwegianId('15838510076')).toBeNull();
    expect(parseNorwegianId('1583851007')).toBeNull();
    expect(parseNorwegianId('1583851007a')).toBeNull();
    // 31 February, synthetic month 82, check digits made valid.
    const candidates = Array.from({ length: 500 }, (_, i) => `318285${String(i).padStart(3, '0')}`)
      .map((base) => {
        for (let k1 = 0; k1 < 10; k1++)
          for (let k2 = 0; k2 < 10; k2++) {
            const id = `${base}${k1}${k2}`;
            const digits = [...id].map(Number);
            const s1 = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1].reduce((a, w, i) => a + w * (digits[i] ?? 0), 0);
            const s2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1].reduce((a, w, i) => a + w * (digits[i] ?? 0), 0);
            if (s1 % 11 === 0 && s2 % 11 === 0) return id;
          }
        return null;
      })
      .filter((id): id is string => id !== null);
    expect(candidates.length).toBeGreaterThan(0);
    for (const id of candidates) expect(parseNorwegianId(id)).toBeNull();
  });

  it('tells a D-number from a fødselsnummer', () => {
    expect(parseNorwegianId('54838710061')).toMatchObject({ kind: 'D_NUMBER', birthDate: '1987-03-14' });
  });

  it('already accepts K1 under the 2032 rule (remainder 1, 2 or 3)', () => {
    // From 15838510075: raise K1 by one (remainder 1) and recompute K2.
    const base = [...'158385100'].map(Number);
    const k1 = 7 + 1;
    const s2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((a, w, i) => a + w * ([...base, k1][i] ?? 0), 0);
    const k2 = (11 - (s2 % 11)) % 11;
    expect(k2).toBeLessThan(10);
    expect(parseNorwegianId(`158385100${k1}${k2}`)).toMatchObject({ kind: 'FODSELSNUMMER' });
  });

  it('the seed generates only valid synthetic numbers (month + 80)', () => {
    const random = new Random(7);
    for (let i = 0; i < 2000; i++) {
      const birth = new Date(Date.UTC(1930 + random.int(0, 95), random.int(0, 11), random.int(1, 28)));
      const id = syntheticFodselsnummer(random, birth);
      expect(parseNorwegianId(id)).toEqual({
        kind: 'FODSELSNUMMER',
        birthDate: birth.toISOString().slice(0, 10),
        synthetic: true,
      });
      const dnr = syntheticFodselsnummer(random, birth, true);
      expect(parseNorwegianId(dnr)).toMatchObject({ kind: 'D_NUMBER', synthetic: true });
    }
  });
});

describe('Danish CPR numbers', () => {
  it('accepts format and date, never checking modulus 11', () => {
    // 070761-4286 fails modulus 11 yet is a valid kind of number since 2007.
    const digits = [...'0707614286'].map(Number);
    expect([4, 3, 2, 7, 6, 5, 4, 3, 2, 1].reduce((a, w, i) => a + w * (digits[i] ?? 0), 0) % 11).not.toBe(0);
    expect(parseCpr('070761-4286')).toMatchObject({ birthDate: '1961-07-07', fictitious: false });
  });

  it('understands the fictitious range (day + 60) and the century digit', () => {
    expect(parseCpr('7503821234')).toEqual({ birthDate: '1982-03-15', fictitious: true, female: true });
    expect(parseCpr('7205164012')).toMatchObject({ birthDate: '2016-05-12' });
  });

  it('rejects impossible dates and wrong formats', () => {
    expect(parseCpr('3202821234')).toBeNull();
    expect(parseCpr('9203821234')).toBeNull();
    expect(parseCpr('75038212')).toBeNull();
    expect(parseCpr('75038212xx')).toBeNull();
  });

  it('the seed generates only fictitious, valid CPR numbers', () => {
    const random = new Random(11);
    for (let i = 0; i < 2000; i++) {
      const birth = new Date(Date.UTC(1930 + random.int(0, 95), random.int(0, 11), random.int(1, 28)));
      const female = random.chance(0.5);
      expect(parseCpr(fictitiousCpr(random, birth, female))).toEqual({
        birthDate: birth.toISOString().slice(0, 10),
        fictitious: true,
        female,
      });
    }
  });
});
