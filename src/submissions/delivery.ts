/**
 * Delivering submissions to the agencies, exactly once, and telling the truth about where they are.
 *
 * The outbox is the submissions table itself (records.ts): a submission is written, with its idempotency key
 * and its due time, in one INSERT before any attempt, and workers on every gateway instance claim due rows
 * with FOR UPDATE SKIP LOCKED. We chose this over a job-queue library (pg-boss, graphile-worker) because the
 * job *is* the record — there is no second row to keep in step — and because it runs unchanged on the
 * embedded PGlite that development uses, which those libraries do not support.
 *
 * - Each agency has its own slots (`concurrency`): a hanging agency holds only its own.
 * - The person's request makes the first attempt and waits for it a short part of its budget; the attempt
 *   goes on after the answer, and a gateway that dies meanwhile leaves the row to come due after its lease.
 * - The agencies treat the submission id as an idempotency key, and before trying again (or giving up) the
 *   gateway asks the agency whether it already holds the submission: an answer lost to a timeout is found,
 *   not sent twice and never called FAILED.
 * - Retries back off exponentially (at most 15 minutes apart) until the give-up horizon, in hours.
 */
import type { FastifyBaseLogger } from 'fastify';
import { Poller } from '../lifecycle/poller.js';
import { Person } from '../access/person.js';
import type { AgencyAdapter, CallOptions, ParticipantRecord } from '../agencies/kit/port.js';
import type { AgencyRegistry } from '../agencies/registry.js';
import type { AuditLog } from '../audit/audit.js';
import type { Principal } from '../auth/principal.js';
import { parseGlobalId } from '../cases/ids.js';
import { abortAfter, withinTime } from '../time-limit.js';
import type { ConsentService } from '../consent/consents.js';
import { UpstreamError } from '../errors.js';
import type { NotificationDispatch } from '../notifications/dispatch.js';
import type { NotificationInbox } from '../notifications/inbox.js';
import type {
  AttemptOutcome,
  DueSubmission,
  Idempotency,
  SubmissionRecord,
  SubmissionRecords,
} from './records.js';

export interface DeliveryOptions {
  pollMs: number;
  /** The first wait before a retry; it doubles, up to 15 minutes. */
  backoffMs: number;
  /** How long after it was sent a submission the agency cannot take is given up. */
  giveUpMs: number;
  /** Attempts in flight at once, per agency. */
  concurrency: number;
  /** Time allowed for one delivery attempt. */
  attemptTimeoutMs: number;
  /** How long the person's request waits for the first attempt before answering PENDING. */
  firstAttemptWaitMs: number;
  /** Told how each attempt ended (the metrics). */
  onAttempt?: (agency: string, outcome: AttemptOutcome) => void;
}

const MAX_BACKOFF_MS = 15 * 60_000;

/** What an attempt learnt of the sender: their login, the case's parties, and how the case lists them. */
interface Known {
  sender: Person;
  subjects: string[];
  listed?: ParticipantRecord;
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
  readonly #poller: Poller;
  /** Aborted when this instance stops with attempts still running past its time. */
  readonly #stopping = new AbortController();
  /** Attempts in flight, per agency (the request's first attempts included). */
  readonly #inFlight = new Map<string, Set<Promise<unknown>>>();

  constructor(
    private readonly records: SubmissionRecords,
    private readonly registry: AgencyRegistry,
    /** The sender's consents, the audit log and the sender's notifications, as a request would use them. */
    private readonly people: {
      consents: Pick<ConsentService, 'forViewer'>;
      audit: AuditLog;
      inbox: NotificationInbox;
      dispatch: Pick<NotificationDispatch, 'notify'>;
    },
    private readonly log: FastifyBaseLogger,
    private readonly options: DeliveryOptions,
  ) {
    this.#poller = new Poller('outbox pass', options.pollMs, () => this.deliverDue(), log);
  }

