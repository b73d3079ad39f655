/**
 * What happens after a decision (issue 17): the appeal's deadline, body and route for an NPE rejection, a
 * Helfo decision and a drug-injury decision, in the case, among the timeline's coming steps and among the
 * deadlines — and nothing of it once appealed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockCase } from '../../mocks/seed/model.js';
import { advance } from '../helpers/cases.js';
import { persona, startTestStack, type TestStack } from '../helpers/stack.js';

const APPEAL = /* GraphQL */ `
  query ($id: ID!) {
    case(id: $id) {
      caseType {
        code
      }
      outcome {
        code
      }
      appeal {
        possible
        state
        deadline
        body
        howTo
        decidedOn
      }
      timeline {
        code
        label
        state
        expectedAt
      }
      deadlines {
        kind
        dueAt
        label
        document {
          id
        }
      }
    }
  }
`;

interface Appealed {
  case: {
    caseType: { code: string };
    outcome: { code: string } | null;
    appeal: {
      possible: boolean;
      state: string;
      deadline: string | null;
      body: string | null;
      howTo: string;
      decidedOn: string;
    } | null;
    timeline: { code: string; label: string; state: string; expectedAt: string | null }[];
    deadlines: { kind: string; dueAt: string; label: string; document: { id: string } | null }[];
  } | null;
}

const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const ageInDays = (iso: string) => (Date.parse(today()) - Date.parse(iso.slice(0, 10))) / DAY_MS;

let stack: TestStack;
let lawyer: string;
const lawyerPid = persona('lawyer-many').login.pid ?? '';
const holds = (c: MockCase, pid: string) => c.participants.some((p) => p.nationalId === pid);
const completed = (c: MockCase, code: string) =>
  c.steps.find((s) => s.code === code)?.completedAt?.slice(0, 10) ?? null;

/** A rejected patient-injury claim of lawyer-many's that nobody appealed, decided when `when` says. */
function unappealedRejection(
  when: (decidedAt: string, closedAt: string | null) => boolean,
): MockCase | undefined {
  return stack.mocks.world.cases.npe.find(
    (c) =>
      holds(c, lawyerPid) &&
      c.caseType === 'PASIENTSKADE' &&
      c.outcome === 'AVSLAG' &&
      !c.appealedTo &&
      !completed(c, 'KLAGE_MOTTATT') &&
      c.decidedAt !== null &&
      when(c.decidedAt, c.closedAt),
  );
}

async function appealOf(agency: string, caseNumber: string, token: string, lang = 'nb') {
  const response = await stack.graphql<Appealed>(APPEAL, {
    token,
    variables: { id: `${agency}:${caseNumber}` },
    headers: { 'accept-language': lang },
  });
  expect(response.body.errors).toBeUndefined();
  const found = response.body.data?.case;
  if (!found) throw new Error(`${agency}:${caseNumber} not found`);
  return found;
}

beforeAll(async () => {
  stack = await startTestStack();
  lawyer = await stack.token('lawyer-many');
});
afterAll(async () => {
  await stack.close();
});

