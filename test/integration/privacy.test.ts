import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../../src/messages.js';
import { agencyDocuments } from '../helpers/agency-api.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

const FULL_CASES = /* GraphQL */ `
  query ($first: Int) {
    cases(first: $first) {
      nodes {
        id
        title
        caseNumber
        participants {
          role
          name
          organisation
          isViewer
        }
        documents {
          id
          title
          direction
          date
          commentDeadline
        }
        relatedCases {
          id
          participants {
            name
          }
        }
      }
    }
  }
`;

interface FullCases {
  cases: { nodes: { id: string; documents: { id: string }[] }[] };
}

describe('what never leaves the graph', () => {
  /** A Danish party whose cases in the overview hold internal notes. */
  function danishPartyWithInternalNotes(): { cpr: string; loa: string } {
    const found = stack.mocks.world.cases.stpk.find(
      (c) =>
        c.createdAt >= '2025-11-01' &&
        c.participants.length === 1 &&
        c.documents.some((d) => d.journalType === 'N' || d.journalType === 'X'),
    );
    return { cpr: found?.participants[0]?.nationalId ?? '', loa: 'substantial' };
  }

  it.each(['lawyer-many', 'citizen-npe-helseklage', 'danish-party'])(
    '%s: internal documents (Noark N/X) never appear, and every other document does',
    async (key) => {
      const { body } = await stack.graphql<FullCases>(FULL_CASES, {
        token: await stack.token(key === 'danish-party' ? danishPartyWithInternalNotes() : key),
        variables: { first: 60 },
      });
      expect(body.errors).toBeUndefined();
      let internalSeen = 0;
      for (const node of body.data!.cases.nodes) {
        const raw = await agencyDocuments(stack.mocks, node.id);
        const shown = new Set(node.documents.map((d) => d.id));
        internalSeen += raw.filter((d) => d.internal).length;
        expect(raw.filter((d) => d.internal && shown.has(d.id))).toEqual([]);
        expect([...shown].sort()).toEqual(
          raw
            .filter((d) => !d.internal)
            .map((d) => d.id)
            .sort(),
        );
      }
      // The comparison means something only if the agencies did send internal notes.
      expect(internalSeen).toBeGreaterThan(0);
    },
  );

  it('national identity numbers and case officers’ names never appear in an answer', async () => {
    const { text, body } = await stack.graphql<{ cases: { nodes: { id: string }[] } }>(FULL_CASES, {
      token: await stack.token('lawyer-many'),
      variables: { first: 100 },
    });
    const world = stack.mocks.world;
    const records = new Map(
      [...world.cases.npe, ...world.cases.helseklage].map((c) => [`${c.agency}:${c.caseNumber}`, c]),
    );
    const nodes = body.data?.cases.nodes ?? [];
    expect(nodes).toHaveLength(100);
    for (const node of nodes) {
      const record = records.get(node.id);
      if (!record) throw new Error(`unknown case ${node.id}`);
      for (const participant of record.participants) expect(text).not.toContain(participant.nationalId);
      // A case officer may share a common name with someone on the case; outside the participants, never.
      let shown = JSON.stringify({ ...node, participants: undefined, relatedCases: undefined });
      for (const participant of record.participants) shown = shown.replaceAll(participant.name, '');
      expect(shown).not.toContain(record.caseworker);
    }
    expect(text).not.toMatch(/\b\d{10,11}\b/);
  });

  it('a case id of another person answers exactly like one that does not exist', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    const someoneElses = stack.mocks.world.cases.npe.find(
      (c) => !c.participants.some((p) => p.nationalId === '15838510075'),
    );
    const someoneElsesAppeal = stack.mocks.world.cases.helseklage.find(
      (c) => !c.participants.some((p) => p.nationalId === '15838510075'),
    );
    const ask = async (id: string) =>
      (
        await stack.graphql('query ($id: ID!) { case(id: $id) { id title participants { name } } }', {
          token,
          variables: { id },
        })
      ).text;
    const nonexistent = await ask('npe:2019-99999');
    expect(JSON.parse(nonexistent)).toEqual({
      data: { case: null },
      errors: [
        {
          message: say('nb', 'CASE_NOT_FOUND'),
          locations: [{ line: 1, column: 20 }],
          path: ['case'],
          extensions: { code: 'NOT_FOUND' },
        },
      ],
    });
    expect(await ask(`npe:${someoneElses?.caseNumber}`)).toBe(nonexistent);
    expect(await ask(`helseklage:${someoneElsesAppeal?.caseNumber}`)).toBe(nonexistent);
    expect(await ask('helseklage:2019/99999')).toBe(nonexistent);
    expect(await ask('nosuchagency:123')).toBe(nonexistent);
    expect(await ask('not a case id')).toBe(nonexistent);
    // A Danish case asked for with a Norwegian login: the same.
    expect(await ask(`stpk:${stack.mocks.world.cases.stpk[0]?.caseNumber}`)).toBe(nonexistent);
  });

  it('her own case answers with the case', async () => {
    const token = await stack.token('citizen-npe-helseklage');
    const own = stack.mocks.world.cases.npe.find((c) =>
      c.participants.some((p) => p.nationalId === '15838510075'),
    );
    const { body } = await stack.graphql('query ($id: ID!) { case(id: $id) { id viewerRole } }', {
      token,
      variables: { id: `npe:${own?.caseNumber}` },
    });
    expect(body).toEqual({ data: { case: { id: `npe:${own?.caseNumber}`, viewerRole: 'PARTY' } } });
  });

  it('every answer carries Cache-Control: no-store and a request id', async () => {
    const response = await stack.graphql('{ agencies { code } }');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
  });
});
