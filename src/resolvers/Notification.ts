import type { AgencyDefinition, CaseEventKind } from '../agencies/kit/port.js';
import type { NotificationResolvers } from '../generated/graphql.js';
import { COMMON_LABELS, type Lang } from '../i18n.js';
import type { Context } from '../context.js';
import { say, sayMoment } from '../messages.js';
import type { InboxItem } from '../notifications/inbox.js';
import { agencyOf } from './Agency.js';

/** What happened, in the viewer's language, with the step's label where the event names one. */
export function eventMessage(
  definition: AgencyDefinition,
  event: { kind: CaseEventKind; step: string | null },
  lang: Lang,
): string {
  const step = event.step ? (definition.labels.steps[event.step]?.[lang] ?? event.step) : '';
  return COMMON_LABELS.caseEvent[event.kind][lang].replace('{step}', step);
}

/** A submission given up on, in the viewer's language: when it was sent, where to, and what to do now. */
function submissionFailedMessage(
  definition: AgencyDefinition,
  submission: NonNullable<InboxItem['submission']>,
  lang: Lang,
): string {
  const key = submission.reason === 'NOT_ALLOWED' ? 'SUBMISSION_FAILED_NOT_ALLOWED' : 'SUBMISSION_FAILED';
  return say(lang, key, {
    sentAt: sayMoment(lang, submission.sentAt, definition.country),
    agency: definition.name[lang],
  });
}

/**
 * The fields a notification and a live case event share: both are something that happened in a case, as
 * an agency reported it.
 */
export function caseHappeningFields<
  T extends { agency: string; caseNumber: string; kind: CaseEventKind; step: string | null },
>() {
  return {
    caseId: (happening: { agency: string; caseNumber: string }) =>
      `${happening.agency}:${happening.caseNumber}`,
    agency: (happening: { agency: string }, _args: unknown, context: Context) =>
      agencyOf(happening.agency, context),
    message: (happening: T, _args: unknown, context: Context) =>
      eventMessage(agencyOf(happening.agency, context), happening, context.lang),
  };
}

const { caseId, agency } = caseHappeningFields();

export const Notification: NotificationResolvers = {
  caseId,
  agency,
  message: (item, _args, context) => {
    const definition = agencyOf(item.agency, context);
    const { kind, submission } = item;
    if (kind !== 'SUBMISSION_FAILED') return eventMessage(definition, { ...item, kind }, context.lang);
    return submission ? submissionFailedMessage(definition, submission, context.lang) : '';
  },
};
