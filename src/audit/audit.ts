/**
 * The audit log: every read of a case or of its documents, every refusal, every write — enough to answer
 * "who saw my data, when, and why", for years. Two sinks: the structured application log and the
 * append-only audit_events table in PostgreSQL (the record, written in batches). A request's events are
 * gathered in its AuditTrail and handed over once, when the request ends — one log line and one row set
 * of an INSERT however many objects it read — also when it fails or its client leaves half-way: what was
 * read is recorded. People are pseudonymised (an HMAC of the national id, the same for actor and data
 * subject, so a person's own pseudonym finds both); tokens and document content are never recorded.
 */
import type { FastifyBaseLogger } from 'fastify';
import { LRUCache } from 'lru-cache';
import { Gathered } from '../lifecycle/gathered.js';
import { Poller } from '../lifecycle/poller.js';
import { writesInfo } from '../observability/log-level.js';
import type { Principal } from '../auth/principal.js';
import { pseudonym } from '../auth/pseudonym.js';
import type { Database } from '../records/database.js';
import { Sealer } from '../store/sealed.js';

export type AuditAction =
  | 'READ_CASE'
  | 'READ_DOCUMENT_LIST'
  | 'READ_DOCUMENT'
  | 'GIVE_CONSENT'
  | 'WITHDRAW_CONSENT'
  | 'CREATE_UPLOAD'
  | 'UPLOAD_ATTACHMENT'
  | 'SUBMIT_INFORMATION'
  | 'SUBMIT_FORM'
  /** A submission's delivery to the agency (after SUBMIT_*, perhaps much later from the outbox). */
  | 'DELIVER_INFORMATION'
  | 'DELIVER_FORM';
export type AuditOutcome = 'GRANTED' | 'DENIED' | 'FAILED';

export interface AuditEvent {
  /** UTC, ISO 8601. */
  at: string;
  correlationId: string;
  actor: string;
  /** The name the case gives the actor (its registration of them), when the event concerns a case. */
  actorName: string | null;
  provider: Principal['provider'];
  /** The role the actor acted in, and what gave them that role. */
  role: string | null;
  basis: string | null;
  /** Pseudonyms of the people the data is about (a case's parties). */
  subjects: string[];
  /** What was touched: a case or document id as the graph names it, or an agency. */
  object: string;
  /** The case the object belongs to, when it belongs to one (a document, a submission, an upload). */
  caseId: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  /** Why a refusal or failure happened. */
  reason: string | null;
}

/** Events wait this long to be written together, or until a batch is full. */
const FLUSH_MS = 50;
/** Rows per INSERT: a lawyer's overview of 100 cases (200 events) is one. */
const BATCH = 2_000;
/** Events kept in memory while the database cannot take them; beyond this the application log holds them. */
const MAX_WAITING = 50_000;
const PRUNE_EVERY_MS = 3_600_000;
/** Sealed actor names remembered (the actors of the last few thousand requests). */
const SEALED_NAMES = 10_000;

export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  object: string;
  /** The case the object belongs to (the object itself when it is a case). */
  caseId?: string | null;
  role?: string | null;
  basis?: string | null;
  /** The name the case gives the actor; sealed before it is written. */
  actorName?: string | null;
  /** National ids of the data subjects; pseudonymised before anything is written. */
  subjectIds?: readonly string[];
  reason?: string | null;
}

interface Row {
  /** Only where selected (a page of a person's events). */
  id?: string;
  at: Date;
  correlation_id: string;
  actor: string;
  actor_name: string | null;
  provider: Principal['provider'];
  role: string | null;
  basis: string | null;
  subjects: string[];
  object: string;
  case_id: string | null;
  action: AuditAction;
  outcome: AuditOutcome;
  reason: string | null;
}

const COLUMNS =
  'at, correlation_id, actor, actor_name, provider, role, basis, subjects, object, case_id, action, outcome, reason';

/** One page of a person's events, newest first, and whether older ones follow. */
export interface AuditPage {
  /** Each with its place in the trail, and whether the person did it themself. */
  events: (AuditEvent & { id: string; bySubject: boolean })[];
  hasNextPage: boolean;
}

