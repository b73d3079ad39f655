/**
 * The audit log: every read of a case or of its documents, every refusal, every write — enough to answer
 * "who saw my data, when, and why". One interface, two sinks: the structured application log (always)
 * and a Redis stream (when Redis is configured). People are pseudonymised (an HMAC of the national id,
 * the same for actor and data subject, so a person's own pseudonym finds both); tokens and document
 * content are never recorded.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { pseudonym } from '../auth/pseudonym.js';
import type { Store } from '../store/index.js';

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

export const AUDIT_STREAM = 'audit';
/** How long the Redis stream keeps an entry (the application log's retention is the platform's). */
const AUDIT_RETENTION_MS = 400 * 86_400_000;

export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  object: string;
  /** The case the object belongs to (the object itself when it is a case). */
  caseId?: string | null;
  role?: string | null;
  basis?: string | null;
  /** National ids of the data subjects; pseudonymised before anything is written. */
  subjectIds?: readonly string[];
  reason?: string | null;
}

export class AuditLog {
  constructor(
    private readonly secret: string,
    private readonly store: Store | null,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Records one event for the request's actor. Never throws: a failing sink is logged, the other still holds it. */
  record(actor: Principal, correlationId: string, entry: AuditEntry): void {
    const event: AuditEvent = {
      at: new Date().toISOString(),
      correlationId,
      actor: pseudonym(this.secret, actor.nationalId),
      provider: actor.provider,
      role: entry.role ?? null,
      basis: entry.basis ?? null,
      subjects: [...new Set(entry.subjectIds ?? [])].map((id) => pseudonym(this.secret, id)),
      object: entry.object,
      caseId: entry.caseId ?? null,
      action: entry.action,
      outcome: entry.outcome,
      reason: entry.reason ?? null,
    };
    this.log.info({ audit: event }, 'audit');
    if (!this.store) return;
    const fields = Object.fromEntries(
      Object.entries(event).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]),
    );
    this.store.append(AUDIT_STREAM, fields, AUDIT_RETENTION_MS).catch((error: unknown) => {
      this.log.error(
        { err: (error as Error).message, correlationId },
        'audit event not written to the stream',
      );
    });
  }
}
