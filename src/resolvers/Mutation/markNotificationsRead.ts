import { requireViewer } from '../../context.js';
import { agenciesShown } from '../../notifications/shown.js';
import type { MutationResolvers } from '../../generated/graphql.js';
import { say } from '../../messages.js';

export const markNotificationsRead: MutationResolvers['markNotificationsRead'] = async (
  _parent,
  { input },
  context,
) => {
  const signedIn = requireViewer(context);
  const { viewer } = signedIn;
  const shows = await agenciesShown(signedIn);
  if (!input.all && !input.ids?.length) {
    return {
      unreadCount: (await signedIn.inbox.view(viewer.principal.nationalId, shows)).unreadCount,
      errors: [
        {
          code: 'BAD_USER_INPUT',
          message: say(signedIn.lang, 'NOTIFICATIONS_NONE_NAMED'),
          field: ['input', 'ids'],
        },
      ],
    };
  }
  const view = await signedIn.inbox.markRead(
    viewer.principal.nationalId,
    input.all ? 'ALL' : (input.ids ?? []).slice(0, 200),
    shows,
  );
  return { unreadCount: view.unreadCount, errors: [] };
};