export interface AuditPageArgs {
  first: number;
  /** Only events older than this event's id (the previous page's last). */
  before?: string | null;
  caseId?: string | null;
  since?: string | null;
  /** Leaves out what the person did themself. */
  othersOnly?: boolean;
}
export class AuditLog {
  readonly #pruning: Poller;
  readonly #sealer: Sealer;
  /** Sealed actor names by actor and name: a person's name sealed once, not in every request. */
  readonly #sealedNames = new LRUCache<string, string>({ max: SEALED_NAMES });
  #waiting: AuditEvent[] = [];
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly secret: string,
    private readonly db: Database,
    private readonly log: FastifyBaseLogger,
    private readonly retentionDays: number,
  ) {
    this.#sealer = new Sealer(secret, 'audit');
    this.#pruning = new Poller(
      'audit retention',
      PRUNE_EVERY_MS,
      async () => {
        const deleted = await this.prune();
        if (deleted) this.log.info({ deleted }, 'audit events past retention deleted');
      },
      log,
      true,
    );
  }

  /** A request's trail: its events, handed over together when it ends. */
  trail(actor: Principal, correlationId: string): AuditTrail {
    return new Gathered((entries) => this.#record(actor, correlationId, entries));
  }

  /** Records one event away from any request (a submission's delivery). Never throws. */
  record(actor: Principal, correlationId: string, entry: AuditEntry): void {
    this.#record(actor, correlationId, [entry]);
  }

  /**
   * Records events of one actor and request: one application log line at once, and one set of rows for the
   * next INSERT. Never throws: the log line holds the events whatever becomes of the database.
   */
  #record(actor: Principal, correlationId: string, entries: readonly AuditEntry[]): void {
    const at = new Date().toISOString();
    const actorPseudonym = pseudonym(this.secret, actor.nationalId);
    // A person's name is sealed once and the sealed value reused (it is the same actor's either way).
    const sealedName = (name: string) => {
      const key = `${actorPseudonym}|${name}`;
      let sealed = this.#sealedNames.get(key);
      if (sealed === undefined)
        this.#sealedNames.set(key, (sealed = this.#sealer.seal(name, `actor:${actorPseudonym}`)));
      return sealed;
    };
    const recorded = entries.map((entry): AuditEvent => ({
      at,
      correlationId,
      actor: actorPseudonym,
      actorName: entry.actorName ? sealedName(entry.actorName) : null,
      provider: actor.provider,
      role: entry.role ?? null,
      basis: entry.basis ?? null,
      subjects: [...new Set(entry.subjectIds ?? [])].map((id) => pseudonym(this.secret, id)),
      object: entry.object,
      caseId: entry.caseId ?? null,
      action: entry.action,
      outcome: entry.outcome,
      reason: entry.reason ?? null,
    }));
    if (writesInfo(this.log))
      this.log.info({ audit: recorded.map((event) => ({ ...event, actorName: undefined })) }, 'audit');
    if (this.#waiting.length + recorded.length > MAX_WAITING) {
      this.log.error(
        { correlationId, events: recorded.length },
        'audit events not written to the database: too many waiting',
      );
      return;
    }
    for (const event of recorded) this.#waiting.push(event);
    if (this.#waiting.length >= BATCH) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
  }

  /**
   * Writes every event recorded so far, a batch per INSERT. A batch the database refuses stays waiting for
   * the next flush (the application log has it meanwhile); flushes run one after another.
   */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#writing = this.#writing.then(async () => {
      while (this.#waiting.length) {
        const batch = this.#waiting.splice(0, BATCH);
        try {
          await this.db.query(
            `INSERT INTO audit_events (${COLUMNS})
             SELECT (e->>'at')::timestamptz, e->>'correlationId', e->>'actor', e->>'actorName',
                    e->>'provider', e->>'role',
                    e->>'basis', ARRAY(SELECT jsonb_array_elements_text(e->'subjects')), e->>'object',
                    e->>'caseId', e->>'action', e->>'outcome', e->>'reason'
               FROM jsonb_array_elements($1::jsonb) AS e`,
            [JSON.stringify(batch)],
          );
        } catch (error) {
          this.#waiting.unshift(...batch);
          this.log.error(
            { err: (error as Error).message, waiting: this.#waiting.length },
            'audit events not written yet',
          );
          this.#timer ??= setTimeout(() => void this.flush(), 1_000).unref();
          return;
        }
      }
    });
    return this.#writing;
  }

  /** The newest events, newest first (after writing what is waiting). */
  async recent(limit: number): Promise<AuditEvent[]> {
    await this.flush();
    const rows = await this.db.query<Row>(`SELECT ${COLUMNS} FROM audit_events ORDER BY id DESC LIMIT $1`, [
      limit,
    ]);
    return rows.map((row) => this.#event(row));
  }

  /** "Who saw my data": every event by or about a person, newest first. */
  async about(nationalId: string, limit = 1_000): Promise<AuditEvent[]> {
    await this.flush();
    const person = pseudonym(this.secret, nationalId);
    const rows = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM audit_events WHERE actor = $1 OR subjects @> ARRAY[$1]
        ORDER BY id DESC LIMIT $2`,
      [person, limit],
    );
    return rows.map((row) => this.#event(row));
  }

  /** What one request (or one delivery, `submission-<id>`) did, oldest first. */
  async ofCorrelation(correlationId: string): Promise<AuditEvent[]> {
    await this.flush();
    const rows = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM audit_events WHERE correlation_id = $1 ORDER BY id`,
      [correlationId],
    );
    return rows.map((row) => this.#event(row));
  }

  /**
   * "Who has seen my data": the events about a person (they are among its subjects), newest first, a page at
   * a time — their own reads, and those of anyone acting on their cases.
   */
  async aboutSubject(nationalId: string, args: AuditPageArgs): Promise<AuditPage> {
    await this.flush();
    const person = pseudonym(this.secret, nationalId);
    const rows = await this.db.query<Row>(
      `SELECT id::text, ${COLUMNS} FROM audit_events
        WHERE subjects @> ARRAY[$1] AND ($2::bigint IS NULL OR id < $2::bigint)
          AND ($3::text IS NULL OR case_id = $3) AND ($4::timestamptz IS NULL OR at >= $4)
          AND NOT ($6::boolean AND actor = $1)
        ORDER BY id DESC LIMIT $5`,
      [
        person,
        args.before ?? null,
        args.caseId ?? null,
        args.since ?? null,
        args.first + 1,
        args.othersOnly ?? false,
      ],
    );
    return {
      events: rows
        .slice(0, args.first)
        .map((row) => ({ ...this.#event(row), id: row.id ?? '', bySubject: row.actor === person })),
      hasNextPage: rows.length > args.first,
    };
  }

  /** A row as an event, the actor's name opened. */
  #event(row: Row): AuditEvent {
    return {
      at: row.at.toISOString(),
      correlationId: row.correlation_id,
      actor: row.actor,
      actorName: row.actor_name ? this.#sealer.open(row.actor_name, `actor:${row.actor}`) : null,
      provider: row.provider,
      role: row.role,
      basis: row.basis,
      subjects: row.subjects,
      object: row.object,
      caseId: row.case_id,
      action: row.action,
      outcome: row.outcome,
      reason: row.reason,
    };
  }

  /** Deletes what is older than the retention; how many went. */
  async prune(): Promise<number> {
    const [row] = await this.db.query<{ deleted: number }>(
      `WITH gone AS (DELETE FROM audit_events WHERE at < now() - $1 * interval '1 day' RETURNING 1)
       SELECT count(*)::int AS deleted FROM gone`,
      [this.retentionDays],
    );
    return row?.deleted ?? 0;
  }

  /** Prunes now and every hour. */
  start(): void {
    this.#pruning.start();
  }

  /** Stops pruning and writes what is waiting. */
  async stop(): Promise<void> {
    await this.#pruning.stop();
    await this.flush();
  }
}

/** The events of one request, handed over together when it ends (lifecycle/gathered.ts). */
export type AuditTrail = Gathered<AuditEntry>;