  /** How long a claimed attempt keeps others off: past the attempt's own deadline, with room to settle. */
  get #leaseMs(): number {
    return this.options.attemptTimeoutMs * 2 + 1_000;
  }

  /**
   * Records a new submission under the person's idempotency key — due once the first attempt's lease has
   * passed, so that it is delivered even if this instance dies now — or finds the one recorded before.
   */
  accept(record: SubmissionRecord, idempotency: Idempotency) {
    const now = Date.now();
    return this.records.accept(record, parseGlobalId(record.caseId)?.agency ?? '', idempotency, {
      dueAt: new Date(now + this.#leaseMs),
      giveUpAt: new Date(now + this.options.giveUpMs),
    });
  }

  /**
   * The first attempt, made for the person's request: the request waits for it at most
   * `firstAttemptWaitMs`, then answers with the submission as it stands while the attempt goes on.
   */
  async deliverFirst(record: SubmissionRecord): Promise<SubmissionRecord> {
    const attempt = this.#track(
      parseGlobalId(record.caseId)?.agency ?? '',
      this.records.claim(record.id, this.#leaseMs).then((due) => (due ? this.attempt(due) : null)),
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      attempt.catch((error: unknown) => {
        this.log.error({ submission: record.id, err: (error as Error).message }, 'first attempt failed');
        return null;
      }),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), this.options.firstAttemptWaitMs);
      }),
    ]);
    clearTimeout(timer);
    return waited ?? (await this.records.get(record.id)) ?? record;
  }

  /** One attempt at a claimed submission; it comes back DELIVERED, FAILED, or PENDING and due again. */
  async attempt({ record, giveUpAt }: DueSubmission): Promise<SubmissionRecord> {
    const target = parseGlobalId(record.caseId);
    const adapter = target && this.registry.get(target.agency);
    const form = record.kind === 'FORM';
    const supported = form
      ? typeof adapter?.submitForm === 'function'
      : typeof adapter?.submitInformation === 'function';
    if (!target || !adapter || !supported) {
      return this.#fail(record, 'NOT_SUPPORTED', 'NOT_SUPPORTED');
    }
    const limit = abortAfter(this.options.attemptTimeoutMs, this.#stopping.signal);
    const call: CallOptions = { signal: limit.signal, correlationId: `submission-${record.id}` };
    const sender = this.#person(
      { ...record.sender, nationalId: record.senderNationalId, expiresAt: 0 },
      target.agency,
    );
    let subjects: string[] = [];
    /** The sender as the case lists them (their contact details), once the case has been read. */
    let listed: ParticipantRecord | undefined;
    try {
      // An earlier attempt may have reached the agency without its answer reaching us: ask before sending.
      if (record.attempts > 1) {
        const held = await adapter.findSubmission?.(target.caseNumber, record.id, call);
        if (held)
          return this.#delivered(record, 'FOUND_AT_AGENCY', held.receipt, { sender, subjects, listed });
      }
      // The sender's rights are decided again, by the same rule as a read, on the case as it is now and
      // with their consent as it is now: nothing reaches the agency otherwise.
      const [caseRecord] = await adapter.getCases([target.caseNumber], call);
      subjects = (caseRecord?.participants ?? []).filter((p) => p.role === 'PARTY').map((p) => p.nationalId);
      listed = caseRecord?.participants.find((p) => p.nationalId === record.senderNationalId);
      const { definition } = adapter;
      const access = await sender.caseAccess(
        definition,
        target.caseNumber,
        async () => caseRecord ?? null,
        new Date(),
      );
      const allowed =
        'decision' in access &&
        sender.may(
          form ? 'case:fillForms' : 'case:submitInformation',
          { definition, decision: access.decision },
          adapter,
        );
      if (!allowed) return this.#fail(record, 'NOT_ALLOWED', 'NOT_ALLOWED', { sender, subjects, listed });
      const sent = {
        submissionId: record.id,
        senderNationalId: record.senderNationalId,
        sentAt: record.createdAt,
      };
      let receipt: string;
      if (form && adapter.submitForm) {
        ({ receipt } = await adapter.submitForm(
          target.caseNumber,
          record.formId ?? '',
          { ...sent, answers: record.answers ?? {} },
          call,
        ));
      } else if (!form && adapter.submitInformation) {
        ({ receipt } = await adapter.submitInformation(
          target.caseNumber,
          { ...sent, message: record.message, attachmentIds: record.attachmentIds },
          call,
        ));
      } else {
        return this.#fail(record, 'NOT_SUPPORTED', 'NOT_SUPPORTED');
      }
      return this.#delivered(record, 'DELIVERED', receipt, { sender, subjects, listed });
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const known = { sender, subjects, listed };
      if (permanent(error)) return this.#fail(record, 'REFUSED_BY_AGENCY', error.reason, known);
      if (Date.now() >= giveUpAt.getTime()) return this.#giveUp(record, adapter, error, known);
      return this.#retryLater(record, error);
    } finally {
      // The attempt's time limit holds its timer strongly (time-limit.ts); it goes with the attempt.
      limit.release();
    }
  }

  /** Writes how an attempt ended, and says so to whoever counts. */
  async #settle(
    record: SubmissionRecord,
    outcome: AttemptOutcome,
    change: Parameters<SubmissionRecords['settle']>[2],
  ): Promise<SubmissionRecord> {
    const settled = await this.records.settle(record, outcome, change);
    this.options.onAttempt?.(parseGlobalId(record.caseId)?.agency ?? 'unknown', outcome);
    return settled;
  }

  async #retryLater(record: SubmissionRecord, error: UpstreamError): Promise<SubmissionRecord> {
    // Cut short by this instance stopping: due again at once, for another instance to take.
    const delay = this.#stopping.signal.aborted
      ? 0
      : Math.min(this.options.backoffMs * 2 ** (record.attempts - 1), MAX_BACKOFF_MS);
    this.log.info(
      { submission: record.id, attempts: record.attempts, failure: error.failure, retryInMs: delay },
      'submission waits in the outbox',
    );
    return this.#settle(record, 'RETRY', {
      state: 'PENDING',
      failureReason: error.reason,
      dueAt: new Date(Date.now() + delay),
    });
  }

  /**
   * Past the horizon. FAILED says the agency does not hold it, so the agency is asked first; an agency that
   * cannot be asked just now keeps the submission PENDING until it can.
   */
  async #giveUp(
    record: SubmissionRecord,
    adapter: AgencyAdapter,
    error: UpstreamError,
    known: Known,
  ): Promise<SubmissionRecord> {
    const target = parseGlobalId(record.caseId);
    if (adapter.findSubmission && target) {
      // A signal of its own: the attempt's may be the very timeout that brought us here.
      let held: { receipt: string } | null;
      try {
        held = await adapter.findSubmission(target.caseNumber, record.id, {
          signal: AbortSignal.timeout(this.options.attemptTimeoutMs),
          correlationId: `submission-${record.id}`,
        });
      } catch (asking) {
        if (!(asking instanceof UpstreamError)) throw asking;
        return this.#retryLater(record, error);
      }
      if (held) return this.#delivered(record, 'FOUND_AT_AGENCY', held.receipt, known);
    }
    return this.#fail(record, 'GAVE_UP', error.reason, known);
  }

  async #delivered(
    record: SubmissionRecord,
    outcome: 'DELIVERED' | 'FOUND_AT_AGENCY',
    receipt: string,
    known: Known,
  ): Promise<SubmissionRecord> {
    const delivered = await this.#settle(record, outcome, { state: 'DELIVERED', receipt });
    this.#audit(delivered, known);
    return delivered;
  }

  async #fail(
    record: SubmissionRecord,
    outcome: 'NOT_SUPPORTED' | 'NOT_ALLOWED' | 'REFUSED_BY_AGENCY' | 'GAVE_UP',
    reason: string,
    known?: Known,
  ): Promise<SubmissionRecord> {
    const failed = await this.#settle(record, outcome, { state: 'FAILED', failureReason: reason });
    // Another attempt may have settled it meanwhile: only the one that failed it tells the sender.
    if (failed.state !== 'FAILED' || failed.attempts !== record.attempts) return failed;
    this.log.warn({ submission: record.id, outcome, reason }, 'submission failed');
    if (known) this.#audit(failed, known);
    await this.#tellSender(failed, known).catch((error: unknown) =>
      this.log.error(
        { submission: record.id, err: (error as Error).message },
        'sender not told of a failure',
      ),
    );
    return failed;
  }

  /**
   * A submission given up on is the sender's to act on: a notification in the portal saying what to do, and
   * an SMS or e-mail ("news in your case") when they consented to those and the case lists their contact.
   */
  async #tellSender(failed: SubmissionRecord, known?: Known): Promise<void> {
    const target = parseGlobalId(failed.caseId);
    const definition = target && this.registry.get(target.agency)?.definition;
    if (!target || !definition) return;
    await this.people.inbox.record(failed.senderNationalId, {
      agency: definition.code,
      caseNumber: target.caseNumber,
      kind: 'SUBMISSION_FAILED',
      step: null,
      documentId: null,
      submission: { id: failed.id, sentAt: failed.createdAt, reason: failed.failureReason ?? 'UNKNOWN' },
      occurredAt: new Date().toISOString(),
    });
    const contact = known?.listed;
    if (!known || !contact || !known.sender.asksConsent(definition)) return;
    const consent = await known.sender.consentAt(definition.code);
    if (!consent?.notifications) return;
    const outcome = await this.people.dispatch.notify(
      {
        nationalId: failed.senderNationalId,
        lawyer: contact.role === 'LAWYER',
        mobile: contact.mobile,
        email: contact.email,
        lang: consent.language,
      },
      {
        agency: definition.code,
        agencyName: definition.name,
        country: definition.country,
        caseNumber: target.caseNumber,
      },
      'SUBMISSION_FAILED',
    );
    this.log.info({ submission: failed.id, outcome }, 'sender notified of a failed submission');
  }

  /** The outcome of a delivery, for the sender: delivered, refused by the rule, or given up on. */
  #audit(record: SubmissionRecord, { sender, subjects, listed }: Known): void {
    const outcome =
      record.state === 'DELIVERED' ? 'GRANTED' : record.failureReason === 'NOT_ALLOWED' ? 'DENIED' : 'FAILED';
    this.people.audit.record(sender.principal, `submission-${record.id}`, {
      action: record.kind === 'FORM' ? 'DELIVER_FORM' : 'DELIVER_INFORMATION',
      outcome,
      object: `submission:${record.id}`,
      caseId: record.caseId,
      actorName: listed?.name ?? null,
      subjectIds: subjects,
      reason: record.state === 'DELIVERED' ? null : record.failureReason,
    });
  }

  /** The sender away from their request: their login as recorded, their consents as they are now. */
  #person(principal: Principal, agency: string): Person {
    return new Person(principal, () => this.people.consents.forViewer(principal, [agency]));
  }

  #track<T>(agency: string, attempt: Promise<T>): Promise<T> {
    let running = this.#inFlight.get(agency);
    if (!running) this.#inFlight.set(agency, (running = new Set()));
    const set = running;
    set.add(attempt);
    void attempt.finally(() => set.delete(attempt)).catch(() => undefined);
    return attempt;
  }

  /**
   * One pass of the worker: for each agency, as many due submissions as it has free slots, each attempted
   * on its own. The pass does not wait for the attempts, so a slow agency delays nobody else's.
   */
  async deliverDue(): Promise<void> {
    await Promise.all(
      this.registry.adapters.map(async ({ definition: { code } }) => {
        const free = this.options.concurrency - (this.#inFlight.get(code)?.size ?? 0);
        if (free <= 0) return;
        try {
          for (const due of await this.records.claimDue(code, free, this.#leaseMs)) {
            this.#track(code, this.attempt(due)).catch((error: unknown) =>
              this.log.error({ submission: due.record.id, err: (error as Error).message }, 'delivery failed'),
            );
          }
        } catch (error) {
          this.log.error({ agency: code, err: (error as Error).message }, 'outbox pass failed');
        }
      }),
    );
  }

  /** Every attempt in flight has ended (tests, and a clean shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#inFlight.values()].flatMap((set) => [...set]));
  }

  start(): void {
    this.#poller.start();
  }

  /**
   * Stops taking new work and waits for the attempts in flight, at most `finishWithinMs`: those still
   * running then are cut short and given back, due at once, rather than held until their lease runs out
   * (the agency treats the submission id as an idempotency key, and is asked before the next attempt).
   */
  async stop(finishWithinMs = Infinity): Promise<void> {
    await this.#poller.stop();
    await withinTime(this.settled(), finishWithinMs, () => new Error('attempts still running')).catch(() =>
      this.#stopping.abort(),
    );
    await this.settled();
  }
}
