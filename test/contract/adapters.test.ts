/**
 * The contract every agency adapter passes, run against each agency's mock over real sockets: the
 * port's promises (one result per key, in order, null for unknown), the agency's own listing, documents
 * with internal notes marked, labels for every code the agency uses, and failures typed as UpstreamErrors.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { documentPdf } from '../../mocks/seed/generate.js';
import { pdfChunks } from '../../mocks/seed/pdf.js';
import { awaitedForms } from '../../mocks/agencies/forms.js';
import type { MockAgency } from '../../mocks/agencies/harness.js';
import type { AgencyCode, MockCase } from '../../mocks/seed/model.js';
import { FREE_PORTS, startMockStack, type MockStack } from '../../mocks/start.js';
import type { HttpSettings } from '../../src/agencies/kit/module.js';
import type { AgencyAdapter, CallOptions } from '../../src/agencies/kit/port.js';
import { AGENCY_MODULES } from '../../src/agencies/registry.js';
import { UpstreamError } from '../../src/errors.js';
import { LANGUAGES } from '../../src/i18n.js';
import { sharedWorld } from '../helpers/stack.js';

// Timeouts well above a loaded CI machine's slowest honest answer (a batch of 60 cases while Chromium or the
// benchmark shares the cores), and below the 2 s of the TIMEOUT case below.
const HTTP: HttpSettings = {
  connections: 4,
  connectTimeoutMs: 1_500,
  headersTimeoutMs: 1_500,
  bodyTimeoutMs: 1_500,
  // The contract types each failure as the agency causes it: no breaker in between, no retries
  // (test/integration/resilience.test.ts covers those).
  resilience: { breakerFailures: 1_000, breakerOpenMs: 1_000, retryRatio: 0, retryMinimum: 0 },
};

/** How each agency is configured: its base URL variable, and a variable that carries its credential. */
const AGENCIES: Record<AgencyCode, { baseUrl: string; credential: string }> = {
  npe: { baseUrl: 'NPE_BASE_URL', credential: 'NPE_API_KEY' },
  helseklage: { baseUrl: 'HELSEKLAGE_BASE_URL', credential: 'HELSEKLAGE_PASSWORD' },
  stpk: { baseUrl: 'STPK_BASE_URL', credential: 'STPK_TOKEN' },
  patienterstatningen: { baseUrl: 'PATIENTERSTATNINGEN_BASE_URL', credential: 'PATIENTERSTATNINGEN_API_KEY' },
};

let mocks: MockStack;

beforeAll(async () => {
  mocks = await startMockStack({
    world: sharedWorld(),
    ports: FREE_PORTS,
  });
});
afterAll(async () => {
  await mocks.close();
});

function call(): CallOptions {
  return { signal: AbortSignal.timeout(10_000), correlationId: 'contract-test' };
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UpstreamError);
    return error as UpstreamError;
  }
  throw new Error('expected the adapter call to fail');
}

