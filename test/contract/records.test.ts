/**
 * The records' contract, run against both databases the gateway keeps them in: the embedded PGlite that
 * `npm start` uses and the real PostgreSQL of production. Same SQL, same migrations, same answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyAdapter } from '../../src/agencies/port.js';
import type { Principal } from '../../src/auth/principal.js';
import { pseudonym } from '../../src/auth/pseudonym.js';
import { ConsentService } from '../../src/consent/consents.js';
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
      const consents = new ConsentService(older, SECRET);
      const given = await consents.give(person('12089400269'), agency('npe'), true, call);
      const { version: latest } = await migrate(older);
      expect(latest).toBe(LATEST_VERSION);
      expect((await consents.forViewer(person('12089400269'), ['npe'])).get('npe')).toEqual(given);
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
      });

      const given = await consents.give(kari, npe, true, call);
      expect(given).toMatchObject({ agency: 'npe', portal: true, notifications: true, withdrawnAt: null });
      const withdrawn = await consents.withdraw(kari, npe, call);
      // A withdrawal keeps when the consent was given.
      expect(withdrawn).toMatchObject({ portal: false, notifications: false, givenAt: given.givenAt });
      expect(withdrawn.withdrawnAt).not.toBeNull();
      const again = await consents.give(kari, npe, false, call);
      expect(again).toMatchObject({ portal: true, notifications: false, withdrawnAt: null });

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
});
