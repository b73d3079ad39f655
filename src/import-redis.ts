/**
 * `npm run db:import-redis` (in the image: `node dist/src/import-redis.js`): moves a Redis-only
 * deployment's consents and submissions into PostgreSQL (src/records/import-redis.ts), then exits.
 * Configured by the same environment as the gateway: REDIS_URL, REDIS_KEY_PREFIX, STORE_SECRET (the one
 * the earlier release sealed with) and DATABASE_URL; the schema is brought up to date first.
 */
import { configFromEnvironment } from './main.js';
import { openDatabase } from './records/database.js';
import { importFromRedis } from './records/import-redis.js';
import { migrate } from './records/migrate.js';

const config = configFromEnvironment();
const redisUrl = config.redis?.urls[0];
if (!redisUrl) {
  console.error('db:import-redis reads from the Redis of the earlier release: set REDIS_URL.');
  process.exit(1);
}
if (!config.database.url) {
  console.error(
    'db:import-redis writes to PostgreSQL: set DATABASE_URL (the embedded PGlite keeps nothing).',
  );
  process.exit(1);
}
const db = await openDatabase(config.database);
try {
  await migrate(db);
  const report = await importFromRedis({
    redisUrl,
    keyPrefix: config.redisKeyPrefix,
    secret: config.storeSecret,
    db,
    giveUpMs: config.outbox.giveUpMs,
  });
  console.log(
    `Imported ${report.consents} consents and ${report.submissions} submissions into PostgreSQL ` +
      `(schema ${config.database.schema}); ${report.alreadyThere} were there already, ` +
      `${report.unreadable} could not be read (another STORE_SECRET?).`,
  );
} finally {
  await db.close();
}
