/**
 * Cases that move: a mock agency advances a case one step along its timeline (the dev route
 * `POST /_mock/cases/<case number>/advance`), the way a caseworker would, and tells the gateway by a signed
 * event in its own dialect. Signatures follow Standard Webhooks: `webhook-id`, `webhook-timestamp` and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under a secret shared with the gateway.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'undici';
import { mailboxDelivery, mailboxOf, slug } from '../seed/generate.js';
import type { MockCase } from '../seed/model.js';
import type { AgencyIndex } from './index.js';

export type MockEventKind = 'STEP_COMPLETED' | 'DOCUMENT_ADDED' | 'DECISION_MADE';

/** What happened, dialect-neutral; each mock renders it in its own words. */
export interface MockEvent {
  kind: MockEventKind;
  caseNumber: string;
  at: string;
  step: string | null;
  documentId: string | null;
}

/** How one agency's cases move and what it writes when they do. */
export interface CaseMovement {
  agency: MockCase['agency'];
  /** Steps whose completion is a decision. */
  decisionSteps: readonly string[];
  /** The outcome recorded when a decision is made in a case without one. */
  defaultOutcome: string;
  /** Steps that send the person a document for comment when they begin, with its title. */
  forComment: Readonly<Record<string, string>>;
  /** The decision letter's title. */
  decisionLetter: string;
}

const DAY_MS = 86_400_000;

/** Completes the case's current step and begins the next; null when the case has no step left. */
export function advanceCase(
  index: AgencyIndex,
  record: MockCase,
  movement: CaseMovement,
  now = new Date(),
): MockEvent[] | null {
  // The step under way, or the closing one a decided case waits for (closing is never under way).
  const position = record.steps.findIndex((s) => s.state !== 'COMPLETED');
  const step = record.steps[position];
  if (!step) return null;
  const at = now.toISOString();
  step.state = 'COMPLETED';
  step.completedAt = at;
  step.expectedAt = null;
  const next = record.steps[position + 1];
  if (next && position + 1 < record.steps.length - 1) next.state = 'CURRENT';
  if (!next) record.closedAt = at;
  record.updatedAt = at;
  const event = (kind: MockEventKind, documentId: string | null = null): MockEvent => ({
    kind,
    caseNumber: record.caseNumber,
    at,
    step: step.code,
    documentId,
  });
  const events = [event('STEP_COMPLETED')];

  const party = record.participants.find((p) => p.role === 'PARTY');
  const addLetter = (title: string, commentDays: number | null, toMailbox = false): string =>
    index.addDocument(record, {
      title,
      journalType: 'U',
      date: at.slice(0, 10),
      commentDeadline: commentDays
        ? new Date(now.getTime() + commentDays * DAY_MS).toISOString().slice(0, 10)
        : null,
      counterpartyId: party?.nationalId ?? null,
      fileName: `${slug(title)}.pdf`,
      digitalMailbox:
        toMailbox && party
          ? { mailbox: mailboxOf(record.agency, party.nationalId), at: mailboxDelivery(now) }
          : null,
    }).id;
  if (movement.decisionSteps.includes(step.code)) {
    record.outcome ??= movement.defaultOutcome;
    record.decidedAt = at;
    events.push(
      event('DECISION_MADE'),
      event('DOCUMENT_ADDED', addLetter(movement.decisionLetter, null, true)),
    );
  }
  const forComment = next ? movement.forComment[next.code] : undefined;
  if (forComment) events.push(event('DOCUMENT_ADDED', addLetter(forComment, 14)));
  return events;
}

/** The agency's `advance`: by case number; null when there is no such case. */
export function caseAdvancer(index: AgencyIndex, movement: CaseMovement) {
  return (caseNumber: string): MockEvent[] | null => {
    const record = index.byNumber.get(caseNumber);
    return record ? advanceCase(index, record, movement) : null;
  };
}

export interface EventTarget {
  /** Where the gateway receives this agency's events (`…/events/<agency>`). */
  url: string;
  secret: string;
}

/** The Standard Webhooks signature of one message. */
export function signEvent(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export interface SentEvent {
  id: string;
  status: number | null;
  body: unknown;
}

/**
 * Redelivery as webhook senders do it (Standard Webhooks): an event the gateway did not take — no answer,
 * 429 or 5xx — is sent again with the same id, after the answer's Retry-After (at most 30 s) or after 1, 2,
 * 4, 8 and 16 s, five times at most. Timers end when the agency closes.
 */
export class Redelivery {
  static readonly ATTEMPTS = 5;
  readonly #timers = new Set<NodeJS.Timeout>();
  /** Every attempt after the first, in order, with the gateway's answer. */
  readonly attempts: { id: string; status: number | null }[] = [];

  schedule(afterMs: number, run: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void run();
    }, afterMs);
    this.#timers.add(timer);
  }

  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}

const retryable = (status: number | null) => status === null || status === 429 || status >= 500;

/**
 * Sends one event, signed; the gateway's first answer is reported, never thrown (an agency carries on).
 * With `redelivery`, an event not taken is sent again later, in the background.
 */
export async function sendEvent(
  target: EventTarget,
  body: unknown,
  now = Date.now(),
  redelivery?: Redelivery,
): Promise<SentEvent> {
  const id = `msg_${randomUUID()}`;
  const payload = JSON.stringify(body);
  const first = await attempt(target, id, payload, now);
  const again = async (n: number, answer: Attempt): Promise<void> => {
    if (!redelivery || !retryable(answer.status) || n > Redelivery.ATTEMPTS) return;
    const waitMs =
      answer.retryAfterSeconds !== null ? Math.min(answer.retryAfterSeconds, 30) * 1000 : 2 ** (n - 1) * 1000;
    redelivery.schedule(waitMs, async () => {
      const next = await attempt(target, id, payload, Date.now());
      redelivery.attempts.push({ id, status: next.status });
      await again(n + 1, next);
    });
  };
  await again(1, first);
  return { id, status: first.status, body };
}

interface Attempt {
  status: number | null;
  retryAfterSeconds: number | null;
}

async function attempt(target: EventTarget, id: string, payload: string, now: number): Promise<Attempt> {
  const timestamp = Math.floor(now / 1000);
  try {
    const response = await request(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signEvent(target.secret, id, timestamp, payload),
      },
      body: payload,
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    await response.body.dump();
    const retryAfter = Number(response.headers['retry-after']);
    return {
      status: response.statusCode,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
    };
  } catch {
    return { status: null, retryAfterSeconds: null };
  }
}
