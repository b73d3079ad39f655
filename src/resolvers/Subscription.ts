import { requireViewer } from '../context.js';
import type { CaseEventResolvers, SubscriptionResolvers } from '../generated/graphql.js';
import { agencyOf } from './Agency.js';
import { eventMessage } from './Notification.js';

export const Subscription: SubscriptionResolvers = {
  caseEvents: {
    subscribe: (_parent, _args, context) => {
      const viewer = requireViewer(context);
      const events = viewer.caseEventBus.eventsFor(viewer.principal.nationalId, viewer.stillSignedIn);
      return (async function* () {
        for await (const event of events) yield { caseEvents: event };
      })();
    },
  },
};

export const CaseEvent: CaseEventResolvers = {
  caseId: (event) => `${event.agency}:${event.caseNumber}`,
  agency: (event, _args, context) => agencyOf(event.agency, context),
  message: (event, _args, context) => eventMessage(agencyOf(event.agency, context), event, context.lang),
};
