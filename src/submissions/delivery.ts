/**
 * Delivering submissions to the agencies, exactly once. A submission is tried at once; when the agency
 * cannot take it, it waits in a durable outbox (the store's leased schedule) and a background worker tries
 * again with exponential backoff, on whichever gateway instance gets to it first. The agencies treat the
 * submission id as an idempotency key, so a retry after a crash at the wrong moment records nothing twice.
 */
import type { FastifyBaseLogger } from 'fastify';
import { decideCaseAccess } from '../access/policy.js';
import type { AuditLog } from '../audit/audit.js';
import type { ConsentService } from '../consent/consents.js';
import type { AgencyRegistry } from '../agencies/registry.js';
import type { Principal } from '../auth/principal.js';
import { parseGlobalId } from '../cases/get.js';
import { UpstreamError } from '../errors.js';
import type { Store } from '../store/index.js';
import { KEEP_MS, type SubmissionRecord, type SubmissionRecords } from './records.js';

export const OUTBOX = 'outbox:submissions';

export interface DeliveryOptions {
  pollMs: number;
  maxAttempts: number;
  backoffMs: number;
  /** Time allowed for one delivery attempt. */
  attemptTimeoutMs: number;
}

/** An agency that refuses the submission itself (4xx, not a timeout or rate limit) will refuse it again. */
function permanent(error: UpstreamError): boolean {
  return (
    error.failure === 'HTTP_ERROR' &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500 &&
    ![408, 429].includes(error.status)
  );
}

export class SubmissionDelivery {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;

  constructor(
    private readonly records: SubmissionRecords,
    private readonly store: Store,
    private readonly registry: AgencyRegistry,
    /** The sender's consents and the audit log, as a request would use them. */
    private readonly people: { consents: ConsentService; audit: AuditLog },
    private readonly log: FastifyBaseLogger,
    private readonly options: DeliveryOptions,
  ) {}

  /** One attempt; the record comes back DELIVERED, FAILED, or PENDING and in the outbox. */
  async attempt(record: SubmissionRecord): Promise<SubmissionRecord> {
    const target = parseGlobalId(record.caseId);
    const adapter = target && this.registry.get(target.agency);
    const form = record.kind === 'FORM';
    const supported = form
      ? typeof adapter?.submitForm === 'function'
      : typeof adapter?.submitInformation === 'function';
    if (!target || !adapter || !supported) {
      return this.#fail(record, 'NOT_SUPPORTED');
    }
    const attempts = record.attempts + 1;
    const call = {
      signal: AbortSignal.timeout(this.options.attemptTimeoutMs),
      correlationId: `submission-${record.id}`,
    };
    const sent = {
      submissionId: record.id,
      senderNationalId: record.senderNationalId,
      sentAt: record.createdAt,
    };
    const sender: Principal = { ...record.sender, nationalId: record.senderNationalId, expiresAt: 0 };
    let subjects: string[] = [];
    try {
      // The sender's rights are decided again, by the same rule as a read, on the case as it is now and
      // with their consent as it is now: nothing reaches the agency otherwise.
      const [caseRecord] = await adapter.getCases([target.caseNumber], call);
      subjects = (caseRecord?.participants ?? []).filter((p) => p.role === 'PARTY').map((p) => p.nationalId);
      const { definition } = adapter;
      const consented =
        !definition.policy.requiresConsent ||
        ((await this.people.consents.forViewer(sender, [definition.code])).get(definition.code)?.portal ??
          false);
      const access = decideCaseAccess(sender, definition, consented, caseRecord ?? null, new Date());
      const allowed =
        'decision' in access &&
        (form ? access.decision.capabilities.fillForms : access.decision.capabilities.submitInformation);
      if (!allowed) return this.#fail({ ...record, attempts }, 'NOT_ALLOWED', sender, subjects);
      let receipt: string;
      if (form && adapter.submitForm) {
        ({ receipt } = await adapter.submitForm(
          target.caseNumber,
          record.formId ?? '',
          { ...sent, answers: record.answers ?? {} },
          call,
        ));
      } else if (adapter.submitInformation) {
        ({ receipt } = await adapter.submitInformation(
          target.caseNumber,
          { ...sent, message: record.message, attachmentIds: record.attachmentIds },
          call,
        ));
      } else {
        return this.#fail(record, 'NOT_SUPPORTED');
      }
      const delivered = await this.records.save({
        ...record,
        attempts,
        state: 'DELIVERED',
        deliveredAt: new Date().toISOString(),
        receipt,
        failureReason: null,
      });
      await this.store.unschedule(OUTBOX, record.id);
      this.#audit(delivered, sender, subjects);
      return delivered;
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      if (permanent(error) || attempts >= this.options.maxAttempts)
        return this.#fail({ ...record, attempts }, error.reason, sender, subjects);
      const waiting = await this.records.save({
        ...record,
        attempts,
        state: 'PENDING',
        failureReason: error.reason,
      });
      const delay = Math.min(this.options.backoffMs * 2 ** (attempts - 1), 15 * 60_000);
      await this.store.schedule(OUTBOX, record.id, Date.now() + delay, KEEP_MS);
      this.log.info(
        { submission: record.id, attempts, failure: error.failure },
        'submission waits in the outbox',
      );
      return waiting;
    }
  }

  async #fail(
    record: SubmissionRecord,
    reason: string,
    sender?: Principal,
    subjects: string[] = [],
  ): Promise<SubmissionRecord> {
    const failed = await this.records.save({ ...record, state: 'FAILED', failureReason: reason });
    await this.store.unschedule(OUTBOX, record.id);
    this.log.warn({ submission: record.id, reason }, 'submission failed');
    if (sender) this.#audit(failed, sender, subjects);
    return failed;
  }

  /** The outcome of a delivery, for the sender: delivered, refused by the rule, or given up on. */
  #audit(record: SubmissionRecord, sender: Principal, subjects: string[]): void {
    const outcome =
      record.state === 'DELIVERED' ? 'GRANTED' : record.failureReason === 'NOT_ALLOWED' ? 'DENIED' : 'FAILED';
    this.people.audit.record(sender, `submission-${record.id}`, {
      action: record.kind === 'FORM' ? 'DELIVER_FORM' : 'DELIVER_INFORMATION',
      outcome,
      object: `submission:${record.id}`,
      caseId: record.caseId,
      subjectIds: subjects,
      reason: record.state === 'DELIVERED' ? null : record.failureReason,
    });
  }

  /** One pass of the worker: whatever is due, claimed under a lease longer than an attempt. */
  async deliverDue(): Promise<void> {
    const due = await this.store.claimDue(OUTBOX, Date.now(), this.options.attemptTimeoutMs * 3, 20);
    for (const id of due) {
      const record = await this.records.get(id);
      if (!record || record.state !== 'PENDING') {
        await this.store.unschedule(OUTBOX, id);
        continue;
      }
      await this.attempt(record);
    }
  }

  start(): void {
    const tick = () => {
      this.#running = this.deliverDue()
        .catch((error: unknown) => this.log.error({ err: (error as Error).message }, 'outbox pass failed'))
        .finally(() => {
          this.#running = null;
          if (this.#timer) this.#timer = setTimeout(tick, this.options.pollMs).unref();
        });
    };
    this.#timer = setTimeout(tick, this.options.pollMs).unref();
  }

  /** Stops the worker after the pass in progress; what is left stays in the outbox for the next start. */
  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}
