/**
 * The records' contract, run against both databases the gateway keeps them in: the embedded PGlite that
 * `npm start` uses and the real PostgreSQL of production. Same SQL, same migrations, same answers.
 */
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyAdapter } from '../../src/agencies/kit/port.js';
import type { Principal } from '../../src/auth/principal.js';
import { pseudonym } from '../../src/auth/pseudonym.js';
import { AuditLog } from '../../src/audit/audit.js';
import { ConsentService } from '../../src/consent/consents.js';
import { DocumentReads } from '../../src/cases/reads.js';
import { NotificationInbox } from '../../src/notifications/inbox.js';
import { SubmissionRecords, type SubmissionRecord } from '../../src/submissions/records.js';
import { openDatabase, type Database } from '../../src/records/database.js';
import { migrate } from '../../src/records/migrate.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/records/migrations.js';
import { databaseTestUrl, dropSchemas, uniqueSchema } from '../helpers/database.js';

const SECRET = 'records-contract-secret';

const person = (nationalId: string): Principal => ({
  provider: 'idporten',
  issuer: 'http://127.0.0.1/idporten',
  country: 'NO',
  nationalId,
  assurance: 'high',
  expiresAt: 0,
});

/** An agency's side of a consent: it only has to take it. */
function agency(code: string): AgencyAdapter & { told: unknown[] } {
  const told: unknown[] = [];
  return {
    told,
    definition: { code },
    recordConsent: async (nationalId: string, consent: unknown) => {
      told.push({ nationalId, consent });
    },
  } as unknown as AgencyAdapter & { told: unknown[] };
}

const call = { signal: AbortSignal.timeout(5_000), correlationId: 'records-contract' };

const DATABASES = {
  PGlite: (schema: string) => openDatabase({ url: null, schema, poolMax: 1 }),
  PostgreSQL: (schema: string) => openDatabase({ url: databaseTestUrl(), schema, poolMax: 4 }),
};

