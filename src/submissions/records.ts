/**
 * Submissions in PostgreSQL. A submission is its own outbox entry: the record (the message, answers and
 * sender sealed, as they are personal data), the person's idempotency key (unique per person) and its place
 * in the delivery queue (`state`, `due_at`) are one row, written by one INSERT before any attempt. So a
 * crash at any moment leaves either nothing (the person was told nothing and tries again) or a row that
 * comes due by itself; and a retry with the same key finds that row.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { pseudonym } from '../auth/pseudonym.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../records/database.js';
import { Sealer } from '../store/sealed.js';

const sender = z.object({
  provider: z.enum(['idporten', 'mitid']),
  issuer: z.string(),
  country: z.enum(['NO', 'DK']),
  assurance: z.enum(['low', 'substantial', 'high']),
});

/** What is sealed: everything that says what the person wrote, and who they are. */
const sealedPart = z.object({
  formId: z.string().nullable().default(null),
  answers: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .nullable()
    .default(null),
  message: z.string(),
  attachmentIds: z.array(z.string()),
  senderNationalId: z.string(),
  /** The sender's login as it was, to decide their access again when delivering. */
  sender,
});

/** Who sends a submission, as kept with it: their id and their login as it was (to decide again at delivery). */
export function senderOf(principal: Principal): Pick<SubmissionRecord, 'senderNationalId' | 'sender'> {
  const { provider, issuer, country, assurance } = principal;
  return { senderNationalId: principal.nationalId, sender: { provider, issuer, country, assurance } };
}

export type SubmissionState = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface SubmissionRecord extends z.infer<typeof sealedPart> {
  id: string;
  /** New information, or a filled-in form (with the form's id in the case and the validated answers). */
  kind: 'INFORMATION' | 'FORM';
  owner: string;
  caseId: string;
  createdAt: string;
  state: SubmissionState;
  attempts: number;
  deliveredAt: string | null;
  failureReason: string | null;
  receipt: string | null;
}

/** How an attempt ended, as kept in submission_attempts. */
export type AttemptOutcome =
  | 'DELIVERED'
  | 'FOUND_AT_AGENCY'
  | 'RETRY'
  | 'REFUSED_BY_AGENCY'
  | 'NOT_ALLOWED'
  | 'NOT_SUPPORTED'
  | 'GAVE_UP';

interface Row {
  id: string;
  owner: string;
  agency: string;
  case_id: string;
  kind: SubmissionRecord['kind'];
  sealed: string;
  state: SubmissionState;
  attempts: number;
  created_at: Date;
  delivered_at: Date | null;
  failure_reason: string | null;
  receipt: string | null;
  give_up_at: Date;
  fingerprint: string;
}

/** A claimed submission, with when its delivery is given up. */
export interface DueSubmission {
  record: SubmissionRecord;
  giveUpAt: Date;
}

const COLUMNS = `id, owner, agency, case_id, kind, sealed, state, attempts, created_at, delivered_at,
  failure_reason, receipt, give_up_at, fingerprint`;

/** The person's idempotency key for a request, and the fingerprint of the request as they sent it. */
export interface Idempotency {
  key: string;
  fingerprint: string;
}

/** A submission found under a person's idempotency key, with the fingerprint of the request that made it. */
export interface KeptSubmission {
  record: SubmissionRecord;
  fingerprint: string;
}

export class SubmissionRecords {
  readonly #sealer: Sealer;

  constructor(
    private readonly db: Database,
    private readonly secret: string,
    /** Told of a row this gateway cannot open (sealed with another STORE_SECRET): it is never delivered. */
    private readonly onUnreadable: (id: string) => void = () => undefined,
  ) {
    this.#sealer = new Sealer(secret, 'submissions');
  }

  owner(principal: Principal): string {
    return pseudonym(this.secret, principal.nationalId);
  }

  /**
   * The fingerprint of a request as the person sent it (keyed, as it is made of what they wrote): a repeat
   * under the same idempotency key is answered with the first submission only when this is the same.
   */
  fingerprint(request: unknown): string {
    return createHmac('sha256', this.secret)
      .update(`submission-request|${JSON.stringify(request)}`)
      .digest('base64url');
  }

