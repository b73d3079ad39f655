import { requireViewer } from '../context.js';
import type { CaseEventResolvers, SubscriptionResolvers } from '../generated/graphql.js';
import type { PublishedCaseEvent } from '../events/case-events.js';
import { caseHappeningFields } from './Notification.js';

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

export const CaseEvent: CaseEventResolvers = caseHappeningFields<PublishedCaseEvent>();
