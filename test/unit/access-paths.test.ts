/**
 * One table of personas and what each may see, run through the four paths that decide it — the case looked
 * up by id, the case list, the audience of an agency's event, and the delivery of a submission — with the
 * real rules, loaders, consents and records (the embedded database) over agencies kept in memory: no
 * sockets, no gateway process. Every path must agree with the table on every row: whether the person sees
 * the case, in which role, whether it is closed to them and what they may do with it.
 */
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Viewer } from '../../src/access/viewer.js';
import { helseklageDefinition } from '../../src/agencies/helseklage/definition.js';
import { npeDefinition } from '../../src/agencies/npe/definition.js';
import type { AgencyDefinition, ParticipantRole } from '../../src/agencies/kit/port.js';
import { AgencyRegistry } from '../../src/agencies/registry.js';
import { stpkDefinition } from '../../src/agencies/stpk/definition.js';
import { AuditLog, type AuditEntry, type AuditTrail } from '../../src/audit/audit.js';
import { Gathered } from '../../src/lifecycle/gathered.js';
import type { Principal } from '../../src/auth/principal.js';
import { pseudonym } from '../../src/auth/pseudonym.js';
import { loadCase } from '../../src/cases/get.js';
import { listCases } from '../../src/cases/list.js';
import { DocumentReads } from '../../src/cases/reads.js';
import { ConsentService } from '../../src/consent/consents.js';
import type { ViewerRequest } from '../../src/access/viewer.js';
import { CaseEvents } from '../../src/events/case-events.js';
import { createLoaders } from '../../src/loaders/index.js';
import { NotificationInbox } from '../../src/notifications/inbox.js';
import { openDatabase, type Database } from '../../src/records/database.js';
import { migrate } from '../../src/records/migrate.js';
import { SubmissionDelivery } from '../../src/submissions/delivery.js';
import { senderOf, SubmissionRecords, type SubmissionRecord } from '../../src/submissions/records.js';
import { fictitiousCpr, syntheticFodselsnummer } from '../../mocks/seed/ids.js';
import { Random } from '../../mocks/seed/random.js';
import { caseRecord, FakeAgency, participant } from '../helpers/fake-agency.js';

const SECRET = 'access-paths-secret-0123456789';
const log = pino({ level: 'silent' });
const now = new Date();
const random = new Random(16);
const norwegian = (year: number) => syntheticFodselsnummer(random, new Date(Date.UTC(year, 4, 17)));
const dNumber = () => syntheticFodselsnummer(random, new Date(Date.UTC(1984, 2, 9)), true);
const danish = (year: number) => fictitiousCpr(random, new Date(Date.UTC(year, 8, 3)), true);

const stpk: AgencyDefinition = stpkDefinition('2024-01-01');

// The people, by what they are to the cases below.
const id = {
  party: norwegian(1961),
  representedParty: norwegian(1958),
  lawyer: norwegian(1970),
  lawyerWithoutPhone: norwegian(1972),
  partyOfLawyerWithoutPhone: norwegian(1949),
  closedLongAgo: norwegian(1955),
  ward: norwegian(1990),
  guardian: norwegian(1960),
  notConsented: norwegian(1980),
  dNumberHolder: dNumber(),
  partyWithoutMobile: norwegian(1966),
  partyOfTwoLawyers: norwegian(1975),
  firstOfTwoLawyers: norwegian(1968),
  secondOfTwoLawyers: norwegian(1971),
  helseklageWard: norwegian(2001),
  helseklageGuardian: norwegian(1969),
  deceased: norwegian(1938),
  bereaved: norwegian(1964),
  partyOfSharedInboxLawyer: norwegian(1983),
  sharedInboxLawyer: norwegian(1977),
  danishParty: danish(1972),
  danishPartyBeforeCutoff: danish(1950),
  norwegianInDanishCase: norwegian(1988),
};

