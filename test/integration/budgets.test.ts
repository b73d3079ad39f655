/**
 * Call-count budgets of the benchmark's workloads (bench/scenarios.ts), counted at the mock agencies:
 * where an agency has batch endpoints the calls per operation stay fixed however many cases the page
 * holds; where it has none (Helseklage) there is one call per case and document list, never more at once
 * than the connection cap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  detailCaseId,
  W1_CITIZEN_DASHBOARD,
  W2_LAWYER_OVERVIEW,
  W3_CASE_DETAIL,
  answerIsClean,
} from '../../bench/scenarios.js';
import type { MockCall } from '../../mocks/agencies/harness.js';
import { persona, startTestStack, type TestStack } from '../helpers/stack.js';

const CONNECTIONS = 4;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ env: { UPSTREAM_CONNECTIONS: String(CONNECTIONS) } });
});
afterAll(async () => {
  await stack.close();
});

/** Runs one operation and returns the calls each agency received, by route. */
async function count(persona: string, query: string, variables: Record<string, unknown>) {
  const token = await stack.token(persona);
  for (const mock of Object.values(stack.mocks.agencies)) mock.resetStats();
  const { text, body } = await stack.graphql<{ cases?: { nodes: { id: string }[] } }>(query, {
    token,
    variables,
  });
  expect(answerIsClean(text), text.slice(0, 300)).toBe(true);
  const { npe, helseklage, stpk } = stack.mocks.agencies;
  return {
    nodes: body.data?.cases?.nodes ?? [],
    npe: { ...npe.stats.byRoute },
    npeTotal: npe.stats.total,
    helseklage: { ...helseklage.stats.byRoute },
    helseklagePeak: helseklage.stats.peakInFlight,
    stpkTotal: stpk.stats.total,
  };
}

describe('agency calls per operation', () => {
  it('W2, the lawyer overview: NPE calls stay the same from 10 to 100 cases; Helseklage one per case, capped', async () => {
    stack.mocks.agencies.helseklage.setFaults({ delayMs: 10 });
    try {
      const runs = [];
      for (const first of [10, 50, 100]) runs.push(await count('lawyer-many', W2_LAWYER_OVERVIEW, { first }));
      const npeCalls = runs.map((r) => r.npeTotal);
      expect(new Set(npeCalls).size).toBe(1);
      for (const run of runs) {
        // Search pages, then one batch of cases and one of document lists, whatever the page size.
        expect(run.npe['POST /api/v1/saker/hent']).toBe(1);
        expect(run.npe['POST /api/v1/saker/dokumentlister']).toBe(1);
        const atHelseklage = run.nodes.filter((n) => n.id.startsWith('helseklage:')).length;
        expect(run.helseklage['GET /api/cases/:caseId'] ?? 0).toBe(atHelseklage);
        expect(run.helseklage['GET /api/cases/:caseId/documents'] ?? 0).toBeLessThanOrEqual(atHelseklage);
        expect(run.helseklagePeak).toBeLessThanOrEqual(CONNECTIONS);
        // A Norwegian lawyer's overview never asks the Danish agency.
        expect(run.stpkTotal).toBe(0);
      }
      expect(runs[2]?.nodes).toHaveLength(100);
      expect(runs[2]?.nodes.some((n) => n.id.startsWith('helseklage:'))).toBe(true);
    } finally {
      stack.mocks.agencies.helseklage.setFaults({});
    }
  });

  it('W1, the citizen dashboard: one search per agency, one batch at NPE, one call per Helseklage case', async () => {
    const run = await count('citizen-npe-helseklage', W1_CITIZEN_DASHBOARD, {});
    const atNpe = run.nodes.filter((n) => n.id.startsWith('npe:')).length;
    const atHelseklage = run.nodes.filter((n) => n.id.startsWith('helseklage:')).length;
    expect(atNpe).toBeGreaterThan(0);
    expect(atHelseklage).toBeGreaterThan(0);
    expect(run.npe).toEqual({
      'POST /api/v1/saker/sok': 1,
      'POST /api/v1/saker/hent': 1,
      'POST /api/v1/saker/dokumentlister': 1,
    });
    expect(run.helseklage['POST /api/case-search']).toBe(1);
    expect(run.helseklage['GET /api/cases/:caseId']).toBe(atHelseklage);
    expect(run.helseklage['GET /api/cases/:caseId/documents']).toBe(atHelseklage);
  });

  it('W3, a case in detail: the case, its documents and its related appeal, each once', async () => {
    const run = await count('citizen-npe-helseklage', W3_CASE_DETAIL, {
      id: detailCaseId(stack.mocks.world),
    });
    expect(run.npe['POST /api/v1/saker/hent']).toBe(1);
    expect(run.npe['POST /api/v1/saker/dokumentlister']).toBe(1);
    expect(run.helseklage['GET /api/cases/:caseId']).toBe(1);
    expect(run.stpkTotal).toBe(0);
  });
});

