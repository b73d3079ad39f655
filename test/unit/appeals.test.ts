/** Each agency's rules for what follows a decision (domain.md §2), and how the deadline is counted. */
import { describe, expect, it } from 'vitest';
import { helseklageDefinition } from '../../src/agencies/helseklage/definition.js';
import type { AgencyDefinition, CaseRecord, StepRecord } from '../../src/agencies/kit/port.js';
import { npeDefinition } from '../../src/agencies/npe/definition.js';
import { patienterstatningenDefinition } from '../../src/agencies/patienterstatningen/definition.js';
import { stpkDefinition } from '../../src/agencies/stpk/definition.js';
import { caseAppeal, caseTimeline, endOfPeriod } from '../../src/cases/appeal.js';
import type { CaseView } from '../../src/cases/views.js';

const step = (code: string, state: StepRecord['state'], at: string | null = null): StepRecord => ({
  code,
  state,
  completedAt: state === 'COMPLETED' ? `${at}T10:00:00.000Z` : null,
  expectedAt: state === 'COMPLETED' ? null : at,
});

function decided(
  definition: AgencyDefinition,
  caseType: string,
  timeline: StepRecord[],
  extra: Partial<CaseRecord> = {},
): Pick<CaseView, 'record' | 'definition'> {
  const record: CaseRecord = {
    agency: definition.code,
    caseNumber: '2026-00001',
    caseType,
    title: 'Test',
    status: 'DECIDED',
    agencyStatus: null,
    firstInstance: null,
    createdAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    closedAt: null,
    expectedDecisionAt: null,
    timeline,
    participants: [],
    outcome: { code: 'UPHELD', decidedAt: null },
    related: [],
    awaitingForms: [],
    ...extra,
  };
  return { record, definition };
}

const HELSEKLAGE_DECIDED = [
  step('PROCESSING_STARTED', 'COMPLETED', '2026-09-01'),
  step('DECISION', 'COMPLETED', '2026-11-20'),
  step('CLOSED', 'UPCOMING', '2026-11-23'),
];

describe('the deadline', () => {
  it('counts weeks in days and months to the same day, or the month’s last', () => {
    expect(endOfPeriod('2026-11-20', { weeks: 3 })).toBe('2026-12-11');
    expect(endOfPeriod('2026-12-20', { weeks: 6 })).toBe('2027-01-31');
    expect(endOfPeriod('2026-11-30', { months: 3 })).toBe('2027-02-28');
    expect(endOfPeriod('2027-11-30', { months: 3 })).toBe('2028-02-29');
    expect(endOfPeriod('2026-05-15', { months: 6 })).toBe('2026-11-15');
  });

  it('is counted from the latest decision: an amount decision after the liability decision', () => {
    const appeal = caseAppeal(
      decided(npeDefinition, 'PASIENTSKADE', [
        step('ANSVARSVEDTAK', 'COMPLETED', '2026-03-01'),
        step('UTMALING', 'COMPLETED', '2026-08-01'),
        step('ERSTATNINGSVEDTAK', 'COMPLETED', '2026-11-25'),
        step('UTBETALING', 'UPCOMING', '2026-12-10'),
      ]),
      '2026-12-01',
    );
    expect(appeal).toMatchObject({ state: 'OPEN', decidedOn: '2026-11-25', deadline: '2026-12-16' });
  });
});

