import type { AgencyDefinition, CaseEventKind } from '../agencies/port.js';
import type { NotificationResolvers } from '../generated/graphql.js';
import { COMMON_LABELS, type Lang } from '../i18n.js';
import type { Context } from '../context.js';
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

/**
 * The fields a notification and a live case event share: both are something that happened in a case, as
 * an agency reported it.
 */
export function caseHappeningFields<
  T extends { agency: string; caseNumber: string; kind: CaseEventKind; step: string | null },
>() {
  return {
    caseId: (happening: T) => `${happening.agency}:${happening.caseNumber}`,
    agency: (happening: T, _args: unknown, context: Context) => agencyOf(happening.agency, context),
    message: (happening: T, _args: unknown, context: Context) =>
      eventMessage(agencyOf(happening.agency, context), happening, context.lang),
  };
}

export const Notification: NotificationResolvers = caseHappeningFields<InboxItem>();