/**
 * The rounds of agency calls an operation made, from the mocks' call log: a call is in the round after the
 * latest round of any call answered before it arrived (a call that had to wait for another's answer).
 */
function roundsOf(calls: readonly (MockCall & { agency: string })[]): string[][] {
  const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  const round = new Map<MockCall, number>();
  for (const call of sorted) {
    const after = sorted.filter((c) => c.endedAt !== null && c.endedAt <= call.startedAt);
    round.set(call, Math.max(0, ...after.map((c) => round.get(c) ?? 0)) + 1);
  }
  const rounds: string[][] = [];
  for (const call of sorted) (rounds[(round.get(call) ?? 1) - 1] ??= []).push(`${call.agency} ${call.route}`);
  return rounds;
}

describe('rounds of agency calls', () => {
  /** Runs one operation with every agency answering in 40 ms, and returns its rounds of calls. */
  async function rounds(persona: string, query: string, variables: Record<string, unknown> = {}) {
    const token = await stack.token(persona);
    const mocks = Object.entries(stack.mocks.agencies);
    for (const [, mock] of mocks) {
      mock.resetStats();
      mock.setFaults({ delayMs: 40 });
    }
    try {
      const { text } = await roomy.graphql(query, { token, variables });
      expect(answerIsClean(text), text.slice(0, 300)).toBe(true);
    } finally {
      for (const [, mock] of mocks) mock.setFaults({});
    }
    const calls = mocks.flatMap(([agency, mock]) => mock.stats.calls.map((call) => ({ ...call, agency })));
    return { rounds: roundsOf(calls), calls };
  }

  // Room for every call of a round at once: a call queued behind the connection cap would look like a round.
  let roomy: Awaited<ReturnType<TestStack['gatewayWith']>>;
  beforeAll(async () => {
    roomy = await stack.gatewayWith({ UPSTREAM_CONNECTIONS: '64' });
  });

  it('W1, the citizen dashboard: the searches, then the cases and their document lists together', async () => {
    const { rounds: found } = await rounds('citizen-npe-helseklage', W1_CITIZEN_DASHBOARD);
    expect(found).toHaveLength(2);
    expect(new Set(found[0])).toEqual(
      new Set(['npe POST /api/v1/saker/sok', 'helseklage POST /api/case-search']),
    );
    expect(found[1]).toEqual(
      expect.arrayContaining(['npe POST /api/v1/saker/hent', 'npe POST /api/v1/saker/dokumentlister']),
    );
    expect(found[1]).toEqual(
      expect.arrayContaining([
        'helseklage GET /api/cases/:caseId',
        'helseklage GET /api/cases/:caseId/documents',
      ]),
    );
  });

  it('W2, the lawyer overview of 100 cases: two rounds as well', async () => {
    const { rounds: found } = await rounds('lawyer-many', W2_LAWYER_OVERVIEW, { first: 100 });
    // The searches page through the lawyer's many cases first; then one round for everything on the page.
    const searches = found.filter((round) => round.every((call) => /sok|case-search/.test(call)));
    expect(found.length - searches.length).toBe(1);
    expect(found.at(-1)).toEqual(
      expect.arrayContaining(['npe POST /api/v1/saker/hent', 'npe POST /api/v1/saker/dokumentlister']),
    );
  });

  it('W3, a case in detail: the case, then its documents and related case together', async () => {
    const { rounds: found } = await rounds('citizen-npe-helseklage', W3_CASE_DETAIL, {
      id: detailCaseId(stack.mocks.world),
    });
    expect(found.length).toBeLessThanOrEqual(2);
  });

  it('a case closed to the viewer: its documents are never asked for', async () => {
    const hanne = persona('missing-mobile').login.pid;
    const closed = stack.mocks.world.cases.helseklage.find((c) =>
      c.participants.some((p) => p.nationalId === hanne && p.role === 'PARTY' && !p.mobile),
    );
    expect(closed).toBeDefined();
    const { rounds: found, calls } = await rounds('missing-mobile', W1_CITIZEN_DASHBOARD);
    expect(found.length).toBeLessThanOrEqual(2);
    expect(calls.map((c) => c.path)).toContain(`/api/cases/${encodeURIComponent(closed?.caseNumber ?? '')}`);
    expect(calls.filter((c) => c.path.endsWith('/documents'))).toEqual([]);
  });
});
