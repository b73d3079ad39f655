/**
 * A world like the real one, as the gateway reads it: every seeded case of every mock agency fetched
 * through the agency's real adapter and checked against what the agencies' own portals show (issue 17).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_CODES, type AgencyCode } from '../../mocks/seed/model.js';
import { FREE_PORTS, startMockStack, type MockStack } from '../../mocks/start.js';
import type { AgencyAdapter, CaseRecord, DocumentRecord } from '../../src/agencies/kit/port.js';
import { AGENCY_MODULES } from '../../src/agencies/registry.js';
import { persona, sharedWorld, startTestStack, type TestStack } from '../helpers/stack.js';

/** Helseklage's twelve first-instance bodies (domain.md §1), as its system names them. */
const FIRST_INSTANCES = [
  'Norsk pasientskadeerstatning (NPE)',
  'Helfo',
  'Helsedirektoratet',
  'Statens helsetilsyn',
  'Statsforvalteren',
  'Helse Sør-Øst RHF',
  'Helse Vest RHF',
  'Helse Midt-Norge RHF',
  'Helse Nord RHF',
  'Oslo universitetssykehus HF',
  'Direktoratet for medisinske produkter (DMP)',
  'Luftfartstilsynet',
];

let mocks: MockStack;
const records = {} as Record<AgencyCode, CaseRecord[]>;
const documents = {} as Record<AgencyCode, Map<string, DocumentRecord[]>>;

function adapterFor(code: AgencyCode): AgencyAdapter {
  const module = AGENCY_MODULES.find((m) => m.code === code);
  if (!module) throw new Error(`no module ${code}`);
  const settings = module
    .settings(false)
    .parse({ [`${code.toUpperCase()}_BASE_URL`]: mocks.agencies[code].url });
  return module.create(settings, {
    connections: 16,
    connectTimeoutMs: 2_000,
    headersTimeoutMs: 10_000,
    bodyTimeoutMs: 10_000,
  });
}

beforeAll(async () => {
  mocks = await startMockStack({ world: sharedWorld(), ports: FREE_PORTS });
  for (const code of AGENCY_CODES) {
    const adapter = adapterFor(code);
    const numbers = mocks.world.cases[code].map((c) => c.caseNumber);
    const call = { signal: AbortSignal.timeout(60_000), correlationId: 'world' };
    const chunks = Array.from({ length: Math.ceil(numbers.length / 50) }, (_, i) =>
      numbers.slice(i * 50, i * 50 + 50),
    );
    const cases: CaseRecord[] = [];
    const docs = new Map<string, DocumentRecord[]>();
    for (const chunk of chunks) {
      const [found, lists] = await Promise.all([
        adapter.getCases(chunk, call),
        adapter.getDocuments(chunk, call),
      ]);
      found.forEach((c) => c && cases.push(c));
      chunk.forEach((number, i) => docs.set(number, lists[i] ?? []));
    }
    records[code] = cases;
    documents[code] = docs;
    await adapter.close();
  }
}, 120_000);

afterAll(async () => {
  await mocks?.close();
});