describe('the routes', () => {
  it('Helseklage: Helfo’s areas to Trygderetten, subdivided or not, but special purposes and billing rights to court', () => {
    const route = (type: string) =>
      caseAppeal(decided(helseklageDefinition, type, HELSEKLAGE_DECIDED), '2026-12-01');
    for (const type of ['HELFO_LEGEMIDLER', 'HELFO_TANN', 'HELFO_EOS', 'HELFO_FYSIOTERAPI'])
      expect(route(type), type).toMatchObject({
        state: 'OPEN',
        deadline: '2027-01-01',
        route: { kind: 'APPEAL_BODY', body: { nb: 'Trygderetten' } },
      });
    for (const type of ['HELFO_SPESIELLE_FORMAL', 'HELFO_PRAKSIS', 'SHPN_REAKSJON', 'APOTEK', 'FORERKORT'])
      expect(route(type), type).toMatchObject({ state: 'COURTS_ONLY', deadline: null });
    // Pasientskadenemnda's decisions: a lawsuit within six months (pasientskadeloven § 18).
    expect(route('PSN_ANSVAR')).toMatchObject({ state: 'COURTS_ONLY', deadline: '2027-05-20' });
    for (const type of ['PSN_ADVOKAT', 'FLYGELEDER', 'FLYGELEDER_DISPENSASJON', 'HF_VEDTAK', 'HF_VEDTAK_OUS'])
      expect(route(type), type).toMatchObject({ state: 'FINAL' });
  });

  it('Helseklage: a decision quashed and returned is decided anew, so nothing follows it here', () => {
    const returned = caseAppeal(
      decided(
        helseklageDefinition,
        'HELFO_TANN',
        [step('RETURNED_TO_FIRST_INSTANCE', 'COMPLETED', '2026-11-20')],
        {
          outcome: { code: 'QUASHED', decidedAt: null },
        },
      ),
      '2026-12-01',
    );
    expect(returned).toMatchObject({
      state: 'FINAL',
      route: { howTo: { en: expect.stringContaining('decide again') as string } },
    });
  });

  it('NPE: appealed once the appeal is received or the appeal body has the case; a drug injury only to court', () => {
    const rejected = [
      step('ANSVARSVEDTAK', 'COMPLETED', '2026-11-20'),
      step('AVSLUTTET', 'UPCOMING', '2026-12-15'),
    ];
    expect(caseAppeal(decided(npeDefinition, 'LEGEMIDDELFORSOK', rejected), '2026-12-01')?.state).toBe(
      'OPEN',
    );
    expect(caseAppeal(decided(npeDefinition, 'LEGEMIDDELSKADE', rejected), '2026-12-01')).toMatchObject({
      state: 'COURTS_ONLY',
      deadline: null,
    });
    expect(
      caseAppeal(
        decided(npeDefinition, 'PASIENTSKADE', [
          ...rejected.slice(0, 1),
          step('KLAGE_MOTTATT', 'COMPLETED', '2026-11-28'),
        ]),
        '2026-12-01',
      )?.state,
    ).toBe('APPEALED');
    expect(
      caseAppeal(
        decided(npeDefinition, 'PASIENTSKADE', rejected, {
          related: [{ body: 'NASJONALT_KLAGEORGAN', caseNumber: '2026/00100' }],
        }),
        '2026-12-01',
      )?.state,
    ).toBe('APPEALED');
    expect(caseAppeal(decided(npeDefinition, 'PASIENTSKADE', rejected), '2026-12-12')?.state).toBe(
      'DEADLINE_PASSED',
    );
    expect(
      caseAppeal(
        decided(npeDefinition, 'PASIENTSKADE', [step('INNHENTING', 'CURRENT')], { outcome: null }),
        '2026-12-01',
      ),
    ).toBeNull();
  });

  it('Denmark: Patienterstatningen to Ankenævnet within three months; STPK’s decisions to court, Ankenævnet’s within six months', () => {
    const claim = decided(patienterstatningenDefinition, 'BEHANDLINGSSKADE', [
      step('AFGOERELSE', 'COMPLETED', '2026-11-30'),
    ]);
    expect(caseAppeal(claim, '2026-12-01')).toMatchObject({ state: 'OPEN', deadline: '2027-02-28' });
    const stpk = stpkDefinition('2025-11-01');
    const complaint = decided(stpk, 'BEHANDLINGSSTED', [step('AFGOERELSE', 'COMPLETED', '2026-11-30')]);
    expect(caseAppeal(complaint, '2026-12-01')).toMatchObject({ state: 'COURTS_ONLY', deadline: null });
    const board = decided(stpk, 'ERSTATNINGSANKE', [step('AFGOERELSE', 'COMPLETED', '2026-11-30')]);
    expect(caseAppeal(board, '2026-12-01')).toMatchObject({ state: 'COURTS_ONLY', deadline: '2027-05-30' });
  });
});

describe('the timeline', () => {
  it('puts the last day to appeal after the steps under way and before the coming steps expected later', () => {
    const view = {
      ...decided(npeDefinition, 'PASIENTSKADE', [
        step('ANSVARSVEDTAK', 'COMPLETED', '2026-11-25'),
        step('UTMALING', 'CURRENT', '2027-02-01'),
        step('ERSTATNINGSVEDTAK', 'UPCOMING', '2027-03-01'),
      ]),
      decision: {} as CaseView['decision'],
    };
    expect(caseTimeline(view, '2026-12-01', 'nb').map((s) => [s.code, s.state, s.expectedAt])).toEqual([
      ['ANSVARSVEDTAK', 'COMPLETED', null],
      ['UTMALING', 'CURRENT', '2027-02-01'],
      ['APPEAL_DEADLINE', 'UPCOMING', '2026-12-16'],
      ['ERSTATNINGSVEDTAK', 'UPCOMING', '2027-03-01'],
    ]);
    expect(caseTimeline(view, '2026-12-17', 'nb').map((s) => s.code)).not.toContain('APPEAL_DEADLINE');
  });
});