  #record(row: Row): SubmissionRecord | null {
    const sealed = this.#sealer.openJson(row.sealed, `submission:${row.id}`, sealedPart);
    if (!sealed) {
      this.onUnreadable(row.id);
      return null;
    }
    return {
      ...sealed,
      id: row.id,
      kind: row.kind,
      owner: row.owner,
      caseId: row.case_id,
      createdAt: row.created_at.toISOString(),
      state: row.state,
      attempts: row.attempts,
      deliveredAt: row.delivered_at?.toISOString() ?? null,
      failureReason: row.failure_reason,
      receipt: row.receipt,
    };
  }

  #records(rows: Row[]): SubmissionRecord[] {
    return rows.flatMap((row) => this.#record(row) ?? []);
  }

  /**
   * Records a new submission under the person's idempotency key, due for delivery at `dueAt` (the first
   * attempt runs at once; a gateway that dies before it ends leaves the row to come due then). When the key
   * was used before, nothing is written and the earlier submission is returned.
   */
  async accept(
    record: SubmissionRecord,
    agency: string,
    idempotency: Idempotency,
    times: { dueAt: Date; giveUpAt: Date },
  ): Promise<{ created: true; record: SubmissionRecord } | ({ created: false } & KeptSubmission)> {
    const { id, kind, owner, caseId, createdAt, state, attempts } = record;
    // (A new submission is PENDING with nothing delivered; one imported from an earlier release may not be.)
    const sealed = this.#sealer.sealJson(sealedPart.parse(record), `submission:${id}`);
    const [inserted] = await this.db.query<Row>(
      `INSERT INTO submissions (id, owner, idempotency_key, fingerprint, agency, case_id, kind, sealed, state,
         attempts, created_at, due_at, give_up_at, delivered_at, failure_reason, receipt)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (owner, idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        id,
        owner,
        idempotency.key,
        idempotency.fingerprint,
        agency,
        caseId,
        kind,
        sealed,
        state,
        attempts,
        createdAt,
        times.dueAt,
        times.giveUpAt,
        record.deliveredAt,
        record.failureReason,
        record.receipt,
      ],
    );
    if (inserted) return { record, created: true };
    const earlier = await this.byKey(owner, idempotency.key);
    if (!earlier) throw new Error('an idempotency key is taken by a submission that cannot be read');
    return { created: false, ...earlier };
  }

  /** The submission a person made under an idempotency key, if any. */
  async byKey(owner: string, key: string): Promise<KeptSubmission | null> {
    const [row] = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM submissions WHERE owner = $1 AND idempotency_key = $2`,
      [owner, key],
    );
    const record = row && this.#record(row);
    return record && row ? { record, fingerprint: row.fingerprint } : null;
  }

  async get(id: string): Promise<SubmissionRecord | null> {
    const [row] = await this.db.query<Row>(`SELECT ${COLUMNS} FROM submissions WHERE id = $1`, [id]);
    return row ? this.#record(row) : null;
  }

  /** The person's submissions in a case, oldest first. */
  async forCase(principal: Principal, caseId: string): Promise<SubmissionRecord[]> {
    return this.#records(
      await this.db.query<Row>(
        `SELECT ${COLUMNS} FROM submissions WHERE owner = $1 AND case_id = $2 ORDER BY created_at, id`,
        [this.owner(principal), caseId],
      ),
    );
  }

  /**
   * Claims up to `limit` of an agency's due submissions for one attempt each: their attempt count goes up
   * and they are not due again until `leaseMs` from now, so no other worker takes them meanwhile.
   */
  async claimDue(agency: string, limit: number, leaseMs: number): Promise<DueSubmission[]> {
    const rows = await this.db.query<Row>(
      `UPDATE submissions SET attempts = attempts + 1, due_at = now() + $3 * interval '1 millisecond'
        WHERE id IN (
          SELECT id FROM submissions
           WHERE state = 'PENDING' AND agency = $1 AND due_at <= now()
           ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [agency, limit, leaseMs],
    );
    return rows.flatMap((row) => {
      const record = this.#record(row);
      return record ? [{ record, giveUpAt: row.give_up_at }] : [];
    });
  }

  /** Claims one submission for its first attempt (the one the person's request makes). */
  async claim(id: string, leaseMs: number): Promise<DueSubmission | null> {
    const [row] = await this.db.query<Row>(
      `UPDATE submissions SET attempts = attempts + 1, due_at = now() + $2 * interval '1 millisecond'
        WHERE id = $1 AND state = 'PENDING' RETURNING ${COLUMNS}`,
      [id, leaseMs],
    );
    const record = row && this.#record(row);
    return record && row ? { record, giveUpAt: row.give_up_at } : null;
  }

  /**
   * Writes how an attempt ended: DELIVERED or FAILED for good, or PENDING and due again at `dueAt`. Only a
   * PENDING submission changes, so a late answer never undoes a delivery another worker recorded.
   */
  async settle(
    record: SubmissionRecord,
    outcome: AttemptOutcome,
    change:
      | { state: 'DELIVERED'; receipt: string }
      | { state: 'FAILED'; failureReason: string }
      | { state: 'PENDING'; failureReason: string; dueAt: Date },
  ): Promise<SubmissionRecord> {
    const failure = 'failureReason' in change ? change.failureReason : null;
    const rows = await this.db.transaction(async (sql) => {
      const updated = await sql.query<Row>(
        `UPDATE submissions SET state = $2, failure_reason = $3, receipt = coalesce($4, receipt),
           delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() ELSE delivered_at END,
           due_at = coalesce($5, due_at)
         WHERE id = $1 AND state = 'PENDING' RETURNING ${COLUMNS}`,
        [
          record.id,
          change.state,
          failure,
          change.state === 'DELIVERED' ? change.receipt : null,
          change.state === 'PENDING' ? change.dueAt : null,
        ],
      );
      await sql.query(
        `INSERT INTO submission_attempts (submission_id, attempt, at, outcome, failure)
         VALUES ($1, $2, now(), $3, $4) ON CONFLICT DO NOTHING`,
        [record.id, record.attempts, outcome, failure],
      );
      return updated;
    });
    const [row] = rows;
    if (row) return this.#record(row) ?? record;
    // Settled meanwhile by another attempt: that one is the truth.
    return (await this.get(record.id)) ?? record;
  }

  /** How each attempt ended, oldest first. */
  async attemptsOf(
    id: string,
  ): Promise<{ attempt: number; outcome: AttemptOutcome; failure: string | null }[]> {
    return this.db.query(
      'SELECT attempt, outcome, failure FROM submission_attempts WHERE submission_id = $1 ORDER BY attempt',
      [id],
    );
  }

  /** Submissions waiting for delivery (the outbox's depth). */
  async pendingCount(): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM submissions WHERE state = 'PENDING'",
    );
    return row?.count ?? 0;
  }
}