const npeCases = [
  caseRecord(npeDefinition, '2025-10001', [participant('PARTY', id.party)], now),
  caseRecord(
    npeDefinition,
    '2025-10002',
    [participant('PARTY', id.representedParty), participant('LAWYER', id.lawyer)],
    now,
  ),
  caseRecord(
    npeDefinition,
    '2025-10003',
    [
      participant('PARTY', id.partyOfLawyerWithoutPhone),
      participant('LAWYER', id.lawyerWithoutPhone, { mobile: null }),
    ],
    now,
  ),
  caseRecord(npeDefinition, '2024-10004', [participant('PARTY', id.closedLongAgo)], now, 120),
  caseRecord(
    npeDefinition,
    '2025-10005',
    [participant('PARTY', id.ward), participant('GUARDIAN', id.guardian)],
    now,
  ),
  caseRecord(npeDefinition, '2025-10006', [participant('PARTY', id.notConsented)], now),
  caseRecord(npeDefinition, '2025-10007', [participant('PARTY', id.dNumberHolder)], now),
];
const helseklageCases = [
  caseRecord(
    helseklageDefinition,
    '2026/00101',
    [participant('PARTY', id.partyWithoutMobile, { mobile: null })],
    now,
  ),
  caseRecord(
    helseklageDefinition,
    '2026/00102',
    [
      participant('PARTY', id.partyOfTwoLawyers),
      participant('LAWYER', id.firstOfTwoLawyers),
      participant('LAWYER', id.secondOfTwoLawyers),
    ],
    now,
  ),
  caseRecord(
    helseklageDefinition,
    '2026/00103',
    [participant('PARTY', id.helseklageWard), participant('GUARDIAN', id.helseklageGuardian)],
    now,
  ),
  caseRecord(
    helseklageDefinition,
    '2026/00104',
    [participant('PARTY', id.deceased, { mobile: null }), participant('BEREAVED', id.bereaved)],
    now,
  ),
  caseRecord(
    helseklageDefinition,
    '2026/00105',
    [
      participant('PARTY', id.partyOfSharedInboxLawyer),
      participant('LAWYER', id.sharedInboxLawyer, { emailIsPersonal: false }),
    ],
    now,
  ),
];
const stpkCases = [
  { ...caseRecord(stpk, '26-000201', [participant('PARTY', id.danishParty)], now) },
  {
    ...caseRecord(stpk, '23-000202', [participant('PARTY', id.danishPartyBeforeCutoff)], now),
    createdAt: '2023-11-20T09:00:00.000Z',
  },
  caseRecord(stpk, '26-000203', [participant('PARTY', id.norwegianInDanishCase)], now),
];

type Expected =
  | {
      sees: true;
      role: ParticipantRole;
      closure: string | null;
      /** May send new information. */
      sends: boolean;
      documents: 'ALL' | 'OWN';
    }
  | {
      sees: false;
      /** What the case looked up by id answers. */
      byId: string;
      /** The agency's status in the person's case list. */
      list: 'OK' | 'NOT_ELIGIBLE' | 'CONSENT_REQUIRED';
    };

interface Row {
  persona: string;
  nationalId: string;
  agency: AgencyDefinition;
  caseNumber: string;
  /** Gave consent to use the portal (at agencies that ask for it). */
  consented: boolean;
  expected: Expected;
}

const sees = (role: ParticipantRole, sends: boolean, more: Partial<Expected> = {}): Expected =>
  ({ sees: true, role, closure: null, sends, documents: 'ALL', ...more }) as Expected;
const seesNot = (byId: string, list: 'OK' | 'NOT_ELIGIBLE' | 'CONSENT_REQUIRED'): Expected => ({
  sees: false,
  byId,
  list,
});

