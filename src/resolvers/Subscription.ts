import { requireViewer, type Context } from '../context.js';
import { unauthenticated } from '../errors.js';
import type { CaseEventResolvers, SubscriptionResolvers } from '../generated/graphql.js';
import type { PublishedCaseEvent } from '../events/bus.js';
import { LOGIN_ENDED } from '../events/bus.js';
import { say } from '../messages.js';
import { caseHappeningFields } from './Notification.js';

export const Subscription: SubscriptionResolvers = {
  caseEvents: {
    subscribe: (_parent, _args, context) => {
      const { caseEventBus, viewer } = requireViewer(context);
      return caseEventBus.eventsFor(viewer.principal.nationalId, viewer.login);
    },
    // The last thing a stream says when the login behind it ended: an error the client can act on.
    resolve: (event: PublishedCaseEvent | typeof LOGIN_ENDED, _args: unknown, context: Context) => {
      if (event === LOGIN_ENDED) throw unauthenticated(say(context.lang, 'LOGIN_ENDED'));
      return event;
    },
  },
};

export const CaseEvent: CaseEventResolvers = caseHappeningFields<PublishedCaseEvent>();
