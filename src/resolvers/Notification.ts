import type { AgencyDefinition, CaseEventKind } from '../agencies/port.js';
import type { NotificationResolvers } from '../generated/graphql.js';
import { COMMON_LABELS, type Lang } from '../i18n.js';
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

export const Notification: NotificationResolvers = {
  caseId: (item) => `${item.agency}:${item.caseNumber}`,
  agency: (item, _args, context) => agencyOf(item.agency, context),
  message: (item, _args, context) => eventMessage(agencyOf(item.agency, context), item, context.lang),
};