describe.each(Object.keys(DATABASES) as (keyof typeof DATABASES)[])('records on %s', (kind) => {
  const schemas: string[] = [];
  const opened: Database[] = [];

  async function fresh(): Promise<Database> {
    const schema = uniqueSchema();
    schemas.push(schema);
    const db = await DATABASES[kind](schema);
    opened.push(db);
    return db;
  }

  let db: Database;
  beforeAll(async () => {
    db = await fresh();
    await migrate(db);
  }, 30_000);

  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()));
    if (kind === 'PostgreSQL') for (const schema of schemas) await dropSchemas(schema);
  });

  it('migrates an empty database to the latest version, and a second run finds nothing to do', async () => {
    const empty = await fresh();
    const first = await migrate(empty);
    expect(first).toEqual({ applied: MIGRATIONS.map((m) => m.version), version: LATEST_VERSION });
    expect(await migrate(empty)).toEqual({ applied: [], version: LATEST_VERSION });
    const rows = await empty.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))(
    'migrates up from the schema of version %i, keeping what it holds',
    async (version) => {
      const older = await fresh();
      expect(await migrate(older, version)).toMatchObject({ version });
      // A consent as that version's release wrote it (the columns every version has).
      const givenAt = new Date('2026-05-04T08:30:00.000Z');
      await older.query(
        `INSERT INTO consents (person, agency, portal, notifications, given_at, withdrawn_at, changed_at)
         VALUES ($1, 'npe', true, true, $2, NULL, $2)`,
        [pseudonym(SECRET, '12089400269'), givenAt],
      );
      const { version: latest } = await migrate(older);
      expect(latest).toBe(LATEST_VERSION);
      const consents = new ConsentService(older, SECRET);
      expect((await consents.forViewer(person('12089400269'), ['npe'])).get('npe')).toEqual({
        agency: 'npe',
        portal: true,
        notifications: true,
        givenAt: givenAt.toISOString(),
        withdrawnAt: null,
        language: null,
      });
    },
  );

  it('applies a migration that fails not at all: the schema stays at the version it had', async () => {
    const half = await fresh();
    await migrate(half);
    const broken = {
      version: LATEST_VERSION + 1,
      name: 'fails half-way',
      statements: ['CREATE TABLE half_done (id int)', 'SELECT no_such_function()'],
    };
    await expect(migrate(half, broken.version, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_function/);
    expect(await half.query("SELECT to_regclass('half_done') AS found")).toEqual([{ found: null }]);
    expect(await migrate(half)).toEqual({ applied: [], version: LATEST_VERSION });
  });

  describe('consents', () => {
    it('are none until given; given, withdrawn and given again, with every change in the history', async () => {
      const consents = new ConsentService(db, SECRET);
      const kari = person('12089400269');
      const npe = agency('npe');
      expect((await consents.forViewer(kari, ['npe', 'helseklage'])).get('npe')).toEqual({
        agency: 'npe',
        portal: false,
        notifications: false,
        givenAt: null,
        withdrawnAt: null,
        language: null,
      });

      const given = await consents.give(kari, npe, true, call, 'nn');
      // The language they consented in stays until they consent in another.
      expect(given.language).toBe('nn');
      expect(given).toMatchObject({ agency: 'npe', portal: true, notifications: true, withdrawnAt: null });
      const withdrawn = await consents.withdraw(kari, npe, call);
      // A withdrawal keeps when the consent was given.
      expect(withdrawn).toMatchObject({ portal: false, notifications: false, givenAt: given.givenAt });
      expect(withdrawn.withdrawnAt).not.toBeNull();
      const again = await consents.give(kari, npe, false, call);
      expect(again).toMatchObject({ portal: true, notifications: false, withdrawnAt: null, language: 'nn' });

      expect(npe.told).toHaveLength(3);
      const history = await consents.history(kari);
      expect(history.map((c) => [c.agency, c.change, c.notifications, c.login])).toEqual([
        ['npe', 'GIVEN', true, 'idporten/high'],
        ['npe', 'WITHDRAWN', false, 'idporten/high'],
        ['npe', 'GIVEN', false, 'idporten/high'],
      ]);
      expect(history[0]?.at).toBe(given.givenAt);
      expect((await consents.forViewer(kari, ['npe'])).get('npe')).toEqual(again);
    });

    it('name people by pseudonym only: no national id anywhere in the records', async () => {
      const consents = new ConsentService(db, SECRET);
      await consents.give(person('31129956715'), agency('helseklage'), true, call);
      const rows = await db.query<{ person: string }>(
        "SELECT person FROM consents WHERE agency = 'helseklage'",
      );
      expect(rows.map((r) => r.person)).toContain(pseudonym(SECRET, '31129956715'));
      const everything = JSON.stringify([
        await db.query('SELECT * FROM consents'),
        await db.query('SELECT * FROM consent_changes'),
      ]);
      expect(everything).not.toContain('31129956715');
    });

    it('keep people apart, and concurrent changes by many people all land', async () => {
      const consents = new ConsentService(db, SECRET);
      const people = Array.from({ length: 20 }, (_, i) => person(`0101900${String(i).padStart(4, '0')}`));
      await Promise.all(people.map((p, i) => consents.give(p, agency('npe'), i % 2 === 0, call)));
      for (const [i, p] of people.entries()) {
        const consent = (await consents.forViewer(p, ['npe'])).get('npe');
        expect(consent).toMatchObject({ portal: true, notifications: i % 2 === 0 });
      }
    });

    it('keep the history append-only: a change to it is refused by the database', async () => {
      const consents = new ConsentService(db, SECRET);
      await consents.give(person('24057800591'), agency('npe'), true, call);
      await expect(db.query("UPDATE consent_changes SET change = 'WITHDRAWN'")).rejects.toThrow(
        /append-only/,
      );
    });
  });

  describe('submissions', () => {
    const kari = person('12089400269');
    let records: SubmissionRecords;
    beforeAll(() => {
      records = new SubmissionRecords(db, SECRET);
    });

    const draft = (id: string, message = 'Journalen fra legevakten er vedlagt.'): SubmissionRecord => ({
      id,
      kind: 'INFORMATION',
      formId: null,
      answers: null,
      owner: records.owner(kari),
      caseId: 'npe:2025-00017',
      message,
      attachmentIds: ['vedlegg-1'],
      senderNationalId: kari.nationalId,
      sender: { provider: 'idporten', issuer: kari.issuer, country: 'NO', assurance: 'high' },
      createdAt: new Date().toISOString(),
      state: 'PENDING',
      attempts: 0,
      deliveredAt: null,
      failureReason: null,
      receipt: null,
    });
    const soon = () => ({ dueAt: new Date(Date.now() - 1), giveUpAt: new Date(Date.now() + 3_600_000) });
    const unique = () => `${kind}-${Math.random().toString(36).slice(2)}`;
    /** A fresh idempotency key, and the fingerprint of the request it came with. */
    const keyFor = (request: unknown = unique()) => ({
      key: unique(),
      fingerprint: records.fingerprint(request),
    });

    it('are written once per idempotency key: a second accept finds the first, with its fingerprint, and writes nothing', async () => {
      const idempotency = keyFor({ message: 'Journalen fra legevakten er vedlagt.' });
      const first = await records.accept(draft(unique()), 'npe', idempotency, soon());
      const second = await records.accept(
        draft(unique(), 'Noe annet.'),
        'npe',
        { key: idempotency.key, fingerprint: records.fingerprint({ message: 'Noe annet.' }) },
        soon(),
      );
      expect(first.created).toBe(true);
      expect(second).toMatchObject({
        created: false,
        record: { id: first.record.id, message: 'Journalen fra legevakten er vedlagt.' },
        fingerprint: idempotency.fingerprint,
      });
      expect(await records.byKey(records.owner(kari), idempotency.key)).toMatchObject({
        record: { id: first.record.id },
        fingerprint: idempotency.fingerprint,
      });
      expect(await records.byKey(records.owner(person('31129956715')), idempotency.key)).toBeNull();
      const [{ count } = { count: -1 }] = await db.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM submissions WHERE idempotency_key = $1',
        [idempotency.key],
      );
      expect(count).toBe(1);
    });

    it('fingerprint a request by what was sent, keyed: the same request alike, any change not', () => {
      const request = { caseId: 'npe:2025-00017', message: 'Hei', uploadIds: ['a'] };
      expect(records.fingerprint(request)).toBe(records.fingerprint({ ...request }));
      expect(records.fingerprint(request)).not.toBe(records.fingerprint({ ...request, uploadIds: [] }));
      expect(new SubmissionRecords(db, `${SECRET}-other`).fingerprint(request)).not.toBe(
        records.fingerprint(request),
      );
    });

    it('keep what the person wrote sealed: neither the message nor the national id is in the row', async () => {
      const id = unique();
      await records.accept(draft(id, 'Smertene kom tilbake etter operasjonen.'), 'npe', keyFor(), soon());
      const [row] = await db.query('SELECT * FROM submissions WHERE id = $1', [id]);
      expect(JSON.stringify(row)).not.toMatch(/Smertene|12089400269|vedlegg-1/);
      expect((await records.get(id))?.message).toBe('Smertene kom tilbake etter operasjonen.');
    });

    it('are claimed per agency, each by one worker only, and not again until the lease has passed', async () => {
      const agency = unique();
      const ids = Array.from({ length: 10 }, () => unique());
      for (const id of ids) await records.accept(draft(id), agency, keyFor(), soon());
      await records.accept(draft(unique()), 'other-agency', keyFor(), soon());
      const claims = await Promise.all(Array.from({ length: 4 }, () => records.claimDue(agency, 4, 60_000)));
      const claimed = claims.flat().map((d) => d.record.id);
      expect(claimed.sort()).toEqual([...ids].sort());
      expect(claims.flat().every((d) => d.record.attempts === 1)).toBe(true);
      expect(await records.claimDue(agency, 10, 60_000)).toEqual([]);
    });

    it('settle once: a late outcome never undoes a delivery, and every attempt is kept', async () => {
      const id = unique();
      await records.accept(draft(id), 'npe', keyFor(), soon());
      const first = await records.claim(id, 60_000);
      if (!first) throw new Error('not claimed');
      const retry = await records.settle(first.record, 'RETRY', {
        state: 'PENDING',
        failureReason: 'UPSTREAM_TIMEOUT',
        dueAt: new Date(Date.now() - 1),
      });
      expect(retry).toMatchObject({ state: 'PENDING', failureReason: 'UPSTREAM_TIMEOUT', attempts: 1 });
      const second = await records.claim(id, 60_000);
      if (!second) throw new Error('not claimed again');
      const delivered = await records.settle(second.record, 'FOUND_AT_AGENCY', {
        state: 'DELIVERED',
        receipt: 'kvittering-1',
      });
      expect(delivered).toMatchObject({ state: 'DELIVERED', receipt: 'kvittering-1', failureReason: null });
      expect(delivered.deliveredAt).not.toBeNull();
      const late = await records.settle(second.record, 'GAVE_UP', { state: 'FAILED', failureReason: 'LATE' });
      expect(late).toMatchObject({ state: 'DELIVERED', receipt: 'kvittering-1' });
      expect(await records.attemptsOf(id)).toEqual([
        { attempt: 1, outcome: 'RETRY', failure: 'UPSTREAM_TIMEOUT' },
        { attempt: 2, outcome: 'FOUND_AT_AGENCY', failure: null },
      ]);
      expect(await records.claim(id, 60_000)).toBeNull();
    });

    it('list a person’s submissions in a case, oldest first, and nobody else’s', async () => {
      const caseId = `npe:${unique()}`;
      const mine = [unique(), unique()];
      for (const [i, id] of mine.entries()) {
        const createdAt = new Date(Date.now() + i).toISOString();
        await records.accept({ ...draft(id), caseId, createdAt }, 'npe', keyFor(), soon());
      }
      const other = person('31129956715');
      await records.accept(
        { ...draft(unique()), caseId, owner: records.owner(other), senderNationalId: other.nationalId },
        'npe',
        keyFor(),
        soon(),
      );
      expect((await records.forCase(kari, caseId)).map((r) => r.id)).toEqual(mine);
    });
  });
  describe('the notification inbox', () => {
    let inbox: NotificationInbox;
    beforeAll(() => {
      inbox = new NotificationInbox(db, SECRET);
    });
    let n = 0;
    const happened = (agencyCode: string, caseNumber: string) => ({
      agency: agencyCode,
      caseNumber,
      kind: 'STEP_COMPLETED' as const,
      step: 'SAKSBEHANDLING',
      documentId: null,
      submission: null,
      occurredAt: new Date(Date.now() - 60_000 + ++n).toISOString(),
    });

    it('shows a person their notifications newest first, from the agencies shown, and marks only their own read', async () => {
      const nora = `0101${Math.floor(Math.random() * 1e7)}`;
      const other = `0202${Math.floor(Math.random() * 1e7)}`;
      const first = await inbox.record(nora, happened('npe', '2025-00017'));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const failed = await inbox.record(nora, {
        ...happened('helseklage', '2026/00355'),
        kind: 'SUBMISSION_FAILED',
        step: null,
        submission: { id: 'sub-1', sentAt: new Date().toISOString(), reason: 'UPSTREAM_TIMEOUT' },
      });
      const theirs = await inbox.record(other, happened('npe', '2025-00099'));
      const view = await inbox.view(nora);
      expect(view.items.map((i) => i.id)).toEqual([failed.id, first.id]);
      expect(view.items[0]).toMatchObject({
        kind: 'SUBMISSION_FAILED',
        caseNumber: '2026/00355',
        read: false,
      });
      expect(view.items[0]?.submission).toMatchObject({ id: 'sub-1', reason: 'UPSTREAM_TIMEOUT' });
      expect((await inbox.view(nora, (a) => a === 'npe')).items.map((i) => i.id)).toEqual([first.id]);
      // Her "mark read" of someone else's notification changes nothing.
      const after = await inbox.markRead(nora, [first.id, theirs.id]);
      expect(after).toMatchObject({ unreadCount: 1 });
      expect((await inbox.view(other)).unreadCount).toBe(1);
      expect((await inbox.markRead(nora, 'ALL')).unreadCount).toBe(0);
      // Named by pseudonym only, the case sealed.
      const rows = await db.query('SELECT * FROM notifications WHERE id = ANY($1)', [[first.id, failed.id]]);
      expect(rows).toHaveLength(2);
      expect(JSON.stringify(rows)).not.toContain(nora);
      expect(JSON.stringify(rows)).not.toMatch(/2025-00017|2026\/00355|SAKSBEHANDLING/);
    });

    it('keeps the newest 200 of a person', async () => {
      const many = `0303${Math.floor(Math.random() * 1e7)}`;
      for (let i = 0; i < 205; i++)
        await inbox.record(many, happened('npe', `2025-${String(i).padStart(5, '0')}`));
      const view = await inbox.view(many);
      expect(view.items).toHaveLength(200);
      expect(view.items[0]?.caseNumber).toBe('2025-00204');
      expect(view.items.at(-1)?.caseNumber).toBe('2025-00005');
    });
  });
  describe('the audit trail', () => {
    const silent = { info: () => undefined, error: () => undefined } as unknown as FastifyBaseLogger;
    let audit: AuditLog;
    beforeAll(() => {
      audit = new AuditLog(SECRET, db, silent, 400);
    });

    it('answers "who saw my data" by the person’s pseudonym, as actor or as subject, with no national id kept', async () => {
      const kari = person('12089400269');
      const lawyer = person(`0505${Math.floor(Math.random() * 1e7)}`);
      const read = { action: 'READ_CASE', outcome: 'GRANTED', object: 'npe:2025-00017' } as const;
      for (let i = 0; i < 600; i++)
        audit.record(lawyer, `request-${i}`, { ...read, subjectIds: [kari.nationalId] });
      audit.record(kari, 'her-own', { ...read, subjectIds: [kari.nationalId] });
      const about = await audit.about(kari.nationalId, 5_000);
      expect(about.filter((e) => e.actor === pseudonym(SECRET, lawyer.nationalId))).toHaveLength(600);
      expect(about[0]).toMatchObject({
        correlationId: 'her-own',
        subjects: [pseudonym(SECRET, kari.nationalId)],
      });
      expect(await audit.ofCorrelation('request-7')).toHaveLength(1);
      const rows = await db.query('SELECT * FROM audit_events');
      expect(JSON.stringify(rows)).not.toContain(kari.nationalId);
    });

    it('refuses to change an event, and deletes only what is past the retention', async () => {
      await expect(db.query(`UPDATE audit_events SET outcome = 'DENIED'`)).rejects.toThrow(/append-only/);
      await db.query(
        `INSERT INTO audit_events (at, correlation_id, actor, provider, subjects, object, action, outcome)
         VALUES (now() - interval '401 days', 'too-old', 'x', 'idporten', '{}', 'npe:1', 'READ_CASE', 'GRANTED'),
                (now() - interval '399 days', 'old-enough', 'x', 'idporten', '{}', 'npe:1', 'READ_CASE', 'GRANTED')`,
      );
      expect(await audit.prune()).toBe(1);
      expect(await audit.ofCorrelation('too-old')).toEqual([]);
      expect(await audit.ofCorrelation('old-enough')).toHaveLength(1);
    });
  });
  describe('document read-markers', () => {
    it('remember what a person opened, for them only, naming no document', async () => {
      const reads = new DocumentReads(db, SECRET);
      const ola = `0606${Math.floor(Math.random() * 1e7)}`;
      const kari = `0707${Math.floor(Math.random() * 1e7)}`;
      await reads.markRead(ola, 'npe:DOK-2025-00017-3');
      await reads.markRead(ola, 'npe:DOK-2025-00017-3');
      await reads.markRead(ola, 'helseklage:2026/00355-d1');
      const his = await reads.readIds(ola);
      expect(his.has('npe:DOK-2025-00017-3')).toBe(true);
      expect(his.has('helseklage:2026/00355-d1')).toBe(true);
      expect(his.has('npe:DOK-2025-00017-4')).toBe(false);
      expect((await reads.readIds(kari)).has('npe:DOK-2025-00017-3')).toBe(false);
      const rows = await db.query('SELECT * FROM document_reads');
      expect(JSON.stringify(rows)).not.toMatch(/DOK-2025|00355|0606/);
      // A marker older than a year is no longer read, and goes when the person reads on.
      await db.query(`UPDATE document_reads SET read_at = now() - interval '366 days'`);
      expect((await reads.readIds(ola)).has('npe:DOK-2025-00017-3')).toBe(false);
      await reads.markRead(ola, 'npe:DOK-2025-00017-5');
      expect(await db.query('SELECT 1 FROM document_reads')).toHaveLength(1);
    });
  });
});
