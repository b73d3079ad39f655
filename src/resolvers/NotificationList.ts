import type { NotificationListResolvers } from '../generated/graphql.js';

export const NotificationList: NotificationListResolvers = {
  nodes: (view) => view.items,
};
