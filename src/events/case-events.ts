/**
 * What happens when an agency says a case changed: the safety-net copies of the case are dropped for
 * everyone on it; each person who may see the case in the portal — decided by the same policy as their
 * queries, consent included — gets a notification in the portal and, if they consented to be notified, a
 * message; and the event is published to every gateway instance for live updates, addressed to those
 * people by pseudonym.
 */
import type { FastifyBaseLogger } from 'fastify';
import { registeredParticipant } from '../access/person.js';
import type {
  AgencyAdapter,
  AgencyEvent,
  CallOptions,
  CaseRecord,
  ParticipantRecord,
  ParticipantRole,
} from '../agencies/kit/port.js';
import { pseudonym } from '../auth/pseudonym.js';
import type { ViewerCache } from '../cache/viewer-cache.js';
import type { ConsentService } from '../consent/consents.js';
import type { Lang } from '../i18n.js';
import type { NewsKind, NotificationDispatch } from '../notifications/dispatch.js';
import type { NotificationInbox } from '../notifications/inbox.js';
import type { CaseEventBus, PublishedCaseEvent } from './bus.js';

export interface CaseEventServices {
  bus: Pick<CaseEventBus, 'publish'>;
  secret: string;
  consentService: Pick<ConsentService, 'forViewer'>;
  inbox: Pick<NotificationInbox, 'record'>;
  dispatch: Pick<NotificationDispatch, 'notify'>;
  viewerCache: ViewerCache | null;
  log: FastifyBaseLogger;
}

/**
 * What an event is as news outside the portal: a decision, a document (a letter, one to comment on), a
 * step the agency tells people of (processing started); null for the rest, which stay in the portal.
 */
function newsOf(event: AgencyEvent, notifyingSteps: readonly string[]): NewsKind | null {
  if (event.kind === 'DECISION_MADE') return 'DECISION';
  if (event.kind === 'DOCUMENT_ADDED') return 'DOCUMENT';
  return event.step && notifyingSteps.includes(event.step) ? 'STEP' : null;
}

export class CaseEvents {
  constructor(private readonly services: CaseEventServices) {}

  /** Handles one verified event; agency failures propagate (the agency sends the event again). */
  async receive(
    adapter: AgencyAdapter,
    id: string,
    event: AgencyEvent,
    call: CallOptions,
  ): Promise<PublishedCaseEvent> {
    const { definition } = adapter;
    const agency = definition.code;
    const [record] = await adapter.getCases([event.caseNumber], call);
    const published: PublishedCaseEvent = { ...event, id, agency, audience: [] };
    if (!record) {
      this.services.log.warn({ agency }, 'event about a case the agency does not know; ignored');
      return published;
    }
    const people = new Map<string, ParticipantRecord>();
    for (const p of record.participants) if (!people.has(p.nationalId)) people.set(p.nationalId, p);

    // First who may see it, asked for everyone at once (reads only: an agency failure leaves nothing
    // half-recorded), then the notifications, in the participants' order.
    const now = new Date();
    const audience = await Promise.all(
      [...people.values()].map((participant) => this.#admitted(adapter, record, participant, now, call)),
    );
    for (const admitted of audience) {
      if (!admitted) continue;
      const { participant, notifications, role, lang } = admitted;
      published.audience.push(pseudonym(this.services.secret, participant.nationalId));
      await this.services.inbox.record(participant.nationalId, {
        agency,
        caseNumber: record.caseNumber,
        kind: event.kind,
        step: event.step,
        documentId: event.documentId,
        submission: null,
        occurredAt: event.occurredAt,
      });
      const news = newsOf(event, definition.notifyingSteps);
      if (notifications && news) {
        const outcome = await this.services.dispatch.notify(
          {
            nationalId: participant.nationalId,
            lawyer: role === 'LAWYER',
            mobile: participant.mobile,
            email: participant.email,
            lang,
          },
          { agency, agencyName: definition.name, country: definition.country, caseNumber: record.caseNumber },
          news,
        );
        this.services.log.info({ agency, outcome }, 'notification');
      }
    }
    await this.services.bus.publish(published);
    return published;
  }

  /**
   * Whether a participant may see the case — the same rule as their own queries, with the agency's search
   * answer for them (login rules, consent, the listing, the case itself) — and whether they consented to
   * messages; drops their safety-net copies either way.
   */
  async #admitted(
    adapter: AgencyAdapter,
    record: CaseRecord,
    participant: ParticipantRecord,
    now: Date,
    call: CallOptions,
  ): Promise<{
    participant: ParticipantRecord;
    notifications: boolean;
    role: ParticipantRole;
    lang: Lang | null;
  } | null> {
    const { definition } = adapter;
    const agency = definition.code;
    this.services.viewerCache?.forget(participant.nationalId, agency);
    const person = registeredParticipant(definition, participant, () =>
      this.services.consentService.forViewer(person.principal, [agency]),
    );
    const admission = await person.admission(
      definition,
      () => adapter.casesForPerson(participant.nationalId, call),
      now,
    );
    const access = await person.caseAccess(definition, record.caseNumber, async () => record, now, admission);
    if (!('decision' in access)) return null;
    const consent = person.asksConsent(definition) ? await person.consentAt(agency) : null;
    return {
      participant,
      notifications: consent?.notifications ?? false,
      role: access.decision.role,
      lang: consent?.language ?? null,
    };
  }
}