describe('after a decision', () => {
  it('an NPE rejection can be appealed to Pasientskadenemnda within three weeks, through NPE', async () => {
    // A rejected patient-injury claim of lawyer-many's, decided in the last two weeks and not appealed.
    const rejected = unappealedRejection((decidedAt) => ageInDays(decidedAt) <= 14);
    if (!rejected) throw new Error('the seed has no fresh NPE rejection for lawyer-many');
    const decidedOn = completed(rejected, 'ANSVARSVEDTAK') ?? '';
    const deadline = daysAfter(decidedOn, 21);

    const found = await appealOf('npe', rejected.caseNumber, lawyer);
    expect(found.appeal).toEqual({
      possible: true,
      state: 'OPEN',
      deadline,
      body: 'Pasientskadenemnda',
      howTo: expect.stringContaining('Send klagen til NPE innen fristen') as string,
      decidedOn,
    });
    // Among the coming steps, after the decision and before the case closes.
    const codes = found.timeline.map((s) => s.code);
    expect(codes.indexOf('APPEAL_DEADLINE')).toBeGreaterThan(codes.indexOf('ANSVARSVEDTAK'));
    expect(codes.indexOf('APPEAL_DEADLINE')).toBeLessThan(codes.indexOf('AVSLUTTET'));
    expect(found.timeline.find((s) => s.code === 'APPEAL_DEADLINE')).toEqual({
      code: 'APPEAL_DEADLINE',
      label: 'Frist for å klage til Pasientskadenemnda',
      state: 'UPCOMING',
      expectedAt: deadline,
    });
    expect(found.deadlines).toContainEqual({
      kind: 'APPEAL',
      dueAt: deadline,
      label: 'Frist for å klage til Pasientskadenemnda',
      document: null,
    });

    const english = await appealOf('npe', rejected.caseNumber, lawyer, 'en');
    expect(english.appeal?.body).toBe('the Patient Injury Compensation Board (Pasientskadenemnda)');
    expect(english.timeline.find((s) => s.code === 'APPEAL_DEADLINE')?.label).toBe(
      'Last day to appeal to the Patient Injury Compensation Board (Pasientskadenemnda)',
    );
  });

  it('a decision already appealed, or whose deadline has passed, offers no appeal and no coming step', async () => {
    const ingrid = persona('citizen-npe-helseklage').login.pid ?? '';
    const appealed = stack.mocks.world.cases.npe.find((c) => holds(c, ingrid) && c.appealedTo);
    if (!appealed) throw new Error('Ingrid has no appealed NPE claim');
    const found = await appealOf('npe', appealed.caseNumber, await stack.token('citizen-npe-helseklage'));
    expect(found.appeal).toMatchObject({ possible: false, state: 'APPEALED', body: 'Pasientskadenemnda' });
    expect(found.timeline.map((s) => s.code)).not.toContain('APPEAL_DEADLINE');
    expect(found.deadlines.map((d) => d.kind)).not.toContain('APPEAL');

    const lapsed = unappealedRejection(
      (decidedAt, closedAt) => ageInDays(decidedAt) > 21 && (!closedAt || ageInDays(closedAt) < 80),
    );
    if (!lapsed) throw new Error('the seed has no lapsed NPE rejection for lawyer-many');
    const late = await appealOf('npe', lapsed.caseNumber, lawyer);
    expect(late.appeal).toMatchObject({ possible: false, state: 'DEADLINE_PASSED' });
    expect(late.timeline.map((s) => s.code)).not.toContain('APPEAL_DEADLINE');
  });

  it('a drug-injury decision cannot go to the board: the courts only, no appeal deadline', async () => {
    const drug = stack.mocks.world.cases.npe.find(
      (c) =>
        holds(c, lawyerPid) &&
        c.caseType === 'LEGEMIDDELSKADE' &&
        c.decidedAt !== null &&
        (!c.closedAt || ageInDays(c.closedAt) < 80),
    );
    if (!drug) throw new Error('the seed has no drug-injury decision lawyer-many can see');
    const found = await appealOf('npe', drug.caseNumber, lawyer);
    expect(found.appeal).toEqual({
      possible: false,
      state: 'COURTS_ONLY',
      deadline: null,
      body: 'domstolene',
      howTo: expect.stringContaining('kan ikke klages inn for Pasientskadenemnda') as string,
      decidedOn: completed(drug, 'ANSVARSVEDTAK'),
    });
    expect(found.timeline.map((s) => s.code)).not.toContain('APPEAL_DEADLINE');
    expect(found.deadlines.map((d) => d.kind)).not.toContain('APPEAL');
  });

  it('a Helfo decision goes on to Trygderetten within six weeks; there is no appeal before the decision', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    const ingrid = persona('citizen-npe-helseklage').login.pid ?? '';
    const helfo = stack.mocks.world.cases.helseklage.find(
      (c) => holds(c, ingrid) && c.caseType === 'HELFO_LEGEMIDLER',
    );
    if (!helfo?.steps.some((s) => s.code === 'DECISION'))
      throw new Error('Ingrid has no Helfo case to decide');
    expect((await appealOf('helseklage', helfo.caseNumber, token)).appeal).toBeNull();

    // Helseklage's caseworker takes the case through to the decision, as the mock's dev route does.
    for (let i = 0; i < 12 && !completed(helfo, 'DECISION'); i++)
      await advance(stack.mocks.agencies.helseklage.url, helfo.caseNumber);
    const decidedOn = completed(helfo, 'DECISION');
    expect(decidedOn).toBe(today());

    const found = await appealOf('helseklage', helfo.caseNumber, token);
    expect(found.appeal).toEqual({
      possible: true,
      state: 'OPEN',
      deadline: daysAfter(today(), 42),
      body: 'Trygderetten',
      howTo: expect.stringContaining('Send anken til Helseklage innen fristen') as string,
      decidedOn: today(),
    });
    expect(found.timeline.find((s) => s.code === 'APPEAL_DEADLINE')).toMatchObject({
      state: 'UPCOMING',
      expectedAt: daysAfter(today(), 42),
    });
    expect(found.deadlines).toContainEqual(
      expect.objectContaining({ kind: 'APPEAL', dueAt: daysAfter(today(), 42) }),
    );
    const danish = await appealOf('helseklage', helfo.caseNumber, token, 'da');
    expect(danish.appeal?.body).toBe('Trygderetten (Norge)');
    expect(danish.appeal?.howTo).toContain('Send anken til Helseklage inden fristen');
  });
});