describe('the seeded world as the gateway reads it', () => {
  it('reads every case of every agency', () => {
    for (const code of AGENCY_CODES) expect(records[code].length, code).toBe(mocks.world.cases[code].length);
  });

  it('calls a case forwarded only once it was appealed', () => {
    const appealStep = { npe: 'KLAGE_MOTTATT', patienterstatningen: 'ANKE_MODTAGET' } as const;
    for (const code of ['npe', 'patienterstatningen'] as const) {
      const forwarded = records[code].filter((c) => c.status === 'FORWARDED');
      expect(forwarded.length, code).toBeGreaterThan(10);
      for (const c of forwarded)
        expect(
          c.related.length > 0 ||
            c.timeline.some((s) => s.code === appealStep[code] && s.state === 'COMPLETED'),
          `${code}:${c.caseNumber}`,
        ).toBe(true);
    }
    // And the other way: a rejection nobody appealed is decided, not forwarded.
    const unappealed = records.npe.filter(
      (c) =>
        c.outcome?.code === 'AVSLAG' &&
        c.related.length === 0 &&
        !c.timeline.some((s) => s.code === 'KLAGE_MOTTATT'),
    );
    expect(unappealed.length).toBeGreaterThan(50);
    expect(unappealed.filter((c) => c.status === 'FORWARDED')).toEqual([]);
  });

  it('never shows closing as the step under way, in any agency', () => {
    for (const code of AGENCY_CODES)
      for (const c of records[code]) {
        const current = c.timeline.findIndex((s) => s.state === 'CURRENT');
        expect(current === -1 || current < c.timeline.length - 1, `${code}:${c.caseNumber}`).toBe(true);
      }
  });

  it('STPK: a complaint it has begun to handle is in progress, not merely received', () => {
    const begun = records.stpk.filter(
      (c) => !c.closedAt && c.timeline.filter((s) => s.state === 'COMPLETED').length > 1 && !c.outcome,
    );
    expect(begun.length).toBeGreaterThan(100);
    for (const c of begun) expect(c.status, c.caseNumber).toBe('IN_PROGRESS');
    for (const c of records.stpk.filter((r) => r.status === 'RECEIVED'))
      expect(c.timeline.filter((s) => s.state === 'COMPLETED').length, c.caseNumber).toBeLessThanOrEqual(1);
  });

  it('Helseklage: all twelve first-instance bodies, at least 50 case types, each with its label in four languages', () => {
    const { definition } = adapterFor('helseklage');
    const bodies = new Set(records.helseklage.map((c) => c.firstInstance));
    for (const body of FIRST_INSTANCES) expect(bodies.has(body), body).toBe(true);
    // Pre-approval of lawyer costs is Pasientskadenemnda's own first decision.
    expect([...bodies].filter((b) => !FIRST_INSTANCES.includes(b ?? ''))).toEqual(['Pasientskadenemnda']);
    const types = new Set(records.helseklage.map((c) => c.caseType));
    expect(types.size).toBeGreaterThanOrEqual(50);
    for (const type of types) {
      const labels = definition.labels.caseTypes[type];
      expect(labels, type).toBeDefined();
      expect(new Set(Object.values(labels ?? {})).size, type).toBeGreaterThan(1);
    }
    // STPK names the decision its appeals board hears; NPE and Patienterstatningen decide first.
    expect(
      new Set(records.stpk.filter((c) => c.caseType === 'ERSTATNINGSANKE').map((c) => c.firstInstance)),
    ).toEqual(new Set(['Patienterstatningen']));
    expect(records.npe.every((c) => c.firstInstance === null)).toBe(true);
  });

  it('every decision is also delivered to the party’s digital mailbox: Digipost or e-Boks in Norway, Digital Post in Denmark', () => {
    const mailboxes = {
      npe: ['Digipost', 'e-Boks'],
      helseklage: ['Digipost', 'e-Boks'],
      stpk: ['Digital Post'],
      patienterstatningen: ['Digital Post'],
    };
    for (const code of AGENCY_CODES) {
      const decided = records[code].filter((c) => c.outcome);
      expect(decided.length, code).toBeGreaterThan(50);
      const seen = new Set<string>();
      for (const c of decided) {
        const delivered = (documents[code].get(c.caseNumber) ?? []).filter((d) => d.digitalMailbox);
        expect(delivered.length, `${code}:${c.caseNumber}`).toBeGreaterThan(0);
        for (const d of delivered) {
          expect(d.direction).toBe('OUTGOING');
          expect(Date.parse(d.digitalMailbox?.deliveredAt ?? '')).toBeGreaterThanOrEqual(Date.parse(d.date));
          seen.add(d.digitalMailbox?.mailbox ?? '');
        }
      }
      expect([...seen].sort(), code).toEqual(mailboxes[code]);
    }
  });
});

describe('lawyer-many through the graph', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('sees at least 250 cases after every rule (NPE’s closed ones gone after 90 days)', async () => {
    const { body } = await stack.graphql<{
      cases: { totalCount: number; agencyStatuses: { status: string }[] };
    }>('{ cases(first: 1) { totalCount agencyStatuses { status } } }', {
      token: await stack.token('lawyer-many'),
    });
    expect(body.data?.cases.agencyStatuses.map((s) => s.status)).toEqual([
      'OK',
      'OK',
      'NOT_ELIGIBLE',
      'NOT_ELIGIBLE',
    ]);
    expect(body.data?.cases.totalCount).toBeGreaterThanOrEqual(persona('lawyer-many').minimumCases ?? 250);
  });
});