const ROWS: Row[] = [
  ['a party on their own', id.party, npeDefinition, '2025-10001', sees('PARTY', true)],
  [
    'a party with a lawyer (NPE: own documents, read-only)',
    id.representedParty,
    npeDefinition,
    '2025-10002',
    sees('PARTY', false, { documents: 'OWN' }),
  ],
  ['the lawyer of that party', id.lawyer, npeDefinition, '2025-10002', sees('LAWYER', true)],
  [
    'a lawyer with no phone registered',
    id.lawyerWithoutPhone,
    npeDefinition,
    '2025-10003',
    sees('LAWYER', false, { closure: 'MISSING_CONTACT_INFO' }),
  ],
  [
    'a party whose case closed 120 days ago (NPE shows 90)',
    id.closedLongAgo,
    npeDefinition,
    '2024-10004',
    seesNot('NOT_FOUND', 'OK'),
  ],
  ['a ward', id.ward, npeDefinition, '2025-10005', seesNot('HAS_GUARDIAN', 'NOT_ELIGIBLE')],
  [
    'a guardian, at an agency that does not yet admit guardians',
    id.guardian,
    npeDefinition,
    '2025-10005',
    seesNot('NOT_FOUND', 'NOT_ELIGIBLE'),
  ],
  [
    'a party who has not consented',
    id.notConsented,
    npeDefinition,
    '2025-10006',
    seesNot('CONSENT_REQUIRED', 'CONSENT_REQUIRED'),
  ],
  [
    'a D-number holder',
    id.dNumberHolder,
    npeDefinition,
    '2025-10007',
    seesNot('NO_NORWEGIAN_ID', 'NOT_ELIGIBLE'),
  ],
  [
    'a party with no mobile registered',
    id.partyWithoutMobile,
    helseklageDefinition,
    '2026/00101',
    sees('PARTY', false, { closure: 'MISSING_CONTACT_INFO' }),
  ],
  [
    'a party with two lawyers (Helseklage: read-only, all documents)',
    id.partyOfTwoLawyers,
    helseklageDefinition,
    '2026/00102',
    sees('PARTY', false),
  ],
  [
    'one of two lawyers on a case',
    id.firstOfTwoLawyers,
    helseklageDefinition,
    '2026/00102',
    sees('LAWYER', false, { closure: 'TWO_LAWYERS' }),
  ],
  [
    'a ward at Helseklage',
    id.helseklageWard,
    helseklageDefinition,
    '2026/00103',
    seesNot('HAS_GUARDIAN', 'NOT_ELIGIBLE'),
  ],
  [
    'the guardian, whom Helseklage admits',
    id.helseklageGuardian,
    helseklageDefinition,
    '2026/00103',
    sees('GUARDIAN', true),
  ],
  ['a bereaved relative', id.bereaved, helseklageDefinition, '2026/00104', sees('BEREAVED', true)],
  [
    'a lawyer registered with a shared inbox',
    id.sharedInboxLawyer,
    helseklageDefinition,
    '2026/00105',
    sees('LAWYER', false, { closure: 'LAWYER_EMAIL_NOT_PERSONAL' }),
  ],
  ['a Danish party (overview only)', id.danishParty, stpk, '26-000201', sees('PARTY', false)],
  [
    'a Danish party whose case predates the overview',
    id.danishPartyBeforeCutoff,
    stpk,
    '23-000202',
    seesNot('NOT_FOUND', 'OK'),
  ],
  [
    'a Norwegian listed in a Danish case',
    id.norwegianInDanishCase,
    stpk,
    '26-000203',
    seesNot('NOT_FOUND', 'NOT_ELIGIBLE'),
  ],
].map(([persona, nationalId, agency, caseNumber, expected]) => ({
  persona: persona as string,
  nationalId: nationalId as string,
  agency: agency as AgencyDefinition,
  caseNumber: caseNumber as string,
  consented: nationalId !== id.notConsented,
  expected: expected as Expected,
}));

