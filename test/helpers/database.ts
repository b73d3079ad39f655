/**
 * The PostgreSQL the tests use (global-setup.ts makes sure one answers), and a fresh schema per use, so
 * that test files and stacks running side by side never see each other's records. Every schema of a run
 * starts with the run's own prefix; the global teardown drops them all, also those of a test that died.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_DATABASE_TEST_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** How to get PostgreSQL running, for the messages of tests that need it. */
export const POSTGRES_INSTALL_HINT =
  'Start PostgreSQL (Debian/Ubuntu: pg_ctlcluster 15 main start, or apt-get install postgresql; macOS: brew services start postgresql)';

export function databaseTestUrl(): string {
  const url = process.env.DATABASE_TEST_URL;
  if (!url)
    throw new Error(
      'DATABASE_TEST_URL is not set: run the tests through vitest, whose global setup finds PostgreSQL',
    );
  return url;
}

/** A schema name no other test (or run) uses. */
export function uniqueSchema(): string {
  return `${process.env.DATABASE_TEST_RUN ?? 'test'}_${randomBytes(5).toString('hex')}`;
}

/** The environment that puts a gateway's records in their own fresh schema of the test database. */
export function databaseEnvironment(schema = uniqueSchema()): {
  DATABASE_URL: string;
  DATABASE_SCHEMA: string;
} {
  return { DATABASE_URL: databaseTestUrl(), DATABASE_SCHEMA: schema };
}

/** Runs `work` with a client of the test database (for what a test checks behind the gateway's back). */
export async function withDatabase<T>(
  work: (client: pg.Client) => Promise<T>,
  url = databaseTestUrl(),
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops the schemas whose names start with `prefix` (a schema, or a run's prefix). */
export async function dropSchemas(prefix: string, url = databaseTestUrl()): Promise<void> {
  await withDatabase(async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)`,
      [prefix],
    );
    for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  }, url);
}
