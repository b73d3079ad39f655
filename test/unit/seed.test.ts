import { describe, expect, it } from 'vitest';
import { DEFAULT_STPK_CUTOFF, generateWorld } from '../../mocks/seed/generate.js';
import { AGENCY_CODES, type AgencyCode, type MockCase } from '../../mocks/seed/model.js';
import { loadPersonas } from '../../mocks/seed/personas.js';
import { parseCpr, parseNorwegianId } from '../../src/auth/national-id.js';

const today = new Date(Date.UTC(2026, 10, 22));
const world = generateWorld({ referenceDate: today });
const all: MockCase[] = [...world.cases.npe, ...world.cases.helseklage, ...world.cases.stpk];
const todayIso = today.toISOString();

describe('the seeded world', () => {
  it('has at least 2,000 persons and 5,000 cases, spread over every agency', () => {
    expect(world.persons.size).toBeGreaterThanOrEqual(2000);
    expect(all.length).toBeGreaterThanOrEqual(5000);
    expect(world.cases.npe.length).toBeGreaterThan(2000);
    expect(world.cases.helseklage.length).toBeGreaterThan(800);
    expect(world.cases.stpk.length).toBeGreaterThan(1500);
    expect(world.cases.patienterstatningen.length).toBeGreaterThan(0);
  });

  it('is the same every time for the same seed and day', () => {
    const again = generateWorld({ referenceDate: today });
    expect(
      again.cases.helseklage.map((c) => [c.caseNumber, c.updatedAt, c.participants.map((p) => p.nationalId)]),
    ).toEqual(
      world.cases.helseklage.map((c) => [c.caseNumber, c.updatedAt, c.participants.map((p) => p.nationalId)]),
    );
  });

  it('uses only synthetic identity numbers', () => {
    for (const person of world.persons.values()) {
      if (person.idKind === 'cpr')
        expect(parseCpr(person.nationalId)?.fictitious, person.nationalId).toBe(true);
      else expect(parseNorwegianId(person.nationalId)?.synthetic, person.nationalId).toBe(true);
    }
  });

  it('has about half of Helseklage’s cases as appeals of NPE decisions, linked both ways', () => {
    const appeals = world.cases.helseklage.filter((c) => c.appealOf);
    expect(appeals.length / world.cases.helseklage.length).toBeGreaterThan(0.4);
    const npe = new Map(world.cases.npe.map((c) => [c.caseNumber, c]));
    for (const appeal of appeals) {
      const original = npe.get(appeal.appealOf?.caseNumber ?? '');
      expect(original?.appealedTo).toEqual({ agency: 'helseklage', caseNumber: appeal.caseNumber });
      expect(original?.caseType).toBe('PASIENTSKADE');
      expect(appeal.createdAt > (original?.createdAt ?? '')).toBe(true);
    }
  });

  it('has outcomes near domain.md’s rates (about 30 % of NPE liability decisions granted)', () => {
    const decided = world.cases.npe.filter((c) => c.outcome);
    const granted = decided.filter((c) => c.outcome === 'MEDHOLD').length / decided.length;
    expect(granted).toBeGreaterThan(0.24);
    expect(granted).toBeLessThan(0.36);
  });

  it('dates are realistic relative to today: the past is completed, the future expected', () => {
    for (const c of all) {
      expect(c.createdAt <= todayIso).toBe(true);
      expect(c.updatedAt >= c.createdAt).toBe(true);
      for (const step of c.steps) {
        if (step.state === 'COMPLETED')
          expect(step.completedAt && step.completedAt <= `${todayIso.slice(0, 10)}T23:59:59Z`).toBeTruthy();
        else expect(step.expectedAt && step.expectedAt >= todayIso.slice(0, 10)).toBeTruthy();
      }
      expect(c.steps.filter((s) => s.state === 'CURRENT').length).toBeLessThanOrEqual(1);
      expect(c.closedAt === null).toBe(c.steps.some((s) => s.state !== 'COMPLETED'));
    }
  });

  it('has documents in all four Noark journal types, and STPK cases on both sides of the cut-off and for children', () => {
    const types = new Set(all.flatMap((c) => c.documents.map((d) => d.journalType)));
    expect([...types].sort()).toEqual(['I', 'N', 'U', 'X']);
    expect(world.cases.stpk.some((c) => c.createdAt < DEFAULT_STPK_CUTOFF)).toBe(true);
    expect(world.cases.stpk.some((c) => c.createdAt >= DEFAULT_STPK_CUTOFF)).toBe(true);
    expect(
      world.cases.stpk.filter((c) => c.participants.some((p) => p.role === 'CUSTODY_HOLDER')).length,
    ).toBeGreaterThan(50);
  });

  it('lists every persona on exactly the cases personas.json promises', () => {
    for (const persona of loadPersonas()) {
      const id = persona.login.pid ?? persona.login.cpr;
      const counts = Object.fromEntries(
        AGENCY_CODES.map((agency) => [
          agency,
          world.cases[agency].filter((c) => c.participants.some((p) => p.nationalId === id)).length,
        ]),
      ) as Record<AgencyCode, number>;
      if (persona.listedOn) expect(counts, persona.key).toEqual(persona.listedOn);
      if (persona.minimumCases)
        expect(counts.npe + counts.helseklage, persona.key).toBeGreaterThanOrEqual(persona.minimumCases);
    }
  });

  it('gives lawyer-many one case shared with a second lawyer, and the personas the data their rules need', () => {
    const lawyers = (c: MockCase) =>
      c.participants.filter((p) => p.role === 'LAWYER').map((p) => p.nationalId);
    const shared = all.filter((c) => lawyers(c).length === 2);
    expect(shared.map(lawyers)).toEqual([['07856810059', '17868810076']]);
    const party = (id: string) =>
      all.filter((c) => c.participants.some((p) => p.nationalId === id && p.role === 'PARTY'));
    expect(
      party('21888310018').every(
        (c) => c.participants.find((p) => p.nationalId === '21888310018')?.mobile === null,
      ),
    ).toBe(true);
    const closed = party('11929510005').map((c) =>
      // Whole days, whatever the hour of closing.
      Math.round((today.getTime() - Date.parse((c.closedAt ?? '').slice(0, 10))) / 86_400_000),
    );
    expect(closed.sort((a, b) => a - b)).toEqual([30, 120]);
    expect(
      party('30904410086').every((c) =>
        c.participants.some((p) => p.role === 'GUARDIAN' && p.nationalId === '19915710037'),
      ),
    ).toBe(true);
  });
});
