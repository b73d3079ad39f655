/**
 * `npm run audit:subject -- <national id> [--lang nb|nn|da|en] [--out file.json]` (in the image:
 * `node dist/src/audit-subject.js …`): an access request's answer — everything the audit trail holds about
 * one person, newest first, the same entries `Viewer.accessLog` shows them — as JSON, to a file or to
 * standard output. Configured by the same environment as the gateway (DATABASE_URL, STORE_SECRET).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { accessLogOf, ACCESS_LOG_LABELS, basisLabel, roleLabel } from './audit/access-log.js';
import { AuditLog } from './audit/audit.js';
import { LANGUAGES, type Lang } from './i18n.js';
import { configFromEnvironment } from './main.js';
import { openDatabase } from './records/database.js';

const PAGE = 500;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string', default: 'en' }, out: { type: 'string' } },
});
const [nationalId] = positionals;
const lang = values.lang as Lang;
if (!nationalId || !/^\d{10,11}$/.test(nationalId) || !LANGUAGES.includes(lang)) {
  console.error(
    'Usage: npm run audit:subject -- <national id (11 digits, or a 10-digit CPR)> [--lang nb|nn|da|en] [--out file.json]',
  );
  process.exit(2);
}

const config = configFromEnvironment();
if (!config.database.url) {
  console.error(
    'DATABASE_URL is not set: the gateway is running on its embedded in-memory database, which keeps no audit trail between runs.',
  );
  process.exit(2);
}
const db = await openDatabase(config.database);
try {
  const audit = new AuditLog(config.storeSecret, db, pino({ level: 'silent' }), config.auditRetentionDays);
  const entries = [];
  let after: string | null = null;
  do {
    const page = await accessLogOf(audit, nationalId, { first: PAGE, after });
    entries.push(
      ...page.entries.map((entry) => ({
        ...entry,
        actorRoleLabel: roleLabel(entry.actorRole, lang),
        actionLabel: ACCESS_LOG_LABELS.action[entry.action][lang],
        basisLabel: basisLabel(entry.basis, lang),
      })),
    );
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
  const answer = JSON.stringify(
    {
      subject: nationalId,
      producedAt: new Date().toISOString(),
      retentionDays: config.auditRetentionDays,
      entries,
    },
    null,
    2,
  );
  if (values.out) {
    await writeFile(values.out, `${answer}\n`, { mode: 0o600 });
    console.error(`${entries.length} entries written to ${values.out}.`);
  } else console.log(answer);
} finally {
  await db.close();
}
