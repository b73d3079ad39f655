import { requireViewer, type Context } from '../context.js';
import { graphError, unauthenticated } from '../errors.js';
import type { CaseEventResolvers, SubscriptionResolvers } from '../generated/graphql.js';
import type { PublishedCaseEvent } from '../events/bus.js';
import { LOGIN_ENDED, SHUTTING_DOWN } from '../events/bus.js';
import { say } from '../messages.js';
import { caseHappeningFields } from './Notification.js';

export const Subscription: SubscriptionResolvers = {
  caseEvents: {
    subscribe: (_parent, _args, context) => {
      const { caseEventBus, viewer } = requireViewer(context);
      return caseEventBus.eventsFor(viewer.principal.nationalId, viewer.login);
    },
    // The last thing a stream says when the login behind it ended, or when this instance stops: an error
    // the client can act on (log in again; reconnect, which reaches another instance).
    resolve: (
      event: PublishedCaseEvent | typeof LOGIN_ENDED | typeof SHUTTING_DOWN,
      _args: unknown,
      context: Context,
    ) => {
      if (event === LOGIN_ENDED) throw unauthenticated(say(context.lang, 'LOGIN_ENDED'));
      if (event === SHUTTING_DOWN)
        throw graphError('SERVICE_UNAVAILABLE', say(context.lang, 'STORE_UNAVAILABLE'), { reconnect: true });
      return event;
    },
  },
};

export const CaseEvent: CaseEventResolvers = caseHappeningFields<PublishedCaseEvent>();
