/**
 * `npm run db:migrate` (in the image: `node dist/src/migrate.js`): brings the records' schema to this
 * release's version and exits — for operators who migrate before rolling out, with DATABASE_MIGRATE=off on
 * the instances. Configured by the same environment as the gateway.
 */
import { configFromEnvironment } from './main.js';
import { openDatabase } from './records/database.js';
import { migrate } from './records/migrate.js';

const { database } = configFromEnvironment();
const db = await openDatabase(database);
try {
  const { applied, version } = await migrate(db);
  const where = database.url ? `PostgreSQL, schema ${database.schema}` : 'the embedded PGlite (in memory)';
  console.log(
    applied.length
      ? `Records schema (${where}) migrated to version ${version}: applied ${applied.join(', ')}.`
      : `Records schema (${where}) is at version ${version}: nothing to do.`,
  );
} finally {
  await db.close();
}
