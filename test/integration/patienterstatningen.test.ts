/**
 * The fourth agency end to end: a Danish patient logs in with MitID and, in one `cases` answer, sees his
 * compensation claims at Patienterstatningen and the appeal of the rejected one at STPK (the secretariat of
 * Ankenævnet for Patienterstatningen), linked both ways — through a dialect that pages by Link headers.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CATALOG_TTL_MS } from '../../src/agencies/kit/catalog-cache.js';
import { AGENCY_MODULES } from '../../src/agencies/registry.js';
import { nextPagePath } from '../../src/agencies/patienterstatningen/adapter.js';
import { UpstreamError } from '../../src/errors.js';
import { persona, startTestStack, type TestStack } from '../helpers/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

interface Page {
  cases: {
    totalCount: number;
    agencyStatuses: { agency: { code: string }; status: string }[];
    nodes: {
      id: string;
      agency: { code: string; name: string };
      caseType: { code: string; label: string };
      status: string;
      outcome: { label: string } | null;
      timeline: { code: string; label: string; state: string }[];
      documents: { title: string; direction: string; commentDeadline: string | null }[] | null;
      relatedCases: { id: string }[];
      viewerCan: { readDocumentContent: boolean; submitInformation: boolean };
    }[];
  };
}

const QUERY = `{
  cases(first: 20) {
    totalCount
    agencyStatuses { agency { code } status }
    nodes {
      id agency { code name } caseType { code label } status outcome { label }
      timeline { code label state }
      documents { title direction commentDeadline }
      relatedCases { id }
      viewerCan { readDocumentContent submitInformation }
    }
  }
}`;

describe('Patienterstatningen, the fourth agency', () => {
  it('shows a Danish persona their compensation claims and the linked STPK appeal in one cases answer', async () => {
    const lars = persona('citizen-dk-compensation');
    const claims = stack.mocks.world.cases.patienterstatningen.filter((c) =>
      c.participants.some((p) => p.nationalId === lars.login.cpr),
    );
    const rejected = claims.find((c) => c.appealedTo);
    const appeal = stack.mocks.world.cases.stpk.find(
      (c) => c.caseNumber === rejected?.appealedTo?.caseNumber,
    );
    expect([claims.length, appeal?.appealOf?.caseNumber]).toEqual([2, rejected?.caseNumber]);
    const documentPages = () =>
      stack.mocks.agencies.patienterstatningen.stats.byRoute['GET /v2/claims/:claim/documents'] ?? 0;
    const pagesBefore = documentPages();

    const { body } = await stack.graphql<Page>(QUERY, {
      token: await stack.token('citizen-dk-compensation'),
      headers: { 'accept-language': 'da' },
    });
    expect(body.errors).toBeUndefined();
    const page = body.data!.cases;
    expect(page.agencyStatuses.map((s) => [s.agency.code, s.status])).toEqual([
      ['npe', 'NOT_ELIGIBLE'],
      ['helseklage', 'NOT_ELIGIBLE'],
      ['stpk', 'OK'],
      ['patienterstatningen', 'OK'],
    ]);
    const claimId = `patienterstatningen:${rejected?.caseNumber}`;
    const appealId = `stpk:${appeal?.caseNumber}`;
    expect(page.nodes.map((n) => n.id).sort()).toEqual(
      [...claims.map((c) => `patienterstatningen:${c.caseNumber}`), appealId].sort(),
    );
    const claim = page.nodes.find((n) => n.id === claimId);
    const appealNode = page.nodes.find((n) => n.id === appealId);
    // Linked both ways, each side in its own agency's words.
    expect(claim?.relatedCases).toEqual([{ id: appealId }]);
    expect(appealNode?.relatedCases).toEqual([{ id: claimId }]);
    expect(claim).toMatchObject({
      agency: { code: 'patienterstatningen', name: 'Patienterstatningen' },
      caseType: { code: 'BEHANDLINGSSKADE', label: 'Behandlingsskade' },
      status: 'FORWARDED',
      outcome: { label: 'Afvist' },
      viewerCan: { readDocumentContent: true, submitInformation: true },
    });
    expect(claim?.timeline.find((s) => s.code === 'SENDT_TIL_ANKENAEVNET')).toEqual({
      code: 'SENDT_TIL_ANKENAEVNET',
      label: 'Sendt til Ankenævnet for Patienterstatningen',
      state: 'COMPLETED',
    });
    expect(appealNode?.caseType).toEqual({
      code: 'ERSTATNINGSANKE',
      label: 'Anke af Patienterstatningens afgørelse',
    });
    // Documents as the agency holds them, internal notes left out: gathered over several Link pages.
    const visible = rejected?.documents.filter((d) => d.journalType === 'I' || d.journalType === 'U') ?? [];
    expect(claim?.documents?.map((d) => d.title).sort()).toEqual(visible.map((d) => d.title).sort());
    // The agency serves at most 10 documents a page; this claim holds more (internal notes included).
    expect(rejected?.documents.length).toBeGreaterThan(10);
    expect(documentPages() - pagesBefore).toBeGreaterThan(claims.length);
    // The drug-injury claim waits for his comments.
    const drug = page.nodes.find((n) => n.caseType.code === 'LAEGEMIDDELSKADE');
    expect(drug?.timeline.find((s) => s.state === 'CURRENT')?.label).toBe('Partshøring');
    expect(drug?.documents?.some((d) => d.commentDeadline !== null)).toBe(true);
  });
});

describe('the form catalog', () => {
  it('is revalidated by its ETag when the cache runs out: 304, nothing downloaded again', async () => {
    const module = AGENCY_MODULES.find((m) => m.code === 'patienterstatningen');
    const settings = module
      ?.settings(false)
      .parse({ PATIENTERSTATNINGEN_BASE_URL: stack.mocks.agencies.patienterstatningen.url });
    const adapter = module!.create(settings as never, {
      connections: 2,
      connectTimeoutMs: 1_000,
      headersTimeoutMs: 2_000,
      bodyTimeoutMs: 2_000,
    });
    const { stats } = stack.mocks.agencies.patienterstatningen;
    stats.byStatus = {};
    const asked = () => stats.byRoute['GET /v2/forms'] ?? 0;
    const before = asked();
    try {
      const first = await adapter.formDefinitions({ signal: AbortSignal.timeout(5_000), correlationId: 't' });
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + CATALOG_TTL_MS + 1_000);
      // The known catalog at once, asked for again behind it.
      const again = await adapter.formDefinitions({ signal: AbortSignal.timeout(5_000), correlationId: 't' });
      expect(again).toEqual(first);
      expect(first.map((f) => f.code)).toEqual(['SAMTYKKE_JOURNALINDHENTNING', 'TABSOPGOERELSE']);
      await vi.waitFor(() => expect(stats.byStatus[304]).toBe(1));
      expect(asked() - before).toBe(2);
      expect(stats.byStatus).toEqual({ 200: 1, 304: 1 });
    } finally {
      vi.useRealTimers();
      await adapter.close();
    }
  });
});

describe('following Link headers', () => {
  const base = new URL('https://api.patienterstatningen.example/claims-api');

  it('follows rel="next" under the agency’s own base path and stops on the last page', () => {
    expect(
      nextPagePath(
        '<https://api.patienterstatningen.example/claims-api/v2/claims?page=2&per_page=10>; rel="next", <https://api.patienterstatningen.example/claims-api/v2/claims?page=4>; rel="last"',
        base,
      ),
    ).toBe('/v2/claims?page=2&per_page=10');
    expect(nextPagePath('</claims-api/v2/claims?page=4>; rel="last"', base)).toBeNull();
    expect(nextPagePath(undefined, base)).toBeNull();
  });

  it.each([
    ['another host', '<https://evil.example/claims-api/v2/claims?page=2>; rel="next"'],
    ['another scheme', '<http://api.patienterstatningen.example/claims-api/v2/claims?page=2>; rel="next"'],
    ['outside the base path', '<https://api.patienterstatningen.example/admin?page=2>; rel="next"'],
  ])('refuses a next link to %s (the API key would go along) as BAD_RESPONSE', (_what, header) => {
    let error: unknown;
    try {
      nextPagePath(header, base);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).failure).toBe('BAD_RESPONSE');
  });
});
