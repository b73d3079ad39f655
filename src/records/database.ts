/**
 * The records' database: PostgreSQL through node-postgres when DATABASE_URL is set, else PGlite — the same
 * PostgreSQL compiled to WebAssembly, in this process and in memory — so `npm start` needs nothing
 * installed and the same SQL and migrations run in both. What must never be lost lives here (consents,
 * submissions, the audit trail); Redis keeps only what may be lost (sessions, caches, rate limits).
 */
import pg from 'pg';
import { SCHEMA_NAME, type DatabaseLocation } from '../config.js';

/** A place to run SQL: the database, or one transaction in it. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Sql {
  readonly kind: 'postgresql' | 'pglite';
  /** The schema the records live in (tests give each stack its own). */
  readonly schema: string;
  /** Runs `work` in one transaction: all of it is written, or none of it. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(
  location: DatabaseLocation,
  onError: (error: Error) => void = () => undefined,
): Promise<Database> {
  if (!SCHEMA_NAME.test(location.schema)) throw new Error(`not a schema name: ${location.schema}`);
  return location.url
    ? openPostgres(location.url, location.schema, location.poolMax, onError)
    : openPglite(location.schema);
}

function openPostgres(
  url: string,
  schema: string,
  poolMax: number,
  onError: (error: Error) => void,
): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    // A database that does not answer fails the request it serves, not the whole process.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    options: `-c search_path=${schema} -c statement_timeout=15000`,
    application_name: 'helseklage-graph',
  });
  // An idle connection the server closed (a restart, a failover) is replaced on next use.
  pool.on('error', onError);
  const run = async <Row>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]) =>
    (await client.query(text, params as unknown[])).rows as Row[];
  return {
    kind: 'postgresql',
    schema,
    query: (text, params) => run(pool, text, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (text, params) => run(client, text, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

async function openPglite(schema: string): Promise<Database> {
  // Loaded only when used: a production gateway on PostgreSQL never compiles the WebAssembly.
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  return {
    kind: 'pglite',
    schema,
    query: async (text, params) => (await db.query(text, params as unknown[])).rows as never[],
    transaction: (work) =>
      db.transaction((tx) =>
        work({ query: async (text, params) => (await tx.query(text, params as unknown[])).rows as never[] }),
      ),
    ping: async () => {
      await db.query('SELECT 1');
    },
    close: () => db.close(),
  };
}
