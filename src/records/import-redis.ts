/**
 * Moving a Redis-only deployment's records into PostgreSQL (`npm run db:import-redis`): every consent as it
 * stood (with a history entry saying it was imported, and when it was given or withdrawn), and every
 * submission the store still holds with its idempotency key — pending ones are then delivered by the
 * outbox; delivered and failed ones keep the person's list of what they sent. Run it once, before or
 * while the new release starts; running it again changes nothing (what PostgreSQL already has is kept).
 * The Redis keys are left as they are: they expire by themselves.
 *
 * Limits, said plainly: a repeat (same idempotency key) of a request with attachments or of a form, sent
 * across the upgrade, no longer matches the imported fingerprint and is refused as IDEMPOTENCY_KEY_REUSED —
 * the submission itself is kept and delivered. On a Redis Cluster, run it once per primary (REDIS_URL).
 */
import { createClient } from 'redis';
import { z } from 'zod';
import { parseGlobalId } from '../cases/ids.js';
import { Sealer } from '../store/sealed.js';
import { SubmissionRecords } from '../submissions/records.js';
import type { Database } from './database.js';

export interface ImportReport {
  consents: number;
  submissions: number;
  /** Already in PostgreSQL (an earlier run, or changed since under the new release): left as they are. */
  alreadyThere: number;
  /** Sealed with another STORE_SECRET, or not in a shape any release wrote. */
  unreadable: number;
}

/** A consent as releases before PostgreSQL kept it: `consent:<person>:<agency>`. */
const redisConsent = z.object({
  portal: z.boolean(),
  notifications: z.boolean(),
  givenAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});

/** A submission as releases before PostgreSQL kept it: `submission:<id>`. */
const redisSubmission = z.object({
  id: z.string(),
  kind: z.enum(['INFORMATION', 'FORM']).default('INFORMATION'),
  formId: z.string().nullable().default(null),
  answers: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .nullable()
    .default(null),
  owner: z.string(),
  caseId: z.string(),
  message: z.string(),
  attachmentIds: z.array(z.string()),
  senderNationalId: z.string(),
  sender: z.object({
    provider: z.enum(['idporten', 'mitid']),
    issuer: z.string(),
    country: z.enum(['NO', 'DK']),
    assurance: z.enum(['low', 'substantial', 'high']),
  }),
  createdAt: z.string(),
  state: z.enum(['PENDING', 'DELIVERED', 'FAILED']),
  attempts: z.number().int(),
  deliveredAt: z.string().nullable(),
  failureReason: z.string().nullable(),
  receipt: z.string().nullable(),
});

export interface ImportOptions {
  redisUrl: string;
  keyPrefix: string;
  secret: string;
  db: Database;
  /** The outbox's horizon: an imported pending submission is given up this long after it was sent. */
  giveUpMs: number;
}

export async function importFromRedis(options: ImportOptions): Promise<ImportReport> {
  const { keyPrefix: prefix, secret, db } = options;
  const redis = createClient({ url: options.redisUrl });
  await redis.connect();
  const report: ImportReport = { consents: 0, submissions: 0, alreadyThere: 0, unreadable: 0 };
  try {
    const keys = async (pattern: string) => {
      const found: string[] = [];
      for await (const batch of redis.scanIterator({ MATCH: `${prefix}${pattern}`, COUNT: 500 })) {
        found.push(...batch);
      }
      return found.map((key) => key.slice(prefix.length));
    };

    // Consents: the current row, and history saying what was given or withdrawn when, and that it was imported.
    const consents = new Sealer(secret, 'consent', { acceptUnbound: true });
    for (const key of await keys('consent:*')) {
      const [, person, agency] = key.split(':');
      const consent = consents.openJson(await redis.get(prefix + key), key, redisConsent);
      if (!person || !agency || !consent) {
        report.unreadable++;
        continue;
      }
      const changedAt = consent.withdrawnAt ?? consent.givenAt ?? new Date().toISOString();
      const inserted = await db.transaction(async (sql) => {
        const rows = await sql.query(
          `INSERT INTO consents (person, agency, portal, notifications, given_at, withdrawn_at, changed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (person, agency) DO NOTHING RETURNING agency`,
          [
            person,
            agency,
            consent.portal,
            consent.notifications,
            consent.givenAt,
            consent.withdrawnAt,
            changedAt,
          ],
        );
        if (!rows.length) return false;
        const changes = [
          ...(consent.givenAt ? [['GIVEN', consent.notifications, consent.givenAt] as const] : []),
          ...(consent.withdrawnAt ? [['WITHDRAWN', false, consent.withdrawnAt] as const] : []),
        ];
        for (const [change, notifications, at] of changes) {
          await sql.query(
            `INSERT INTO consent_changes (person, agency, change, notifications, at, by_person, login)
             VALUES ($1, $2, $3, $4, $5, $1, 'imported-from-redis')`,
            [person, agency, change, notifications, at],
          );
        }
        return true;
      });
      if (inserted) report.consents++;
      else report.alreadyThere++;
    }

    // Submissions, under the idempotency keys their senders chose.
    const keyOf = new Map<string, string>();
    for (const key of await keys('idempotency:*')) {
      const id = await redis.get(prefix + key);
      const chosen = key.split(':')[2];
      if (id && chosen) keyOf.set(id, chosen);
    }
    const submissions = new Sealer(secret, 'submissions', { acceptUnbound: true });
    const records = new SubmissionRecords(db, secret);
    for (const key of await keys('submission:*')) {
      const record = submissions.openJson(await redis.get(prefix + key), key, redisSubmission);
      const agency = record && parseGlobalId(record.caseId)?.agency;
      if (!record || !agency || key !== `submission:${record.id}`) {
        report.unreadable++;
        continue;
      }
      const { created } = await records.accept(
        record,
        agency,
        {
          key: keyOf.get(record.id) ?? `imported-${record.id}`,
          fingerprint: records.fingerprint({
            caseId: record.caseId,
            kind: record.kind,
            message: record.message,
            uploadIds: [],
          }),
        },
        { dueAt: new Date(), giveUpAt: new Date(Date.parse(record.createdAt) + options.giveUpMs) },
      );
      if (created) report.submissions++;
      else report.alreadyThere++;
    }
  } finally {
    await redis.quit();
  }
  return report;
}
