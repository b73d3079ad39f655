/**
 * Brings the records' schema up to a version (the latest by default). Run at start-up, or on its own by
 * `npm run db:migrate`. Instances that start together take turns: the first applies what is missing under
 * a transaction-scoped advisory lock, the others then find nothing left to do.
 */
import type { Database } from './database.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';

export interface MigrationResult {
  /** The versions this call applied, oldest first. */
  applied: number[];
  version: number;
}

export async function migrate(
  db: Database,
  target = LATEST_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationResult> {
  return db.transaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`helseklage-graph:migrate:${db.schema}`]);
    await sql.query(`CREATE SCHEMA IF NOT EXISTS ${db.schema}`);
    await sql.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version int PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = new Set(
      (await sql.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version > target || done.has(migration.version)) continue;
      for (const statement of migration.statements) await sql.query(statement);
      await sql.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    const [current] = await sql.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    return { applied, version: current?.version ?? 0 };
  });
}