describe.each(Object.keys(AGENCIES) as AgencyCode[])('the %s adapter', (code) => {
  let adapter: AgencyAdapter;
  let mock: MockAgency;
  let cases: MockCase[];
  const adapters: AgencyAdapter[] = [];

  function create(env: Record<string, string> = {}): AgencyAdapter {
    const module = AGENCY_MODULES.find((m) => m.code === code);
    if (!module) throw new Error(`no module for ${code}`);
    const settings = module
      .settings(false)
      .parse({ [AGENCIES[code].baseUrl]: mocks.agencies[code].url, ...env });
    const created = module.create(settings, HTTP);
    adapters.push(created);
    return created;
  }

  beforeAll(() => {
    adapter = create();
    mock = mocks.agencies[code];
    cases = mocks.world.cases[code];
  });
  afterEach(() => mock.setFaults({}));
  afterAll(async () => {
    await Promise.all(adapters.map((a) => a.close()));
  });

  it('declares its agency: code, a name in every language, a country and an identity scheme', () => {
    expect(adapter.definition.code).toBe(code);
    for (const lang of LANGUAGES) expect(adapter.definition.name[lang]).toMatch(/\w{3}/);
    expect(['NO', 'DK']).toContain(adapter.definition.country);
  });

  it('has a label in every language for every case type, step and outcome the agency uses', () => {
    const { labels } = adapter.definition;
    const used = {
      caseTypes: new Set(cases.map((c) => c.caseType)),
      steps: new Set(cases.flatMap((c) => c.steps.map((s) => s.code))),
      outcomes: new Set(cases.flatMap((c) => (c.outcome ? [c.outcome] : []))),
    };
    for (const [table, codes] of Object.entries(used) as [keyof typeof labels, Set<string>][]) {
      for (const used of codes) {
        for (const lang of LANGUAGES)
          expect(labels[table][used]?.[lang], `${table}.${used}.${lang}`).toBeTruthy();
      }
    }
  });

  it('publishes a form catalog, every form, field and choice labelled in every language', async () => {
    const forms = await adapter.formDefinitions(call());
    expect(forms.length).toBeGreaterThan(0);
    const labels = adapter.definition.labels.forms;
    const keys = forms.flatMap((f) => [
      f.code,
      ...f.fields.flatMap((x) => [
        `${f.code}.${x.key}`,
        ...(x.options ?? []).map((o) => `${f.code}.${x.key}.${o}`),
      ]),
    ]);
    for (const k of keys)
      for (const lang of LANGUAGES) expect(labels[k]?.[lang], `${k}.${lang}`).toBeTruthy();
    // Every form a case awaits is in the catalog.
    const waiting = cases.filter((c) => awaitedForms(c).length > 0).slice(0, 20);
    const awaited = (
      await adapter.getCases(
        waiting.map((c) => c.caseNumber),
        call(),
      )
    ).flatMap((c) => c?.awaitingForms ?? []);
    expect(awaited.length).toBeGreaterThan(0);
    for (const f of awaited) expect(forms.map((d) => d.code)).toContain(f.code);
  });

  it('lists every case in which the agency lists a person, newest activity first, across search pages', async () => {
    const counts = new Map<string, number>();
    for (const c of cases)
      for (const p of c.participants) counts.set(p.nationalId, (counts.get(p.nationalId) ?? 0) + 1);
    const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (!busiest) throw new Error('no persons');
    const [nationalId, count] = busiest;
    const { cases: refs } = await adapter.casesForPerson(nationalId, call());
    const expected = cases.filter((c) => c.participants.some((p) => p.nationalId === nationalId));
    expect(refs).toHaveLength(count);
    expect(refs.map((r) => r.caseNumber).sort()).toEqual(expected.map((c) => c.caseNumber).sort());
    const times = refs.map((r) => r.updatedAt);
    expect([...times].sort().reverse()).toEqual(times);
    // What the list rules need comes with the search: the dates and the role.
    for (const ref of refs) {
      const source = expected.find((c) => c.caseNumber === ref.caseNumber);
      expect([ref.createdAt, ref.closedAt]).toEqual([source?.createdAt, source?.closedAt]);
      expect(source?.participants.some((p) => p.nationalId === nationalId && p.role === ref.role)).toBe(true);
    }
  });

  it('says whether a person is under guardianship where its portal refuses wards', async () => {
    if (!adapter.definition.policy.refuseWards) {
      // Nothing to tell: the portal's rules do not depend on it (Denmark's portals).
      expect(adapter.definition.identity).toBe('DK_CPR');
      return;
    }
    expect((await adapter.casesForPerson('30904410086', call())).underGuardianship).toBe(true);
    expect((await adapter.casesForPerson('15838510075', call())).underGuardianship).toBe(false);
  });

  it('lists nothing for a person it does not know', async () => {
    const stranger = adapter.definition.identity === 'DK_CPR' ? '6101011234' : '05827910130';
    expect((await adapter.casesForPerson(stranger, call())).cases).toEqual([]);
  });

  it('declares a coherent access policy', () => {
    const { policy } = adapter.definition;
    expect(['substantial', 'high']).toContain(policy.minimumAssurance);
    expect(policy.roles.length).toBeGreaterThan(0);
    expect(policy.roles.filter((r) => policy.rolesNotYetSupported.includes(r))).toEqual([]);
    // Whatever the viewer, opening a document implies seeing the list, and nothing is granted that the
    // adapter cannot carry out.
    for (const role of policy.roles) {
      for (const represented of [false, true]) {
        const can = policy.capabilities({ role, represented });
        if (can.readDocumentContent) expect(can.seeDocuments).toBe(true);
        if (can.submitInformation) expect('submitInformation' in adapter).toBe(true);
        if (can.fillForms) expect('submitForm' in adapter).toBe(true);
      }
    }
    // A case active today is never hidden by the list rules.
    const now = new Date();
    expect(policy.hides({ createdAt: now.toISOString(), closedAt: null }, now)).toBe(false);
  });

  it('delivers a submission once however often it is sent (the submission id is the agency’s idempotency key)', async () => {
    if (!adapter.submitInformation) {
      const { policy } = adapter.definition;
      expect(
        policy.roles.some((role) => policy.capabilities({ role, represented: false }).submitInformation),
      ).toBe(false);
      return;
    }
    const target = cases.find((c) => !c.closedAt) ?? cases[0];
    const sender = target?.participants[0]?.nationalId ?? '';
    const submission = {
      submissionId: randomUUID(),
      message: 'Kontrakttest: ny informasjon',
      attachmentIds: [],
      senderNationalId: sender,
      sentAt: new Date().toISOString(),
    };
    const first = await adapter.submitInformation(target?.caseNumber ?? '', submission, call());
    const again = await adapter.submitInformation(target?.caseNumber ?? '', submission, call());
    expect(again.receipt).toBe(first.receipt);
    expect(mock.submissions.get(submission.submissionId)).toMatchObject({
      caseNumber: target?.caseNumber,
      message: submission.message,
      sender,
      receipt: first.receipt,
      received: 2,
    });
    expect([...mock.submissions.values()].filter((s) => s.receipt === first.receipt)).toHaveLength(1);
  });

  it('finds a submission it holds by its id, with the receipt it gave, and nothing for one it does not hold', async () => {
    if (!adapter.submitInformation && !adapter.submitForm) {
      expect('findSubmission' in adapter).toBe(false);
      return;
    }
    // Every agency that takes submissions can be asked about them: the outbox relies on it.
    expect(typeof adapter.findSubmission?.bind(adapter)).toBe('function');
    expect(typeof adapter.submitInformation?.bind(adapter)).toBe('function');
    const target = cases.find((c) => !c.closedAt) ?? cases[0];
    const caseNumber = target?.caseNumber ?? '';
    const submissionId = randomUUID();
    expect(await adapter.findSubmission?.(caseNumber, submissionId, call())).toBeNull();
    const receipt = await adapter.submitInformation?.(
      caseNumber,
      {
        submissionId,
        message: 'Kontrakttest: er dette mottatt?',
        attachmentIds: [],
        senderNationalId: target?.participants[0]?.nationalId ?? '',
        sentAt: new Date().toISOString(),
      },
      call(),
    );
    expect(await adapter.findSubmission?.(caseNumber, submissionId, call())).toEqual(receipt);
    const other = cases.find((c) => c.caseNumber !== caseNumber);
    if (other) expect(await adapter.findSubmission?.(other.caseNumber, submissionId, call())).toBeNull();
  });

  it('returns one case per key, in the order asked, with null for unknown numbers — also beyond one batch', async () => {
    const known = cases.slice(0, 130).map((c) => c.caseNumber);
    const keys = [known[5], 'UNKNOWN-1', ...known, 'UNKNOWN-2'] as string[];
    const records = await adapter.getCases(keys, call());
    expect(records).toHaveLength(keys.length);
    expect(records.map((r) => r?.caseNumber ?? null)).toEqual(
      keys.map((k) => (k.startsWith('UNKNOWN') ? null : k)),
    );
    const first = records[2];
    const source = cases[0];
    expect(first?.participants.map((p) => p.nationalId).sort()).toEqual(
      source?.participants.map((p) => p.nationalId).sort(),
    );
    expect(first?.timeline.length).toBeGreaterThan(0);
  });

  it('returns documents per case in order, marking internal notes INTERNAL, and nothing for unknown numbers', async () => {
    const sample = cases.slice(0, 60);
    const keys = [...sample.map((c) => c.caseNumber), 'UNKNOWN-3'];
    const lists = await adapter.getDocuments(keys, call());
    expect(lists).toHaveLength(keys.length);
    sample.forEach((c, i) => {
      const list = lists[i] ?? [];
      expect(list.map((d) => d.id).sort()).toEqual(c.documents.map((d) => d.id).sort());
      const internal = new Set(
        c.documents.filter((d) => d.journalType === 'N' || d.journalType === 'X').map((d) => d.id),
      );
      for (const doc of list) expect(doc.direction === 'INTERNAL').toBe(internal.has(doc.id));
    });
    // An agency may not tell an unknown case from one without documents: both mean nothing to show.
    expect(lists[keys.length - 1] ?? []).toEqual([]);
  });

  it('passes a consent on to the agency where its API takes one', async () => {
    if (!adapter.recordConsent) {
      // STPK's overview asks for no consent.
      expect(adapter.definition.policy.requiresConsent).toBe(false);
      return;
    }
    expect(adapter.definition.policy.requiresConsent).toBe(true);
    const at = new Date().toISOString();
    await adapter.recordConsent('12817610070', { portal: true, notifications: false, at }, call());
    expect(mock.consents.get('12817610070')).toEqual({ portal: true, notifications: false, at });
  });

  it('streams a document’s content exactly as the agency holds it, and null for an unknown document', async () => {
    const record = cases.find((c) => c.documents.length > 0);
    const doc = record?.documents[0];
    const content = await adapter.documentContent(doc?.id ?? '', call());
    const hash = createHash('sha256');
    for await (const chunk of content?.body ?? []) hash.update(chunk as Buffer);
    const expected = createHash('sha256');
    if (record && doc) for (const chunk of pdfChunks(documentPdf(record, doc))) expected.update(chunk);
    expect(content?.contentType).toMatch(/^application\/pdf/);
    expect(content?.sizeBytes).toBe(doc?.sizeBytes);
    expect(hash.digest('hex')).toBe(expected.digest('hex'));
    expect(await adapter.documentContent('NO-SUCH-DOCUMENT', call())).toBeNull();
  });

  it('streams an attachment to a case where its API takes them, with exactly the declared length', async () => {
    if (!adapter.uploadAttachment) {
      expect('submitInformation' in adapter).toBe(false);
      return;
    }
    const bytes = Buffer.from('%PDF-1.4 contract test attachment');
    const target = cases[0]?.caseNumber ?? '';
    const meta = { filename: 'vedlegg æøå.pdf', contentType: 'application/pdf', sizeBytes: bytes.length };
    const { attachmentId } = await adapter.uploadAttachment(target, meta, Readable.from([bytes]), call());
    expect(mock.attachments.get(attachmentId)).toEqual({
      caseNumber: target,
      filename: 'vedlegg æøå.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const short = adapter.uploadAttachment(
      target,
      { ...meta, sizeBytes: bytes.length + 10 },
      Readable.from([bytes]),
      call(),
    );
    await expect(short).rejects.toBeInstanceOf(UpstreamError);
  });

  it('answers its health check', async () => {
    await expect(adapter.health(call())).resolves.toBeUndefined();
  });

  it('reads the agency’s own case events, and nothing else', async () => {
    const moving = cases.find((c) => !c.closedAt && c.steps.some((s) => s.state === 'CURRENT'));
    if (!moving) throw new Error('no case in progress');
    const current = moving.steps.find((s) => s.state === 'CURRENT')?.code;
    // Not sent anywhere: the agency's event bodies, as its dialect writes them.
    const target = mock.eventTarget;
    mock.eventTarget = null;
    const sent = await mock.advance(moving.caseNumber).finally(() => (mock.eventTarget = target));
    const [first] = sent ?? [];
    const event = adapter.parseEvent(first?.body);
    expect(event).toMatchObject({ kind: 'STEP_COMPLETED', caseNumber: moving.caseNumber, step: current });
    expect(event?.documentId).toBeNull();
    expect(Number.isNaN(Date.parse(event?.occurredAt ?? ''))).toBe(false);
    for (const body of [{}, null, 'text', { kind: 'STEP_COMPLETED', caseNumber: moving.caseNumber }])
      expect(adapter.parseEvent(body)).toBeNull();
  });

  it('rejects an answer that breaks the agency’s schema as BAD_RESPONSE', async () => {
    mock.setFaults({ malformedRate: 1 });
    expect((await failure(adapter.getCases([cases[0]?.caseNumber ?? ''], call()))).failure).toBe(
      'BAD_RESPONSE',
    );
  });

  it('types a 500 as HTTP_ERROR with its status', async () => {
    mock.setFaults({ errorRate: 1 });
    const error = await failure(adapter.casesForPerson('15838510075', call()));
    expect([error.failure, error.status]).toEqual(['HTTP_ERROR', 500]);
  });

  it('types a refused credential as HTTP_ERROR 401', async () => {
    const wrong = create({ [AGENCIES[code].credential]: 'not-the-credential' });
    const error = await failure(wrong.health(call()));
    expect([error.failure, error.status]).toEqual(['HTTP_ERROR', 401]);
  });

  it('types a cut connection as UNREACHABLE', async () => {
    mock.setFaults({ down: true });
    expect((await failure(adapter.health(call()))).failure).toBe('UNREACHABLE');
  });

  it('types an answer slower than its timeout as TIMEOUT', async () => {
    mock.setFaults({ delayMs: 2_000 });
    expect((await failure(adapter.health(call()))).failure).toBe('TIMEOUT');
  });

  it('stops when the request’s deadline passes', async () => {
    mock.setFaults({ delayMs: 300 });
    const error = await failure(
      adapter.health({ signal: AbortSignal.timeout(50), correlationId: 'deadline' }),
    );
    expect(error.failure).toBe('TIMEOUT');
  });
});