function loginOf(row: Row): Principal {
  // A Norwegian logs in with ID-porten wherever their case is; a Dane with MitID.
  const danishLogin = row.agency.country === 'DK' && row.nationalId !== id.norwegianInDanishCase;
  return {
    provider: danishLogin ? 'mitid' : 'idporten',
    issuer: danishLogin ? 'https://mitid.test' : 'https://idporten.test',
    country: danishLogin ? 'DK' : 'NO',
    nationalId: row.nationalId,
    assurance: 'high',
    expiresAt: Math.floor(now.getTime() / 1000) + 3600,
  };
}

const call = () => ({ signal: AbortSignal.timeout(5_000), correlationId: 'access-paths' });

describe('who may see what: one table, four paths', () => {
  let db: Database;
  let agencies: FakeAgency[];
  let registry: AgencyRegistry;
  let consents: ConsentService;
  let records: SubmissionRecords;
  let delivery: SubmissionDelivery;
  let caseEvents: CaseEvents;
  const audited: { nationalId: string; entry: AuditEntry }[] = [];

  beforeAll(async () => {
    db = await openDatabase({ url: null, schema: 'access_paths', poolMax: 1 });
    await migrate(db);
    agencies = [
      new FakeAgency(npeDefinition, npeCases),
      new FakeAgency(helseklageDefinition, helseklageCases),
      new FakeAgency(stpk, stpkCases),
    ];
    registry = new AgencyRegistry(agencies);
    consents = new ConsentService(db, SECRET);
    for (const row of ROWS) {
      const adapter = registry.get(row.agency.code);
      if (row.consented && adapter && row.agency.policy.requiresConsent)
        await consents.give(loginOf(row), adapter, false, call());
    }
    records = new SubmissionRecords(db, SECRET);
    const inbox = new NotificationInbox(db, SECRET);
    const notify = async () => 'SENT' as const;
    delivery = new SubmissionDelivery(
      records,
      registry,
      { consents, audit: new AuditLog(SECRET, db, log, 400), inbox, dispatch: { notify } },
      log,
      {
        pollMs: 60_000,
        backoffMs: 1_000,
        giveUpMs: 3_600_000,
        concurrency: 4,
        attemptTimeoutMs: 5_000,
        firstAttemptWaitMs: 5_000,
      },
    );
    caseEvents = new CaseEvents({
      bus: { publish: async () => undefined },
      secret: SECRET,
      consentService: consents,
      inbox,
      dispatch: { notify },
      viewerCache: null,
      log,
    });
  }, 30_000);

  afterAll(async () => {
    await delivery.stop();
    await db.close();
  });

  function endedTrail(write: (entries: readonly AuditEntry[]) => void): AuditTrail {
    const trail = new Gathered(write);
    trail.end();
    return trail;
  }

  /** The request of the row's persona: a Viewer over the real loaders, consents and document reads. */
  function requestOf(row: Row): ViewerRequest {
    const principal = loginOf(row);
    const viewer: Viewer = new Viewer({
      principal,
      registry,
      call: call(),
      now,
      login: { holds: async () => true, endsAt: principal.expiresAt * 1000 },
      loaders: createLoaders(registry, principal.nationalId, call(), null, log),
      consents: () =>
        consents.forViewer(
          principal,
          registry.adapters.filter((a) => viewer.asksConsent(a.definition)).map((a) => a.definition.code),
        ),
      readDocuments: () => new DocumentReads(db, SECRET).readIds(principal.nationalId),
      // A trail with no request to wait for: each read is handed over on the next turn of the loop.
      streaming: () => undefined,
      auditTrail: endedTrail((entries) =>
        audited.push(...entries.map((entry) => ({ nationalId: principal.nationalId, entry }))),
      ),
    });
    return { viewer, registry, lang: 'nb', log, maxPageSize: 100, deadlineAt: Date.now() + 5_000 };
  }

  const caseId = (row: Row) => `${row.agency.code}:${row.caseNumber}`;

  it.each(ROWS)('looked up by id: $persona', async (row) => {
    let answer: string | Expected;
    try {
      const view = await loadCase(requestOf(row), caseId(row), { explicit: true });
      answer = view
        ? {
            sees: true,
            role: view.decision.role,
            closure: view.decision.closure,
            sends: view.decision.capabilities.submitInformation,
            documents: view.decision.documentScope,
          }
        : 'NOT_FOUND';
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      answer = String(error.extensions.reason ?? error.extensions.code);
    }
    expect(answer).toEqual(row.expected.sees ? row.expected : row.expected.byId);
  });

  it.each(ROWS)('in the case list: $persona', async (row) => {
    const list = await listCases(requestOf(row), { first: 100 });
    const status = list.agencyStatuses.find((s) => s.agency.code === row.agency.code)?.status;
    const edge = list.edges.find((e) => e.node.definition.code === row.agency.code);
    if (row.expected.sees) {
      expect(status).toBe('OK');
      expect(edge?.node.record.caseNumber).toBe(row.caseNumber);
      expect({
        sees: true,
        role: edge?.node.decision.role,
        closure: edge?.node.decision.closure,
        sends: edge?.node.decision.capabilities.submitInformation,
        documents: edge?.node.decision.documentScope,
      }).toEqual(row.expected);
    } else {
      expect(status).toBe(row.expected.list);
      expect(edge).toBeUndefined();
    }
  });

  it.each(ROWS)('in the audience of an event on the case: $persona', async (row) => {
    const adapter = registry.get(row.agency.code);
    if (!adapter) throw new Error(`no agency ${row.agency.code}`);
    const published = await caseEvents.receive(
      adapter,
      randomBytes(8).toString('hex'),
      {
        kind: 'STEP_COMPLETED',
        caseNumber: row.caseNumber,
        occurredAt: now.toISOString(),
        step: null,
        documentId: null,
      },
      call(),
    );
    expect(published.audience.includes(pseudonym(SECRET, row.nationalId))).toBe(row.expected.sees);
  });

  it.each(ROWS)('sending new information, delivered later: $persona', async (row) => {
    const agency = agencies.find((a) => a.definition.code === row.agency.code);
    const principal = loginOf(row);
    const record: SubmissionRecord = {
      id: randomBytes(12).toString('base64url'),
      kind: 'INFORMATION',
      owner: records.owner(principal),
      caseId: caseId(row),
      createdAt: new Date().toISOString(),
      state: 'PENDING',
      attempts: 0,
      deliveredAt: null,
      failureReason: null,
      receipt: null,
      formId: null,
      answers: null,
      message: 'Jeg har fått en ny uttalelse fra fastlegen.',
      attachmentIds: [],
      ...senderOf(principal),
    };
    const accepted = await delivery.accept(record, {
      key: `paths-${record.id}`,
      fingerprint: records.fingerprint(record.id),
    });
    if (!accepted.created) throw new Error('the submission was not recorded');
    const settled = await delivery.deliverFirst(accepted.record);
    const mayDeliver = row.expected.sees && row.expected.sends;
    expect({ state: settled.state, reason: settled.failureReason }).toEqual(
      mayDeliver ? { state: 'DELIVERED', reason: null } : { state: 'FAILED', reason: 'NOT_ALLOWED' },
    );
    expect(agency?.calls.submitInformation.includes(record.id)).toBe(mayDeliver);
  });

  it('every case shown by id or in a list was audited for the person who saw it, and only those', async () => {
    // The trails hand their events over on the next turn of the event loop.
    await new Promise(setImmediate);
    const shown = audited.filter((a) => a.entry.action === 'READ_CASE' && a.entry.outcome === 'GRANTED');
    const seen = new Set(ROWS.filter((r) => r.expected.sees).map((r) => `${r.nationalId}|${caseId(r)}`));
    expect(new Set(shown.map((a) => `${a.nationalId}|${a.entry.caseId}`))).toEqual(seen);
  });
});
