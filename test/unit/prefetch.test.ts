/**
 * Document lists fetched with the cases: only where the agency's search says the case is open to the
 * viewer — and when the search says so wrongly (the case itself closes it), the documents it made us fetch
 * are neither shown, kept in the safety net nor audited as read. The case decides, never the search.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { syntheticFodselsnummer } from '../../mocks/seed/ids.js';
import { Random } from '../../mocks/seed/random.js';
import { Viewer } from '../../src/access/viewer.js';
import { helseklageDefinition } from '../../src/agencies/helseklage/definition.js';
import type { DocumentRecord, PersonListing, Registration } from '../../src/agencies/kit/port.js';
import { AgencyRegistry } from '../../src/agencies/registry.js';
import type { AuditEntry } from '../../src/audit/audit.js';
import type { Principal } from '../../src/auth/principal.js';
import { ViewerCache } from '../../src/cache/viewer-cache.js';
import { caseDocuments } from '../../src/cases/documents.js';
import { listCases } from '../../src/cases/list.js';
import { Gathered } from '../../src/lifecycle/gathered.js';
import { createLoaders } from '../../src/loaders/index.js';
import { MemoryStore } from '../../src/store/memory.js';
import { caseRecord, FakeAgency, participant } from '../helpers/fake-agency.js';

const log = pino({ level: 'silent' });
const now = new Date();
const random = new Random(19);
const party = syntheticFodselsnummer(random, new Date(Date.UTC(1966, 4, 17)));

/** Helseklage whose search reports a registration of its own making, and whose cases have one letter each. */
class SearchThatSays extends FakeAgency {
  constructor(private readonly says: Registration | undefined) {
    super(helseklageDefinition, [
      // The case registers no mobile for its party: closed to her (MISSING_CONTACT_INFO).
      caseRecord(helseklageDefinition, '2026/00901', [participant('PARTY', party, { mobile: null })], now),
    ]);
  }

  override async casesForPerson(nationalId: string): Promise<PersonListing> {
    const listing = await super.casesForPerson(nationalId);
    return {
      ...listing,
      cases: listing.cases.map((ref) => (this.says ? { ...ref, registration: this.says } : ref)),
    };
  }

  override async getDocuments(caseNumbers: readonly string[]) {
    await super.getDocuments(caseNumbers);
    return caseNumbers.map((caseNumber): DocumentRecord[] => [
      {
        id: `${caseNumber}-1`,
        caseNumber,
        title: 'Vedtak',
        direction: 'OUTGOING',
        date: now.toISOString().slice(0, 10),
        contentType: 'application/pdf',
        sizeBytes: 1000,
        commentDeadline: null,
        counterpartyId: party,
        digitalMailbox: null,
      },
    ]);
  }
}

const REGISTERED = { represented: false, hasEmail: true, emailIsPersonal: null, lawyersOnCase: 0 };

async function dashboard(agency: SearchThatSays) {
  const registry = new AgencyRegistry([agency]);
  const store = new MemoryStore();
  const safetyNet = new ViewerCache(
    store,
    'prefetch-test-secret-0123456789abcdef',
    {
      ttlMs: 600_000,
      refreshMs: 60_000,
    },
    log,
  );
  const principal: Principal = {
    provider: 'idporten',
    issuer: 'test',
    country: 'NO',
    nationalId: party,
    assurance: 'high',
    expiresAt: Math.floor(now.getTime() / 1000) + 600,
  };
  const call = { signal: AbortSignal.timeout(5_000), correlationId: 'prefetch' };
  const audited: AuditEntry[] = [];
  const auditTrail = new Gathered<AuditEntry>((entries) => audited.push(...entries));
  const requestCache = safetyNet.forRequest(party);
  const viewer = new Viewer({
    principal,
    registry,
    call,
    now,
    login: { holds: async () => true, endsAt: principal.expiresAt * 1000 },
    loaders: createLoaders(registry, party, call, requestCache, log),
    consents: async () =>
      new Map([
        [
          'helseklage',
          {
            agency: 'helseklage',
            portal: true,
            notifications: false,
            givenAt: now.toISOString(),
            withdrawnAt: null,
            language: null,
          },
        ],
      ]),
    readDocuments: async () => new Set<string>(),
    auditTrail,
    streaming: () => undefined,
  });
  const context = {
    viewer,
    registry,
    lang: 'nb' as const,
    log,
    maxPageSize: 100,
    deadlineAt: Date.now() + 5_000,
  };
  const page = await listCases(context, { first: 20 }, { withDocuments: true });
  const [node] = page.edges.map((e) => e.node);
  if (!node) throw new Error('the case was not listed');
  // The dashboard's document field for the case, as the graph resolves it.
  const shown = await caseDocuments(context, node).catch((error: Error) => error);
  auditTrail.end();
  requestCache.end();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const kept = await safetyNet
    .forRequest(party)
    .agency('helseklage')
    .getMany(['case:2026/00901', 'documents:2026/00901']);
  return { node, shown, audited, kept, calls: agency.calls };
}

describe('document lists fetched with the cases', () => {
  it('are not asked for when the search shows the case closed to the viewer', async () => {
    const { node, calls, shown } = await dashboard(new SearchThatSays({ ...REGISTERED, hasMobile: false }));
    expect(node.decision.closure).toBe('MISSING_CONTACT_INFO');
    expect(shown).toBeInstanceOf(Error);
    expect(calls.getDocuments).toBe(0);
  });

  it('are not asked for when the search says nothing of the registration (Helseklage has case rules)', async () => {
    const { calls } = await dashboard(new SearchThatSays(undefined));
    expect(calls.getDocuments).toBe(0);
  });

  it('asked for because the search said the case was open, are still neither shown, kept nor audited when the case closes it', async () => {
    const { node, calls, shown, audited, kept } = await dashboard(
      new SearchThatSays({ ...REGISTERED, hasMobile: true }),
    );
    // The search's word made the gateway ask for the list in the same round as the case…
    expect(calls.getDocuments).toBe(1);
    // …but the case closes it to her: refused, not kept, not audited as read.
    expect(node.decision.closure).toBe('MISSING_CONTACT_INFO');
    expect((shown as { extensions?: { code?: string } }).extensions?.code).toBe('FORBIDDEN');
    // The case itself is hers to see (closed, with the reason): kept; its documents are not.
    expect(kept[0]).not.toBeNull();
    expect(kept[1]).toBeNull();
    expect(audited.filter((e) => e.action === 'READ_DOCUMENT_LIST')).toEqual([]);
  });
});
